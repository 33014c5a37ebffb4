// The value types under the progress store: practice days, ISO 8601 with offsets, weekday sets,
// record validation, ids.
#include <catch2/catch.hpp>

#include "core/progress/ids.h"
#include "core/progress/progress_types.h"
#include "test_progress_support.h"

using namespace respite;
using core::CivilDate;
using test::at;
using test::day;

TEST_CASE("practice day = civil date of (UTC + offset - day start)", "[progress][time]") {
  struct Row {
    const char* when;
    int day_start;
    const char* expected;
  };
  const Row rows[] = {
      // Night shift, day start 04:00: 23:30 and 02:00 are the same practice day.
      {"2026-03-10T23:30:00-05:00", 240, "2026-03-10"},
      {"2026-03-11T02:00:00-05:00", 240, "2026-03-10"},
      {"2026-03-11T03:59:59.999-05:00", 240, "2026-03-10"},
      {"2026-03-11T04:00:00-05:00", 240, "2026-03-11"},
      // Midnight day start: plain calendar days.
      {"2026-03-11T00:00:00+01:00", 0, "2026-03-11"},
      {"2026-03-10T23:59:59.999+01:00", 0, "2026-03-10"},
      // Noon day start (the latest allowed).
      {"2026-03-11T11:59:00+05:30", 720, "2026-03-10"},
      {"2026-03-11T12:00:00+05:30", 720, "2026-03-11"},
      // Leap day and year ends.
      {"2028-02-29T03:00:00Z", 240, "2028-02-28"},
      {"2028-03-01T03:00:00Z", 240, "2028-02-29"},
      {"2027-01-01T01:00:00+14:00", 240, "2026-12-31"},
      // Far beyond 2038 and before 1970: 64-bit instants and floor division.
      {"2100-03-01T05:00:00-12:00", 240, "2100-03-01"},
      {"9999-12-30T12:00:00Z", 0, "9999-12-30"},
      {"1969-12-31T23:00:00Z", 0, "1969-12-31"},
      {"1969-12-31T02:00:00Z", 240, "1969-12-30"},
  };
  for (const Row& row : rows) {
    const auto when = at(row.when);
    INFO(row.when << " day start " << row.day_start);
    CHECK(core::practice_day_at(when.instant, when.offset_minutes, row.day_start).to_string() ==
          row.expected);
  }
}

TEST_CASE("ISO 8601 timestamps must carry a UTC offset", "[progress][time]") {
  std::string error;
  SECTION("accepted forms") {
    const auto a = core::parse_iso8601_with_offset("2026-03-08T07:30:00Z", error);
    REQUIRE(a);
    CHECK(a->offset_minutes == 0);
    CHECK(a->instant.ms == 1772955000000);
    const auto b = core::parse_iso8601_with_offset("2026-03-08T02:30:00-05:00", error);
    REQUIRE(b);
    CHECK(b->instant == a->instant);
    CHECK(b->offset_minutes == -300);
    const auto c = core::parse_iso8601_with_offset("2026-03-08T13:15+0545", error);
    REQUIRE(c);
    CHECK(c->instant == a->instant);
    CHECK(c->offset_minutes == 345);
    const auto d = core::parse_iso8601_with_offset("2026-03-08T07:30:00.250+00", error);
    REQUIRE(d);
    CHECK(d->instant.ms == a->instant.ms + 250);
    const auto e = core::parse_iso8601_with_offset("2026-03-08T20:15:00+12:45", error);
    REQUIRE(e);
    CHECK(e->instant == a->instant);
  }
  SECTION("rejected forms say why") {
    const char* bad[] = {"2026-03-08T07:30:00",
                         "2026-03-08",
                         "2026-02-30T07:30:00Z",
                         "2026-03-08 07:30:00Z",
                         "2026-03-08T24:00:00Z",
                         "2026-03-08T07:60:00Z",
                         "2026-03-08T07:30:00+19:00",
                         "2026-03-08T07:30:00+05:60",
                         "2026-03-08T07:30:00Zjunk",
                         "",
                         "yesterday",
                         "2026-03-08T07:30:00.Z"};
    for (const char* text : bad) {
      INFO(text);
      error.clear();
      CHECK_FALSE(core::parse_iso8601_with_offset(text, error));
      CHECK_FALSE(error.empty());
    }
    core::parse_iso8601_with_offset("2026-03-08T07:30:00", error);
    CHECK_THAT(error, Catch::Contains("no UTC offset"));
  }
  SECTION("round trip through format_iso8601") {
    for (const char* text :
         {"2026-03-08T02:30:00-05:00", "2026-03-08T07:30:00Z", "2040-07-01T12:00:00.125+13:45"}) {
      const auto parsed = at(text);
      CHECK(core::format_iso8601(parsed.instant, parsed.offset_minutes) == text);
    }
  }
}

TEST_CASE("weekday sets and HH:MM", "[progress][time]") {
  auto sat_sun = core::WeekdaySet::parse("Sat,sun");
  REQUIRE(sat_sun);
  CHECK(sat_sun->to_string() == "sat,sun");
  CHECK(sat_sun->has(5));
  CHECK(sat_sun->has(6));
  CHECK_FALSE(sat_sun->has(0));
  CHECK(core::WeekdaySet::parse("none")->bits == 0);
  CHECK_FALSE(core::WeekdaySet::parse("sat,sat"));
  CHECK_FALSE(core::WeekdaySet::parse("saturday"));
  CHECK_FALSE(core::WeekdaySet::parse(""));
  CHECK_FALSE(core::WeekdaySet::parse("mon,"));
  CHECK(core::parse_hhmm("04:00") == 240);
  CHECK(core::parse_hhmm("4:30") == 270);
  CHECK_FALSE(core::parse_hhmm("24:00"));
  CHECK_FALSE(core::parse_hhmm("0400"));
  CHECK(core::format_hhmm(750) == "12:30");
  // 2026-03-09 is a Monday.
  CHECK(day("2026-03-09").weekday() == 0);
}

TEST_CASE("profile settings validation", "[progress]") {
  core::ProfileSettings s;
  CHECK(s.validate().empty());
  s.day_start_minutes = 721;
  CHECK_THAT(s.validate(), Catch::Contains("day start"));
  s.day_start_minutes = 720;
  s.rest_weekdays.bits = 0x7F;
  CHECK_THAT(s.validate(), Catch::Contains("whole week"));
  s.rest_weekdays.bits = 0x60;
  s.weekly_goal = 8;
  CHECK_THAT(s.validate(), Catch::Contains("weekly goal"));
  s.weekly_goal = 7;
  CHECK(s.validate().empty());
}

TEST_CASE("completion records are checked for internal consistency", "[progress]") {
  test::LogBuilder log;
  core::CompletionRecord r = log.add("2026-03-10T23:30:00-05:00");
  CHECK(r.validate().empty());
  CHECK(r.complete);
  auto broken = r;
  broken.practice_day = day("2026-03-11");
  CHECK_THAT(broken.validate(), Catch::Contains("does not match"));
  broken = r;
  broken.complete = false;
  CHECK_THAT(broken.validate(), Catch::Contains("complete"));
  broken = r;
  broken.event_id = "not-a-uuid";
  CHECK_THAT(broken.validate(), Catch::Contains("UUID"));
  broken = r;
  broken.pack_id = "a/b";
  CHECK_FALSE(broken.validate().empty());
  broken = r;
  broken.utc_offset_minutes = 19 * 60;
  CHECK_FALSE(broken.validate().empty());
  broken = r;
  broken.active = core::Millis(-1);
  CHECK_FALSE(broken.validate().empty());
  CHECK(log.add("2026-03-11T23:30:00-05:00", core::Millis(60'000)).complete == false);
}

TEST_CASE("uuids are random version 4", "[progress]") {
  const std::string a = core::make_uuid_v4(), b = core::make_uuid_v4();
  CHECK(core::is_uuid(a));
  CHECK(a != b);
  CHECK(a[14] == '4');
  CHECK((a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b'));
  CHECK_FALSE(core::is_uuid("C47EB713-FEB8-4EBC-8C0C-B719DFAEA7AC"));
  CHECK_FALSE(core::is_uuid("c47eb713feb84ebc8c0cb719dfaea7ac"));
}
