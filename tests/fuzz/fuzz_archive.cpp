// libFuzzer target: a .respack (zip) read from arbitrary bytes, then validated as a pack.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/pack_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace respite::core;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const PackLoadResult result = load_pack_archive(bytes, "fuzz.respack", "fuzz.respack");
  if (result.pack.has_value() == result.diagnostics.has_errors()) __builtin_trap();
  return 0;
}
