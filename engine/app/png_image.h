// PNG files for screenshots and golden images, through Debian's libstb (stb_image_write and
// stb_image; the implementations live in libstb, so no STB_*_IMPLEMENTATION here). The writer is
// deterministic: the same pixels always give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace respite::app {

struct RgbaImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA, row by row
};

// Writes `image` as an opaque RGB PNG (the UI has no transparency).
bool write_png(const std::string& path, const RgbaImage& image, std::string& error);
bool read_png(const std::string& path, RgbaImage& image, std::string& error);

}  // namespace respite::app
