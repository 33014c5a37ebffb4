// CueDispatcher: sound modes, volume and mute, "with patients" silence under any sequence of
// events, the visual cue returned, cue-timing measurement, and the haptic signatures.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "backends/null/manual_clock.h"
#include "backends/null/recording_audio.h"
#include "core/cue_dispatcher.h"
#include "core/session_runner.h"
#include "test_helpers_breathing.h"

using namespace respite;
using namespace std::chrono_literals;
using core::CueEvent;
using core::Millis;
using core::MonoTime;
using core::PhaseKind;
using core::SoundMode;
using core::SoundSettings;

namespace {

CueEvent phase_cue(PhaseKind kind, Millis at, std::string sound, std::string haptic,
                   std::string caption = {}) {
  CueEvent cue;
  cue.at = at;
  cue.phase_index = 0;
  cue.phase = kind;
  cue.sound = std::move(sound);
  cue.haptic = std::move(haptic);
  cue.caption = std::move(caption);
  return cue;
}

CueEvent end_cue(Millis at) {
  CueEvent cue;
  cue.at = at;
  cue.sound = "end";
  cue.haptic = "end";
  return cue;
}

SoundSettings settings(SoundMode mode, float volume = 0.8f, bool muted = false, bool vibration = true) {
  SoundSettings s;
  s.mode = mode;
  s.master_volume = volume;
  s.muted = muted;
  s.vibration = vibration;
  return s;
}

MonoTime at(Millis ms) {
  return std::chrono::duration_cast<MonoTime>(ms);
}

}  // namespace

TEST_CASE("sound mode plays the cue's sound at the master volume and its haptic",
          "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Sound, 0.6f));
  dispatcher.set_log_sink(nullptr);

  const auto visual = dispatcher.dispatch(phase_cue(PhaseKind::Inhale, 0ms, "inhale", "rise"), at(0ms));
  REQUIRE(audio.plays.size() == 1);
  CHECK(audio.plays[0].name == "inhale");
  CHECK(audio.plays[0].volume == Approx(0.6f));
  CHECK(haptics.patterns == std::vector<std::string>{"rise"});
  CHECK(visual.sounded);
  CHECK(visual.vibrated);
  CHECK(visual.phase_word_key == "phase.inhale");
  CHECK(visual.caption.empty());
  CHECK_FALSE(visual.is_end);
}

TEST_CASE("silent mode vibrates and shows, but never sounds", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Silent, 1.0f));
  dispatcher.set_log_sink(nullptr);

  const auto visual = dispatcher.dispatch(
      phase_cue(PhaseKind::Exhale, 4000ms, "exhale", "fall", "Breathe out slowly"), at(4000ms));
  dispatcher.tap();
  CHECK(audio.plays.empty());
  CHECK(haptics.patterns == std::vector<std::string>{"fall", "tap"});
  CHECK_FALSE(visual.sounded);
  CHECK(visual.vibrated);
  CHECK(visual.caption == "Breathe out slowly");
  CHECK(visual.phase_word_key == "phase.exhale");
}

TEST_CASE("with-patients mode is silent whatever the volume and mute say", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::WithPatients, 1.0f, false));
  dispatcher.set_log_sink(nullptr);

  dispatcher.dispatch(phase_cue(PhaseKind::HoldIn, 0ms, "hold", "hold"), at(0ms));
  dispatcher.dispatch(end_cue(1000ms), at(1000ms));
  dispatcher.tap();
  CHECK(audio.plays.empty());
  CHECK(haptics.patterns == std::vector<std::string>{"hold", "end", "tap"});
}

TEST_CASE("mute, zero volume and nonsense volumes", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Sound, 0.8f, true));
  dispatcher.set_log_sink(nullptr);
  const CueEvent cue = phase_cue(PhaseKind::Inhale, 0ms, "inhale", "rise");

  dispatcher.dispatch(cue, at(0ms));
  CHECK(audio.plays.empty());
  CHECK(haptics.patterns.size() == 1);  // mute is about sound only

  dispatcher.set_settings(settings(SoundMode::Sound, 0.0f));
  dispatcher.dispatch(cue, at(0ms));
  dispatcher.set_settings(settings(SoundMode::Sound, -0.5f));
  dispatcher.dispatch(cue, at(0ms));
  dispatcher.set_settings(settings(SoundMode::Sound, std::numeric_limits<float>::quiet_NaN()));
  dispatcher.dispatch(cue, at(0ms));
  CHECK(audio.plays.empty());

  dispatcher.set_settings(settings(SoundMode::Sound, 7.0f));
  dispatcher.dispatch(cue, at(0ms));
  dispatcher.set_settings(settings(SoundMode::Sound, std::numeric_limits<float>::infinity()));
  dispatcher.dispatch(cue, at(0ms));
  REQUIRE(audio.plays.size() == 2);
  CHECK(audio.plays[0].volume == 1.0f);
  CHECK(audio.plays[1].volume == 1.0f);
}

TEST_CASE("vibration can be turned off; missing devices are skipped", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio(false);
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Sound, 0.8f, false, false));
  dispatcher.set_log_sink(nullptr);

  auto visual = dispatcher.dispatch(phase_cue(PhaseKind::Inhale, 0ms, "inhale", "rise"), at(0ms));
  CHECK(audio.plays.empty());  // no device: not even attempted
  CHECK(haptics.patterns.empty());
  CHECK_FALSE(visual.sounded);
  CHECK_FALSE(visual.vibrated);
  CHECK(visual.phase_word_key == "phase.inhale");  // the visual cue always comes back

  haptics.set_available(false);
  dispatcher.set_settings(settings(SoundMode::Silent));
  visual = dispatcher.dispatch(phase_cue(PhaseKind::HoldOut, 0ms, "hold", "hold"), at(0ms));
  CHECK(haptics.patterns.empty());
  CHECK(visual.phase_word_key == "phase.hold_out");
}

TEST_CASE("a cue without a sound or haptic plays nothing", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics);
  dispatcher.set_log_sink(nullptr);
  const auto visual = dispatcher.dispatch(phase_cue(PhaseKind::TopUp, 0ms, "", ""), at(0ms));
  CHECK(audio.plays.empty());
  CHECK(haptics.patterns.empty());
  CHECK(visual.phase_word_key == "phase.top_up");
}

TEST_CASE("the end-of-session cue plays the chime and three taps", "[unit][cues][dispatcher]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 2);
  const auto plan = core::make_plan(test::kTestRef, item, {});
  const CueEvent& end = plan.cues.back();
  REQUIRE(end.is_end());

  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Sound, 0.5f));
  dispatcher.set_log_sink(nullptr);
  const auto visual = dispatcher.dispatch(end, at(end.at));
  CHECK(visual.is_end);
  CHECK(visual.phase_word_key == "phase.end");
  REQUIRE(audio.plays.size() == 1);
  CHECK(audio.plays[0].name == "end");
  CHECK(haptics.patterns == std::vector<std::string>{"end"});
  CHECK(core::haptic_pattern("end").size() == 3);
}

TEST_CASE("turning sound off stops a sound already playing", "[unit][cues][dispatcher]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics, settings(SoundMode::Sound));
  dispatcher.set_log_sink(nullptr);

  dispatcher.set_settings(settings(SoundMode::Sound, 0.3f));  // still sounding: nothing to stop
  CHECK(audio.stop_all_calls == 0);
  dispatcher.set_settings(settings(SoundMode::WithPatients));
  CHECK(audio.stop_all_calls == 1);
  dispatcher.set_settings(settings(SoundMode::Silent));  // already silent
  CHECK(audio.stop_all_calls == 1);
  dispatcher.set_settings(settings(SoundMode::Sound));
  dispatcher.set_settings(settings(SoundMode::Sound, 0.8f, true));
  CHECK(audio.stop_all_calls == 2);
}

TEST_CASE("property: with-patients mode never calls play_cue, over random sequences",
          "[unit][cues][dispatcher]") {
  const SoundMode modes[] = {SoundMode::Sound, SoundMode::Silent, SoundMode::WithPatients};
  const float volumes[] = {0.0f,
                           0.2f,
                           0.8f,
                           1.0f,
                           1.5f,
                           -1.0f,
                           std::numeric_limits<float>::quiet_NaN(),
                           std::numeric_limits<float>::infinity()};
  const char* sounds[] = {"inhale", "exhale", "hold", "end", "tap", "", "soft-rise"};
  const char* patterns[] = {"rise", "fall", "hold", "end", "tap", ""};

  std::mt19937 rng(20260101u);
  auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  int sounded_in_sound_mode = 0;
  int dispatched_with_patients = 0;

  for (int sequence = 0; sequence < 400; ++sequence) {
    null_backend::RecordingAudio audio(pick(5) != 0);
    null_backend::RecordingHaptics haptics(pick(2) != 0);
    SoundSettings current = settings(modes[pick(3)], volumes[pick(8)], pick(2) == 0, pick(2) == 0);
    core::CueDispatcher dispatcher(audio, haptics, current);
    dispatcher.set_log_sink(nullptr);
    Millis clock{0};

    for (int step = 0; step < 60; ++step) {
      const std::size_t before = audio.plays.size();
      const std::size_t action = pick(6);
      bool had_sound = false;
      if (action == 0) {
        current = settings(modes[pick(3)], volumes[pick(8)], pick(2) == 0, pick(2) == 0);
        dispatcher.set_settings(current);
      } else if (action == 1) {
        audio.set_available(!audio.available());
      } else if (action == 2) {
        dispatcher.tap();
        had_sound = true;
      } else {
        clock += Millis(static_cast<long>(pick(5000)));
        CueEvent cue = pick(10) == 0
                           ? end_cue(clock)
                           : phase_cue(PhaseKind::Inhale, clock, sounds[pick(7)], patterns[pick(6)]);
        had_sound = !cue.sound.empty();
        dispatcher.dispatch(cue, at(clock + Millis(static_cast<long>(pick(40)))));
        if (current.mode == SoundMode::WithPatients) ++dispatched_with_patients;
      }
      const std::size_t played = audio.plays.size() - before;
      INFO("sequence " << sequence << " step " << step << " mode " << core::to_string(current.mode));
      if (current.mode != SoundMode::Sound) {
        REQUIRE(played == 0);
      } else {
        // In sound mode it plays exactly when it may: not muted, audible volume, a device, a sound.
        const bool may = !current.muted && current.volume() > 0.0f && audio.available() && had_sound;
        REQUIRE(played == (may ? 1u : 0u));
        if (played == 1) {
          ++sounded_in_sound_mode;
          REQUIRE(audio.plays.back().volume == current.volume());
        }
      }
    }
  }
  // The random walk really exercised both sides.
  CHECK(sounded_in_sound_mode > 100);
  CHECK(dispatched_with_patients > 100);
}

TEST_CASE("cue timing: lateness stats and the planned-versus-actual log line", "[unit][cues][timing]") {
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics);
  std::vector<std::string> lines;
  dispatcher.set_log_sink([&lines](const std::string& line) { lines.push_back(line); });

  dispatcher.dispatch(phase_cue(PhaseKind::Inhale, 4000ms, "inhale", "rise"), at(4016ms));
  dispatcher.dispatch(phase_cue(PhaseKind::Exhale, 8000ms, "exhale", "fall"), at(8004ms) + 200us);
  dispatcher.dispatch(phase_cue(PhaseKind::HoldIn, 9000ms, "", "hold"), at(8990ms));  // early: a bug upstream

  const core::CueTimingStats& stats = dispatcher.timing();
  CHECK(stats.count == 3);
  CHECK(stats.early == 1);
  CHECK(stats.max_late_ms == Approx(16.0));
  CHECK(stats.mean_late_ms() == Approx((16.0 + 4.2) / 2));

#ifndef NDEBUG
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "cue inhale planned 4.000s actual 4.016s late 16.0ms");
  CHECK(lines[1] == "cue exhale planned 8.000s actual 8.004s late 4.2ms");
  CHECK(lines[2] == "cue phase.hold_in planned 9.000s actual 8.990s late -10.0ms (not sounded)");
#else
  CHECK(lines.empty());  // release builds keep the stats but do not log
#endif

  dispatcher.reset_timing();
  CHECK(dispatcher.timing().count == 0);
  CHECK(dispatcher.timing().max_late_ms == 0.0);
}

TEST_CASE("a whole session at 60 Hz: every cue dispatched within a frame of its time",
          "[unit][cues][timing]") {
  const auto item =
      test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::HoldIn, 7}, {PhaseKind::Exhale, 8}}, 6);
  null_backend::ManualClock clock;
  core::SessionRunner runner(core::make_plan(test::kTestRef, item, {}), clock);
  null_backend::RecordingAudio audio;
  null_backend::RecordingHaptics haptics;
  core::CueDispatcher dispatcher(audio, haptics);
  dispatcher.set_log_sink(nullptr);

  runner.start();
  int dispatched = 0;
  bool saw_end = false;
  while (runner.state() == core::RunState::Running ||
         dispatched < static_cast<int>(runner.plan().cues.size())) {
    for (const CueEvent& cue : runner.take_due_cues()) {
      saw_end = dispatcher.dispatch(cue, runner.active_time()).is_end || saw_end;
      ++dispatched;
    }
    if (runner.state() == core::RunState::Finished &&
        dispatched == static_cast<int>(runner.plan().cues.size())) {
      break;
    }
    clock.advance(16'667us);
    REQUIRE(clock.monotonic() < 200s);
  }
  CHECK(saw_end);
  CHECK(dispatcher.timing().count == static_cast<int>(runner.plan().cues.size()));
  CHECK(dispatcher.timing().early == 0);
  CHECK(dispatcher.timing().max_late_ms < 16.7);
  CHECK(dispatcher.timing().max_late_ms > 0.0);  // 16.667 ms frames do not land on whole seconds
  CHECK(audio.plays.size() == runner.plan().cues.size());
  CHECK(audio.plays.back().name == "end");
}

TEST_CASE("haptic signatures are distinct: rise short-long, fall long-short, hold one, end three",
          "[unit][cues][haptics]") {
  const auto& rise = core::haptic_pattern("rise");
  const auto& fall = core::haptic_pattern("fall");
  REQUIRE(rise.size() == 2);
  REQUIRE(fall.size() == 2);
  CHECK(rise[0].length * 2 < rise[1].length);
  CHECK(fall[0].length > fall[1].length * 2);
  CHECK(core::haptic_pattern("hold").size() == 1);
  CHECK(core::haptic_pattern("end").size() == 3);
  CHECK(core::haptic_pattern("tap").size() == 1);
  CHECK(core::haptic_pattern("buzz").empty());
  for (const char* name : {"rise", "fall", "hold", "end", "tap"}) {
    INFO(name);
    const auto& pulses = core::haptic_pattern(name);
    for (std::size_t i = 0; i < pulses.size(); ++i) {
      CHECK(pulses[i].strength > 0.0f);
      CHECK(pulses[i].strength <= 1.0f);
      CHECK(pulses[i].length > Millis(0));
      // A gap of at least 100 ms between pulses, so they are felt as separate taps.
      if (i > 0) CHECK(pulses[i].at >= pulses[i - 1].at + pulses[i - 1].length + Millis(100));
    }
  }
  // Every haptic the planner can ask for has a signature.
  for (PhaseKind kind :
       {PhaseKind::Inhale, PhaseKind::HoldIn, PhaseKind::Exhale, PhaseKind::HoldOut, PhaseKind::TopUp}) {
    CHECK_FALSE(core::haptic_pattern(core::default_haptic(kind)).empty());
  }
}

TEST_CASE("the haptic sequencer releases pulses on time and never blocks", "[unit][cues][haptics]") {
  core::HapticSequencer sequencer;
  CHECK_FALSE(sequencer.start("buzz", at(0ms)));
  CHECK_FALSE(sequencer.active());

  const MonoTime t0 = at(10'000ms);
  REQUIRE(sequencer.start("end", t0));
  auto due = sequencer.take_due(t0);
  REQUIRE(due.size() == 1);
  CHECK(due[0].at == Millis(0));
  CHECK(sequencer.take_due(t0 + at(249ms)).empty());
  CHECK(sequencer.take_due(t0 + at(250ms)).size() == 1);
  CHECK(sequencer.active());
  CHECK(sequencer.take_due(t0 + at(520ms)).size() == 1);  // late but still within its pulse
  CHECK_FALSE(sequencer.active());

  // After a stall, pulses whose time has wholly passed are dropped instead of buzzing in a burst.
  REQUIRE(sequencer.start("end", t0));
  sequencer.take_due(t0);
  CHECK(sequencer.take_due(t0 + at(2000ms)).empty());
  CHECK_FALSE(sequencer.active());

  // A new pattern replaces the one in progress.
  REQUIRE(sequencer.start("fall", t0));
  sequencer.take_due(t0);
  REQUIRE(sequencer.start("rise", t0 + at(100ms)));
  due = sequencer.take_due(t0 + at(100ms));
  REQUIRE(due.size() == 1);
  CHECK(due[0].length == core::haptic_pattern("rise")[0].length);
  sequencer.cancel();
  CHECK_FALSE(sequencer.active());
  CHECK(sequencer.take_due(t0 + at(10'000ms)).empty());
}
