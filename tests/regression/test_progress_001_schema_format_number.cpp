// Regression 001 (progress): damage to the schema format number in the SQLite header (offsets 44..47,
// valid values 1..4) makes SQLite answer "unsupported file format" (SQLITE_ERROR), not
// SQLITE_CORRUPT or SQLITE_NOTADB. The store
// took that for a problem of the machine, refused to open, and the person was locked out of their
// history although a good backup existed. Found by the "two hundred random damages" test, round 59.
#include <catch2/catch.hpp>

#include <fstream>

#include "../unit/test_progress_support.h"
#include "backends/null/manual_clock.h"
#include "core/progress/progress_store.h"

using namespace respite;

TEST_CASE("regression 001: a damaged schema format number is damage, restored from backup",
          "[progress][regression]") {
  test::TempDir dir("regression-001");
  null_backend::ManualClock clock;
  const auto path = dir.path() / "progress.db";
  const core::ProfileIdentity who{core::make_uuid_v4(), "Alex", "", clock.utc_now()};
  {
    auto opened = core::ProgressStore::open(path, clock, who);
    REQUIRE(opened.store);
    REQUIRE(opened.store->record(test::input_at("2026-03-10T12:00:00Z")).ok());
    REQUIRE(opened.store->backup_if_stale());
  }
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(47);
    file.put('\x07');  // schema format number 7: no SQLite has one
  }
  auto opened = core::ProgressStore::open(path, clock);
  INFO(opened.message);
  REQUIRE(opened.store);
  REQUIRE_FALSE(opened.notices.empty());
  CHECK(opened.notices[0].kind == core::sql::NoticeKind::Restored);
  CHECK(opened.store->completion_count() == 1);
}
