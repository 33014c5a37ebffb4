// SessionRunner: everything is computed from the injected clock, so frame rate and jitter cannot
// make the pacer drift, and pausing shifts the whole plan by exactly the paused time.
#include <catch2/catch.hpp>

#include <random>

#include "backends/null/manual_clock.h"
#include "core/session_runner.h"
#include "test_helpers_breathing.h"

using namespace respite;
using core::Millis;
using core::MonoTime;
using core::PhaseKind;
using core::RunState;
using namespace std::chrono_literals;

namespace {

core::SessionPlan two_minute_plan() {
  // A deliberately awkward pattern: fractional phases and a top-up, so boundaries fall between frames.
  const auto item = test::breathing_item(
      {{PhaseKind::Inhale, 3.3}, {PhaseKind::TopUp, 0.7}, {PhaseKind::HoldIn, 1.05}, {PhaseKind::Exhale, 6.95}},
      10);
  return core::make_plan(test::kTestRef, item, {});
}

// Reference: the phase a perfect display would show at active time `t`, by a linear scan.
int reference_phase(const core::SessionPlan& plan, MonoTime t) {
  for (std::size_t i = 0; i < plan.phases.size(); ++i) {
    if (t < std::chrono::duration_cast<MonoTime>(plan.phases[i].end())) return static_cast<int>(i);
  }
  return static_cast<int>(plan.phases.size()) - 1;
}

}  // namespace

TEST_CASE("the runner never drifts and shows each phase within one frame, at any rate and jitter",
          "[unit][runner]") {
  const double rate = GENERATE(60.0, 120.0, 144.0);
  const auto plan = two_minute_plan();
  REQUIRE(plan.planned == Millis(120'000));
  null_backend::ManualClock clock;
  core::SessionRunner runner(plan, clock);
  runner.start();

  std::mt19937 rng(static_cast<unsigned>(rate));
  std::uniform_real_distribution<double> jitter(-0.3, 0.3);
  const double frame_ns = 1e9 / rate;
  MonoTime shown_time{0};
  int previous_shown = 0;
  MonoTime previous_time{0};
  int frames = 0;
  while (runner.state() == RunState::Running) {
    const auto dt = MonoTime(static_cast<std::int64_t>(frame_ns * (1.0 + jitter(rng))));
    clock.advance(dt);
    shown_time += dt;
    ++frames;
    const core::FrameState frame = runner.frame();
    if (frame.state != RunState::Running) break;
    // The phase shown is exactly the phase of the true time of this frame...
    REQUIRE(frame.phase_index == reference_phase(plan, shown_time));
    // ...so a boundary crossed since the last frame is shown now, never a frame later.
    if (frame.phase_index != previous_shown) {
      const auto boundary = std::chrono::duration_cast<MonoTime>(plan.phases[frame.phase_index].start);
      REQUIRE(previous_time < boundary);
      REQUIRE(shown_time >= boundary);
    }
    REQUIRE(frame.elapsed == shown_time);  // zero drift, frame after frame
    previous_shown = frame.phase_index;
    previous_time = shown_time;
  }
  INFO("rate " << rate << " Hz, " << frames << " frames");
  // After two minutes: finished on the first frame at or past the planned length, with zero drift.
  CHECK(shown_time >= 120s);
  CHECK(shown_time - previous_time <= MonoTime(static_cast<std::int64_t>(frame_ns * 1.3)) + 1ns);
  CHECK(runner.state() == RunState::Finished);
  CHECK(runner.active_time() == 120s);
  CHECK(runner.complete());
  CHECK(frames >= static_cast<int>(rate * 120 * 0.75));
}

TEST_CASE("pause and resume shift the plan by exactly the paused time", "[unit][runner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  runner.start();
  clock.advance(3s);
  runner.pause();
  CHECK(runner.state() == RunState::Paused);
  clock.advance(7'300ms);
  CHECK(runner.frame().elapsed == 3s);  // time stands still while paused
  CHECK(runner.paused_for() == 7'300ms);
  runner.resume();
  clock.advance(1'500ms);
  const auto frame = runner.frame();
  CHECK(frame.elapsed == 4'500ms);
  CHECK(frame.phase == PhaseKind::Exhale);
  CHECK(frame.phase_remaining_seconds == Approx(5.5));

  // The session ends exactly 120 s of active time after its start, i.e. 7.3 s late on the wall.
  clock.advance(115'499ms);
  CHECK(runner.state() == RunState::Running);
  clock.advance(1ms);
  CHECK(runner.state() == RunState::Finished);
  CHECK(runner.active_time() == 120s);
}

TEST_CASE("cues fire once, in order, shifted by pauses", "[unit][runner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 2);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  CHECK(runner.take_due_cues().empty());  // nothing before start
  runner.start();
  auto due = runner.take_due_cues();
  REQUIRE(due.size() == 1);
  CHECK(due[0].phase == PhaseKind::Inhale);
  CHECK(runner.take_due_cues().empty());  // each cue once

  clock.advance(3'900ms);
  CHECK(runner.take_due_cues().empty());
  runner.pause(core::PauseReason::Interruption);
  CHECK(runner.frame().pause_reason == core::PauseReason::Interruption);
  clock.advance(60s);
  CHECK(runner.take_due_cues().empty());  // a page or a call: nothing plays while paused
  runner.resume();
  clock.advance(100ms);
  due = runner.take_due_cues();
  REQUIRE(due.size() == 1);
  CHECK(due[0].phase == PhaseKind::Exhale);

  clock.advance(16s);
  due = runner.take_due_cues();
  // Cues more than 500 ms late are dropped rather than played in a burst; the end cue is on time.
  REQUIRE(due.size() == 1);
  CHECK(due[0].is_end());
  CHECK(runner.skipped_cues() == 2);
}

TEST_CASE("stopping early keeps the active time and plays no end cue", "[unit][runner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  runner.stop();  // stopping before starting does nothing
  CHECK(runner.state() == RunState::NotStarted);
  runner.start();
  (void)runner.take_due_cues();
  clock.advance(42s);
  runner.stop();
  clock.advance(500s);
  CHECK(runner.state() == RunState::Stopped);
  CHECK(runner.active_time() == 42s);
  CHECK_FALSE(runner.complete());
  for (const auto& cue : runner.take_due_cues()) CHECK_FALSE(cue.is_end());
  runner.resume();  // a stopped session cannot be resumed
  CHECK(runner.state() == RunState::Stopped);
}

TEST_CASE("a session with a minimum is complete once the minimum is reached", "[unit][runner]") {
  auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  item.minimum = Millis(90'000);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  runner.start();
  clock.advance(89'999ms);
  CHECK_FALSE(runner.complete());
  clock.advance(1ms);
  CHECK(runner.complete());
}

TEST_CASE("frame state reports progress and countdown from the clock", "[unit][runner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  CHECK(runner.frame().state == RunState::NotStarted);
  runner.start();
  clock.advance(37'500ms);
  const auto frame = runner.frame();
  CHECK(frame.phase == PhaseKind::Exhale);  // 37.5 s = cycle 3, 7.5 s into it
  CHECK(frame.cycle == 3);
  CHECK(frame.phase_progress == Approx(3.5 / 6.0));
  CHECK(frame.phase_remaining_seconds == Approx(2.5));
  CHECK(frame.session_progress == Approx(37.5 / 120.0));
  CHECK(frame.remaining_seconds == Approx(82.5));
}
