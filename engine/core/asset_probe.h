// Checks the images and sounds shipped inside packs before anything plays or shows them. The type
// is told by the file's first bytes (never by its name); the structure is checked by our own code
// (PNG chunk CRCs and the exact size of the image data, Ogg page CRCs, WAV chunk bounds) before the
// data is handed to a decoder (stb_image for PNG, stb_vorbis for Ogg Vorbis), and the whole file is
// decoded once so that a broken file is refused at validation, not at playback. Hard caps on
// file size, dimensions and duration keep hostile files from costing memory or time
// (docs/pack-format.md, "Limits").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/content.h"

namespace respite::core {

struct AssetLimits {
  std::size_t max_image_bytes = 2 * 1024 * 1024;
  int max_image_side = 2048;  // pixels, width and height
  std::size_t max_audio_bytes = 8 * 1024 * 1024;
  Millis max_audio_duration{5 * 60'000};
  int min_sample_rate = 8000;
  int max_sample_rate = 96'000;
  int max_channels = 2;
};

// What the first bytes say a file is, or nullopt.
std::optional<AssetType> sniff_asset(std::string_view bytes);

struct AssetCheck {
  std::optional<Asset> asset;  // set when the file is good (data not filled in)
  std::string code;            // "E-ASSET-TYPE", "E-ASSET-CORRUPT" or "E-ASSET-LIMIT" otherwise
  std::string problem;         // what is wrong, for "FILE: problem" messages
};

// Checks `bytes` as the file at `path`. Any type it sniffs as is checked; the caller decides
// whether that type is acceptable where the file is used.
AssetCheck check_asset(const std::string& path, std::string_view bytes, const AssetLimits& limits = {});

// The CRC-32 of zip and PNG (reflected, polynomial 0xEDB88320).
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

}  // namespace respite::core
