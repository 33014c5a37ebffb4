#include "core/session_plan.h"

#include <algorithm>
#include <cmath>

namespace respite::core {
namespace {

// Length of phase `spec` in cycle `cycle` of `cycle_count`, with linear progression.
Millis phase_length(const PhaseSpec& spec, int cycle, int cycle_count) {
  if (!spec.final_duration || cycle_count <= 1) return spec.duration;
  const double t = static_cast<double>(cycle) / static_cast<double>(cycle_count - 1);
  const double from = static_cast<double>(spec.duration.count());
  const double to = static_cast<double>(spec.final_duration->count());
  return Millis(std::llround(from + (to - from) * t));
}

Millis average_cycle_length(const BreathingSpec& spec) {
  Millis sum{0};
  for (const PhaseSpec& phase : spec.phases) {
    sum += phase.final_duration ? (phase.duration + *phase.final_duration) / 2 : phase.duration;
  }
  return sum;
}

// Cycles per round (the whole session when there are no rounds).
int cycle_count(const BreathingSpec& spec) {
  if (spec.cycles) return std::max(1, *spec.cycles);
  const Millis cycle = average_cycle_length(spec);
  if (!spec.total || cycle.count() <= 0) return 1;
  double available = static_cast<double>(spec.total->count());
  if (spec.rounds) {
    available = available / spec.rounds->count - static_cast<double>(spec.rounds->retention.duration.count());
  }
  const double ratio = available / static_cast<double>(cycle.count());
  return std::max(1, static_cast<int>(std::llround(ratio)));
}

CueEvent phase_cue(const PhaseSpec& spec, int index, Millis at, const PlanSettings& settings) {
  CueEvent cue;
  cue.at = at;
  cue.phase_index = index;
  cue.phase = spec.kind;
  cue.sound = default_sound(spec.kind);
  cue.haptic = default_haptic(spec.kind);
  if (spec.cue) {
    if (!spec.cue->sound.empty()) cue.sound = spec.cue->sound;
    if (!spec.cue->haptic.empty()) cue.haptic = spec.cue->haptic;
    cue.caption = spec.cue->caption.get(settings.locale, settings.fallback_locale);
  }
  return cue;
}

// Walks a breathing session phase by phase, as it will be played: calls
// visit(spec, start, length, cycle, retention) for every phase that has a length, and returns the
// session's length.
template <typename Visit>
Millis walk_breathing(const BreathingSpec& spec, Visit visit) {
  const int per_round = spec.phases.empty() ? 0 : cycle_count(spec);
  const int rounds = spec.rounds ? spec.rounds->count : 1;
  const int cycles = per_round * rounds;
  Millis at{0};
  for (int cycle = 0; cycle < cycles; ++cycle) {
    for (const PhaseSpec& phase_spec : spec.phases) {
      const Millis length = phase_length(phase_spec, cycle, cycles);
      if (length.count() <= 0) continue;  // a zero-length phase (e.g. progression to 0) is skipped
      visit(phase_spec, at, length, cycle, false);
      at += length;
    }
    if (spec.rounds && (cycle + 1) % per_round == 0 && spec.rounds->retention.duration.count() > 0) {
      const PhaseSpec& hold = spec.rounds->retention;
      visit(hold, at, hold.duration, cycle, true);
      at += hold.duration;
    }
  }
  return at;
}

void plan_micro_break(const Item& item, const PlanSettings& settings, SessionPlan& plan) {
  Millis at{0};
  const auto& steps = item.micro_break.steps;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const MicroBreakStep& step = steps[i];
    if (step.duration.count() <= 0) continue;
    PlannedPhase phase;
    phase.start = at;
    phase.duration = step.duration;
    phase.step = static_cast<int>(i);
    const int index = static_cast<int>(plan.phases.size());
    plan.phases.push_back(phase);
    CueEvent cue;
    cue.at = at;
    cue.phase_index = index;
    cue.sound = step.audio.empty() ? "tap" : step.audio;
    cue.haptic = "tap";
    cue.caption = step.audio.empty() ? step.text.get(settings.locale, settings.fallback_locale)
                                     : step.caption.get(settings.locale, settings.fallback_locale);
    plan.cues.push_back(std::move(cue));
    at += step.duration;
  }
  plan.planned = at;
}

}  // namespace

const char* default_sound(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale:
    case PhaseKind::TopUp:
      return "inhale";
    case PhaseKind::Exhale:
      return "exhale";
    case PhaseKind::HoldIn:
    case PhaseKind::HoldOut:
      return "hold";
  }
  return "inhale";
}

const char* default_haptic(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale:
    case PhaseKind::TopUp:
      return "rise";
    case PhaseKind::Exhale:
      return "fall";
    case PhaseKind::HoldIn:
    case PhaseKind::HoldOut:
      return "hold";
  }
  return "rise";
}

int SessionPlan::phase_at(Millis t) const {
  if (phases.empty()) return -1;
  if (t < Millis(0)) return 0;
  // First phase whose end is after t.
  auto it = std::upper_bound(phases.begin(), phases.end(), t,
                             [](Millis value, const PlannedPhase& phase) { return value < phase.end(); });
  if (it == phases.end()) return static_cast<int>(phases.size()) - 1;
  return static_cast<int>(it - phases.begin());
}

SessionPlan make_plan(const ItemRef& ref, const Item& item, const PlanSettings& settings) {
  SessionPlan plan;
  plan.item = ref.to_string();
  plan.style = item.breathing.style;
  if (item.kind == ItemKind::MicroBreak) {
    plan_micro_break(item, settings, plan);
  } else if (item.kind == ItemKind::Breathing) {
    plan.planned = walk_breathing(
        item.breathing, [&](const PhaseSpec& spec, Millis start, Millis length, int cycle, bool retention) {
          const int index = static_cast<int>(plan.phases.size());
          PlannedPhase phase;
          phase.kind = spec.kind;
          phase.start = start;
          phase.duration = length;
          phase.cycle = cycle;
          phase.retention = retention;
          plan.phases.push_back(phase);
          plan.cues.push_back(phase_cue(spec, index, start, settings));
        });
  }
  const Millis at = plan.planned;

  CueEvent end;
  end.at = at;
  end.sound = "end";
  end.haptic = "end";
  plan.cues.push_back(std::move(end));

  plan.minimum = item.minimum ? std::min(*item.minimum, plan.planned) : plan.planned;
  return plan;
}

BreathingLength breathing_length(const BreathingSpec& spec) {
  BreathingLength out;
  out.planned = walk_breathing(spec, [&out](const PhaseSpec&, Millis, Millis, int cycle, bool) {
    out.cycles = std::max(out.cycles, cycle + 1);
  });
  return out;
}

}  // namespace respite::core
