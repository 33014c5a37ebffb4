// The app's state and the pure pieces under the UI, without rendering: navigation and sessions
// in AppModel, cue dispatch under the sound modes, the pacer's geometry, the pointer tracker that
// makes taps work, the frame policy, and the UI's number formats.
#include <catch2/catch.hpp>

#include "app/app_model.h"
#include "app/main_loop.h"
#include "app_test_support.h"
#include "backends/null/recording_audio.h"
#include "backends/sdl/sdl_input.h"
#include "core/cue_dispatcher.h"
#include "core/session_plan.h"
#include "ui/pacer.h"
#include "ui/strings.h"

using namespace respite;

namespace {

struct Model {
  core::Catalog catalog = testing::bundled_catalog();
  null_backend::ManualClock clock;
  null_backend::RecordingAudio audio{true};
  null_backend::RecordingHaptics haptics{true};
  core::CueDispatcher cues{audio, haptics};
  app::AppModel model{catalog, clock, app::AppModel::Services{&cues, &audio}};
  std::vector<app::SessionOutcome> outcomes;

  Model() {
    cues.set_log_sink(nullptr);
    model.set_session_finished_handler([this](const app::SessionOutcome& o) { outcomes.push_back(o); });
  }
  // Advances the clock in frame-sized steps, updating the model as the loop would.
  void run_for(double seconds) {
    const core::MonoTime end = clock.monotonic() + testing::seconds(seconds);
    while (clock.monotonic() < end) {
      clock.advance(std::min<core::MonoTime>(std::chrono::milliseconds(16), end - clock.monotonic()));
      model.update();
    }
  }
  ui::UiAction action(ui::ActionKind kind) {
    ui::UiAction a;
    a.kind = kind;
    return a;
  }
};

const app::Route kReset{app::Screen::Player, {"clinician-essentials", "two-minute-reset"}};

}  // namespace

TEST_CASE("home offers the pack's default item in one tap and lists breathing items",
          "[headless][app][model]") {
  Model m;
  const ui::HomeView home = m.model.home_view();
  REQUIRE(home.primary);
  CHECK(home.primary->ref.to_string() == "clinician-essentials/two-minute-reset");
  CHECK(home.primary->planned_seconds == Approx(120.0));
  CHECK(home.breathing.size() >= 2);
  for (const ui::ItemCardView& card : home.breathing) {
    CHECK(card.kind == core::ItemKind::Breathing);
    CHECK(card.startable);
    CHECK_FALSE(card.title.empty());
  }
  ui::UiAction start = m.action(ui::ActionKind::StartItem);
  start.item = home.primary->ref;
  m.model.apply(start);
  CHECK(m.model.route() == kReset);
  REQUIRE(m.model.has_session());
  CHECK(m.model.runner()->state() == core::RunState::Running);
}

TEST_CASE("the library lists every item of the catalog", "[headless][app][model]") {
  Model m;
  std::size_t items = 0;
  for (const core::Pack& pack : m.catalog.packs) items += pack.items.size();
  CHECK(m.model.library_view().items.size() == items);
}

TEST_CASE("a session that runs its course completes and reports once", "[headless][app][model]") {
  Model m;
  REQUIRE(m.model.open(kReset).ok);
  m.run_for(60.0);
  CHECK(m.outcomes.empty());
  const ui::PlayerView mid = m.model.player_view();
  REQUIRE(mid.plan != nullptr);
  CHECK(mid.frame.state == core::RunState::Running);
  CHECK(mid.title == "Two-minute reset");
  m.run_for(61.0);
  REQUIRE(m.outcomes.size() == 1);
  const app::SessionOutcome& outcome = m.outcomes[0];
  CHECK(outcome.how == ui::SessionEnd::Finished);
  CHECK(outcome.complete);
  CHECK(outcome.active == testing::seconds(120.0));
  CHECK(outcome.planned == core::Millis(120'000));
  // Ended within one 16 ms update of the 120 s mark, on the wall clock too.
  const std::int64_t started_utc = 1'767'225'600'000;  // ManualClock's default wall time at 0
  CHECK(outcome.ended_at.ms >= started_utc + 120'000);
  CHECK(outcome.ended_at.ms <= started_utc + 120'016);
  CHECK(m.model.route().screen == app::Screen::Completion);
  const ui::CompletionView done = m.model.completion_view();
  CHECK(done.complete);
  CHECK(done.active_seconds == Approx(120.0));
  CHECK_FALSE(m.model.has_session());
}

TEST_CASE("stopping early keeps a partial session; the minimum decides completeness",
          "[headless][app][model]") {
  SECTION("below the minimum (90 s)") {
    Model m;
    REQUIRE(m.model.open(kReset).ok);
    m.run_for(45.0);
    m.model.apply(m.action(ui::ActionKind::EndSession));
    REQUIRE(m.outcomes.size() == 1);
    CHECK(m.outcomes[0].how == ui::SessionEnd::Stopped);
    CHECK_FALSE(m.outcomes[0].complete);
    CHECK(m.outcomes[0].active == testing::seconds(45.0));
    CHECK(m.model.route().screen == app::Screen::Completion);
    CHECK_FALSE(m.model.completion_view().complete);
  }
  SECTION("past the minimum") {
    Model m;
    REQUIRE(m.model.open(kReset).ok);
    m.run_for(100.0);
    m.model.apply(m.action(ui::ActionKind::EndSession));
    REQUIRE(m.outcomes.size() == 1);
    CHECK(m.outcomes[0].complete);
  }
}

TEST_CASE("pauses do not count as active time", "[headless][app][model]") {
  Model m;
  REQUIRE(m.model.open(kReset).ok);
  m.run_for(10.0);
  m.model.apply(m.action(ui::ActionKind::Pause));
  CHECK(m.model.runner()->state() == core::RunState::Paused);
  CHECK_FALSE(m.model.animating());
  m.run_for(300.0);  // a user pause has no time limit
  REQUIRE(m.model.has_session());
  m.model.apply(m.action(ui::ActionKind::Resume));
  m.run_for(5.0);
  m.model.apply(m.action(ui::ActionKind::EndSession));
  REQUIRE(m.outcomes.size() == 1);
  CHECK(m.outcomes[0].active == testing::seconds(15.0));
}

TEST_CASE("an interruption pauses; past 10 minutes it ends the session as partial",
          "[headless][app][model]") {
  Model m;
  REQUIRE(m.model.open(kReset).ok);
  m.run_for(20.0);
  m.model.on_background();
  CHECK(m.audio.stop_all_calls == 1);  // a chime must not keep ringing from a pocket
  const core::FrameState frame = m.model.runner()->frame();
  CHECK(frame.state == core::RunState::Paused);
  CHECK(frame.pause_reason == core::PauseReason::Interruption);
  REQUIRE(m.model.time_until_deadline());
  CHECK(*m.model.time_until_deadline() == app::AppModel::kInterruptionLimit);
  m.run_for(599.0);
  CHECK(m.outcomes.empty());
  CHECK(*m.model.time_until_deadline() == testing::seconds(1.0));
  m.run_for(1.0);
  REQUIRE(m.outcomes.size() == 1);
  CHECK(m.outcomes[0].how == ui::SessionEnd::Interrupted);
  CHECK_FALSE(m.outcomes[0].complete);
  CHECK(m.outcomes[0].active == testing::seconds(20.0));
  CHECK(m.model.completion_view().how == ui::SessionEnd::Interrupted);
  CHECK_FALSE(m.model.time_until_deadline());
}

TEST_CASE("quitting mid-session reports the session", "[headless][app][model]") {
  Model m;
  REQUIRE(m.model.open(kReset).ok);
  m.run_for(12.0);
  m.model.on_quit();
  REQUIRE(m.outcomes.size() == 1);
  CHECK(m.outcomes[0].active == testing::seconds(12.0));
  m.model.on_quit();
  CHECK(m.outcomes.size() == 1);
}

TEST_CASE("unknown and unplayable items are refused with exit 1", "[headless][app][model]") {
  Model m;
  const app::OpenResult missing =
      m.model.open(app::Route{app::Screen::Player, {"clinician-essentials", "nope"}});
  CHECK_FALSE(missing.ok);
  CHECK(missing.exit_code == 1);
  CHECK(m.model.route().screen == app::Screen::Home);
  core::Catalog catalog;
  core::Pack pack;
  pack.id = "p";
  core::Item module;
  module.id = "reading";
  module.kind = core::ItemKind::Module;
  pack.items.push_back(module);
  catalog.packs.push_back(pack);
  app::AppModel other(catalog, m.clock, {});
  const app::OpenResult unplayable = other.open(app::Route{app::Screen::Player, {"p", "reading"}});
  CHECK_FALSE(unplayable.ok);
  CHECK(unplayable.exit_code == 1);
  CHECK(unplayable.error.find("module") != std::string::npos);
  CHECK_FALSE(other.library_view().items.at(0).startable);
  CHECK_FALSE(other.home_view().primary);
}

TEST_CASE("cues play through the dispatcher; 'with patients' never makes a sound",
          "[headless][app][model][cues]") {
  SECTION("sound") {
    Model m;
    REQUIRE(m.model.open(kReset).ok);
    m.run_for(10.5);
    // inhale at 0, exhale at 4, inhale at 10
    REQUIRE(m.audio.plays.size() == 3);
    CHECK(m.audio.plays[0].name == "inhale");
    CHECK(m.audio.plays[1].name == "exhale");
    CHECK(m.audio.plays[2].name == "inhale");
    CHECK(m.haptics.patterns.size() == 3);
  }
  SECTION("with patients") {
    Model m;
    ui::UiAction mode = m.action(ui::ActionKind::SetSoundMode);
    mode.sound_mode = core::SoundMode::WithPatients;
    m.model.apply(mode);
    REQUIRE(m.model.open(kReset).ok);
    m.run_for(130.0);
    CHECK(m.audio.plays.empty());
    CHECK(m.haptics.patterns.size() >= 24);  // vibration still marks each phase
    CHECK(m.model.settings_view().sound.mode == core::SoundMode::WithPatients);
  }
}

TEST_CASE("settings actions change the settings the screens read", "[headless][app][model]") {
  Model m;
  const std::uint64_t before = m.model.revision();
  ui::UiAction theme = m.action(ui::ActionKind::SetTheme);
  theme.theme = ui::ThemeName::Dark;
  m.model.apply(theme);
  ui::UiAction motion = m.action(ui::ActionKind::SetReducedMotion);
  motion.flag = true;
  m.model.apply(motion);
  ui::UiAction volume = m.action(ui::ActionKind::SetVolume);
  volume.volume = 1.7f;
  m.model.apply(volume);
  CHECK(m.model.revision() > before);
  const ui::SettingsView view = m.model.settings_view();
  CHECK(view.theme == ui::ThemeName::Dark);
  CHECK(view.reduced_motion);
  CHECK(view.sound.volume() == 1.0f);
  CHECK(m.cues.settings().master_volume == 1.0f);
  // Reduced motion: screens change without a fade.
  m.model.apply(m.action(ui::ActionKind::OpenLibrary));
  CHECK(m.model.screen_opacity() == 1.0f);
  CHECK_FALSE(m.model.animating());
}

TEST_CASE("screen changes fade in briefly unless motion is reduced", "[headless][app][model]") {
  Model m;
  m.model.apply(m.action(ui::ActionKind::OpenSettings));
  CHECK(m.model.animating());
  CHECK(m.model.screen_opacity() < 1.0f);
  m.clock.advance(app::AppModel::kTransition);
  CHECK_FALSE(m.model.animating());
  CHECK(m.model.screen_opacity() == 1.0f);
  m.model.back();
  CHECK(m.model.route().screen == app::Screen::Home);
}

// ---- Pacer geometry ------------------------------------------------------------------------

TEST_CASE("the circle follows the breath: eased, full after inhale, empty after exhale",
          "[headless][ui][pacer]") {
  Model m;
  const core::Item* item = m.catalog.find({"clinician-essentials", "two-minute-reset"});
  REQUIRE(item != nullptr);
  const core::SessionPlan plan = core::make_plan({"clinician-essentials", "two-minute-reset"}, *item, {});
  REQUIRE(plan.phases.size() >= 2);
  CHECK(ui::breath_level(plan, 0, 0.0) == Approx(0.0f));
  CHECK(ui::breath_level(plan, 0, 0.5) == Approx(0.5f));
  CHECK(ui::breath_level(plan, 0, 1.0) == Approx(1.0f));
  CHECK(ui::breath_level(plan, 0, 0.25) < 0.25f);  // slow start: eased, not linear
  CHECK(ui::breath_level(plan, 1, 0.0) == Approx(1.0f));
  CHECK(ui::breath_level(plan, 1, 1.0) == Approx(0.0f).margin(1e-6));
  CHECK(ui::breath_level(plan, 2, 0.0) == Approx(0.0f).margin(1e-6));  // next cycle starts empty
  CHECK(ui::ease_in_out(-1.0f) == 0.0f);
  CHECK(ui::ease_in_out(2.0f) == 1.0f);
}

TEST_CASE("holds keep the level and a top-up finishes a partial inhale", "[headless][ui][pacer]") {
  core::Item item;
  item.kind = core::ItemKind::Breathing;
  item.breathing.cycles = 2;
  for (auto [kind, ms] : {std::pair{core::PhaseKind::Inhale, 3000}, std::pair{core::PhaseKind::TopUp, 1000},
                          std::pair{core::PhaseKind::HoldIn, 2000}, std::pair{core::PhaseKind::Exhale, 6000},
                          std::pair{core::PhaseKind::HoldOut, 2000}}) {
    core::PhaseSpec phase;
    phase.kind = kind;
    phase.duration = core::Millis(ms);
    item.breathing.phases.push_back(phase);
  }
  const core::SessionPlan plan = core::make_plan({"p", "sigh"}, item, {});
  REQUIRE(plan.phases.size() == 10);
  CHECK(ui::breath_level(plan, 0, 1.0) == Approx(0.8f));  // inhale stops short of full
  CHECK(ui::breath_level(plan, 1, 0.0) == Approx(0.8f));
  CHECK(ui::breath_level(plan, 1, 1.0) == Approx(1.0f));               // the top-up fills
  CHECK(ui::breath_level(plan, 2, 0.5) == Approx(1.0f));               // hold in: still full
  CHECK(ui::breath_level(plan, 4, 0.5) == Approx(0.0f).margin(1e-6));  // hold out: still empty
  CHECK(ui::breath_level(plan, 5, 0.0) == Approx(0.0f).margin(1e-6));  // second cycle
  CHECK(ui::breath_level(plan, 7, 0.3) == Approx(1.0f));
}

TEST_CASE("the box dot takes one edge per phase", "[headless][ui][pacer]") {
  Model m;
  const core::Item* item = m.catalog.find({"clinician-essentials", "box-breathing"});
  REQUIRE(item != nullptr);
  REQUIRE(item->breathing.style == core::PacerStyle::Box);
  const core::SessionPlan plan = core::make_plan({"clinician-essentials", "box-breathing"}, *item, {});
  REQUIRE(plan.phases.size() >= 8);
  for (int i = 0; i < 8; ++i) CHECK(ui::box_position(plan, i, 0.5).edge == i % 4);
  CHECK(ui::box_position(plan, 1, 0.25).along == Approx(0.25f));
  const ImVec2 tl(10.0f, 20.0f);
  const float side = 100.0f;
  auto at = [&](int edge, float along) { return ui::box_point(tl, side, ui::BoxPosition{edge, along}); };
  CHECK(at(0, 0.0f).x == 10.0f);  // starts bottom left, goes up
  CHECK(at(0, 0.0f).y == 120.0f);
  CHECK(at(0, 1.0f).y == 20.0f);
  CHECK(at(1, 0.5f).x == 60.0f);  // across the top
  CHECK(at(1, 0.5f).y == 20.0f);
  CHECK(at(2, 1.0f).x == 110.0f);  // down the right
  CHECK(at(2, 1.0f).y == 120.0f);
  CHECK(at(3, 1.0f).x == 10.0f);  // back along the bottom
  CHECK(ui::circle_segments(300.0f) > ui::circle_segments(20.0f));
}

// ---- Input and frame policy ----------------------------------------------------------------

TEST_CASE("a tap whose press and release arrive together still clicks", "[headless][app][input]") {
  sdl::PointerTracker pointer;
  CHECK(pointer.handle(testing::mouse_button(true, 40, 50, true)));
  CHECK(pointer.handle(testing::mouse_button(false, 40, 50, true)));
  const sdl::PointerFrame press = pointer.take_frame();
  CHECK(press.valid);
  CHECK(press.down);
  CHECK(press.x == 40.0f);
  CHECK(press.y == 50.0f);
  const sdl::PointerFrame release = pointer.take_frame();
  CHECK(release.valid);
  CHECK_FALSE(release.down);
  // The finger has gone: nothing stays highlighted under it.
  CHECK_FALSE(pointer.take_frame().valid);
}

TEST_CASE("a mouse pointer stays after a click; leaving the window hides it", "[headless][app][input]") {
  sdl::PointerTracker pointer;
  pointer.handle(testing::mouse_motion(5, 6, false));
  pointer.handle(testing::mouse_button(true, 5, 6, false));
  CHECK(pointer.take_frame().down);
  pointer.handle(testing::mouse_button(false, 5, 6, false));
  CHECK_FALSE(pointer.take_frame().down);
  CHECK(pointer.take_frame().valid);
  SDL_Event leave{};
  leave.type = SDL_WINDOWEVENT;
  leave.window.event = SDL_WINDOWEVENT_LEAVE;
  pointer.handle(leave);
  CHECK_FALSE(pointer.take_frame().valid);
}

TEST_CASE("lifecycle events map to background, foreground and quit", "[headless][app][input]") {
  using sdl::Lifecycle;
  CHECK(sdl::classify_lifecycle(testing::app_event(SDL_APP_WILLENTERBACKGROUND)) == Lifecycle::Background);
  CHECK(sdl::classify_lifecycle(testing::app_event(SDL_APP_DIDENTERFOREGROUND)) == Lifecycle::Foreground);
  CHECK(sdl::classify_lifecycle(testing::app_event(SDL_QUIT)) == Lifecycle::Quit);
  CHECK(sdl::classify_lifecycle(testing::app_event(SDL_APP_TERMINATING)) == Lifecycle::Quit);
  SDL_Event window{};
  window.type = SDL_WINDOWEVENT;
  for (auto [event, expected] : {std::pair{SDL_WINDOWEVENT_MINIMIZED, Lifecycle::Background},
                                 std::pair{SDL_WINDOWEVENT_FOCUS_LOST, Lifecycle::Background},
                                 std::pair{SDL_WINDOWEVENT_RESTORED, Lifecycle::Foreground},
                                 std::pair{SDL_WINDOWEVENT_RESIZED, Lifecycle::None}}) {
    window.window.event = static_cast<Uint8>(event);
    CHECK(sdl::classify_lifecycle(window) == expected);
  }
  CHECK(sdl::is_back_key(testing::key_down(SDL_SCANCODE_ESCAPE)));
  CHECK(sdl::is_back_key(testing::key_down(SDL_SCANCODE_AC_BACK)));
  CHECK_FALSE(sdl::is_back_key(testing::key_down(SDL_SCANCODE_SPACE)));
}

TEST_CASE("the frame policy blocks when idle and paces when animating", "[headless][app][loop]") {
  app::FramePolicy policy;
  const core::MonoTime none{0};
  CHECK(policy.wait_timeout_ms(false, false, none, std::nullopt) == 0);  // start-up frames first
  for (int i = 0; i < app::FramePolicy::kSettleFrames; ++i) policy.frame_rendered();
  CHECK_FALSE(policy.wants_frame(false));
  CHECK(policy.wait_timeout_ms(false, false, none, std::nullopt) == -1);
  CHECK(policy.wait_timeout_ms(false, false, none, testing::seconds(2.5)) == 2500);
  CHECK(policy.wait_timeout_ms(true, true, none, std::nullopt) == 0);
  CHECK(policy.wait_timeout_ms(true, false, std::chrono::milliseconds(5), std::nullopt) == 12);
  CHECK(policy.wait_timeout_ms(true, false, std::chrono::milliseconds(40), std::nullopt) == 0);
  policy.note_activity();
  CHECK(policy.wants_frame(false));
  CHECK(policy.wait_timeout_ms(false, false, none, std::nullopt) == 0);
}

// ---- Formats -------------------------------------------------------------------------------

TEST_CASE("durations and countdowns read naturally", "[headless][ui][strings]") {
  core::Diagnostics problems;
  const core::TranslationSet words = core::TranslationSet::load(
      std::string(RESPITE_SOURCE_DIR) + "/assets/i18n", core::shipped_languages(), problems);
  REQUIRE_FALSE(problems.has_errors());
  const core::Translations& en = words.for_locale("en");
  CHECK(core::format_duration_compact(en, 45.0) == "45 s");
  CHECK(core::format_duration_compact(en, 120.0) == "2 min");
  CHECK(core::format_duration_compact(en, 90.0) == "1 min 30 s");
  CHECK(ui::format_duration_short(en, 297.0) == "5 min");
  CHECK(ui::format_duration_short(en, 76.0) == "1 min 16 s");
  CHECK(ui::format_clock(83.0) == "1:23");
  CHECK(ui::format_clock(82.4) == "1:23");  // rounds up: never shows 0:00 while time is left
  CHECK(ui::format_clock(0.0) == "0:00");
  CHECK(words.for_locale("es-MX").language() == "es");
  CHECK(words.for_locale("fr").language() == "en");
  CHECK(ui::make_strings(en).phase_top_up == std::string("Top up"));
}

TEST_CASE("every bundled breathing item and micro-break plays to the end and counts as complete",
          "[headless][app][model][content]") {
  Model m;
  int played = 0;
  for (const core::Pack& pack : m.catalog.packs) {
    for (const core::Item& item : pack.items) {
      if (item.kind != core::ItemKind::Breathing && item.kind != core::ItemKind::MicroBreak) continue;
      INFO(pack.id << "/" << item.id);
      m.outcomes.clear();
      REQUIRE(m.model.open(app::Route{app::Screen::Player, {pack.id, item.id}}).ok);
      const ui::PlayerView start = m.model.player_view();
      REQUIRE(start.plan != nullptr);
      CHECK_FALSE(start.title.empty());
      const double planned = std::chrono::duration<double>(start.plan->planned).count();
      CHECK(planned >= 20.0);
      CHECK(planned <= 10 * 60.0);
      m.run_for(planned + 1.0);
      REQUIRE(m.outcomes.size() == 1);
      CHECK(m.outcomes[0].how == ui::SessionEnd::Finished);
      CHECK(m.outcomes[0].complete);
      CHECK(m.model.route().screen == app::Screen::Completion);
      ++played;
    }
  }
  CHECK(played >= 14);  // six breathing items and eight micro-breaks at the least
}

TEST_CASE("every page of every bundled module and every program opens", "[headless][app][model][content]") {
  Model m;
  int pages = 0;
  for (const core::Pack& pack : m.catalog.packs) {
    for (const core::Item& item : pack.items) {
      INFO(pack.id << "/" << item.id);
      if (item.kind == core::ItemKind::Module) {
        for (std::size_t page = 0; page < item.module.pages.size(); ++page) {
          app::Route route{app::Screen::Module, {pack.id, item.id}};
          route.page = static_cast<int>(page);
          REQUIRE(m.model.open(route).ok);
          CHECK_FALSE(m.model.module_view().title.empty());
          ++pages;
        }
      } else if (item.kind == core::ItemKind::Program) {
        REQUIRE(m.model.open(app::Route{app::Screen::Program, {pack.id, item.id}}).ok);
        CHECK_FALSE(m.model.program_view().days.empty());
      }
    }
  }
  CHECK(pages >= 6);
}
