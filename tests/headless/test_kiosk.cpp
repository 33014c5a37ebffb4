// `respite --kiosk` (docs/unit-mode.md, "Kiosk"): the option, the full-screen window, and the event
// filter that keeps a unit's wall tablet on the app (no quitting by the window's close button or
// Alt+F4; Ctrl+Alt+Shift+Q and SIGTERM still quit).
#include <catch2/catch.hpp>

#include <SDL.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/options.h"
#include "backends/sdl/sdl_video.h"

namespace respite {
namespace {

SDL_Event key_down(SDL_Keycode key, Uint16 mod) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.keysym.sym = key;
  event.key.keysym.scancode = SDL_GetScancodeFromKey(key);
  event.key.keysym.mod = mod;
  event.key.state = SDL_PRESSED;
  return event;
}

SDL_Event window_event(Uint8 what, SDL_Window* window) {
  SDL_Event event{};
  event.type = SDL_WINDOWEVENT;
  event.window.event = what;
  event.window.windowID = SDL_GetWindowID(window);
  return event;
}

// Every event now in SDL's queue, oldest first.
std::vector<SDL_Event> drain() {
  std::vector<SDL_Event> events;
  SDL_PumpEvents();
  for (SDL_Event event; SDL_PollEvent(&event) == 1;) events.push_back(event);
  return events;
}

bool has_quit(const std::vector<SDL_Event>& events) {
  for (const SDL_Event& event : events)
    if (event.type == SDL_QUIT) return true;
  return false;
}

bool has_close(const std::vector<SDL_Event>& events) {
  for (const SDL_Event& event : events)
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) return true;
  return false;
}

}  // namespace

TEST_CASE("the --kiosk flag takes no value and is off unless given", "[headless][app][options][kiosk]") {
  std::string error;
  auto plain = app::parse_app_options({}, error);
  REQUIRE(plain);
  CHECK_FALSE(plain->kiosk);

  auto kiosk = app::parse_app_options({"--kiosk", "--data-dir", "/tmp/unit", "--theme", "dark"}, error);
  REQUIRE(kiosk);
  CHECK(kiosk->kiosk);
  CHECK(kiosk->data_dir == "/tmp/unit");

  CHECK_FALSE(app::parse_app_options({"--kiosk=yes"}, error));
  CHECK(error.find("--kiosk") != std::string::npos);
  CHECK(error.find("takes no value") != std::string::npos);
  CHECK_FALSE(app::parse_app_options({"--kiosk", "--kiosk"}, error));
  CHECK(error.find("more than once") != std::string::npos);
  // A value after the flag is not swallowed: it is an unexpected argument.
  CHECK_FALSE(app::parse_app_options({"--kiosk", "on"}, error));
  CHECK(error.find("'on'") != std::string::npos);
}

TEST_CASE("only Ctrl+Alt+Shift+Q is the kiosk's quit chord", "[headless][app][kiosk]") {
  CHECK(sdl::is_kiosk_quit_chord(key_down(SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT)));
  CHECK(sdl::is_kiosk_quit_chord(key_down(SDLK_q, KMOD_RCTRL | KMOD_RALT | KMOD_RSHIFT | KMOD_NUM)));
  CHECK_FALSE(sdl::is_kiosk_quit_chord(key_down(SDLK_q, KMOD_LCTRL | KMOD_LALT)));
  CHECK_FALSE(sdl::is_kiosk_quit_chord(key_down(SDLK_q, KMOD_LCTRL)));
  CHECK_FALSE(sdl::is_kiosk_quit_chord(key_down(SDLK_w, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT)));
  CHECK_FALSE(sdl::is_kiosk_quit_chord(key_down(SDLK_ESCAPE, KMOD_NONE)));
  SDL_Event repeat = key_down(SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT);
  repeat.key.repeat = 1;
  CHECK_FALSE(sdl::is_kiosk_quit_chord(repeat));
}

TEST_CASE("a kiosk window fills the screen and cannot be closed, only quit by the chord",
          "[headless][app][kiosk]") {
  std::string error;
  sdl::WindowConfig config;
  config.kiosk = true;
  std::unique_ptr<sdl::Video> video = sdl::Video::create(config, error);
  INFO(error);
  REQUIRE(video);
  CHECK(video->kiosk());
  CHECK((SDL_GetWindowFlags(video->window()) & SDL_WINDOW_FULLSCREEN_DESKTOP) ==
        SDL_WINDOW_FULLSCREEN_DESKTOP);
  drain();

  // The close button / Alt+F4 arrive as a close request: dropped, and no SDL_QUIT follows.
  SDL_Event close = window_event(SDL_WINDOWEVENT_CLOSE, video->window());
  SDL_PushEvent(&close);
  auto events = drain();
  CHECK_FALSE(has_close(events));
  CHECK_FALSE(has_quit(events));

  // Escape stays the app's Back key; other keys pass untouched.
  SDL_Event escape = key_down(SDLK_ESCAPE, KMOD_NONE);
  SDL_PushEvent(&escape);
  events = drain();
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == SDL_KEYDOWN);
  CHECK_FALSE(has_quit(events));

  SDL_Event chord = key_down(SDLK_q, KMOD_LCTRL | KMOD_LALT | KMOD_LSHIFT);
  SDL_PushEvent(&chord);
  events = drain();
  CHECK(has_quit(events));
  for (const SDL_Event& event : events) CHECK(event.type != SDL_KEYDOWN);  // the chord itself is eaten

  // A plain SDL_QUIT (SIGTERM, SIGINT, the session ending) still goes through.
  SDL_Event quit{};
  quit.type = SDL_QUIT;
  SDL_PushEvent(&quit);
  CHECK(has_quit(drain()));

  // The filter leaves with the window: a later ordinary window closes normally.
  video.reset();
  std::unique_ptr<sdl::Video> normal = sdl::Video::create(sdl::WindowConfig{}, error);
  REQUIRE(normal);
  CHECK_FALSE(normal->kiosk());
  CHECK((SDL_GetWindowFlags(normal->window()) & SDL_WINDOW_FULLSCREEN) == 0);
  drain();
  close = window_event(SDL_WINDOWEVENT_CLOSE, normal->window());
  SDL_PushEvent(&close);
  CHECK(has_close(drain()));
}

}  // namespace respite
