// libFuzzer target: an image or sound of a pack (PNG, WAV, Ogg Vorbis) from arbitrary bytes. Small
// caps keep each run fast; the structure checks and the decoders are the same as with the real caps.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/asset_probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace respite::core;
  AssetLimits limits;
  limits.max_image_side = 256;
  limits.max_audio_duration = Millis(10'000);
  const AssetCheck check =
      check_asset("fuzz", std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (check.asset.has_value() == !check.code.empty()) __builtin_trap();
  return 0;
}
