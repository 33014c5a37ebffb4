// CueDispatcher turns a due CueEvent (from SessionRunner::take_due_cues) into what a person
// perceives: a sound through AudioOut, a vibration through Haptics, and the caption or phase word
// the UI shows. It is the single place where the sound mode, master volume and mute are applied,
// so "with patients" mode is silent by construction. Pure: no SDL, and time comes in as arguments.
//
// It also measures cue timing: the app passes the session time at which it dispatches, and the
// dispatcher compares it with the time the plan asked for. Debug builds log one line per cue
// (`cue inhale planned 4.000s actual 4.016s late 16.0ms`); every build keeps the stats.
//
// The haptic signatures live here too (haptic_pattern, HapticSequencer), so they are testable
// without a device; engine/backends/sdl/sdl_haptics plays them on SDL's rumble API.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/services.h"
#include "core/session_plan.h"
#include "core/sound_settings.h"
#include "core/time.h"

namespace respite::core {

// What the UI should show for a cue. Text comes from the pack; when the pack gave none, the UI
// translates `phase_word_key` ("phase.inhale", "phase.hold_in", "phase.exhale", "phase.hold_out",
// "phase.top_up", or "phase.end" for the end-of-session cue).
struct VisualCue {
  std::string caption;  // localized caption from the pack; empty when none
  std::string phase_word_key;
  PhaseKind phase = PhaseKind::Inhale;
  bool is_end = false;
  bool sounded = false;   // AudioOut::play_cue was called
  bool vibrated = false;  // Haptics::play was called
};

// The i18n key of a phase's word ("phase.inhale", ...).
std::string phase_word_key(PhaseKind kind);

// Lateness of dispatched cues: actual session time at dispatch minus the planned time.
struct CueTimingStats {
  int count = 0;
  int early = 0;  // dispatched before their planned time (should never happen; a bug if it does)
  double max_late_ms = 0.0;
  double total_late_ms = 0.0;  // sum over cues dispatched on time or late
  double mean_late_ms() const { return count > early ? total_late_ms / (count - early) : 0.0; }
};

using CueLogSink = std::function<void(const std::string& line)>;

class CueDispatcher {
 public:
  // `audio` and `haptics` must outlive the dispatcher.
  CueDispatcher(AudioOut& audio, Haptics& haptics, SoundSettings settings = {});

  // New settings apply from the next cue; a sound already playing is stopped when the new settings
  // allow no sound (switching to "with patients" silences a chime's tail at once).
  void set_settings(const SoundSettings& settings);
  const SoundSettings& settings() const { return settings_; }

  // Plays `cue` as the settings allow and returns what the UI should show. `session_elapsed` is
  // the session's active time at the moment of dispatch (SessionRunner::active_time()).
  VisualCue dispatch(const CueEvent& cue, MonoTime session_elapsed);

  // Touch feedback outside the timeline ("tap" sound and haptic), under the same rules.
  void tap();

  const CueTimingStats& timing() const { return timing_; }
  void reset_timing() { timing_ = {}; }
  // Where debug builds write the per-cue timing line; stderr by default, nullptr for nowhere.
  void set_log_sink(CueLogSink sink) { log_ = std::move(sink); }

 private:
  bool play_sound(const std::string& name);
  bool play_haptic(const std::string& pattern);
  void record_timing(const CueEvent& cue, const VisualCue& visual, MonoTime session_elapsed);

  AudioOut& audio_;
  Haptics& haptics_;
  SoundSettings settings_;
  CueTimingStats timing_;
  CueLogSink log_;
};

// ---- Haptic signatures --------------------------------------------------------------------

// One vibration: starts `at` after the pattern begins, lasts `length`, strength 0..1.
struct HapticPulse {
  Millis at{0};
  Millis length{0};
  float strength = 0.0f;
};

// Distinct, learnable signatures for eyes-closed practice:
//   "rise" (inhale)  short then long      "fall" (exhale)  long then short
//   "hold"           one soft tap         "end"            three taps
//   "tap"            one light, very short tap (touch feedback)
// Returns an empty list for an unknown name.
const std::vector<HapticPulse>& haptic_pattern(const std::string& name);

// Plays one pattern at a time against times the caller supplies; never blocks or sleeps.
class HapticSequencer {
 public:
  // Starts `pattern` at `now`, replacing any pattern in progress. False for an unknown name.
  bool start(const std::string& pattern, MonoTime now);
  // Pulses whose start has come, in order, each returned once. A pulse whose whole length has
  // already passed (the caller was stalled) is dropped: a late buzz would blur the signature.
  std::vector<HapticPulse> take_due(MonoTime now);
  bool active() const { return next_ < pulses_.size(); }
  void cancel();

 private:
  std::vector<HapticPulse> pulses_;
  std::size_t next_ = 0;
  MonoTime started_{0};
};

}  // namespace respite::core
