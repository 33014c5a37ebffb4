// Input plumbing the app's main loop needs from SDL, kept free of ImGui so it can be tested with
// synthetic events:
//  - EventSource: where events come from (SDL's queue in the app, a script in tests), so the loop's
//    "block while idle" policy can be tested without real waiting;
//  - lifecycle classification: background / foreground / quit, across desktop and mobile events;
//  - PointerTracker: one pointer from mouse events, including the mouse events SDL synthesizes
//    from touches, so a tap works the same as a click.
#pragma once

#include <SDL.h>

#include <optional>
#include <string>

namespace respite::sdl {

class EventSource {
 public:
  virtual ~EventSource() = default;
  // Waits for the next event up to `timeout_ms` (negative: no limit). False on timeout.
  virtual bool wait(SDL_Event& event, int timeout_ms) = 0;
  // The next queued event without waiting; false when none.
  virtual bool poll(SDL_Event& event) = 0;
};

// SDL's own event queue.
class SdlEventSource final : public EventSource {
 public:
  bool wait(SDL_Event& event, int timeout_ms) override;
  bool poll(SDL_Event& event) override;
};

// Sets the hints that make touch usable: touches become mouse events (SDL's default, set
// explicitly so a platform default cannot turn it off) and mouse events do not become touches.
void configure_touch_hints();

enum class Lifecycle {
  None,
  Background,  // app sent to the background, window minimized or hidden, or focus lost
  Foreground,  // back again
  Quit,        // window closed, Ctrl+C, or the OS terminating the app
};
Lifecycle classify_lifecycle(const SDL_Event& event);

// Escape on a keyboard, Back on Android (SDL maps it to AC_BACK).
bool is_back_key(const SDL_Event& event);

// The path of a file dropped on the window (SDL_DROPFILE), or nullopt for any other event. SDL
// allocates the path for the application: it is freed here, so take it exactly once per event.
std::optional<std::string> take_dropped_file(const SDL_Event& event);

// The pointer as ImGui should see it for the next frame, in window units.
struct PointerFrame {
  float x = 0.0f;
  float y = 0.0f;
  bool valid = false;  // false: no pointer over the window (no hover highlight anywhere)
  bool down = false;
};

class PointerTracker {
 public:
  // Feeds one event; returns true if it concerned the pointer.
  bool handle(const SDL_Event& event);
  // The state for the next frame. A press and release that both arrive between two frames are
  // reported as one frame down and the next up, so the tap still registers as a click. After a
  // touch is lifted the pointer disappears, so no button stays highlighted under a finger that
  // has gone.
  PointerFrame take_frame();

 private:
  float x_ = 0.0f;
  float y_ = 0.0f;
  bool valid_ = false;
  bool down_ = false;
  bool pressed_since_frame_ = false;
  bool touch_released_ = false;
};

}  // namespace respite::sdl
