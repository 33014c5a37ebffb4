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

bool is_kiosk_quit_chord(const SDL_Event& event) {
  if (event.type != SDL_KEYDOWN || event.key.repeat != 0 || event.key.keysym.sym != SDLK_q) return false;
  const Uint16 mod = event.key.keysym.mod;
  return (mod & KMOD_CTRL) != 0 && (mod & KMOD_ALT) != 0 && (mod & KMOD_SHIFT) != 0;
}

bool kiosk_filter_event(const SDL_Event& event) {
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return false;
  if (is_kiosk_quit_chord(event)) {
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);  // runs this filter again, which lets SDL_QUIT through
    return false;
  }
  // A touch hides the pointer, a real mouse shows it again: a wall tablet shows no stray cursor.
  if (event.type == SDL_FINGERDOWN) SDL_ShowCursor(SDL_DISABLE);
  if (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) SDL_ShowCursor(SDL_ENABLE);
  return true;
}

namespace {
int SDLCALL kiosk_event_filter(void*, SDL_Event* event) {
  return kiosk_filter_event(*event) ? 1 : 0;
}
}  // namespace

std::unique_ptr<Video> Video::create(const WindowConfig& config, std::string& error) {
  if (config.kiosk) {
    // Closing the last window must not become SDL_QUIT by itself (SIGTERM and SIGINT still do), and
    // a full-screen window must stay up when a system dialog takes the focus.
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  }
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    error = std::string("cannot initialise SDL video: ") + SDL_GetError();
    return nullptr;
  }
  std::unique_ptr<Video> video(new Video());
  video->user_scale_ = config.scale;
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN;
  if (config.kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
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
  if (video->pixel_ratio() < 1.01f && !config.kiosk) {
    const float density = video->user_scale_.value_or(display_density(video->window_));
    if (std::fabs(density - 1.0f) > 0.01f) {
      SDL_SetWindowSize(video->window_,
                        static_cast<int>(std::lround(static_cast<float>(config.width) * density)),
                        static_cast<int>(std::lround(static_cast<float>(config.height) * density)));
      SDL_SetWindowPosition(video->window_, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
    }
  }
  if (config.kiosk) {
    SDL_SetEventFilter(kiosk_event_filter, nullptr);
    video->kiosk_ = true;
  }
  SDL_ShowWindow(video->window_);
  return video;
}

Video::~Video() {
  // Hints are process-wide and outlive the window: leave none of ours behind (headless renders).
  SDL_ResetHint(SDL_HINT_RENDER_SCALE_QUALITY);
  if (kiosk_) {
    SDL_SetEventFilter(nullptr, nullptr);
    SDL_ResetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE);
    SDL_ResetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS);
    SDL_ShowCursor(SDL_ENABLE);
  }
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
