// Runs a SessionPlan against a Clock. Everything the pacer shows (phase, progress, countdown) is
// computed from the clock at the moment it is asked for, never by counting frames, so a slow or
// jittery frame rate cannot make the session drift.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/session_plan.h"

namespace respite::core {

enum class RunState { NotStarted, Running, Paused, Finished, Stopped };
const char* to_string(RunState state);

// Why a pause happened; an interruption (app sent to the background, a page, a call) is a pause
// the person did not choose, and the app may end it as a partial session if it lasts too long.
enum class PauseReason { None, User, Interruption };

struct FrameState {
  RunState state = RunState::NotStarted;
  PauseReason pause_reason = PauseReason::None;
  MonoTime elapsed{0};  // active (non-paused) time into the plan, clamped to [0, planned]
  int phase_index = -1;
  PhaseKind phase = PhaseKind::Inhale;
  int cycle = 0;
  double phase_progress = 0.0;           // 0..1 through the current phase
  double phase_remaining_seconds = 0.0;  // for the countdown
  double session_progress = 0.0;         // 0..1 through the whole plan
  double remaining_seconds = 0.0;
};

class SessionRunner {
 public:
  // Cues due more than this long ago are dropped instead of played late (e.g. after a stall).
  static constexpr Millis kCueStaleAfter{500};

  SessionRunner(SessionPlan plan, const Clock& clock);

  void start();
  void pause(PauseReason reason = PauseReason::User);
  void resume();
  void stop();  // ends early: the session is kept as partial (or complete if minimum reached)

  FrameState frame() const;
  // Cues whose time has come since the last call, in order. Each cue is returned once.
  std::vector<CueEvent> take_due_cues();
  // Number of cues dropped as stale so far.
  int skipped_cues() const { return skipped_cues_; }

  RunState state() const;
  MonoTime active_time() const;
  // How long the current pause has lasted (zero when not paused).
  MonoTime paused_for() const;
  bool complete() const { return active_time() >= std::chrono::duration_cast<MonoTime>(plan_.minimum); }
  const SessionPlan& plan() const { return plan_; }

 private:
  MonoTime raw_elapsed() const;  // unclamped active time

  SessionPlan plan_;
  const Clock& clock_;
  RunState state_ = RunState::NotStarted;
  PauseReason pause_reason_ = PauseReason::None;
  MonoTime started_at_{0};
  MonoTime paused_at_{0};
  MonoTime paused_total_{0};
  MonoTime stopped_elapsed_{0};
  std::size_t next_cue_ = 0;
  int skipped_cues_ = 0;
};

}  // namespace respite::core
