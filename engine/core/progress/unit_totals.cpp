#include "core/progress/unit_totals.h"

#include <algorithm>

#include "core/progress/streaks.h"

namespace respite::core {

UnitWeekTotals unit_week_totals(const std::vector<std::vector<CompletionRecord>>& logs,
                                const CivilDate& today, int min_profiles) {
  UnitWeekTotals totals;
  const std::int64_t week = week_of(today.to_days());
  totals.monday = CivilDate::from_days(today.to_days() - today.weekday());
  int contributors = 0;
  int sessions = 0;
  Millis active{0};
  for (const std::vector<CompletionRecord>& log : logs) {
    bool contributed = false;
    for (const CompletionRecord& r : log) {
      if (week_of(r.practice_day.to_days()) != week) continue;
      contributed = true;
      ++sessions;
      active += r.active;
    }
    if (contributed) ++contributors;
  }
  // Below the threshold nothing is reported at all, not even zero-with-a-reason: a visible
  // "suppressed" next to a count would itself tell who practised.
  if (contributors < std::max(1, min_profiles)) return totals;
  totals.shown = true;
  totals.sessions = sessions;
  totals.active = active;
  return totals;
}

}  // namespace respite::core
