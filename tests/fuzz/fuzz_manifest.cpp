// libFuzzer target: the pack validator on arbitrary bytes. The input is the manifest and also
// every item file it might name ("items/a.json", "items/b.json"), with a known-good image and sound
// beside it, so that item files, references, markup and asset checks are all reached.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "core/markup.h"
#include "core/pack_loader.h"
#include "core/pack_template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace respite::core;
  static const std::string png = make_template_png(8);
  static const std::string wav = make_template_wav(100, 8000);
  const std::string text(reinterpret_cast<const char*>(data), size);
  const MemoryFiles files({{"pack.json", text},
                           {"items/a.json", text},
                           {"items/b.json", text},
                           {"images/a.png", png},
                           {"audio/a.wav", wav}},
                          "fuzz.respack");
  const PackLoadResult result = load_pack_files(files, "pack.json", "fuzz");
  // A pack is handed out exactly when there is no error.
  if (result.pack.has_value() == result.diagnostics.has_errors()) __builtin_trap();
  for (const Diagnostic& d : result.diagnostics.items()) {
    if (d.code.empty() || d.message.empty()) __builtin_trap();
  }
  (void)markup::parse(text);
  return 0;
}
