// Anonymous unit totals: sessions and minutes of the current week summed over profiles, shown only
// when at least three profiles contributed (k-anonymity threshold).
#include <catch2/catch.hpp>

#include "core/progress/unit_totals.h"
#include "test_progress_support.h"

using namespace respite;
using namespace respite::test;

namespace {

std::vector<core::CompletionRecord> log_of(std::initializer_list<std::pair<const char*, int>> sessions) {
  LogBuilder builder;
  for (const auto& [iso, seconds] : sessions) builder.add(iso, core::Millis(seconds * 1000));
  return builder.log();
}

}  // namespace

TEST_CASE("unit totals: nothing is shown until three profiles practised this week", "[unit][totals]") {
  const core::CivilDate today = day("2026-03-12");  // a Thursday; the week is 9..15 March
  const auto alex = log_of({{"2026-03-09T10:00:00Z", 120}, {"2026-03-10T10:00:00Z", 60}});
  const auto sam = log_of({{"2026-03-11T10:00:00Z", 240}});
  const auto kim = log_of({{"2026-03-15T20:00:00Z", 30}});
  const auto last_week_only = log_of({{"2026-03-08T20:00:00Z", 120}});  // Sunday before

  SECTION("two contributors: hidden, and the numbers are zero") {
    const core::UnitWeekTotals totals = core::unit_week_totals({alex, sam, last_week_only}, today);
    CHECK_FALSE(totals.shown);
    CHECK(totals.sessions == 0);
    CHECK(totals.active == core::Millis(0));
    CHECK(totals.monday == day("2026-03-09"));
  }
  SECTION("three contributors: the sums, with no per-person part") {
    const core::UnitWeekTotals totals = core::unit_week_totals({alex, sam, kim, last_week_only}, today);
    CHECK(totals.shown);
    CHECK(totals.sessions == 4);
    CHECK(totals.active == core::Millis((120 + 60 + 240 + 30) * 1000));
  }
  SECTION("many sessions from one person do not count as more people") {
    auto busy = log_of({{"2026-03-09T08:00:00Z", 60},
                        {"2026-03-09T12:00:00Z", 60},
                        {"2026-03-10T08:00:00Z", 60},
                        {"2026-03-11T08:00:00Z", 60}});
    CHECK_FALSE(core::unit_week_totals({busy, sam}, today).shown);
    CHECK_FALSE(core::unit_week_totals({busy, {}, {}, sam}, today).shown);
  }
  SECTION("partial sessions count as sessions") {
    const auto partial = log_of({{"2026-03-12T10:00:00Z", 5}});
    const core::UnitWeekTotals totals = core::unit_week_totals({alex, sam, partial}, today);
    CHECK(totals.shown);
    CHECK(totals.sessions == 4);
  }
  SECTION("the threshold is a parameter, and never below one") {
    CHECK(core::unit_week_totals({alex}, today, 1).shown);
    CHECK_FALSE(core::unit_week_totals({}, today, 0).shown);
  }
}
