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

int cycle_count(const BreathingSpec& spec) {
  if (spec.cycles) return std::max(1, *spec.cycles);
  const Millis cycle = average_cycle_length(spec);
  if (!spec.total || cycle.count() <= 0) return 1;
  const double ratio = static_cast<double>(spec.total->count()) / static_cast<double>(cycle.count());
  return std::max(1, static_cast<int>(std::llround(ratio)));
}

}  // namespace

const char* default_sound(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale:
    case PhaseKind::TopUp: return "inhale";
    case PhaseKind::Exhale: return "exhale";
    case PhaseKind::HoldIn:
    case PhaseKind::HoldOut: return "hold";
  }
  return "inhale";
}

const char* default_haptic(PhaseKind kind) {
  switch (kind) {
    case PhaseKind::Inhale:
    case PhaseKind::TopUp: return "rise";
    case PhaseKind::Exhale: return "fall";
    case PhaseKind::HoldIn:
    case PhaseKind::HoldOut: return "hold";
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
  const BreathingSpec& spec = item.breathing;
  const int cycles = spec.phases.empty() ? 0 : cycle_count(spec);

  Millis at{0};
  for (int cycle = 0; cycle < cycles; ++cycle) {
    for (const PhaseSpec& phase_spec : spec.phases) {
      const Millis length = phase_length(phase_spec, cycle, cycles);
      if (length.count() <= 0) continue;  // a zero-length phase (e.g. progression to 0) is skipped
      const int index = static_cast<int>(plan.phases.size());
      plan.phases.push_back(PlannedPhase{phase_spec.kind, at, length, cycle});

      CueEvent cue;
      cue.at = at;
      cue.phase_index = index;
      cue.phase = phase_spec.kind;
      cue.sound = default_sound(phase_spec.kind);
      cue.haptic = default_haptic(phase_spec.kind);
      if (phase_spec.cue) {
        if (!phase_spec.cue->sound.empty()) cue.sound = phase_spec.cue->sound;
        if (!phase_spec.cue->haptic.empty()) cue.haptic = phase_spec.cue->haptic;
        cue.caption = phase_spec.cue->caption.get(settings.locale, settings.fallback_locale);
      }
      plan.cues.push_back(std::move(cue));
      at += length;
    }
  }
  plan.planned = at;

  CueEvent end;
  end.at = at;
  end.sound = "end";
  end.haptic = "end";
  plan.cues.push_back(std::move(end));

  plan.minimum = item.minimum ? std::min(*item.minimum, plan.planned) : plan.planned;
  return plan;
}

}  // namespace respite::core
