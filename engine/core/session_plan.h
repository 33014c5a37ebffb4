// A SessionPlan is the complete timeline of one practice session: every phase with its start
// and length, and every cue (sound, haptic, caption) with its time. It is a pure function of the
// item and the settings, so the CLI (`respite plan`), the app and the tests all see the same plan.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"

namespace respite::core {

struct PlanSettings {
  std::string locale = "en";
  std::string fallback_locale = "en";
};

struct PlannedPhase {
  PhaseKind kind = PhaseKind::Inhale;
  Millis start{0};
  Millis duration{0};
  int cycle = 0;  // 0-based
  // A micro-break's plan has one phase per step: `step` is its index in item.micro_break.steps
  // (and `kind` means nothing). -1 in a breathing plan.
  int step = -1;
  bool retention = false;  // the hold after a round of cycles (BreathingSpec::rounds)
  Millis end() const { return start + duration; }
};

struct CueEvent {
  Millis at{0};
  int phase_index = -1;  // index into SessionPlan::phases; -1 for the end-of-session cue
  PhaseKind phase = PhaseKind::Inhale;
  std::string sound;    // empty: no sound
  std::string haptic;   // empty: no vibration
  std::string caption;  // localized; empty: the UI shows the phase word instead
  bool is_end() const { return phase_index < 0; }
};

struct SessionPlan {
  std::string item;  // "PACK_ID/ITEM_ID"
  PacerStyle style = PacerStyle::Circle;
  Millis planned{0};  // exactly the sum of all phase durations
  Millis minimum{0};  // active time needed for the session to count as complete
  std::vector<PlannedPhase> phases;
  std::vector<CueEvent> cues;  // sorted by time

  // Index of the phase that is running at `t` (start <= t < end); the last phase at t >= planned.
  int phase_at(Millis t) const;
};

// Phases of one cycle: a session ends after a whole cycle, never mid-breath. With a total duration
// the plan holds the whole number of cycles closest to it (at least one), so `planned` may differ
// from the requested total by up to half a cycle; `planned` is always exact. With rounds, each
// round of cycles is followed by its retention hold; a total duration then covers the whole
// session, holds included.
// A micro-break plans one phase per step, with a cue at each step's start (its narration, or a
// tap) whose caption is the narration's caption or else the step's text; SessionRunner runs it
// like a breathing plan. Modules and programs are not timed: their plan is empty.
SessionPlan make_plan(const ItemRef& ref, const Item& item, const PlanSettings& settings);

// A breathing item's planned length and number of cycles, exactly as make_plan() would plan them,
// without building the timeline (the pack validator checks every item's length this way).
struct BreathingLength {
  Millis planned{0};
  int cycles = 0;  // cycles that have at least one phase
};
BreathingLength breathing_length(const BreathingSpec& spec);

// The default sound and haptic for a phase when the pack does not name one.
const char* default_sound(PhaseKind kind);
const char* default_haptic(PhaseKind kind);

}  // namespace respite::core
