#include "core/progress/streaks.h"

#include <algorithm>

namespace respite::core {
namespace {

int weekday_of(std::int64_t day) {
  return static_cast<int>(day - floor_div(day + 3, 7) * 7 + 3);
}

std::int64_t monday_of_week(std::int64_t week) {
  return week * 7 - 3;
}

// The rest-day rules on day numbers, built once per computation.
class RestRules {
 public:
  RestRules(const ProfileSettings& settings, const std::vector<std::int64_t>& excused)
      : mask_(settings.rest_weekdays.bits & 0x7FU) {
    for (int d = 0; d < 7; ++d) working_per_week_ += (mask_ >> d) & 1U ? 0 : 1;
    // Rest dates that fall on a weekly rest day change nothing; keep only the others.
    for (const CivilDate& date : settings.rest_dates) {
      if (!date.valid()) continue;
      const std::int64_t day = date.to_days();
      if (!rest_weekday(day)) extra_.push_back(day);
    }
    for (const std::int64_t day : excused) {
      if (!rest_weekday(day)) extra_.push_back(day);
    }
    std::sort(extra_.begin(), extra_.end());
    extra_.erase(std::unique(extra_.begin(), extra_.end()), extra_.end());
    // A week is a rest week when its single rest dates cover all of its working days.
    for (std::size_t i = 0; i < extra_.size();) {
      const std::int64_t week = week_of(extra_[i]);
      std::size_t j = i;
      while (j < extra_.size() && week_of(extra_[j]) == week) ++j;
      if (static_cast<int>(j - i) == working_per_week_) rest_weeks_.push_back(week);
      i = j;
    }
  }

  bool no_working_days() const { return working_per_week_ == 0; }
  bool rest_weekday(std::int64_t day) const { return (mask_ >> weekday_of(day)) & 1U; }
  bool is_rest(std::int64_t day) const {
    return rest_weekday(day) || std::binary_search(extra_.begin(), extra_.end(), day);
  }

  // Non-rest days in [lo, hi]; 0 for an empty range.
  std::int64_t working_days(std::int64_t lo, std::int64_t hi) const {
    if (hi < lo) return 0;
    const std::int64_t n = hi - lo + 1;
    std::int64_t count = (n / 7) * working_per_week_;
    for (std::int64_t d = lo + (n / 7) * 7; d <= hi; ++d) count += rest_weekday(d) ? 0 : 1;
    const auto first = std::lower_bound(extra_.begin(), extra_.end(), lo);
    const auto last = std::upper_bound(first, extra_.end(), hi);
    return count - (last - first);
  }

  int working_days_in_week(std::int64_t week) const {
    const std::int64_t monday = monday_of_week(week);
    return static_cast<int>(working_days(monday, monday + 6));
  }

  // Weeks in [lo, hi] that have at least one working day.
  std::int64_t working_weeks(std::int64_t lo, std::int64_t hi) const {
    if (hi < lo) return 0;
    const auto first = std::lower_bound(rest_weeks_.begin(), rest_weeks_.end(), lo);
    const auto last = std::upper_bound(first, rest_weeks_.end(), hi);
    return (hi - lo + 1) - (last - first);
  }

 private:
  unsigned mask_;
  int working_per_week_ = 0;
  std::vector<std::int64_t> extra_;
  std::vector<std::int64_t> rest_weeks_;
};

StreakResult daily_streaks(const std::vector<std::int64_t>& done, const RestRules& rest, std::int64_t today) {
  StreakResult result{StreakUnit::Day, 0, 0};
  bool have_prev = false, have_last = false;
  std::int64_t prev = 0, last = 0;
  int run = 0, run_at_last = 0;
  for (const std::int64_t day : done) {
    if (rest.is_rest(day)) continue;
    run = (have_prev && rest.working_days(prev + 1, day - 1) == 0) ? run + 1 : 1;
    have_prev = true;
    prev = day;
    result.longest = std::max(result.longest, run);
    if (day <= today) {
      have_last = true;
      last = day;
      run_at_last = run;
    }
  }
  // Today itself may still be open, so only the working days strictly between count as misses.
  if (have_last && rest.working_days(last + 1, today - 1) == 0) result.current = run_at_last;
  return result;
}

StreakResult weekly_streaks(const std::vector<std::int64_t>& done, const RestRules& rest, int goal,
                            std::int64_t today) {
  StreakResult result{StreakUnit::Week, 0, 0};
  const std::int64_t this_week = week_of(today);
  bool have_prev_met = false, have_last_met = false, this_week_met = false;
  std::int64_t prev_met = 0, last_met = 0;
  int run = 0, run_at_last = 0, run_this_week = 0;
  for (std::size_t i = 0; i < done.size();) {
    const std::int64_t week = week_of(done[i]);
    std::size_t j = i;
    while (j < done.size() && week_of(done[j]) == week) ++j;
    const int done_in_week = static_cast<int>(j - i);
    i = j;
    const int required = std::min(goal, rest.working_days_in_week(week));
    if (required == 0) continue;  // an all-rest week neither breaks nor extends
    if (done_in_week < required) {
      have_prev_met = false;
      continue;
    }
    run = (have_prev_met && rest.working_weeks(prev_met + 1, week - 1) == 0) ? run + 1 : 1;
    have_prev_met = true;
    prev_met = week;
    result.longest = std::max(result.longest, run);
    if (week < this_week) {
      have_last_met = true;
      last_met = week;
      run_at_last = run;
    } else if (week == this_week) {
      this_week_met = true;
      run_this_week = run;
    }
  }
  if (this_week_met) {
    result.current = run_this_week;
  } else if (have_last_met && rest.working_weeks(last_met + 1, this_week - 1) == 0) {
    // The current week is still open: it does not break the streak until it ends.
    result.current = run_at_last;
  }
  return result;
}

// One pass over the log (it can hold tens of thousands of events): the sorted, unique done days,
// the days travel excused (travel_days() in the header says how), and optionally the totals.
// Logs arrive in recording order, which is nearly day order, so consecutive events of the same day
// share one date conversion and the sort is usually skipped.
struct Scan {
  std::vector<std::int64_t> done;
  std::vector<std::int64_t> travel;
};

void sort_unique(std::vector<std::int64_t>& days) {
  if (!std::is_sorted(days.begin(), days.end())) std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

Scan scan_log(const std::vector<CompletionRecord>& log, ProgressSummary* totals) {
  Scan scan;
  std::int64_t active_ms = 0;
  const CompletionRecord* previous = nullptr;  // the previous trusted event
  CivilDate cached_date{0, 0, 0};
  std::int64_t cached_day = 0;
  for (const CompletionRecord& r : log) {
    if (totals != nullptr) {
      (r.complete ? totals->sessions_complete : totals->sessions_partial) += 1;
      active_ms += r.active.count();
      if (r.anomaly != Anomaly::None)
        totals->anomalies.push_back({r.event_id, r.practice_day, r.at, r.utc_offset_minutes, r.anomaly});
    }
    if (r.anomaly != Anomaly::None) continue;
    if (r.practice_day != cached_date) {
      cached_date = r.practice_day;
      cached_day = r.practice_day.to_days();
    }
    const std::int64_t day = cached_day;
    if (r.complete && (scan.done.empty() || scan.done.back() != day)) scan.done.push_back(day);
    if (previous != nullptr &&
        r.utc_offset_minutes - previous->utc_offset_minutes >= kTravelOffsetJumpMinutes) {
      const std::int64_t gap = day - previous->practice_day.to_days() - 1;
      // How far the new offset alone moved the practice day on: had the clock stayed, this session
      // would have fallen `shift` days earlier, on days the traveller did live through.
      const std::int64_t shift =
          day - practice_day_at(r.at, previous->utc_offset_minutes, r.day_start_minutes).to_days();
      for (std::int64_t k = 1; k <= std::min(gap, shift); ++k) scan.travel.push_back(day - k);
    }
    previous = &r;
  }
  if (totals != nullptr) totals->active = Millis(active_ms);
  sort_unique(scan.done);
  sort_unique(scan.travel);
  return scan;
}

}  // namespace

std::int64_t week_of(std::int64_t day) {
  return floor_div(day + 3, 7);
}

const char* to_string(StreakUnit unit) {
  return unit == StreakUnit::Week ? "week" : "day";
}

std::vector<std::int64_t> travel_days(const std::vector<CompletionRecord>& log) {
  return scan_log(log, nullptr).travel;
}

StreakResult compute_streaks(const std::vector<std::int64_t>& done_days, const ProfileSettings& settings,
                             std::int64_t today, const std::vector<std::int64_t>& excused_days) {
  const RestRules rest(settings, excused_days);
  const bool weekly = settings.weekly_goal > 0;
  if (rest.no_working_days()) return StreakResult{weekly ? StreakUnit::Week : StreakUnit::Day, 0, 0};
  return weekly ? weekly_streaks(done_days, rest, std::min(settings.weekly_goal, 7), today)
                : daily_streaks(done_days, rest, today);
}

ProgressSummary summarize(const std::vector<CompletionRecord>& log, const ProfileSettings& settings,
                          const CivilDate& today) {
  ProgressSummary summary;
  summary.today = today;
  summary.streaks_hidden = settings.hide_streaks;
  summary.week_goal = settings.weekly_goal;
  const Scan scan = scan_log(log, &summary);
  const std::vector<std::int64_t>& done = scan.done;
  const std::int64_t today_days = today.to_days();
  const StreakResult streaks = compute_streaks(done, settings, today_days, scan.travel);
  for (const std::int64_t day : scan.travel) summary.travel_days.push_back(CivilDate::from_days(day));
  summary.streak_unit = streaks.unit;
  summary.current_streak = streaks.current;
  summary.longest_streak = streaks.longest;
  summary.today_done = std::binary_search(done.begin(), done.end(), today_days);
  const std::int64_t monday = monday_of_week(week_of(today_days));
  summary.week_done_days = static_cast<int>(std::upper_bound(done.begin(), done.end(), monday + 6) -
                                            std::lower_bound(done.begin(), done.end(), monday));
  summary.done_days.reserve(done.size());
  for (const std::int64_t day : done) summary.done_days.push_back(CivilDate::from_days(day));
  return summary;
}

CivilDate practice_today(const Clock& clock, const ProfileSettings& settings) {
  const UtcInstant now = clock.utc_now();
  return practice_day_at(now, clock.zone_at(now).offset_minutes, settings.day_start_minutes);
}

std::vector<CalendarDay> month_calendar(const std::vector<CompletionRecord>& log,
                                        const ProfileSettings& settings, int year, int month,
                                        const CivilDate& today) {
  std::vector<CalendarDay> days;
  const int count = days_in_month(year, month);
  if (count == 0 || year < 1 || year > 9999) return days;
  const std::int64_t first = CivilDate{year, month, 1}.to_days();
  for (int d = 1; d <= count; ++d) {
    CalendarDay day;
    day.date = CivilDate{year, month, d};
    day.rest = settings.is_rest_day(day.date);
    day.future = today < day.date;
    days.push_back(day);
  }
  for (const CompletionRecord& r : log) {
    const std::int64_t index = r.practice_day.to_days() - first;
    if (index < 0 || index >= count) continue;
    CalendarDay& day = days[static_cast<std::size_t>(index)];
    day.sessions += 1;
    day.partial_sessions += r.complete ? 0 : 1;
    day.active += r.active;
    if (r.anomaly != Anomaly::None) day.has_anomaly = true;
    if (r.complete && r.anomaly == Anomaly::None) day.done = true;
  }
  for (const std::int64_t excused : travel_days(log)) {
    const std::int64_t index = excused - first;
    if (index >= 0 && index < count) days[static_cast<std::size_t>(index)].excused = true;
  }
  return days;
}

std::vector<WeekTotal> weekly_totals(const std::vector<CompletionRecord>& log,
                                     const ProfileSettings& settings, const CivilDate& today, int weeks) {
  std::vector<WeekTotal> totals;
  if (weeks <= 0) return totals;
  const std::int64_t last_week = week_of(today.to_days());
  const std::int64_t first_week = last_week - weeks + 1;
  for (std::int64_t w = first_week; w <= last_week; ++w) {
    totals.push_back(WeekTotal{CivilDate::from_days(monday_of_week(w)), Millis(0), 0, false});
  }
  for (const CompletionRecord& r : log) {
    const std::int64_t w = week_of(r.practice_day.to_days());
    if (w < first_week || w > last_week) continue;
    totals[static_cast<std::size_t>(w - first_week)].active += r.active;
  }
  const Scan scan = scan_log(log, nullptr);
  const RestRules rest(settings, scan.travel);
  for (const std::int64_t day : scan.done) {
    const std::int64_t w = week_of(day);
    if (w < first_week || w > last_week) continue;
    totals[static_cast<std::size_t>(w - first_week)].done_days += 1;
  }
  if (settings.weekly_goal > 0) {
    for (std::size_t i = 0; i < totals.size(); ++i) {
      const int required = std::min(settings.weekly_goal,
                                    rest.working_days_in_week(first_week + static_cast<std::int64_t>(i)));
      totals[i].goal_met = required > 0 && totals[i].done_days >= required;
    }
  }
  return totals;
}

std::vector<CompletionRecord> recent_sessions(const std::vector<CompletionRecord>& log, std::size_t limit) {
  std::vector<const CompletionRecord*> order;
  order.reserve(log.size());
  for (const CompletionRecord& r : log) order.push_back(&r);
  const std::size_t n = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [](const CompletionRecord* a, const CompletionRecord* b) {
                      return a->at != b->at ? b->at < a->at : b->seq < a->seq;
                    });
  std::vector<CompletionRecord> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(*order[i]);
  return out;
}

}  // namespace respite::core
