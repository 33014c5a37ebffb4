// The SDL_Renderer side of ui::ImageSource: decodes a pack's PNG once (stb_image, from the bytes
// the pack loader already holds) and keeps its texture for as long as the asset is alive. Owned
// by a frame host, destroyed before its renderer.
#pragma once

#include <SDL.h>

#include <map>
#include <memory>
#include <string>

#include "ui/image_source.h"

namespace respite::app {

class TextureCache final : public ui::ImageSource {
 public:
  explicit TextureCache(SDL_Renderer* renderer) : renderer_(renderer) {}
  ~TextureCache() override;
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  ImTextureID texture(const core::Asset& png) override;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::weak_ptr<const std::string> bytes;  // expired: the pack was reloaded; the texture goes
    SDL_Texture* texture = nullptr;          // null: the image could not be decoded (not retried)
  };
  void drop_expired();

  SDL_Renderer* renderer_;
  std::map<const std::string*, Entry> entries_;  // by the asset's bytes
};

}  // namespace respite::app
