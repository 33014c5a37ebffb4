#include "backends/sdl/sdl_video.h"

#include <algorithm>
#include <cmath>

namespace respite::sdl {

float display_density(SDL_Window* window) {
  const int display = window != nullptr ? SDL_GetWindowDisplayIndex(window) : 0;
  float ddpi = 0.0f;
  if (SDL_GetDisplayDPI(std::max(0, display), &ddpi, nullptr, nullptr) != 0 || !(ddpi > 0.0f)) return 1.0f;
#if defined(__ANDROID__) || defined(__IPHONEOS__)
  const float baseline = 160.0f;  // Android's dp and iOS's point
#else
  const float baseline = 96.0f;
#endif
  // Desktop monitors often report a made-up or physical-size-derived dpi near the baseline; only
  // a clearly dense display (>= 1.25x) changes the scale.
  const float factor = ddpi / baseline;
  if (factor < 1.25f || factor > 8.0f) return 1.0f;
  return std::clamp(std::round(factor * 4.0f) / 4.0f, 1.0f, 4.0f);
}

std::unique_ptr<Video> Video::create(const WindowConfig& config, std::string& error) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    error = std::string("cannot initialise SDL video: ") + SDL_GetError();
    return nullptr;
  }
  std::unique_ptr<Video> video(new Video());
  video->user_scale_ = config.scale;
  const Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN;
  video->window_ = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                    config.width, config.height, flags);
  if (video->window_ == nullptr) {
    error = std::string("cannot open a window: ") + SDL_GetError();
    return nullptr;
  }
  // Font textures are drawn 1:1, but the GPU path should still filter them smoothly.
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
  video->renderer_ =
      SDL_CreateRenderer(video->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (video->renderer_ == nullptr) {
    video->renderer_ = SDL_CreateRenderer(video->window_, -1, SDL_RENDERER_SOFTWARE);
  }
  if (video->renderer_ == nullptr) {
    error = std::string("cannot create a renderer (accelerated or software): ") + SDL_GetError();
    return nullptr;
  }
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(video->renderer_, &info) == 0) {
    video->accelerated_ = (info.flags & SDL_RENDERER_ACCELERATED) != 0;
    video->vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    video->renderer_name_ = info.name != nullptr ? info.name : "";
  }
  // Where window units are already pixels (X11, Windows, Android), grow the window by the density
  // so a 390x844 dp window shows 390x844 dp of UI; where they are points (macOS, Wayland with
  // scaling) the system has already done so.
  if (video->pixel_ratio() < 1.01f) {
    const float density = video->user_scale_.value_or(display_density(video->window_));
    if (std::fabs(density - 1.0f) > 0.01f) {
      SDL_SetWindowSize(video->window_,
                        static_cast<int>(std::lround(static_cast<float>(config.width) * density)),
                        static_cast<int>(std::lround(static_cast<float>(config.height) * density)));
      SDL_SetWindowPosition(video->window_, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
    }
  }
  SDL_ShowWindow(video->window_);
  return video;
}

Video::~Video() {
  if (renderer_ != nullptr) SDL_DestroyRenderer(renderer_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

void Video::output_size(int& width, int& height) const {
  width = 0;
  height = 0;
  if (SDL_GetRendererOutputSize(renderer_, &width, &height) != 0) SDL_GetWindowSize(window_, &width, &height);
}

float Video::pixel_ratio() const {
  int window_w = 0;
  int window_h = 0;
  SDL_GetWindowSize(window_, &window_w, &window_h);
  int pixel_w = 0;
  int pixel_h = 0;
  output_size(pixel_w, pixel_h);
  if (window_w <= 0 || pixel_w <= 0) return 1.0f;
  return static_cast<float>(pixel_w) / static_cast<float>(window_w);
}

float Video::ui_scale() const {
  const float ratio = pixel_ratio();
  if (ratio > 1.01f) return ratio * user_scale_.value_or(1.0f);
  return user_scale_.value_or(display_density(window_));
}

}  // namespace respite::sdl
