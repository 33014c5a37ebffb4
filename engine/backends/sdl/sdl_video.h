// The app's window and renderer: a resizable, high-DPI aware SDL window with an accelerated
// SDL_Renderer (vsync), falling back to SDL's software renderer when no GPU renderer works (VMs,
// kiosks without drivers, the dummy video driver in tests).
//
// Scale: the UI is laid out in dp and drawn in real pixels. The scale (pixels per dp) is the
// window's pixel ratio (drawable pixels per window unit: 2 on a Retina Mac or a scaled Wayland
// output, 1 on X11) times a density factor: the user's --scale when given, else the display's
// density (dpi / 96 on desktops, dpi / 160 on phones and tablets), rounded to quarter steps.
#pragma once

#include <SDL.h>

#include <memory>
#include <optional>
#include <string>

namespace respite::sdl {

struct WindowConfig {
  std::string title = "Respite";
  int width = 390;  // dp
  int height = 844;
  std::optional<float> scale;  // density factor; nullopt: ask the display
  // Kiosk (respite --kiosk, docs/unit-mode.md): full screen on the whole desktop, the window's close
  // button and Alt+F4 do nothing, and only kKioskQuitChord (or SIGTERM/SIGINT) quits.
  bool kiosk = false;
};

// Ctrl+Alt+Shift+Q: the kiosk's way out for a technician at a keyboard (turned into SDL_QUIT).
bool is_kiosk_quit_chord(const SDL_Event& event);
// What kiosk mode does to one event before the app sees it: false drops it (window close requests);
// the quit chord pushes an SDL_QUIT. Installed as SDL's event filter by Video::create.
bool kiosk_filter_event(const SDL_Event& event);

class Video {
 public:
  // Initialises SDL's video subsystem and opens the window. Null with `error` set on failure.
  static std::unique_ptr<Video> create(const WindowConfig& config, std::string& error);
  ~Video();
  Video(const Video&) = delete;
  Video& operator=(const Video&) = delete;

  SDL_Window* window() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  bool accelerated() const { return accelerated_; }
  bool vsync() const { return vsync_; }
  const std::string& renderer_name() const { return renderer_name_; }
  bool kiosk() const { return kiosk_; }

  // The renderer's output in pixels.
  void output_size(int& width, int& height) const;
  // Drawable pixels per window unit (mouse coordinates are in window units).
  float pixel_ratio() const;
  // Pixels per dp for the UI, recomputed from the window's current display on every call.
  float ui_scale() const;

 private:
  Video() = default;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool accelerated_ = false;
  bool vsync_ = false;
  std::string renderer_name_;
  std::optional<float> user_scale_;
  bool kiosk_ = false;
};

// The display's density factor for `window`'s display: 1 at 96 dpi on desktops, dpi / 160 on
// Android and iOS; quarter steps, clamped to 1..4. Displays that report nothing plausible give 1.
float display_density(SDL_Window* window);

}  // namespace respite::sdl
