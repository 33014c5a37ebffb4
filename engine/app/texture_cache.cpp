#include "app/texture_cache.h"

#include <stb_image.h>

namespace respite::app {
namespace {

// A step picture needs no more than a phone screen's width in pixels at 3x; the validator caps
// pack images at this size too, so this only guards against a bug elsewhere.
constexpr int kMaxSide = 4096;

SDL_Texture* make_texture(SDL_Renderer* renderer, const std::string& bytes) {
  if (bytes.empty() || bytes.size() > static_cast<std::size_t>(INT32_MAX)) return nullptr;
  int width = 0;
  int height = 0;
  int channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                          static_cast<int>(bytes.size()), &width, &height, &channels, 4);
  if (pixels == nullptr) {
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "respite: a pack image could not be decoded: %s",
                stbi_failure_reason() != nullptr ? stbi_failure_reason() : "unknown error");
    return nullptr;
  }
  SDL_Texture* texture = nullptr;
  if (width > 0 && height > 0 && width <= kMaxSide && height <= kMaxSide) {
    texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
    if (texture != nullptr && SDL_UpdateTexture(texture, nullptr, pixels, width * 4) == 0) {
      SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
      SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
    } else {
      SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "respite: no texture for a pack image: %s", SDL_GetError());
      if (texture != nullptr) SDL_DestroyTexture(texture);
      texture = nullptr;
    }
  }
  stbi_image_free(pixels);
  return texture;
}

}  // namespace

TextureCache::~TextureCache() {
  for (auto& [key, entry] : entries_) {
    if (entry.texture != nullptr) SDL_DestroyTexture(entry.texture);
  }
}

void TextureCache::drop_expired() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.bytes.expired()) {
      if (it->second.texture != nullptr) SDL_DestroyTexture(it->second.texture);
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
}

ImTextureID TextureCache::texture(const core::Asset& png) {
  if (png.type != core::AssetType::Png || png.data == nullptr || renderer_ == nullptr) return nullptr;
  const auto found = entries_.find(png.data.get());
  if (found != entries_.end() && !found->second.bytes.expired()) return found->second.texture;
  // A reloaded pack frees its old bytes; their address may be reused, so expired entries go first.
  drop_expired();
  Entry entry;
  entry.bytes = png.data;
  entry.texture = make_texture(renderer_, *png.data);
  entries_[png.data.get()] = entry;
  return entry.texture;
}

}  // namespace respite::app
