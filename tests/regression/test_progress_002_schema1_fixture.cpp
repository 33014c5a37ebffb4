// Regression 002 (progress): a profile file written by schema 1 (before the private journal) must
// open in this build, be migrated to the current schema in one step, and keep every row: its
// identity, PIN hash, settings, rest dates and completions. The fixture was written by the schema 1
// build through the CLI: `respite profile add Fixture`, `profile set --rest-days sat,sun
// --rest-date 2026-03-11 --weekly-goal 3 --pin 2468`, three complete sessions of
// clinician-essentials/two-minute-reset (2026-03-02T08:00-05:00, 03T21:30-05:00, 04T02:30-05:00)
// and a 30 s partial box-breathing session (2026-03-05T12:00Z).
#include <catch2/catch.hpp>

#include "../unit/test_progress_support.h"
#include "backends/null/manual_clock.h"
#include "core/progress/pin.h"
#include "core/progress/progress_store.h"
#include "core/progress/streaks.h"

using namespace respite;

TEST_CASE("regression 002: a schema 1 file migrates with every row intact", "[progress][regression]") {
  test::TempDir dir("regression-002");
  const auto path = dir.path() / "progress.db";
  std::filesystem::copy_file(std::string(RESPITE_TEST_DATA_DIR) + "/regression/fixtures/progress-schema1.db",
                             path);
  null_backend::ManualClock clock;
  auto opened = core::ProgressStore::open(path, clock);
  INFO(opened.message);
  REQUIRE(opened.store);
  CHECK(opened.notices.empty());
  core::ProgressStore& store = *opened.store;
  CHECK(store.db().schema_version() == core::sql::DurableDb::latest_version(core::ProgressStore::schema()));
  CHECK(store.db().connection().query_int("PRAGMA user_version") == 2);

  CHECK(store.identity().profile_id == "5ecb1263-63be-40c9-8df5-60315acd3239");
  CHECK(store.identity().alias == "Fixture");
  CHECK(core::verify_pin(store.identity().pin_hash, "2468"));
  CHECK_FALSE(core::verify_pin(store.identity().pin_hash, "2469"));

  const core::ProfileSettings settings = store.settings();
  CHECK(settings.rest_weekdays.to_string() == "sat,sun");
  REQUIRE(settings.rest_dates.size() == 1);
  CHECK(settings.rest_dates[0] == test::day("2026-03-11"));
  CHECK(settings.weekly_goal == 3);
  CHECK(settings.day_start_minutes == 240);

  const auto log = store.completions();
  REQUIRE(log.size() == 4);
  CHECK(log[0].practice_day == test::day("2026-03-02"));
  CHECK(log[1].practice_day == test::day("2026-03-03"));
  CHECK(log[2].practice_day == test::day("2026-03-03"));  // 02:30 counts for the day before
  CHECK(log[3].practice_day == test::day("2026-03-05"));
  CHECK_FALSE(log[3].complete);
  CHECK(log[3].item_id == "box-breathing");
  for (const auto& r : log) CHECK(r.validate().empty());
  const core::ProgressSummary summary = core::summarize(log, settings, test::day("2026-03-06"));
  CHECK(summary.sessions_complete == 3);
  CHECK(summary.sessions_partial == 1);
  CHECK(summary.week_done_days == 2);

  // The new tables are there and empty, and usable.
  CHECK(store.reflections().empty());
  CHECK(store.checkins().empty());
  core::CheckinEntry mood;
  mood.entry_id = core::make_uuid_v4();
  mood.checkin_id = "app.mood";
  mood.score = 4;
  mood.at = clock.utc_now();
  CHECK(store.add_checkin(mood) == core::RecordStatus::Recorded);
}
