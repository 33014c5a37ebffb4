#include "app/png_image.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cerrno>
#include <cstring>

namespace respite::app {

bool write_png(const std::string& path, const RgbaImage& image, std::string& error) {
  const std::size_t count = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  if (image.width <= 0 || image.height <= 0 || image.pixels.size() != count * 4) {
    error = path + ": no image to write";
    return false;
  }
  std::vector<std::uint8_t> rgb(count * 3);
  for (std::size_t i = 0; i < count; ++i) std::memcpy(&rgb[i * 3], &image.pixels[i * 4], 3);
  errno = 0;
  if (stbi_write_png(path.c_str(), image.width, image.height, 3, rgb.data(), image.width * 3) == 0) {
    error =
        path + ": cannot write the PNG file" + (errno != 0 ? std::string(": ") + std::strerror(errno) : "");
    return false;
  }
  return true;
}

bool read_png(const std::string& path, RgbaImage& image, std::string& error) {
  int width = 0;
  int height = 0;
  int channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (data == nullptr) {
    error = path +
            ": cannot read the image: " + (stbi_failure_reason() ? stbi_failure_reason() : "unknown error");
    return false;
  }
  image.width = width;
  image.height = height;
  image.pixels.assign(data, data + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  stbi_image_free(data);
  return true;
}

}  // namespace respite::app
