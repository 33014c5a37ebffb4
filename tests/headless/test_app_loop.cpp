// The main loop end to end, headless: real UI and rendering into memory, a scripted event source
// and a manual clock, so idle time costs nothing and every frame is counted exactly. Covers the
// frame policy (no frames while idle, ~60 per second while a session runs), taps by touch and by
// mouse, Escape, and the app lifecycle (interruptions pause; after 10 minutes the session ends).
#include <catch2/catch.hpp>

#include <optional>

#include "app/app_model.h"
#include "app/headless_host.h"
#include "app/main_loop.h"
#include "app/ui_runtime.h"
#include "app_test_support.h"
#include "backends/null/recording_audio.h"
#include "core/cue_dispatcher.h"

using namespace respite;
using testing::ScriptedEvents;

namespace {

// One app, headless at 390x844 dp and scale 1 (pointer coordinates are pixels = dp).
struct Harness {
  core::Catalog catalog = testing::bundled_catalog();
  null_backend::ManualClock clock;
  null_backend::RecordingAudio audio{true};
  null_backend::RecordingHaptics haptics{true};
  core::CueDispatcher cues{audio, haptics};
  app::AppModel model{catalog, clock, app::AppModel::Services{&cues, &audio}};
  std::unique_ptr<app::UiRuntime> ui;
  std::unique_ptr<app::HeadlessHost> host;
  ScriptedEvents events{clock};
  std::unique_ptr<app::MainLoop> loop;
  std::vector<app::SessionOutcome> outcomes;

  Harness() {
    cues.set_log_sink(nullptr);
    std::string error;
    ui = app::UiRuntime::create(testing::font_dir(), 1.0f, ui::ThemeName::Light, error);
    REQUIRE(ui);
    host = app::HeadlessHost::create(390, 844, 1.0f, error);
    REQUIRE(host);
    loop = std::make_unique<app::MainLoop>(model, *ui, *host, events, clock);
    model.set_session_finished_handler([this](const app::SessionOutcome& o) { outcomes.push_back(o); });
  }
  ~Harness() {
    loop.reset();
    host.reset();  // the renderer backend shuts down while the ImGui context still exists
    ui.reset();
  }

  // Runs the loop until the script is over and the loop would block for ever.
  void run() { loop->run(); }

  // Steps the loop until the clock reaches `t` seconds.
  void run_until(double t) {
    while (clock.monotonic() < testing::seconds(t) && !loop->quit_requested()) loop->step();
  }
};

// The home screen's "Breathe — 2 min" button at 390x844 dp (see golden home-phone): 8 dp top gap,
// 48 dp top bar, 4 dp, one 17 px tagline line, 24 dp, then the 84 dp tall button.
constexpr int kHeroX = 195;

ui::UiAction action(ui::ActionKind kind) {
  ui::UiAction a;
  a.kind = kind;
  return a;
}
constexpr int kHeroY = 143;

}  // namespace

TEST_CASE("an idle home screen renders no frames while it waits", "[headless][app][loop]") {
  Harness h;
  h.events.at(60.0, testing::mouse_motion(20, 800, false));  // a minute later, the mouse moves
  h.run();
  // Three frames at start, three after the one event, none in the minute between or after.
  CHECK(h.loop->frames_rendered() == 2 * app::FramePolicy::kSettleFrames);
  // It blocked without a timeout twice (before the event, and at the end), never spun.
  CHECK(h.events.unlimited_waits == 2);
  CHECK(h.events.quit_delivered);
  CHECK(h.clock.monotonic() == testing::seconds(60.0));
}

TEST_CASE("a running session renders about 60 frames a second, a paused one none", "[headless][app][loop]") {
  Harness h;
  REQUIRE(h.model.open(app::Route{app::Screen::Player, {"clinician-essentials", "two-minute-reset"}}).ok);
  h.run_until(10.0);
  const std::uint64_t running = h.loop->frames_rendered();
  // Without vsync the loop paces itself at 16.7 ms (waits are whole milliseconds: 17 ms).
  CHECK(running >= 570);
  CHECK(running <= 610);
  CHECK(h.model.runner()->state() == core::RunState::Running);

  h.model.apply(action(ui::ActionKind::Pause));
  // The pause is shown at once: its settle frames, without waiting.
  const core::MonoTime paused_at = h.clock.monotonic();
  for (int i = 0; i < app::FramePolicy::kSettleFrames; ++i) h.loop->step();
  CHECK(h.loop->frames_rendered() == running + app::FramePolicy::kSettleFrames);
  CHECK(h.clock.monotonic() == paused_at);
  // Then a paused minute with no frames at all: the loop blocks until the next event.
  h.events.at(70.0, testing::app_event(SDL_USEREVENT));
  const int unlimited_before = h.events.unlimited_waits;
  h.loop->step();
  CHECK(h.events.unlimited_waits == unlimited_before + 1);
  CHECK(h.clock.monotonic() == testing::seconds(70.0));
  CHECK(h.loop->frames_rendered() == running + app::FramePolicy::kSettleFrames + 1);  // the event's first
  REQUIRE(h.model.has_session());
  CHECK(h.model.runner()->state() == core::RunState::Paused);
}

TEST_CASE("a touch tap on the Breathe button starts the two-minute reset", "[headless][app][loop][touch]") {
  Harness h;
  // SDL turns a finger into mouse events marked SDL_TOUCH_MOUSEID; press and release arrive
  // together, between two frames.
  h.events.at(1.0, testing::mouse_button(true, kHeroX, kHeroY, true));
  h.events.at(1.0, testing::mouse_button(false, kHeroX, kHeroY, true));
  h.events.at(3.0, testing::app_event(SDL_APP_WILLENTERBACKGROUND));
  h.run();
  REQUIRE(h.outcomes.size() == 1);  // interrupted at 3 s, ended after 10 minutes away
  CHECK(h.outcomes[0].item.to_string() == "clinician-essentials/two-minute-reset");
  CHECK(h.outcomes[0].how == ui::SessionEnd::Interrupted);
  CHECK_FALSE(h.outcomes[0].complete);
  CHECK(h.outcomes[0].active == testing::seconds(2.0));
  // The cues of the first seconds were played (inhale at 0 s).
  REQUIRE_FALSE(h.audio.plays.empty());
  CHECK(h.audio.plays.front().name == "inhale");
}

TEST_CASE("a mouse click starts a session too; a drag that scrolls does not",
          "[headless][app][loop][touch]") {
  SECTION("click") {
    Harness h;
    h.events.at(1.0, testing::mouse_motion(kHeroX, kHeroY, false));
    h.events.at(1.5, testing::mouse_button(true, kHeroX, kHeroY, false));
    h.events.at(1.6, testing::mouse_button(false, kHeroX, kHeroY, false));
    h.run_until(2.0);
    CHECK(h.model.route().screen == app::Screen::Player);
  }
  SECTION("drag") {
    Harness h;
    h.events.at(1.0, testing::mouse_button(true, 100, kHeroY - 20, true));
    h.events.at(1.1, testing::mouse_motion(100, kHeroY - 5, true));
    h.events.at(1.2, testing::mouse_motion(100, kHeroY + 10, true));
    h.events.at(1.3, testing::mouse_button(false, 100, kHeroY + 10, true));
    h.run_until(2.0);
    CHECK(h.model.route().screen == app::Screen::Home);
    CHECK_FALSE(h.model.has_session());
  }
}

TEST_CASE("Escape in the player ends the session and returns home", "[headless][app][loop]") {
  Harness h;
  REQUIRE(h.model.open(app::Route{app::Screen::Player, {"clinician-essentials", "box-breathing"}}).ok);
  h.events.at(5.0, testing::key_down(SDL_SCANCODE_ESCAPE));
  h.run_until(6.0);
  CHECK(h.model.route().screen == app::Screen::Home);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].how == ui::SessionEnd::Stopped);
  CHECK(h.outcomes[0].active == testing::seconds(5.0));
}

TEST_CASE("coming back within 10 minutes offers Resume; the session then completes",
          "[headless][app][loop]") {
  Harness h;
  REQUIRE(h.model.open(app::Route{app::Screen::Player, {"clinician-essentials", "two-minute-reset"}}).ok);
  h.events.at(30.0, testing::app_event(SDL_APP_WILLENTERBACKGROUND));
  h.events.at(30.0 + 9 * 60, testing::app_event(SDL_APP_DIDENTERFOREGROUND));
  // The person looks at the screen for a second (otherwise the loop would sleep until the
  // interruption's deadline, which is the next test's business).
  h.events.at(30.0 + 9 * 60 + 1, testing::app_event(SDL_USEREVENT));
  h.run_until(30.0 + 9 * 60 + 1);
  REQUIRE(h.model.has_session());
  const core::FrameState paused = h.model.runner()->frame();
  CHECK(paused.state == core::RunState::Paused);
  CHECK(paused.pause_reason == core::PauseReason::Interruption);
  CHECK(h.model.player_view().frame.state == core::RunState::Paused);
  CHECK(h.outcomes.empty());

  h.model.apply(action(ui::ActionKind::Resume));
  h.run_until(30.0 + 9 * 60 + 1 + 95);  // the remaining 90 s and a little more
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].how == ui::SessionEnd::Finished);
  CHECK(h.outcomes[0].complete);
  CHECK(h.outcomes[0].active == testing::seconds(120.0));
  CHECK(h.model.route().screen == app::Screen::Completion);
  // The end cue sounded.
  REQUIRE_FALSE(h.audio.plays.empty());
  CHECK(h.audio.plays.back().name == "end");
}

TEST_CASE("a zero frame time is clamped so ImGui never sees DeltaTime 0", "[headless][app][loop]") {
  Harness h;
  h.loop->render_frame(0.0f);
  h.loop->render_frame(0.0f);  // ImGui asserts DeltaTime > 0 after the first frame
  CHECK(ImGui::GetIO().DeltaTime > 0.0f);
  h.loop->render_frame();  // from the clock, which has not moved
  CHECK(ImGui::GetIO().DeltaTime > 0.0f);
  CHECK(h.loop->frames_rendered() == 3);
}

TEST_CASE("a new display scale rebuilds the font atlas at the new pixel size", "[headless][app][loop]") {
  Harness h;
  h.loop->render_frame();
  ImGuiIO& io = ImGui::GetIO();
  REQUIRE(io.Fonts->Fonts.Size > 0);
  CHECK(io.Fonts->Fonts[0]->FontSize == 17.0f);  // body text, 17 dp at scale 1
  std::string error;
  REQUIRE(h.ui->set_scale(2.0f, error));
  CHECK(h.ui->scale() == 2.0f);
  CHECK(io.Fonts->Fonts[0]->FontSize == 34.0f);  // rasterized at the new size, not magnified
  CHECK(io.FontGlobalScale == 1.0f);
  // The loop follows its host's scale (1 here) and rebuilds again before the next frame.
  h.loop->render_frame();
  CHECK(h.ui->scale() == 1.0f);
  CHECK(io.Fonts->Fonts[0]->FontSize == 17.0f);
  CHECK(io.Fonts->IsBuilt());
}
