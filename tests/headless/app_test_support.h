// Shared helpers for the app's headless tests: the bundled catalog, the fonts next to the test
// program, an event source that plays a script on a manual clock (so "waiting" costs no real
// time), and image comparison for golden screenshots.
#pragma once

#include <catch2/catch.hpp>

#include <SDL.h>

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

#include "app/png_image.h"
#include "app/shot.h"
#include "backends/null/manual_clock.h"
#include "backends/sdl/sdl_input.h"
#include "core/pack_loader.h"

namespace respite::testing {

inline const std::string kBundledPack =
    std::string(RESPITE_SOURCE_DIR) + "/content/packs/clinician-essentials";

inline core::Catalog bundled_catalog() {
  core::CatalogLoadResult loaded = core::load_catalog({kBundledPack});
  INFO("bundled pack diagnostics: " << loaded.diagnostics.items().size());
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  REQUIRE(loaded.catalog.packs.size() == 1);
  return loaded.catalog;
}

inline std::string font_dir() {
  std::string error;
  const auto dir = app::find_font_dir(error);
  INFO(error);
  REQUIRE(dir);
  return *dir;
}

inline core::MonoTime seconds(double s) {
  return core::MonoTime(static_cast<core::MonoTime::rep>(s * 1e9));
}

// Plays timed events on a ManualClock. wait() advances the clock instead of sleeping: to the
// next event's time if it comes within the timeout, else by the whole timeout. When the script
// is over and the loop would block for ever, it hands out SDL_QUIT so the run ends.
class ScriptedEvents final : public sdl::EventSource {
 public:
  explicit ScriptedEvents(null_backend::ManualClock& clock) : clock_(clock) {}

  void at(double time_seconds, const SDL_Event& event) { script_.push_back({seconds(time_seconds), event}); }

  bool wait(SDL_Event& event, int timeout_ms) override {
    ++waits;
    if (timeout_ms < 0) ++unlimited_waits;
    const core::MonoTime now = clock_.monotonic();
    if (script_.empty()) {
      if (timeout_ms < 0) {
        event = SDL_Event{};
        event.type = SDL_QUIT;
        quit_delivered = true;
        return true;
      }
      clock_.advance(std::chrono::milliseconds(timeout_ms));
      return false;
    }
    const core::MonoTime due = script_.front().at;
    if (timeout_ms >= 0 && due > now + std::chrono::milliseconds(timeout_ms)) {
      clock_.advance(std::chrono::milliseconds(timeout_ms));
      return false;
    }
    if (due > now) clock_.advance(due - now);
    event = script_.front().event;
    script_.pop_front();
    return true;
  }

  bool poll(SDL_Event& event) override {
    if (script_.empty() || script_.front().at > clock_.monotonic()) return false;
    event = script_.front().event;
    script_.pop_front();
    return true;
  }

  bool done() const { return script_.empty(); }

  int waits = 0;
  int unlimited_waits = 0;
  bool quit_delivered = false;

 private:
  struct Timed {
    core::MonoTime at;
    SDL_Event event;
  };
  null_backend::ManualClock& clock_;
  std::deque<Timed> script_;
};

inline SDL_Event mouse_button(bool down, int x, int y, bool touch) {
  SDL_Event event{};
  event.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
  event.button.button = SDL_BUTTON_LEFT;
  event.button.state = down ? SDL_PRESSED : SDL_RELEASED;
  event.button.which = touch ? SDL_TOUCH_MOUSEID : 0;
  event.button.x = x;
  event.button.y = y;
  return event;
}

inline SDL_Event mouse_motion(int x, int y, bool touch) {
  SDL_Event event{};
  event.type = SDL_MOUSEMOTION;
  event.motion.which = touch ? SDL_TOUCH_MOUSEID : 0;
  event.motion.x = x;
  event.motion.y = y;
  return event;
}

inline SDL_Event app_event(Uint32 type) {
  SDL_Event event{};
  event.type = type;
  return event;
}

inline SDL_Event key_down(SDL_Scancode code) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.keysym.scancode = code;
  event.key.keysym.sym = SDL_GetKeyFromScancode(code);
  return event;
}

// ---- Images -------------------------------------------------------------------------------

struct ImageDiff {
  bool same_size = false;
  double mean_abs = 0.0;          // mean absolute difference over every RGB channel of every pixel
  double fraction_over_16 = 0.0;  // pixels whose largest channel difference exceeds 16
};

inline ImageDiff compare_images(const app::RgbaImage& a, const app::RgbaImage& b) {
  ImageDiff diff;
  diff.same_size = a.width == b.width && a.height == b.height && a.pixels.size() == b.pixels.size();
  if (!diff.same_size) return diff;
  const std::size_t count = a.pixels.size() / 4;
  std::uint64_t total = 0;
  std::size_t over = 0;
  for (std::size_t i = 0; i < count; ++i) {
    int largest = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = std::abs(int(a.pixels[i * 4 + c]) - int(b.pixels[i * 4 + c]));
      total += static_cast<std::uint64_t>(d);
      largest = std::max(largest, d);
    }
    if (largest > 16) ++over;
  }
  diff.mean_abs = count ? double(total) / double(count * 3) : 0.0;
  diff.fraction_over_16 = count ? double(over) / double(count) : 0.0;
  return diff;
}

// The expected image in grey with every differing pixel in red (brighter = larger difference).
inline app::RgbaImage diff_image(const app::RgbaImage& expected, const app::RgbaImage& actual) {
  app::RgbaImage out = expected;
  const std::size_t count = out.pixels.size() / 4;
  for (std::size_t i = 0; i < count; ++i) {
    int largest = 0;
    for (int c = 0; c < 3; ++c) {
      largest = std::max(largest, std::abs(int(expected.pixels[i * 4 + c]) - int(actual.pixels[i * 4 + c])));
    }
    const int grey =
        (expected.pixels[i * 4] + expected.pixels[i * 4 + 1] + expected.pixels[i * 4 + 2]) / 6 + 100;
    const bool differs = largest > 0;
    out.pixels[i * 4 + 0] = static_cast<std::uint8_t>(differs ? std::min(255, 128 + largest) : grey);
    out.pixels[i * 4 + 1] = static_cast<std::uint8_t>(differs ? 0 : grey);
    out.pixels[i * 4 + 2] = static_cast<std::uint8_t>(differs ? 0 : grey);
    out.pixels[i * 4 + 3] = 255;
  }
  return out;
}

}  // namespace respite::testing
