// The web entry point (WebAssembly, emscripten): the same app as the desktop's, started with the
// browser's file layout and the browser's settings. The page (platforms/web/shell.js, pre.js) has
// mounted the persistent data folder before main() runs; the bundled packs, fonts, translations,
// support lines and cue sounds are preloaded files. The app's main loop hands itself to the
// browser (MainLoop::run), so run_app does not return.
#include <emscripten.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

#include "app/app.h"

namespace {

// Where platforms/web/CMakeLists.txt preloads the bundled files and pre.js mounts IndexedDB.
constexpr const char* kDataDir = "/data";

// What the desktop learns from its environment, asked of the browser instead, as "NAME=value"
// lines: the language (LANG, from navigator.language), light or dark (RESPITE_THEME, from
// prefers-color-scheme), the notch and home-bar insets in CSS pixels, i.e. dp
// (RESPITE_SAFE_AREA, from env(safe-area-inset-*)) and the IANA time zone (TZ; the UTC offset
// itself comes from the browser's Date, daylight saving included). The caller frees the result.
EM_JS(char*, respite_web_environment, (), {
  // Only these characters pass into the environment (no regular expressions: this is C++ source).
  var word = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  function only(text, allowed) {
    return String(text || "").split("").filter(function(c) { return allowed.indexOf(c) >= 0; }).join("");
  }
  var lines = [];
  try {
    var language = only(navigator.language, word + "-");
    if (language) lines.push("LANG=" + language.split("-").join("_") + ".UTF-8");
  } catch (e) {
  }
  try {
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    lines.push("RESPITE_THEME=" + (dark ? "dark" : "light"));
  } catch (e) {
  }
  try {
    var probe = document.createElement("div");
    probe.style.cssText = "position:fixed;visibility:hidden;padding:env(safe-area-inset-top) " +
                          "env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)";
    document.body.appendChild(probe);
    var style = getComputedStyle(probe);
    var insets = [ style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft ].map(
        function(v) { return Math.min(200, Math.max(0, parseFloat(v) || 0)).toFixed(1); });
    document.body.removeChild(probe);
    lines.push("RESPITE_SAFE_AREA=" + insets.join(","));
  } catch (e) {
  }
  try {
    var zone = only(Intl.DateTimeFormat().resolvedOptions().timeZone, word + "_+-/");
    if (zone) lines.push("TZ=" + zone);
  } catch (e) {
  }
  var text = lines.join("\n");
  var size = lengthBytesUTF8(text) + 1;
  var out = _malloc(size);
  stringToUTF8(text, out, size);
  return out;
});

EM_JS(void, respite_web_frame_presented, (const char* route), {
  if (Module["respiteFramePresented"]) Module["respiteFramePresented"](UTF8ToString(route));
});

// Hands an exported file to the person as a download: it is theirs to keep outside the browser's
// storage (docs/web.md). The export runs within the tap that asked for it, so browsers allow it.
EM_JS(void, respite_web_download, (const char* path_text), {
  var path = UTF8ToString(path_text);
  try {
    var bytes = FS.readFile(path);
    var blob = new Blob([bytes], {
      type:
        "application/json"
    });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = path.split("/").pop();
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(
        function() { URL.revokeObjectURL(url); }, 60000);
    if (window.respiteWeb) window.respiteWeb.lastDownload = link.download;
  } catch (e) {
    console.warn("respite: could not offer " + path + " as a download: " + e);
  }
});

EM_JS(void, respite_web_sync_data, (), {
  if (Module["respiteSyncData"]) Module["respiteSyncData"]("completion");
});

void set_environment_from_browser() {
  setenv("RESPITE_ASSETS_DIR", "/assets", 1);
  setenv("RESPITE_PACKS_DIR", "/content/packs", 1);
  setenv("RESPITE_SUPPORT_FILE", "/content/support/resources.json", 1);
  char* text = respite_web_environment();
  if (text == nullptr) return;
  std::istringstream lines(text);
  std::free(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t equals = line.find('=');
    if (equals != std::string::npos && equals > 0)
      setenv(line.substr(0, equals).c_str(), line.c_str() + equals + 1, 1);
  }
}

}  // namespace

int main() {
  set_environment_from_browser();
  respite::app::AppHooks hooks;
  hooks.frame_presented = [](std::uint64_t, const std::string& route) {
    respite_web_frame_presented(route.c_str());
  };
  hooks.data_committed = [] { respite_web_sync_data(); };
  hooks.data_exported = [](const std::string& path) { respite_web_download(path.c_str()); };
  return respite::app::run_app({"--data-dir", kDataDir}, std::cout, std::cerr, hooks);
}
