// The phone and tablet entry point, shared by Android and iOS: the same app as the desktop's
// (app::run_app), started with the platform's file layout. SDL.h renames main() to SDL_main() on
// both: on Android SDLActivity loads libmain.so and calls SDL_main on its own thread; on iOS
// SDL2main's main() starts UIKit and calls SDL_main. On Linux this file builds `respite-mobile`,
// the same start-up on the desktop, so that the code path is compiled and run by the tests.
//
// Files (docs/privacy.md, "Backups"):
//   <pref>/data/    profiles and progress (SDL_GetPrefPath: Android's files/ folder, iOS's
//                   Library/Application Support/Respite/respite/), kept out of cloud backups
//   <pref>/bundle/  Android only: the read-only bundle copied out of the APK (bundle.h)
#include <SDL.h>

#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>
#include <system_error>
#include <vector>

#include "app/app.h"
#include "backends/sdl/sdl_paths.h"
#include "backup.h"
#include "bundle.h"

namespace {

// Lines written to the app's out/err streams go to SDL_Log: logcat on Android, the device log on
// iOS, stderr on the desktop.
class SdlLogBuffer final : public std::streambuf {
 public:
  explicit SdlLogBuffer(SDL_LogPriority priority) : priority_(priority) {}
  ~SdlLogBuffer() override { flush_line(); }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (c == '\n') {
      flush_line();
    } else {
      line_.push_back(static_cast<char>(c));
    }
    return c;
  }

 private:
  void flush_line() {
    if (line_.empty()) return;
    SDL_LogMessage(SDL_LOG_CATEGORY_APPLICATION, priority_, "%s", line_.c_str());
    line_.clear();
  }
  SDL_LogPriority priority_;
  std::string line_;
};

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}

// Where the read-only bundle is, extracted first on Android. Empty with `error` on failure.
std::string bundle_dir(const std::string& pref, std::string& error) {
#if defined(__ANDROID__)
  // "respite/" is a folder of the APK's assets/ (platforms/android/app/build.gradle stages it).
  const std::string dest = pref + "bundle";
  if (!respite::mobile::extract_bundle("respite/", dest, error)) return {};
  return dest;
#else
  (void)pref;
  (void)error;
  // iOS: the app bundle's resources (platforms/ios/CMakeLists.txt); desktop: next to the program.
  return respite::sdl::executable_dir() + "respite";
#endif
}

}  // namespace

int main(int argc, char* argv[]) {
  SdlLogBuffer out_buffer(SDL_LOG_PRIORITY_INFO);
  SdlLogBuffer err_buffer(SDL_LOG_PRIORITY_WARN);
  std::ostream out(&out_buffer);
  std::ostream err(&err_buffer);

  // Every orientation: phones are used upright, tablets on their side (SDL locks to the window's
  // shape when this hint is empty and the window is not resizable).
  SDL_SetHint(SDL_HINT_ORIENTATIONS, "Portrait PortraitUpsideDown LandscapeLeft LandscapeRight");
  // Android's Back key arrives as SDL_SCANCODE_AC_BACK and goes back one screen (AppModel::back).
  SDL_SetHint(SDL_HINT_ANDROID_TRAP_BACK_BUTTON, "1");

  const std::string pref = with_slash(respite::sdl::user_data_dir());
  std::vector<std::string> args;
  if (pref.empty()) {
    err << "respite: there is no private folder for the app (SDL_GetPrefPath: " << SDL_GetError()
        << "); nothing will be saved\n";
  } else {
    const std::string data_dir = pref + "data";
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    std::string error;
    if (!respite::mobile::exclude_from_backup(pref, error)) err << "respite: " << error << "\n";
    args = {"--data-dir", data_dir};
  }

  std::string error;
  const std::string bundle = bundle_dir(pref, error);
  if (bundle.empty()) {
    // Before the words are loaded there is nothing to show in the person's language: log and stop.
    err << "respite: cannot unpack the app's files: " << error << "\n";
    return 1;
  }
  respite::mobile::use_bundle(bundle);

  // Android and iOS pass no arguments; the desktop check passes its own (--exit-after-frames).
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return respite::app::run_app(args, out, err);
}
