// The streak rules of DESIGN §4 as tables: night shifts, rest days, weekly goals, DST in six zones,
// travel across ±14 h, clocks moved back and forward, leap days and years past 2038.
#include <catch2/catch.hpp>

#include <cstdio>

#include "core/progress/streaks.h"
#include "core/progress/zone_rules.h"
#include "test_progress_support.h"

using namespace respite;
using core::CivilDate;
using core::Millis;
using core::ProfileSettings;
using test::day;
using test::LogBuilder;

namespace {

core::ProgressSummary summary_of(const LogBuilder& log, const ProfileSettings& settings,
                                 const std::string& today) {
  return core::summarize(log.log(), settings, day(today));
}

std::vector<std::string> days_of(const std::vector<CivilDate>& days) {
  std::vector<std::string> out;
  for (const CivilDate& d : days) out.push_back(d.to_string());
  return out;
}

ProfileSettings rest_on(const char* weekdays) {
  ProfileSettings s;
  s.rest_weekdays = *core::WeekdaySet::parse(weekdays);
  return s;
}

// Sessions at `local_time` ("HH:MM") every day from `first` for `count` days, in `offset`.
void daily(LogBuilder& log, const std::string& first, int count, const std::string& local_time,
           const std::string& offset = "+00:00", Millis active = Millis(120'000)) {
  const std::int64_t start = day(first).to_days();
  for (int i = 0; i < count; ++i) {
    log.add(CivilDate::from_days(start + i).to_string() + "T" + local_time + ":00" + offset, active);
  }
}

}  // namespace

TEST_CASE("daily streak: consecutive done days, today still open", "[streaks]") {
  LogBuilder log;
  daily(log, "2026-03-02", 5, "12:00");  // Mon..Fri
  const ProfileSettings settings;
  SECTION("today done") {
    const auto s = summary_of(log, settings, "2026-03-06");
    CHECK(s.streak_unit == core::StreakUnit::Day);
    CHECK(s.current_streak == 5);
    CHECK(s.longest_streak == 5);
    CHECK(s.today_done);
  }
  SECTION("today not yet done does not break it") {
    const auto s = summary_of(log, settings, "2026-03-07");
    CHECK(s.current_streak == 5);
    CHECK_FALSE(s.today_done);
  }
  SECTION("a whole missed day does") {
    const auto s = summary_of(log, settings, "2026-03-08");
    CHECK(s.current_streak == 0);
    CHECK(s.longest_streak == 5);
  }
  SECTION("a gap splits runs; the longest is kept") {
    daily(log, "2026-03-09", 2, "12:00");
    const auto s = summary_of(log, settings, "2026-03-10");
    CHECK(s.current_streak == 2);
    CHECK(s.longest_streak == 5);
    CHECK(s.done_days.size() == 7);
  }
}

TEST_CASE("partial sessions are kept but do not make a day done", "[streaks]") {
  LogBuilder log;
  daily(log, "2026-03-02", 3, "12:00");
  log.add("2026-03-05T12:00:00Z", Millis(30'000));  // partial
  const auto s = summary_of(log, {}, "2026-03-05");
  CHECK(s.sessions_complete == 3);
  CHECK(s.sessions_partial == 1);
  CHECK(s.active == Millis(3 * 120'000 + 30'000));
  CHECK_FALSE(s.today_done);
  CHECK(s.current_streak == 3);  // today is still open
  CHECK(summary_of(log, {}, "2026-03-06").current_streak == 0);
}

TEST_CASE("night shifts: the day start decides the practice day", "[streaks]") {
  SECTION("23:30 and 02:00 after a shift are one practice day with a 04:00 day start") {
    LogBuilder log(4 * 60);
    log.add("2026-03-09T23:30:00-05:00");
    log.add("2026-03-10T02:00:00-05:00");
    log.add("2026-03-10T23:30:00-05:00");
    log.add("2026-03-11T03:59:00-05:00");
    const auto s = summary_of(log, {}, "2026-03-10");
    CHECK(days_of(s.done_days) == std::vector<std::string>{"2026-03-09", "2026-03-10"});
    CHECK(s.current_streak == 2);
  }
  SECTION("the same sessions with a midnight day start fall on three days") {
    LogBuilder log(0);
    log.add("2026-03-09T23:30:00-05:00");
    log.add("2026-03-10T02:00:00-05:00");
    log.add("2026-03-10T23:30:00-05:00");
    log.add("2026-03-11T03:59:00-05:00");
    CHECK(days_of(summary_of(log, {}, "2026-03-11").done_days) ==
          std::vector<std::string>{"2026-03-09", "2026-03-10", "2026-03-11"});
  }
  SECTION("a string of night shifts practised at 02:30 every morning is unbroken") {
    LogBuilder log(4 * 60);
    daily(log, "2026-03-10", 6, "02:30", "-05:00");
    const auto s = summary_of(log, {}, "2026-03-14");
    CHECK(s.done_days.front() == day("2026-03-09"));
    CHECK(s.current_streak == 6);
  }
  SECTION("03:59 and 04:00 are on either side of the boundary") {
    LogBuilder log(4 * 60);
    CHECK(log.add("2026-03-10T03:59:59-05:00").practice_day == day("2026-03-09"));
    CHECK(log.add("2026-03-10T04:00:00-05:00").practice_day == day("2026-03-10"));
  }
  SECTION("a changed day start applies from then on; earlier days stay as written") {
    LogBuilder log(0);
    log.add("2026-03-10T02:00:00Z");  // written with 00:00: 2026-03-10
    log.set_day_start(4 * 60);
    log.add("2026-03-11T02:00:00Z");  // written with 04:00: 2026-03-10 again
    log.add("2026-03-12T02:00:00Z");  // 2026-03-11
    const auto s = summary_of(log, {}, "2026-03-11");
    CHECK(days_of(s.done_days) == std::vector<std::string>{"2026-03-10", "2026-03-11"});
    CHECK(log.log()[0].day_start_minutes == 0);
    CHECK(log.log()[1].day_start_minutes == 240);
  }
}

TEST_CASE("rest days neither break nor extend a daily streak", "[streaks]") {
  SECTION("a weekly pattern: weekends off") {
    LogBuilder log;
    daily(log, "2026-03-02", 5, "12:00");  // Mon..Fri
    daily(log, "2026-03-09", 5, "12:00");  // Mon..Fri
    const ProfileSettings settings = rest_on("sat,sun");
    CHECK(summary_of(log, settings, "2026-03-13").current_streak == 10);
    CHECK(summary_of(log, settings, "2026-03-14").current_streak == 10);  // Saturday, rest
    CHECK(summary_of(log, settings, "2026-03-16").current_streak == 10);  // Monday, still open
    CHECK(summary_of(log, settings, "2026-03-17").current_streak == 0);   // Monday missed
    CHECK(summary_of(log, {}, "2026-03-13").current_streak == 5);         // without rest days
  }
  SECTION("practising on a rest day does not extend the streak") {
    LogBuilder log;
    daily(log, "2026-03-02", 6, "12:00");  // Mon..Sat
    const auto s = summary_of(log, rest_on("sat,sun"), "2026-03-07");
    CHECK(s.current_streak == 5);
    CHECK(s.done_days.size() == 6);  // the Saturday is still a practised day
  }
  SECTION("single rest dates, e.g. a day off marked afterwards") {
    LogBuilder log;
    daily(log, "2026-03-02", 2, "12:00");
    daily(log, "2026-03-05", 2, "12:00");  // Wednesday 03-04 missed
    ProfileSettings settings;
    CHECK(summary_of(log, settings, "2026-03-06").current_streak == 2);
    settings.rest_dates = {day("2026-03-04")};
    CHECK(summary_of(log, settings, "2026-03-06").current_streak == 4);
    CHECK(summary_of(log, settings, "2026-03-06").longest_streak == 4);
  }
  SECTION("a shift worker's roster: only working days count") {
    // Works Wed..Sun, off Mon+Tue.
    LogBuilder log;
    for (const char* d : {"2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-11"})
      log.add(std::string(d) + "T07:00:00+01:00");
    CHECK(summary_of(log, rest_on("mon,tue"), "2026-03-11").current_streak == 6);
  }
}

TEST_CASE("weekly goal: consecutive weeks that met it, the current week counting once met", "[streaks]") {
  ProfileSettings settings;
  settings.weekly_goal = 3;
  LogBuilder log;
  // Week of Mon 2026-03-02: three days. Week of 03-09: four days. Week of 03-16: one day so far.
  for (const char* d : {"2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11",
                        "2026-03-15", "2026-03-16"})
    log.add(std::string(d) + "T12:00:00Z");
  SECTION("current week not met yet: it does not break the streak") {
    const auto s = summary_of(log, settings, "2026-03-18");
    CHECK(s.streak_unit == core::StreakUnit::Week);
    CHECK(s.current_streak == 2);
    CHECK(s.week_done_days == 1);
    CHECK(s.week_goal == 3);
  }
  SECTION("once met it counts") {
    log.add("2026-03-17T12:00:00Z");
    log.add("2026-03-18T12:00:00Z");
    const auto s = summary_of(log, settings, "2026-03-18");
    CHECK(s.current_streak == 3);
    CHECK(s.longest_streak == 3);
  }
  SECTION("a week that ended short breaks it") {
    CHECK(summary_of(log, settings, "2026-03-23").current_streak == 0);
    CHECK(summary_of(log, settings, "2026-03-23").longest_streak == 2);
  }
  SECTION("weeks start on Monday") {
    LogBuilder edge;
    for (const char* d : {"2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"})
      edge.add(std::string(d) + "T12:00:00Z");
    const auto s = summary_of(edge, settings, "2026-03-09");  // Fri/Sat/Sun met; Monday is a new week
    CHECK(s.current_streak == 1);
    CHECK(s.week_done_days == 1);
  }
  SECTION("rest days lower what a week asks; an all-rest week is skipped") {
    ProfileSettings s5 = rest_on("sat,sun");
    s5.weekly_goal = 5;
    LogBuilder weeks;
    daily(weeks, "2026-03-02", 5, "12:00");                  // full week
    daily(weeks, "2026-03-09", 3, "12:00");                  // Mon..Wed only
    s5.rest_dates = {day("2026-03-12"), day("2026-03-13")};  // Thu+Fri off: 3 asked
    // Week of 03-16 all rest (holiday), then a full week.
    for (const char* d : {"2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20"})
      s5.rest_dates.push_back(day(d));
    daily(weeks, "2026-03-23", 5, "12:00");
    s5.normalize();
    const auto s = summary_of(weeks, s5, "2026-03-27");
    CHECK(s.current_streak == 3);
    CHECK(s.longest_streak == 3);
  }
}

TEST_CASE("clock set backwards: kept, flagged, cannot extend a streak", "[streaks]") {
  struct Row {
    const char* name;
    const char* tampered;  // the next session's wall-clock reading
    bool flagged;
  };
  const Row rows[] = {
      {"back 4 minutes (within tolerance)", "2026-03-05T11:56:00Z", false},
      {"back 1 hour", "2026-03-05T11:00:00Z", true},
      {"back 1 day", "2026-03-04T12:00:00Z", true},
      {"back 1 year", "2025-03-05T12:00:00Z", true},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    LogBuilder log;
    daily(log, "2026-03-01", 5, "12:00");  // 03-01 .. 03-05, last at 03-05 12:00
    const auto before = summary_of(log, {}, "2026-03-06");
    const auto& r = log.add(row.tampered);
    CHECK((r.anomaly == core::Anomaly::ClockBehind) == row.flagged);
    const auto after = summary_of(log, {}, "2026-03-06");
    CHECK(after.sessions_complete == 6);  // never lost
    CHECK(after.anomalies.size() == (row.flagged ? 1U : 0U));
    CHECK(after.current_streak <= before.current_streak + 0);
    CHECK(after.longest_streak <= before.longest_streak);
  }
  SECTION("a flagged session on a missing day does not fill the gap") {
    LogBuilder log;
    daily(log, "2026-03-01", 3, "12:00");
    daily(log, "2026-03-05", 1, "12:00");             // 03-04 missed
    const auto& r = log.add("2026-03-04T12:00:00Z");  // clock set back to fill it
    CHECK(r.anomaly == core::Anomaly::ClockBehind);
    const auto s = summary_of(log, {}, "2026-03-05");
    CHECK(s.current_streak == 1);
    CHECK(s.longest_streak == 3);
    REQUIRE(s.anomalies.size() == 1);
    CHECK(s.anomalies[0].practice_day == day("2026-03-04"));
  }
  SECTION("clock moved forward a year: the future day does not count for today's streak") {
    LogBuilder log;
    daily(log, "2026-03-01", 3, "12:00");
    log.add("2027-03-04T12:00:00Z");  // the tablet's clock jumped a year ahead
    const auto s = summary_of(log, {}, "2026-03-04");
    CHECK(s.current_streak == 3);  // not 4: 2027-03-04 is not today
    CHECK(s.longest_streak == 3);
    // Sessions after the clock is corrected are behind the bogus instant: kept, flagged, and they
    // cannot extend the streak until real time passes it (the documented cost of a forward jump).
    const auto& corrected = log.add("2026-03-04T12:00:00Z");
    CHECK(corrected.anomaly == core::Anomaly::ClockBehind);
    CHECK(summary_of(log, {}, "2026-03-04").current_streak == 3);
  }
}

TEST_CASE("travel: offsets from -12 to +14, both directions", "[streaks]") {
  SECTION("Honolulu Monday evening to Kiritimati: the vanished Tuesday is excused") {
    LogBuilder log;
    log.add("2026-03-08T20:00:00-10:00");  // Sunday, Honolulu
    log.add("2026-03-09T20:00:00-10:00");  // Monday, Honolulu
    log.add("2026-03-11T20:00:00+14:00");  // Wednesday in Kiritimati, 24 h later
    log.add("2026-03-12T20:00:00+14:00");
    const auto s = summary_of(log, {}, "2026-03-12");
    CHECK(days_of(s.travel_days) == std::vector<std::string>{"2026-03-10"});
    CHECK(s.current_streak == 4);  // four sessions on four consecutive real days: not 5
    CHECK(s.done_days.size() == 4);
  }
  SECTION("the excused day is the one the new clock skipped, however long the flight") {
    LogBuilder log;
    log.add("2026-03-09T08:00:00-10:00");  // Monday morning, Honolulu
    log.add("2026-03-11T20:00:00+14:00");  // Wednesday in Kiritimati = Tuesday 20:00 in Honolulu
    const auto s = summary_of(log, {}, "2026-03-11");
    CHECK(days_of(s.travel_days) == std::vector<std::string>{"2026-03-10"});
    CHECK(s.current_streak == 2);
  }
  SECTION("but a real missed day is not excused by travel") {
    LogBuilder log;
    log.add("2026-03-09T08:00:00-10:00");  // Monday morning, Honolulu
    log.add("2026-03-12T20:00:00+14:00");  // Thursday in Kiritimati = Wednesday in Honolulu
    const auto s = summary_of(log, {}, "2026-03-12");
    CHECK(days_of(s.travel_days) == std::vector<std::string>{"2026-03-11"});
    CHECK(s.current_streak == 1);  // Tuesday was lived through and missed
  }
  SECTION("an hour of DST never excuses a missed day") {
    LogBuilder log;
    log.add("2026-03-06T04:30:00-05:00");  // Friday
    log.add("2026-03-08T04:30:00-04:00");  // Sunday, just after the day start, after spring forward
    const auto s = summary_of(log, {}, "2026-03-08");
    CHECK(s.travel_days.empty());
    CHECK(s.current_streak == 1);
  }
  SECTION("flying west repeats a date: counted once, no inflation") {
    LogBuilder log;
    log.add("2026-03-09T20:00:00+14:00");  // Monday, Kiritimati
    log.add("2026-03-09T21:00:00-10:00");  // Monday again in Honolulu, 25 h later
    log.add("2026-03-10T21:00:00-10:00");
    const auto s = summary_of(log, {}, "2026-03-10");
    CHECK(days_of(s.done_days) == std::vector<std::string>{"2026-03-09", "2026-03-10"});
    CHECK(s.current_streak == 2);
  }
  SECTION("every jump from -12 to +14 in hour steps, east and west, mid-streak") {
    // A traveller practises at the same wall-clock time every day: three days in one zone, then,
    // after the trip, on the next date the new zone's clock allows (never before the previous
    // session: nobody practises in their own past).
    for (const char* wall : {"07:00", "12:00", "20:00", "23:30"}) {
      for (int from = -12; from <= 14; ++from) {
        for (int to = -12; to <= 14; ++to) {
          INFO("wall clock " << wall << ", from " << from << " h to " << to << " h");
          LogBuilder log;
          std::int64_t date = day("2026-03-01").to_days();
          for (int i = 0; i < 6; ++i) {
            const int offset = (i < 3 ? from : to) * 60;
            core::CompletionInput in = test::input_at("2026-03-01T00:00:00Z");
            in.utc_offset_minutes = offset;
            for (;; ++date) {
              in.at = core::UtcInstant{
                  test::at(CivilDate::from_days(date).to_string() + "T" + wall + ":00Z").instant.ms -
                  static_cast<std::int64_t>(offset) * 60'000};
              if (log.log().empty() || in.at.ms > log.log().back().at.ms + 3'600'000) break;
            }
            ++date;
            CHECK(log.add(in).anomaly == core::Anomaly::None);
          }
          const auto s = core::summarize(log.log(), {}, log.log().back().practice_day);
          CHECK(s.done_days.size() == 6);
          CHECK(s.current_streak == 6);  // never broken by the trip, never more than the sessions
          CHECK(s.longest_streak == 6);
          CHECK(s.travel_days.size() <= 1);
        }
      }
    }
  }
}

TEST_CASE("calendar edges: leap days, year ends, far future", "[streaks]") {
  SECTION("through 29 February") {
    LogBuilder log;
    daily(log, "2028-02-27", 4, "12:00");
    const auto s = summary_of(log, {}, "2028-03-01");
    CHECK(days_of(s.done_days) ==
          std::vector<std::string>{"2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"});
    CHECK(s.current_streak == 4);
  }
  SECTION("no 29 February in 2100") {
    LogBuilder log;
    daily(log, "2100-02-27", 3, "12:00");
    CHECK(summary_of(log, {}, "2100-03-01").done_days.back() == day("2100-03-01"));
    CHECK(summary_of(log, {}, "2100-03-01").current_streak == 3);
  }
  SECTION("31 December to 1 January, weeks across the year end") {
    LogBuilder log;
    daily(log, "2040-12-28", 7, "23:30", "+13:00");
    ProfileSettings weekly;
    weekly.weekly_goal = 2;
    CHECK(summary_of(log, {}, "2041-01-03").current_streak == 7);
    CHECK(summary_of(log, weekly, "2041-01-03").current_streak == 2);
  }
  SECTION("past 2038 and far ahead") {
    LogBuilder log;
    daily(log, "2038-01-18", 3, "03:14", "+00:00");
    daily(log, "9999-12-25", 3, "12:00");
    CHECK(summary_of(log, {}, "2038-01-20").current_streak == 3);
    CHECK(summary_of(log, {}, "9999-12-27").current_streak == 3);
    CHECK(summary_of(log, {}, "9999-12-27").longest_streak == 3);
  }
}

namespace {

// Minutes of a wall-clock "HH:MM".
int minutes_of(const std::string& hhmm) {
  return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
}

}  // namespace

// Each zone, each transition, sessions at fixed wall-clock times for a week around it: every
// session counts, the repeated hour counts once per day, no day is lost or doubled.
TEST_CASE("DST tables: New York, London, Sydney, Lord Howe, Kolkata, Chatham", "[streaks][zones]") {
  struct Transition {
    const char* zone;
    const char* date;
  };
  const Transition transitions[] = {
      {"America/New_York", "2026-03-08"},    {"America/New_York", "2026-11-01"},
      {"America/New_York", "2040-03-11"},    {"Europe/London", "2026-03-29"},
      {"Europe/London", "2026-10-25"},       {"Australia/Sydney", "2026-04-05"},
      {"Australia/Sydney", "2026-10-04"},    {"Australia/Lord_Howe", "2026-04-05"},
      {"Australia/Lord_Howe", "2026-10-04"}, {"Asia/Kolkata", "2026-03-08"},
      {"Pacific/Chatham", "2026-04-05"},     {"Pacific/Chatham", "2026-09-27"},
  };
  const char* times[] = {"00:30", "01:30", "02:15", "03:50", "12:00", "23:30"};
  for (const Transition& t : transitions) {
    std::string error;
    const auto rules = core::ZoneRules::load(t.zone, error);
    REQUIRE(rules);
    for (const int day_start : {0, 4 * 60}) {
      for (const char* time : times) {
        INFO(t.zone << " around " << t.date << ", sessions at " << time << ", day start " << day_start);
        LogBuilder log(day_start);
        std::vector<std::string> expected;
        int sessions = 0;
        const std::int64_t center = day(t.date).to_days();
        for (std::int64_t d = center - 3; d <= center + 3; ++d) {
          const std::string date = CivilDate::from_days(d).to_string();
          const std::int64_t local = test::at(date + "T" + time + ":00Z").instant.ms;
          auto instants = rules->resolve_local(local);
          int wall = minutes_of(time);
          if (instants.empty()) {
            // In the gap the clock reads later: the device records the instant it really is.
            const int before = rules->offset_minutes_at(core::UtcInstant{local - 86'400'000});
            const core::UtcInstant instant{local - static_cast<std::int64_t>(before) * 60'000};
            wall += rules->offset_minutes_at(instant) - before;
            instants.push_back(instant);
          }
          for (const core::UtcInstant instant : instants) {
            core::CompletionInput in = test::input_at(date + "T00:00:00Z");
            in.at = instant;
            in.utc_offset_minutes = rules->offset_minutes_at(instant);
            in.zone = t.zone;
            CHECK(log.add(in).anomaly == core::Anomaly::None);
            ++sessions;
          }
          // The expected practice day from the wall clock alone.
          expected.push_back(CivilDate::from_days(wall < day_start ? d - 1 : d).to_string());
        }
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        const auto s = core::summarize(log.log(), {}, day(expected.back()));
        CHECK(days_of(s.done_days) == expected);
        CHECK(s.sessions_complete == sessions);
        CHECK(s.current_streak == 7);
        CHECK(s.longest_streak == 7);
        CHECK(s.travel_days.empty());
      }
    }
  }
}

TEST_CASE("the spring-forward gap and the repeated hour, by hand", "[streaks][zones]") {
  LogBuilder log(4 * 60);
  // New York: 02:30 on 2026-03-08 does not exist; a session then is recorded at 03:30 EDT.
  CHECK(log.add("2026-03-08T03:30:00-04:00").practice_day == day("2026-03-07"));
  CHECK(log.add("2026-03-08T04:00:00-04:00").practice_day == day("2026-03-08"));
  // 01:30 happens twice on 2026-11-01: both before the 04:00 day start, same practice day.
  CHECK(log.add("2026-11-01T01:30:00-04:00").practice_day == day("2026-10-31"));
  CHECK(log.add("2026-11-01T01:30:00-05:00").practice_day == day("2026-10-31"));
  const auto s = core::summarize(log.log(), {}, day("2026-10-31"));
  CHECK(s.done_days.size() == 3);
  CHECK(s.sessions_complete == 4);
}

TEST_CASE("hidden streaks are computed but flagged hidden; history is kept", "[streaks]") {
  LogBuilder log;
  daily(log, "2026-03-02", 3, "12:00");
  ProfileSettings settings;
  settings.hide_streaks = true;
  const auto s = summary_of(log, settings, "2026-03-04");
  CHECK(s.streaks_hidden);
  CHECK(s.done_days.size() == 3);
  CHECK(s.sessions_complete == 3);
}

TEST_CASE("read API for the progress screen", "[streaks]") {
  LogBuilder log;
  daily(log, "2026-03-02", 3, "12:00");
  log.add("2026-03-05T12:00:00Z", Millis(30'000));
  log.add("2026-03-01T12:00:00Z");  // behind: flagged
  ProfileSettings settings = rest_on("sat,sun");
  settings.weekly_goal = 3;
  SECTION("month calendar") {
    const auto month = core::month_calendar(log.log(), settings, 2026, 3, day("2026-03-05"));
    REQUIRE(month.size() == 31);
    CHECK(month[1].done);  // 03-02
    CHECK(month[1].sessions == 1);
    CHECK(month[4].partial_sessions == 1);
    CHECK_FALSE(month[4].done);
    CHECK(month[0].has_anomaly);
    CHECK_FALSE(month[0].done);
    CHECK(month[6].rest);  // Saturday 03-07
    CHECK(month[6].future);
    CHECK_FALSE(month[3].future);
    CHECK(core::month_calendar(log.log(), settings, 2028, 2, day("2026-03-05")).size() == 29);
  }
  SECTION("weekly totals") {
    const auto weeks = core::weekly_totals(log.log(), settings, day("2026-03-05"), 3);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[2].monday == day("2026-03-02"));
    CHECK(weeks[2].active == Millis(3 * 120'000 + 30'000));
    CHECK(weeks[2].done_days == 3);
    CHECK(weeks[2].goal_met);
    CHECK(weeks[1].active == Millis(120'000));  // the flagged Sunday session still counts as time
    CHECK(weeks[1].done_days == 0);
  }
  SECTION("recent sessions, newest first") {
    const auto recent = core::recent_sessions(log.log(), 2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].practice_day == day("2026-03-05"));
    CHECK(recent[1].practice_day == day("2026-03-04"));
  }
}
