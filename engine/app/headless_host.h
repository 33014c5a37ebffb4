// Frames into memory: an RGBA SDL surface drawn by SDL's software renderer, with no window and no
// video driver. Used by `respite shot` and the headless tests; the output is the same bytes on
// every run for the same input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/draw_submit.h"
#include "app/frame_host.h"
#include "app/texture_cache.h"

namespace respite::app {

class HeadlessHost final : public FrameHost {
 public:
  // `width` x `height` pixels at `scale` pixels per dp. The ImGui context must be current; null
  // with `error` set if SDL cannot make the surface or renderer.
  static std::unique_ptr<HeadlessHost> create(int width, int height, float scale, std::string& error);
  ~HeadlessHost() override;
  HeadlessHost(const HeadlessHost&) = delete;
  HeadlessHost& operator=(const HeadlessHost&) = delete;

  void process_event(const SDL_Event&) override {}
  // Pointer coordinates are taken as pixels.
  void new_frame(const sdl::PointerFrame& pointer) override;
  void present(ImDrawData* data, ImU32 clear) override;
  float ui_scale() const override { return scale_; }
  bool paces_frames() const override { return false; }
  ui::ImageSource* images() override { return textures_.get(); }

  int width() const { return width_; }
  int height() const { return height_; }
  // The last presented frame, RGBA, row by row, no padding.
  std::vector<std::uint8_t> read_rgba() const;

 private:
  HeadlessHost() = default;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<TextureCache> textures_;  // destroyed before the renderer
  std::unique_ptr<DrawSubmitter> draw_;     // spans: this renderer is always SDL's software one
  bool backend_ = false;
  int width_ = 0;
  int height_ = 0;
  float scale_ = 1.0f;
};

}  // namespace respite::app
