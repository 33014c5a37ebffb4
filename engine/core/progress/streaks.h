// Streaks and statistics: pure functions of the completion log, the profile's settings and the
// practice day that is "today". No clock and no database in here, so the app, the CLI, the tests
// and the benchmarks all compute exactly the same numbers (rules: DESIGN §4, docs/progress.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/progress/progress_types.h"

namespace respite::core {

enum class StreakUnit { Day, Week };
const char* to_string(StreakUnit unit);  // "day", "week"

struct StreakResult {
  StreakUnit unit = StreakUnit::Day;
  int current = 0;
  int longest = 0;
};

// The core rule, on days since 1970-01-01. `done_days` must be sorted and unique: the practice days
// that have at least one trusted, complete session. Runs in O(done days · log rest dates).
//  - Daily (weekly_goal == 0): consecutive done days, rest days skipped (a rest day neither breaks
//    nor extends); today not yet done does not break the streak.
//  - Weekly (weekly_goal 1..7): consecutive weeks (Monday first) with at least
//    min(goal, non-rest days in the week) done days; a week that is all rest is skipped; the
//    current week counts once met and does not break the streak until it ends.
// Days after `today` count for the longest streak but not for the current one.
// `excused_days` (sorted) are treated like rest days: the days travel made vanish (travel_days()).
StreakResult compute_streaks(const std::vector<std::int64_t>& done_days, const ProfileSettings& settings,
                             std::int64_t today, const std::vector<std::int64_t>& excused_days = {});

// Flying east can make a calendar day vanish (Honolulu Monday evening, Kiritimati Wednesday).
// For two trusted sessions in recording order whose UTC offset rose by at least
// kTravelOffsetJumpMinutes: had the old offset stayed, the later session would have fallen on an
// earlier practice day; the missing days right before it, up to that many, are excused (like rest
// days, they neither break nor extend a streak). A DST change (at most 2 h) never triggers this.
// Returns sorted, unique day numbers.
constexpr int kTravelOffsetJumpMinutes = 3 * 60;
std::vector<std::int64_t> travel_days(const std::vector<CompletionRecord>& log);

struct AnomalyEntry {
  std::string event_id;
  CivilDate practice_day;
  UtcInstant at;
  int utc_offset_minutes = 0;
  Anomaly kind = Anomaly::None;
};

// Everything the progress screen and `respite progress` show.
struct ProgressSummary {
  CivilDate today;
  StreakUnit streak_unit = StreakUnit::Day;
  int current_streak = 0;
  int longest_streak = 0;
  bool streaks_hidden = false;  // the numbers above are still computed; the UI must not show them
  bool today_done = false;
  int week_done_days = 0;              // done days in today's week (Monday..Sunday)
  int week_goal = 0;                   // the profile's weekly goal, 0 when off
  std::vector<CivilDate> done_days;    // sorted; days with at least one trusted, complete session
  std::vector<CivilDate> travel_days;  // days excused because travel made them vanish (sorted)
  int sessions_complete = 0;           // every stored session, anomalies included
  int sessions_partial = 0;
  Millis active{0};
  std::vector<AnomalyEntry> anomalies;  // in recording order
};

ProgressSummary summarize(const std::vector<CompletionRecord>& log, const ProfileSettings& settings,
                          const CivilDate& today);

// The practice day it is now for this profile: the device's current offset and the profile's
// current day start.
CivilDate practice_today(const Clock& clock, const ProfileSettings& settings);

// --- Read API for the progress screen ----------------------------------------------------------

struct CalendarDay {
  CivilDate date;
  bool done = false;    // at least one trusted, complete session
  bool rest = false;    // a rest day (weekly pattern or single date)
  bool future = false;  // after today
  int sessions = 0;     // all sessions recorded for this practice day
  int partial_sessions = 0;
  bool has_anomaly = false;
  bool excused = false;  // travel made this day vanish (travel_days())
  Millis active{0};
};

// One entry per day of the month, in order.
std::vector<CalendarDay> month_calendar(const std::vector<CompletionRecord>& log,
                                        const ProfileSettings& settings, int year, int month,
                                        const CivilDate& today);

struct WeekTotal {
  CivilDate monday;
  Millis active{0};       // all sessions, partial ones included
  int done_days = 0;      // trusted, complete
  bool goal_met = false;  // only meaningful with a weekly goal
};

// The last `weeks` weeks ending with today's week, oldest first.
std::vector<WeekTotal> weekly_totals(const std::vector<CompletionRecord>& log,
                                     const ProfileSettings& settings, const CivilDate& today, int weeks);

// Newest first by instant (ties: latest recorded first), at most `limit`.
std::vector<CompletionRecord> recent_sessions(const std::vector<CompletionRecord>& log, std::size_t limit);

// Monday-based week number of a day count (the week holding 1970-01-01 is 0).
std::int64_t week_of(std::int64_t day);

}  // namespace respite::core
