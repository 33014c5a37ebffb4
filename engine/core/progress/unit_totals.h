// Anonymous unit totals (DESIGN §5, docs/unit-mode.md): how many sessions and minutes a shared
// tablet's people practised this week, with no per-person breakdown. Nothing is shown until at
// least kUnitTotalsMinProfiles profiles contributed, so a total can never be one person's
// history (a k-anonymity threshold, k = 3). Pure: the caller reads each profile's log and hands
// the logs over; nothing here keeps or returns which log said what.
#pragma once

#include <vector>

#include "core/progress/progress_types.h"

namespace respite::core {

constexpr int kUnitTotalsMinProfiles = 3;

struct UnitWeekTotals {
  CivilDate monday;    // the week counted: Monday..Sunday holding `today`
  bool shown = false;  // false: fewer than the threshold contributed; the numbers below are zero
  int sessions = 0;    // every session, complete or partial
  Millis active{0};
};

// A profile contributes when at least one of its sessions has a practice day in the week.
UnitWeekTotals unit_week_totals(const std::vector<std::vector<CompletionRecord>>& logs,
                                const CivilDate& today, int min_profiles = kUnitTotalsMinProfiles);

}  // namespace respite::core
