#include "core/session_runner.h"

#include <algorithm>

namespace respite::core {
namespace {
double to_seconds(MonoTime t) { return std::chrono::duration<double>(t).count(); }
}  // namespace

const char* to_string(RunState state) {
  switch (state) {
    case RunState::NotStarted: return "not_started";
    case RunState::Running: return "running";
    case RunState::Paused: return "paused";
    case RunState::Finished: return "finished";
    case RunState::Stopped: return "stopped";
  }
  return "not_started";
}

SessionRunner::SessionRunner(SessionPlan plan, const Clock& clock) : plan_(std::move(plan)), clock_(clock) {}

void SessionRunner::start() {
  if (state_ != RunState::NotStarted) return;
  started_at_ = clock_.monotonic();
  state_ = RunState::Running;
}

void SessionRunner::pause(PauseReason reason) {
  if (state() != RunState::Running) return;
  paused_at_ = clock_.monotonic();
  pause_reason_ = reason;
  state_ = RunState::Paused;
}

void SessionRunner::resume() {
  if (state_ != RunState::Paused) return;
  paused_total_ += clock_.monotonic() - paused_at_;
  pause_reason_ = PauseReason::None;
  state_ = RunState::Running;
}

void SessionRunner::stop() {
  const RunState current = state();
  if (current == RunState::Finished || current == RunState::Stopped || current == RunState::NotStarted) return;
  stopped_elapsed_ = active_time();
  state_ = RunState::Stopped;
}

MonoTime SessionRunner::raw_elapsed() const {
  switch (state_) {
    case RunState::NotStarted: return MonoTime(0);
    case RunState::Running: return clock_.monotonic() - started_at_ - paused_total_;
    case RunState::Paused: return paused_at_ - started_at_ - paused_total_;
    case RunState::Finished:
    case RunState::Stopped: return stopped_elapsed_;
  }
  return MonoTime(0);
}

MonoTime SessionRunner::active_time() const {
  return std::clamp(raw_elapsed(), MonoTime(0), std::chrono::duration_cast<MonoTime>(plan_.planned));
}

RunState SessionRunner::state() const {
  // Finishing is a consequence of time passing, so it is derived rather than stored by a tick.
  if (state_ == RunState::Running && raw_elapsed() >= plan_.planned) return RunState::Finished;
  return state_;
}

MonoTime SessionRunner::paused_for() const {
  return state_ == RunState::Paused ? clock_.monotonic() - paused_at_ : MonoTime(0);
}

FrameState SessionRunner::frame() const {
  FrameState frame;
  frame.state = state();
  frame.pause_reason = pause_reason_;
  frame.elapsed = active_time();
  const double planned_s = to_seconds(plan_.planned);
  const double elapsed_s = to_seconds(frame.elapsed);
  frame.session_progress = planned_s > 0 ? std::min(1.0, elapsed_s / planned_s) : 1.0;
  frame.remaining_seconds = std::max(0.0, planned_s - elapsed_s);
  if (plan_.phases.empty()) return frame;

  const int index = plan_.phase_at(std::chrono::duration_cast<Millis>(frame.elapsed));
  const PlannedPhase& phase = plan_.phases[static_cast<std::size_t>(index)];
  frame.phase_index = index;
  frame.phase = phase.kind;
  frame.cycle = phase.cycle;
  const double into = elapsed_s - to_seconds(phase.start);
  const double length = to_seconds(phase.duration);
  frame.phase_progress = length > 0 ? std::clamp(into / length, 0.0, 1.0) : 1.0;
  frame.phase_remaining_seconds = std::max(0.0, length - into);
  return frame;
}

std::vector<CueEvent> SessionRunner::take_due_cues() {
  std::vector<CueEvent> due;
  if (state_ == RunState::NotStarted) return due;
  const MonoTime now = raw_elapsed();
  while (next_cue_ < plan_.cues.size()) {
    const CueEvent& cue = plan_.cues[next_cue_];
    const MonoTime at = std::chrono::duration_cast<MonoTime>(cue.at);
    if (at > now) break;
    // A session stopped early never plays its end cue.
    if (cue.is_end() && state_ == RunState::Stopped) break;
    if (now - at > std::chrono::duration_cast<MonoTime>(kCueStaleAfter)) {
      ++skipped_cues_;
    } else {
      due.push_back(cue);
    }
    ++next_cue_;
  }
  return due;
}

}  // namespace respite::core
