#include "backends/sdl/sdl_input.h"

namespace respite::sdl {

bool SdlEventSource::wait(SDL_Event& event, int timeout_ms) {
#ifdef __EMSCRIPTEN__
  // A web page must never block (SDL would spin here): the browser calls the loop once per
  // animation frame (MainLoop::run), so the waiting happens between frames.
  (void)timeout_ms;
  return SDL_PollEvent(&event) == 1;
#else
  if (timeout_ms < 0) return SDL_WaitEvent(&event) == 1;
  return SDL_WaitEventTimeout(&event, timeout_ms) == 1;
#endif
}

bool SdlEventSource::poll(SDL_Event& event) {
  return SDL_PollEvent(&event) == 1;
}

void configure_touch_hints() {
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
}

Lifecycle classify_lifecycle(const SDL_Event& event) {
  switch (event.type) {
    case SDL_QUIT:
    case SDL_APP_TERMINATING:
      return Lifecycle::Quit;
    case SDL_APP_WILLENTERBACKGROUND:
    case SDL_APP_DIDENTERBACKGROUND:
      return Lifecycle::Background;
    case SDL_APP_DIDENTERFOREGROUND:
      return Lifecycle::Foreground;
    case SDL_WINDOWEVENT:
      switch (event.window.event) {
        case SDL_WINDOWEVENT_MINIMIZED:
        case SDL_WINDOWEVENT_HIDDEN:
        case SDL_WINDOWEVENT_FOCUS_LOST:
          return Lifecycle::Background;
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_FOCUS_GAINED:
          return Lifecycle::Foreground;
        case SDL_WINDOWEVENT_CLOSE:
          return Lifecycle::Quit;
        default:
          return Lifecycle::None;
      }
    default:
      return Lifecycle::None;
  }
}

bool is_back_key(const SDL_Event& event) {
  if (event.type != SDL_KEYDOWN || event.key.repeat != 0) return false;
  const SDL_Scancode code = event.key.keysym.scancode;
  return code == SDL_SCANCODE_ESCAPE || code == SDL_SCANCODE_AC_BACK;
}

std::optional<std::string> take_dropped_file(const SDL_Event& event) {
  if (event.type != SDL_DROPFILE || event.drop.file == nullptr) return std::nullopt;
  std::string path(event.drop.file);
  SDL_free(event.drop.file);
  return path;
}

bool PointerTracker::handle(const SDL_Event& event) {
  switch (event.type) {
    case SDL_MOUSEMOTION:
      x_ = static_cast<float>(event.motion.x);
      y_ = static_cast<float>(event.motion.y);
      valid_ = true;
      return true;
    case SDL_MOUSEBUTTONDOWN:
      if (event.button.button != SDL_BUTTON_LEFT) return false;
      x_ = static_cast<float>(event.button.x);
      y_ = static_cast<float>(event.button.y);
      valid_ = true;
      down_ = true;
      pressed_since_frame_ = true;
      touch_released_ = false;
      return true;
    case SDL_MOUSEBUTTONUP:
      if (event.button.button != SDL_BUTTON_LEFT) return false;
      x_ = static_cast<float>(event.button.x);
      y_ = static_cast<float>(event.button.y);
      valid_ = true;
      down_ = false;
      touch_released_ = event.button.which == SDL_TOUCH_MOUSEID;
      return true;
    case SDL_WINDOWEVENT:
      if (event.window.event == SDL_WINDOWEVENT_LEAVE && !down_) {
        valid_ = false;
        return true;
      }
      return false;
    default:
      return false;
  }
}

PointerFrame PointerTracker::take_frame() {
  PointerFrame frame;
  frame.x = x_;
  frame.y = y_;
  frame.valid = valid_;
  frame.down = down_ || pressed_since_frame_;
  pressed_since_frame_ = false;
  if (touch_released_ && !frame.down) {
    // This frame delivers the release at the finger's position; the next has no pointer.
    valid_ = false;
    touch_released_ = false;
  }
  return frame;
}

}  // namespace respite::sdl
