#include "core/cue_dispatcher.h"

#include <cstdio>

namespace respite::core {
namespace {

double to_ms(MonoTime t) {
  return std::chrono::duration<double, std::milli>(t).count();
}

void log_to_stderr(const std::string& line) {
  std::fprintf(stderr, "respite: %s\n", line.c_str());
}

}  // namespace

std::string phase_word_key(PhaseKind kind) {
  return std::string("phase.") + to_string(kind);
}

CueDispatcher::CueDispatcher(AudioOut& audio, Haptics& haptics, SoundSettings settings)
    : audio_(audio), haptics_(haptics), settings_(settings), log_(log_to_stderr) {}

void CueDispatcher::set_settings(const SoundSettings& settings) {
  const bool was_sounding = settings_.plays_sound();
  settings_ = settings;
  if (was_sounding && !settings_.plays_sound()) audio_.stop_all();
}

bool CueDispatcher::play_sound(const std::string& name) {
  // The one gate every sound passes through; plays_sound() is false in Silent and WithPatients
  // modes whatever the volume and mute say.
  if (name.empty() || !settings_.plays_sound() || !audio_.available()) return false;
  audio_.play_cue(name, settings_.volume());
  return true;
}

bool CueDispatcher::play_haptic(const std::string& pattern) {
  if (pattern.empty() || !settings_.vibration || !haptics_.available()) return false;
  haptics_.play(pattern);
  return true;
}

VisualCue CueDispatcher::dispatch(const CueEvent& cue, MonoTime session_elapsed) {
  VisualCue visual;
  visual.caption = cue.caption;
  visual.phase = cue.phase;
  visual.is_end = cue.is_end();
  visual.phase_word_key = visual.is_end ? std::string("phase.end") : phase_word_key(cue.phase);
  visual.sounded = play_sound(cue.sound);
  visual.vibrated = play_haptic(cue.haptic);
  record_timing(cue, visual, session_elapsed);
  return visual;
}

void CueDispatcher::tap() {
  play_sound("tap");
  play_haptic("tap");
}

void CueDispatcher::record_timing(const CueEvent& cue, const VisualCue& visual, MonoTime session_elapsed) {
  const MonoTime planned = std::chrono::duration_cast<MonoTime>(cue.at);
  const double late_ms = to_ms(session_elapsed - planned);
  ++timing_.count;
  if (late_ms < 0.0) {
    ++timing_.early;
  } else {
    timing_.total_late_ms += late_ms;
    if (late_ms > timing_.max_late_ms) timing_.max_late_ms = late_ms;
  }
#ifndef NDEBUG
  if (log_) {
    const std::string& what = !cue.sound.empty() ? cue.sound : visual.phase_word_key;
    char line[160];
    std::snprintf(line, sizeof line, "cue %s planned %.3fs actual %.3fs late %.1fms%s", what.c_str(),
                  to_ms(planned) / 1000.0, to_ms(session_elapsed) / 1000.0, late_ms,
                  visual.sounded ? "" : " (not sounded)");
    log_(line);
  }
#else
  (void)visual;
#endif
}

// ---- Haptic signatures --------------------------------------------------------------------

const std::vector<HapticPulse>& haptic_pattern(const std::string& name) {
  // Short pulses are 60 ms and long ones 240 ms: a 4:1 ratio stays distinct through a pocket, and
  // gaps of 140 ms or more keep the pulses from fusing on slow motors.
  static const std::vector<HapticPulse> rise = {{Millis(0), Millis(60), 0.45f},
                                                {Millis(200), Millis(240), 0.7f}};
  static const std::vector<HapticPulse> fall = {{Millis(0), Millis(240), 0.7f},
                                                {Millis(380), Millis(60), 0.45f}};
  static const std::vector<HapticPulse> hold = {{Millis(0), Millis(80), 0.5f}};
  static const std::vector<HapticPulse> end = {
      {Millis(0), Millis(80), 0.55f}, {Millis(250), Millis(80), 0.55f}, {Millis(500), Millis(80), 0.55f}};
  static const std::vector<HapticPulse> tap = {{Millis(0), Millis(30), 0.3f}};
  static const std::vector<HapticPulse> none;
  if (name == "rise") return rise;
  if (name == "fall") return fall;
  if (name == "hold") return hold;
  if (name == "end") return end;
  if (name == "tap") return tap;
  return none;
}

bool HapticSequencer::start(const std::string& pattern, MonoTime now) {
  const std::vector<HapticPulse>& pulses = haptic_pattern(pattern);
  if (pulses.empty()) return false;
  pulses_ = pulses;
  next_ = 0;
  started_ = now;
  return true;
}

std::vector<HapticPulse> HapticSequencer::take_due(MonoTime now) {
  std::vector<HapticPulse> due;
  while (next_ < pulses_.size()) {
    const HapticPulse& pulse = pulses_[next_];
    const MonoTime begins = started_ + std::chrono::duration_cast<MonoTime>(pulse.at);
    if (begins > now) break;
    if (now < begins + std::chrono::duration_cast<MonoTime>(pulse.length)) due.push_back(pulse);
    ++next_;
  }
  return due;
}

void HapticSequencer::cancel() {
  pulses_.clear();
  next_ = 0;
}

}  // namespace respite::core
