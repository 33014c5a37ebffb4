// The monkey: random taps (half of them aimed at real controls), drags and swipes, key presses,
// window resizes, density changes, app lifecycle events and the passing of time, thrown at the
// real model, UI and main loop on a manual clock, headless, from a fixed seed. It must end with no
// crash, no assertion (Dear ImGui's included) and, under the sanitizer build, no report; along
// the way the app's own invariants must hold.
//
// The full run (100,000 actions) is hidden from the default test run and registered as one CTest
// with the label "monkey" (`ctest -L monkey`); a 3,000-action run is part of the normal suite.
// RESPITE_MONKEY_SEED and RESPITE_MONKEY_ACTIONS override the seed and the count.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <random>

#include "ui_harness.h"

using namespace respite;

namespace {

struct Size {
  int width;
  int height;
};

// Phones and tablets in both orientations, and a few odd desktop windows.
constexpr Size kSizes[] = {{360, 640},   {390, 844},  {844, 390}, {768, 1024},  {1024, 768}, {1280, 800},
                           {1366, 1024}, {800, 1280}, {320, 480}, {1920, 1080}, {500, 500},  {1100, 620}};

SDL_Event window_event(Uint8 what) {
  SDL_Event event{};
  event.type = SDL_WINDOWEVENT;
  event.window.event = what;
  return event;
}

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 10);
}

void run_monkey(std::uint64_t seed, std::uint64_t actions) {
  std::mt19937_64 rng(seed);
  const auto chance = [&rng](double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p; };
  const auto pick = [&rng](std::size_t n) {
    return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
  };

  testing::UiHarness h(390, 844, 1.0f);
  std::vector<app::SessionOutcome> outcomes;
  h.model->set_session_finished_handler([&](const app::SessionOutcome& o) { outcomes.push_back(o); });
  ui::LayoutAudit audit;
  h.ui->set_layout_audit(&audit);
  h.frame();

  const auto step = [&](int times) {
    for (int i = 0; i < times; ++i) {
      audit.entries.clear();
      audit.targets.clear();
      h.loop->step();
      // The app's own rules, after every step.
      const app::Route& route = h.model->route();
      if (route.screen == app::Screen::Player) REQUIRE(h.model->has_session());
      if (route.screen == app::Screen::Completion) REQUIRE(h.model->last_outcome().has_value());
      if (h.model->has_session()) REQUIRE(route.screen == app::Screen::Player);
      for (const auto& e : audit.entries) {
        REQUIRE(std::isfinite(e.min.x));
        REQUIRE(std::isfinite(e.max.y));
      }
    }
  };
  const auto point = [&](float& x, float& y) {
    const float scale = h.host->ui_scale();
    // Half the taps land on a control the last frame drew; the rest anywhere.
    if (!audit.targets.empty() && chance(0.5)) {
      const auto& target = audit.targets[pick(audit.targets.size())];
      x = std::uniform_real_distribution<float>(target.min.x,
                                                std::max(target.min.x + 1.0f, target.max.x))(rng);
      y = std::uniform_real_distribution<float>(target.min.y,
                                                std::max(target.min.y + 1.0f, target.max.y))(rng);
    } else {
      x = std::uniform_real_distribution<float>(-20.0f,
                                                static_cast<float>(h.host->width()) * scale + 20.0f)(rng);
      y = std::uniform_real_distribution<float>(-20.0f,
                                                static_cast<float>(h.host->height()) * scale + 20.0f)(rng);
    }
  };
  const SDL_Scancode keys[] = {SDL_SCANCODE_TAB,      SDL_SCANCODE_RETURN, SDL_SCANCODE_SPACE,
                               SDL_SCANCODE_ESCAPE,   SDL_SCANCODE_LEFT,   SDL_SCANCODE_RIGHT,
                               SDL_SCANCODE_UP,       SDL_SCANCODE_DOWN,   SDL_SCANCODE_AC_BACK,
                               SDL_SCANCODE_PAGEDOWN, SDL_SCANCODE_HOME,   SDL_SCANCODE_A};

  std::uint64_t taps = 0, drags = 0, presses = 0, resizes = 0;
  for (std::uint64_t i = 0; i < actions; ++i) {
    const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const bool touch = chance(0.6);
    if (roll < 0.50) {
      float x = 0, y = 0;
      point(x, y);
      h.events.push(testing::mouse_motion(static_cast<int>(x), static_cast<int>(y), touch));
      h.events.push(testing::mouse_button(true, static_cast<int>(x), static_cast<int>(y), touch));
      h.events.push(testing::mouse_button(false, static_cast<int>(x), static_cast<int>(y), touch));
      step(2);
      ++taps;
    } else if (roll < 0.65) {
      // A drag: a scroll, a swipe or a slider, in a few moves.
      float x = 0, y = 0;
      point(x, y);
      const bool sideways = chance(0.4);
      const float distance = std::uniform_real_distribution<float>(-400.0f, 400.0f)(rng);
      h.events.push(testing::mouse_button(true, static_cast<int>(x), static_cast<int>(y), touch));
      step(1);
      const int moves = 2 + static_cast<int>(pick(5));
      for (int m = 1; m <= moves; ++m) {
        const float f = static_cast<float>(m) / static_cast<float>(moves);
        const int mx = static_cast<int>(x + (sideways ? distance * f : 0.0f));
        const int my = static_cast<int>(y + (sideways ? 0.0f : distance * f));
        h.events.push(testing::mouse_motion(mx, my, touch));
        step(1);
      }
      h.events.push(testing::mouse_button(false, static_cast<int>(x + (sideways ? distance : 0.0f)),
                                          static_cast<int>(y + (sideways ? 0.0f : distance)), touch));
      step(2);
      ++drags;
    } else if (roll < 0.80) {
      const SDL_Scancode key = keys[pick(std::size(keys))];
      h.events.push(testing::key_down(key));
      SDL_Event up = testing::key_down(key);
      up.type = SDL_KEYUP;
      h.events.push(up);
      step(2);
      ++presses;
    } else if (roll < 0.85) {
      // A resize: to a device size, or anything a desktop window might be.
      if (chance(0.5)) {
        const Size& size = kSizes[pick(std::size(kSizes))];
        h.host->resize(size.width, size.height);
      } else {
        h.host->resize(240 + static_cast<int>(pick(1400)), 320 + static_cast<int>(pick(1000)));
      }
      // Now and then the window moves to a display of another density (the font atlas is rebuilt).
      if (chance(0.02)) {
        const float scales[] = {1.0f, 1.5f, 2.0f, 3.0f};
        h.host->set_scale(scales[pick(4)]);
      }
      h.events.push(window_event(SDL_WINDOWEVENT_SIZE_CHANGED));
      step(2);
      ++resizes;
    } else if (roll < 0.90) {
      const Uint8 lifecycle[] = {SDL_WINDOWEVENT_FOCUS_LOST, SDL_WINDOWEVENT_FOCUS_GAINED,
                                 SDL_WINDOWEVENT_MINIMIZED,  SDL_WINDOWEVENT_RESTORED,
                                 SDL_WINDOWEVENT_HIDDEN,     SDL_WINDOWEVENT_SHOWN};
      if (chance(0.2)) {
        h.events.push(
            testing::app_event(chance(0.5) ? SDL_APP_WILLENTERBACKGROUND : SDL_APP_DIDENTERFOREGROUND));
      } else {
        h.events.push(window_event(lifecycle[pick(std::size(lifecycle))]));
      }
      step(2);
    } else {
      // Time passes: a moment, a phase, or long enough for a session or an interruption to end.
      const double seconds = chance(0.05) ? std::uniform_real_distribution<double>(60.0, 900.0)(rng)
                                          : std::uniform_real_distribution<double>(0.0, 6.0)(rng);
      h.clock.advance(testing::seconds(seconds));
      step(2);
    }
  }
  h.ui->set_layout_audit(nullptr);
  INFO("taps " << taps << ", drags " << drags << ", keys " << presses << ", resizes " << resizes
               << ", sessions " << outcomes.size() << ", frames " << h.loop->frames_rendered());
  CHECK(taps > actions / 3);
  CHECK(h.loop->frames_rendered() > actions);
  // Half the taps aim at controls, so the monkey does get around: it starts and ends sessions.
  CHECK(!outcomes.empty());
  for (const app::SessionOutcome& o : outcomes) CHECK(o.active <= o.planned + std::chrono::seconds(1));
}

}  // namespace

TEST_CASE("the monkey: 3,000 random actions across every screen", "[headless][ui][monkey-smoke]") {
  run_monkey(env_number("RESPITE_MONKEY_SEED", 20240611), 3000);
}

TEST_CASE("the monkey: 100,000 random actions across every screen", "[.][monkey]") {
  const std::uint64_t seed = env_number("RESPITE_MONKEY_SEED", 1337);
  const std::uint64_t actions = env_number("RESPITE_MONKEY_ACTIONS", 100000);
  INFO("seed " << seed << ", actions " << actions);
  run_monkey(seed, actions);
}
