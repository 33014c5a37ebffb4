// Civil dates: the conversions every practice-day computation relies on.
#include <catch2/catch.hpp>

#include "core/time.h"

using respite::core::CivilDate;

TEST_CASE("civil dates round-trip through day numbers", "[unit][time]") {
  CHECK(CivilDate{1970, 1, 1}.to_days() == 0);
  CHECK(CivilDate{2000, 3, 1}.to_days() == 11017);
  CHECK(CivilDate{1969, 12, 31}.to_days() == -1);
  // Every day across four centuries, including the 2038 boundary and leap days.
  for (std::int64_t d = -150000; d <= 150000; d += 1) {
    const CivilDate date = CivilDate::from_days(d);
    REQUIRE(date.valid());
    REQUIRE(date.to_days() == d);
  }
}

TEST_CASE("leap years follow the Gregorian rule", "[unit][time]") {
  CHECK(respite::core::is_leap_year(2024));
  CHECK_FALSE(respite::core::is_leap_year(2100));
  CHECK(respite::core::is_leap_year(2000));
  CHECK(respite::core::days_in_month(2028, 2) == 29);
  CHECK(respite::core::days_in_month(2027, 2) == 28);
  CHECK(CivilDate{2028, 2, 29}.valid());
  CHECK_FALSE(CivilDate{2027, 2, 29}.valid());
}

TEST_CASE("civil dates parse strictly and print as ISO 8601", "[unit][time]") {
  CHECK(CivilDate::parse("2026-11-25") == CivilDate{2026, 11, 25});
  CHECK(CivilDate{2039, 1, 19}.to_string() == "2039-01-19");
  for (const char* bad : {"2026-13-01", "2026-02-30", "26-11-25", "2026/11/25", "2026-11-2x", "", "2026-11-250"}) {
    INFO(bad);
    CHECK_FALSE(CivilDate::parse(bad).has_value());
  }
}

TEST_CASE("weekday of a civil date, Monday = 0", "[unit][time]") {
  CHECK(CivilDate{2026, 11, 23}.weekday() == 0);  // a Monday
  CHECK(CivilDate{2026, 11, 29}.weekday() == 6);  // a Sunday
  CHECK(CivilDate{1970, 1, 1}.weekday() == 3);    // a Thursday
  CHECK(CivilDate{1969, 12, 29}.weekday() == 0);  // before the epoch
}
