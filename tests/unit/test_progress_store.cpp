// The durable store: one transaction per completion, idempotent events, append-only rows,
// migrations, backups, and what happens to damaged, truncated, foreign, empty and missing files.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include <sqlite3.h>

#include "backends/null/manual_clock.h"
#include "core/progress/durable_db.h"
#include "core/progress/progress_store.h"
#include "test_progress_support.h"

using namespace respite;
using core::ProgressStore;
using core::RecordStatus;
namespace sql = core::sql;
namespace fs = std::filesystem;
using test::input_at;
using test::TempDir;

namespace {

core::ProfileIdentity identity(const std::string& alias = "Alex") {
  return core::ProfileIdentity{core::make_uuid_v4(), alias, "", core::UtcInstant{1'767'225'600'000}};
}

std::unique_ptr<ProgressStore> open_store(const fs::path& path, const core::Clock& clock,
                                          const core::ProfileIdentity& who = {},
                                          std::vector<sql::Notice>* notices = nullptr) {
  auto opened = ProgressStore::open(path, clock, who);
  INFO(opened.message);
  REQUIRE(opened.store);
  if (notices != nullptr) *notices = opened.notices;
  return std::move(opened.store);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::size_t count_files_with(const fs::path& dir, const std::string& part) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().find(part) != std::string::npos) ++n;
  }
  return n;
}

// A store with `count` sessions on consecutive days, closed (so its WAL is checkpointed), with a
// backup of exactly that state.
struct Fixture {
  TempDir dir{"store"};
  null_backend::ManualClock clock{core::UtcInstant{1'772'955'000'000}};
  fs::path db = dir.path() / "progress.db";
  core::ProfileIdentity who = identity();
  std::vector<std::string> ids;

  explicit Fixture(int count) {
    auto store = open_store(db, clock, who);
    for (int i = 0; i < count; ++i) add(*store, i);
    REQUIRE(store->backup_if_stale());
  }
  void add(ProgressStore& store, int i) {
    auto in = input_at(core::CivilDate::from_days(core::CivilDate{2026, 3, 1}.to_days() + i).to_string() +
                       "T12:00:00+01:00");
    REQUIRE(store.record(in).status == RecordStatus::Recorded);
    ids.push_back(in.event_id);
  }
};

}  // namespace

TEST_CASE("recording: one durable event per completion, idempotent by event id", "[progress][store]") {
  TempDir dir("record");
  null_backend::ManualClock clock;
  auto store = open_store(dir.path() / "progress.db", clock, identity());
  const auto in = input_at("2026-03-10T23:30:00-05:00");

  const auto first = store->record(in);
  REQUIRE(first.status == RecordStatus::Recorded);
  CHECK(first.record.practice_day == test::day("2026-03-10"));
  CHECK(first.record.day_start_minutes == 240);
  CHECK(first.record.complete);
  CHECK(first.record.seq == 1);

  SECTION("the same event again changes nothing") {
    const auto again = store->record(in);
    CHECK(again.status == RecordStatus::AlreadyRecorded);
    CHECK(again.record.same_event(first.record));
    CHECK(store->completion_count() == 1);
  }
  SECTION("the same id with other details is a conflict, not an overwrite") {
    auto other = in;
    other.active = core::Millis(10'000);
    const auto conflict = store->record(other);
    CHECK(conflict.status == RecordStatus::Conflict);
    CHECK(store->completion_count() == 1);
    CHECK(store->completions()[0].active == in.active);
  }
  SECTION("invalid input is refused before the database is touched") {
    auto bad = input_at("2026-03-11T08:00:00Z");
    bad.event_id = "nope";
    CHECK(store->record(bad).status == RecordStatus::Invalid);
    bad = input_at("2026-03-11T08:00:00Z");
    bad.active = core::Millis(-5);
    CHECK(store->record(bad).status == RecordStatus::Invalid);
    CHECK(store->completion_count() == 1);
  }
  SECTION("it survives closing and reopening") {
    store.reset();
    auto reopened = open_store(dir.path() / "progress.db", clock);
    REQUIRE(reopened->completions().size() == 1);
    CHECK(reopened->completions()[0].same_event(first.record));
    CHECK(reopened->identity().alias == "Alex");
  }
}

TEST_CASE("the database runs in WAL mode with synchronous=FULL and a schema version", "[progress][store]") {
  TempDir dir("pragmas");
  null_backend::ManualClock clock;
  auto store = open_store(dir.path() / "progress.db", clock, identity());
  sql::Connection& c = store->db().connection();
  CHECK(c.query_text("PRAGMA journal_mode") == "wal");
  CHECK(c.query_int("PRAGMA synchronous") == 2);   // FULL
  CHECK(c.query_int("PRAGMA user_version") == 2);  // schema 2: the private journal
  CHECK(c.query_int("PRAGMA application_id") == 0x52535054);
}

TEST_CASE("completion rows are append-only", "[progress][store]") {
  TempDir dir("append");
  null_backend::ManualClock clock;
  auto store = open_store(dir.path() / "progress.db", clock, identity());
  REQUIRE(store->record(input_at("2026-03-10T12:00:00Z")).ok());
  std::string error;
  CHECK_FALSE(store->db().connection().exec("UPDATE completions SET active_ms = 0", &error));
  CHECK_THAT(error, Catch::Contains("append-only"));
  CHECK_FALSE(store->db().connection().exec("DELETE FROM completions", &error));
  CHECK(store->completion_count() == 1);
}

TEST_CASE("write-time rules: day start in force and clock anomalies", "[progress][store]") {
  TempDir dir("rules");
  null_backend::ManualClock clock;
  auto store = open_store(dir.path() / "progress.db", clock, identity());
  REQUIRE(store->record(input_at("2026-03-10T02:00:00Z")).record.practice_day == test::day("2026-03-09"));
  auto settings = store->settings();
  settings.day_start_minutes = 0;
  REQUIRE(store->update_settings(settings).empty());
  const auto later = store->record(input_at("2026-03-11T02:00:00Z"));
  CHECK(later.record.practice_day == test::day("2026-03-11"));
  CHECK(later.record.day_start_minutes == 0);
  CHECK(store->completions()[0].day_start_minutes == 240);  // earlier events keep theirs

  CHECK(store->record(input_at("2026-03-11T01:56:00Z")).record.anomaly == core::Anomaly::None);
  CHECK(store->record(input_at("2026-03-11T01:00:00Z")).record.anomaly == core::Anomaly::ClockBehind);
  // A flagged event does not become the reference: the next honest one is compared to 02:00.
  CHECK(store->record(input_at("2026-03-11T01:58:00Z")).record.anomaly == core::Anomaly::None);
  CHECK(store->completion_count() == 5);

  settings.rest_weekdays.bits = 0x7F;
  CHECK_FALSE(store->update_settings(settings).empty());
}

TEST_CASE("settings round trip, rest dates sorted and unique", "[progress][store]") {
  TempDir dir("settings");
  null_backend::ManualClock clock;
  auto store = open_store(dir.path() / "progress.db", clock, identity());
  core::ProfileSettings s;
  s.day_start_minutes = 330;
  s.rest_weekdays = *core::WeekdaySet::parse("tue,sun");
  s.rest_dates = {test::day("2026-05-01"), test::day("2026-04-01"), test::day("2026-05-01")};
  s.weekly_goal = 4;
  s.hide_streaks = true;
  REQUIRE(store->update_settings(s).empty());
  store.reset();
  auto reopened = open_store(dir.path() / "progress.db", clock);
  const auto back = reopened->settings();
  CHECK(back.day_start_minutes == 330);
  CHECK(back.rest_weekdays.to_string() == "tue,sun");
  CHECK(back.rest_dates == std::vector<core::CivilDate>{test::day("2026-04-01"), test::day("2026-05-01")});
  CHECK(back.weekly_goal == 4);
  CHECK(back.hide_streaks);
}

TEST_CASE("backups: made with the backup API, verified, the newest two kept", "[progress][store]") {
  TempDir dir("backups");
  null_backend::ManualClock clock;
  const fs::path db = dir.path() / "progress.db";
  auto store = open_store(db, clock, identity());
  CHECK(store->db().backups().size() == 1);  // a new profile is backed up at once
  for (int i = 0; i < 3; ++i) {
    REQUIRE(store->record(input_at("2026-03-1" + std::to_string(i) + "T12:00:00Z")).ok());
    REQUIRE(store->backup_if_stale());
  }
  const auto backups = store->db().backups();
  REQUIRE(backups.size() == 2);
  CHECK(store->db().newest_backup_revision() == store->db().revision());
  const auto generation = read_file(backups[0]);
  REQUIRE(store->backup_if_stale());  // nothing changed: no new backup
  CHECK(store->db().backups()[0] == backups[0]);
  std::string error;
  auto copy = sql::Connection::open(backups[0], SQLITE_OPEN_READONLY, error);
  REQUIRE(copy);
  CHECK(copy->query_text("PRAGMA quick_check") == "ok");
  CHECK(copy->query_text("PRAGMA journal_mode") == "delete");
  CHECK(copy->query_int("SELECT count(*) FROM completions") == 3);
  CHECK(count_files_with(dir.path(), ".backup-tmp-") == 0);
  CHECK_FALSE(generation.empty());
}

TEST_CASE("damaged files are quarantined and the last verified backup restored",
          "[progress][store][corruption]") {
  Fixture f(6);
  const std::string good = read_file(f.db);
  REQUIRE(good.size() >= 4096 * 3);

  struct Damage {
    const char* name;
    std::function<std::string(std::string)> apply;
  };
  const Damage damages[] = {
      {"flipped header bytes",
       [](std::string b) {
         for (int i = 0; i < 16; ++i) b[i] = static_cast<char>(~b[i]);
         return b;
       }},
      {"truncated to half", [](std::string b) { return b.substr(0, b.size() / 2); }},
      {"truncated to 100 bytes", [](std::string b) { return b.substr(0, 100); }},
      {"zero length", [](std::string) { return std::string(); }},
      {"garbage",
       [](std::string b) {
         std::mt19937 rng(1);
         for (char& c : b) c = static_cast<char>(rng());
         return b;
       }},
      {"page 2 header smashed",
       [](std::string b) {
         for (int i = 0; i < 12; ++i) b[4096 + i] = '\x7f';
         return b;
       }},
  };
  for (const Damage& damage : damages) {
    INFO(damage.name);
    write_file(f.db, damage.apply(good));
    std::vector<sql::Notice> notices;
    auto store = open_store(f.db, f.clock, {}, &notices);
    REQUIRE_FALSE(notices.empty());
    CHECK(notices[0].kind == sql::NoticeKind::Restored);
    CHECK_THAT(notices[0].message, Catch::Contains("restored from the backup"));
    CHECK(store->completion_count() == 6);
    CHECK(store->identity().profile_id == f.who.profile_id);
    CHECK(store->db().connection().query_text("PRAGMA integrity_check") == "ok");
    if (!notices[0].quarantined_path.empty()) {
      CHECK(fs::exists(notices[0].quarantined_path));
      CHECK(read_file(notices[0].quarantined_path) == damage.apply(good));  // kept as it was
    }
    // The restored store keeps working.
    f.add(*store, 10);
    CHECK(store->completion_count() == 7);
    store.reset();
    write_file(f.db, good);
    f.ids.pop_back();
  }
}

TEST_CASE("rows newer than the backup are salvaged from the damaged file", "[progress][store][corruption]") {
  Fixture f(5);
  {
    auto store = open_store(f.db, f.clock);
    for (int i = 5; i < 9; ++i) f.add(*store, i);  // not in any backup yet
  }
  std::string index_page;
  {
    std::string error;
    auto c = sql::Connection::open(f.db, 0, error);
    REQUIRE(c);
    const auto root =
        c->query_int("SELECT rootpage FROM sqlite_master WHERE name = 'completions_trusted_utc'");
    const auto page_size = c->query_int("PRAGMA page_size");
    REQUIRE(root);
    std::string bytes = read_file(f.db);
    c.reset();
    bytes = read_file(f.db);
    const std::size_t at = static_cast<std::size_t>((*root - 1) * *page_size);
    REQUIRE(at + 8 < bytes.size());
    for (std::size_t i = 0; i < 8; ++i) bytes[at + i] = '\xff';  // the index page's header: garbage
    write_file(f.db, bytes);
  }
  std::vector<sql::Notice> notices;
  auto store = open_store(f.db, f.clock, {}, &notices);
  REQUIRE(notices.size() >= 2);
  CHECK(notices[0].kind == sql::NoticeKind::Restored);
  CHECK(notices[1].kind == sql::NoticeKind::Salvaged);
  CHECK_THAT(notices[1].message, Catch::Contains("4 more records"));
  CHECK(store->completion_count() == 9);
  std::vector<std::string> ids;
  for (const auto& r : store->completions()) ids.push_back(r.event_id);
  std::sort(ids.begin(), ids.end());
  auto expected = f.ids;
  std::sort(expected.begin(), expected.end());
  CHECK(ids == expected);
}

TEST_CASE("without a usable backup the file starts empty, and says so", "[progress][store][corruption]") {
  Fixture f(3);
  for (const auto& b : fs::directory_iterator(f.dir.path())) {
    if (b.path().filename().string().find(".backup-") != std::string::npos) fs::remove(b.path());
  }
  write_file(f.db, std::string(8192, 'x'));
  std::vector<sql::Notice> notices;
  auto store = open_store(f.db, f.clock, f.who, &notices);
  REQUIRE_FALSE(notices.empty());
  CHECK(notices[0].kind == sql::NoticeKind::Recreated);
  CHECK_THAT(notices[0].message, Catch::Contains("No usable backup"));
  CHECK(store->completion_count() == 0);
  CHECK(store->identity().profile_id == f.who.profile_id);  // the profile itself is not lost
  CHECK(count_files_with(f.dir.path(), ".corrupt-") == 1);
}

TEST_CASE("a damaged backup is set aside and the older one used", "[progress][store][corruption]") {
  Fixture f(2);
  {
    auto store = open_store(f.db, f.clock);
    f.add(*store, 2);
    REQUIRE(store->backup_if_stale());
  }
  const auto newest = [&] {
    std::vector<fs::path> all;
    for (const auto& b : fs::directory_iterator(f.dir.path())) {
      const std::string name = b.path().filename().string();
      if (name.find(".backup-") != std::string::npos) all.push_back(b.path());
    }
    std::sort(all.begin(), all.end());
    return all.back();
  }();
  write_file(newest, "not a database at all, just words");
  write_file(f.db, "also damaged");
  std::vector<sql::Notice> notices;
  auto store = open_store(f.db, f.clock, {}, &notices);
  bool saw_damaged_backup = false, restored = false;
  for (const auto& n : notices) {
    saw_damaged_backup = saw_damaged_backup || n.kind == sql::NoticeKind::BackupDamaged;
    restored = restored || n.kind == sql::NoticeKind::Restored;
  }
  CHECK(saw_damaged_backup);
  CHECK(restored);
  CHECK(store->completion_count() == 2);  // the older backup's state
}

TEST_CASE("missing, empty and foreign files", "[progress][store][corruption]") {
  SECTION("missing file, backups present: restored with a notice") {
    Fixture f(4);
    fs::remove(f.db);
    std::vector<sql::Notice> notices;
    auto store = open_store(f.db, f.clock, {}, &notices);
    REQUIRE(notices.size() == 1);
    CHECK_THAT(notices[0].message, Catch::Contains("was missing"));
    CHECK(store->completion_count() == 4);
  }
  SECTION("a SQLite file of another application is quarantined, not used") {
    Fixture f(1);
    fs::remove(f.db);
    {
      std::string error;
      auto other = sql::Connection::open(f.db, 0, error);
      REQUIRE(other);
      REQUIRE(other->exec("PRAGMA application_id = 42; CREATE TABLE notes(x); INSERT INTO notes VALUES(1);"));
    }
    std::vector<sql::Notice> notices;
    auto store = open_store(f.db, f.clock, {}, &notices);
    REQUIRE_FALSE(notices.empty());
    CHECK_THAT(notices[0].message, Catch::Contains("not a Respite"));
    CHECK(store->completion_count() == 1);
  }
  SECTION("a brand-new file raises no notice") {
    TempDir dir("fresh");
    null_backend::ManualClock clock;
    std::vector<sql::Notice> notices;
    auto store = open_store(dir.path() / "progress.db", clock, identity(), &notices);
    CHECK(notices.empty());
  }
  SECTION("a file holding no profile and no identity to give it is an error, not a crash") {
    TempDir dir("orphan");
    null_backend::ManualClock clock;
    auto opened = ProgressStore::open(dir.path() / "progress.db", clock);
    CHECK_FALSE(opened.store);
    CHECK_THAT(opened.message, Catch::Contains("holds no profile"));
  }
}

TEST_CASE("two hundred random damages never crash the open", "[progress][store][corruption]") {
  Fixture f(8);
  const std::string good = read_file(f.db);
  std::mt19937 rng(20260308);
  for (int round = 0; round < 200; ++round) {
    std::string bytes = good;
    const int kind = round % 4;
    if (kind == 0) {
      bytes.resize(static_cast<std::size_t>(round * 512) % good.size());  // truncation at 512-byte steps
    } else if (kind == 1) {
      for (int i = 0; i < 1 + static_cast<int>(rng() % 8); ++i)
        bytes[rng() % bytes.size()] ^= static_cast<char>(1 << (rng() % 8));
    } else if (kind == 2) {
      const std::size_t page = rng() % (bytes.size() / 4096);
      for (std::size_t i = 0; i < 64; ++i) bytes[page * 4096 + i] = static_cast<char>(rng());
    } else {
      bytes[rng() % 100] = static_cast<char>(rng());  // the header
    }
    write_file(f.db, bytes);
    INFO("round " << round);
    auto opened = ProgressStore::open(f.db, f.clock, f.who);
    INFO(opened.message);
    if (opened.error == sql::OpenError::TooNew) {
      // The damage hit the schema version in the header (bytes 60..63), making the file look like
      // one from a newer build: refusing it untouched is right, since it may really be one.
      CHECK(bytes.substr(60, 4) != good.substr(60, 4));
      CHECK(read_file(f.db) == bytes);
    } else {
      REQUIRE(opened.store);
      // Either the file was fine for SQLite (a flipped bit in row text) or it was restored.
      CHECK(opened.store->completion_count() >= 8);
    }
    opened.store.reset();
    for (const auto& entry : fs::directory_iterator(f.dir.path())) {
      if (entry.path().filename().string().find(".corrupt-") != std::string::npos) fs::remove(entry.path());
    }
    write_file(f.db, good);
  }
}

// --- Migrations ----------------------------------------------------------------------------------

TEST_CASE("migrations: one transaction each, tracked in user_version", "[progress][store][migration]") {
  TempDir dir("migrate");
  null_backend::ManualClock clock;
  const fs::path db = dir.path() / "progress.db";
  std::string first_id;
  {
    auto store = open_store(db, clock, identity());
    REQUIRE(store->record(input_at("2026-03-10T12:00:00Z")).ok());
    first_id = store->completions()[0].event_id;
  }

  // A synthetic next schema: the real one plus a column with a backfilled value and a new table.
  const int current = sql::DurableDb::latest_version(ProgressStore::schema());
  const int next = current + 1;
  sql::Schema v2 = ProgressStore::schema();
  v2.migrations.push_back({next, "mood before and after", [](sql::Connection& c, std::string& error) {
                             return c.exec(
                                 "ALTER TABLE completions ADD COLUMN mood INTEGER NOT NULL DEFAULT 3;"
                                 "CREATE TABLE moods(day TEXT PRIMARY KEY, value INTEGER);"
                                 "INSERT INTO moods SELECT practice_day, 3 FROM completions;",
                                 &error);
                           }});

  SECTION("an older file is brought up to date, its rows intact") {
    auto opened = sql::DurableDb::open(db, v2, clock);
    REQUIRE(opened.db);
    sql::Connection& c = opened.db->connection();
    CHECK(opened.db->schema_version() == next);
    CHECK(c.query_int("PRAGMA user_version") == next);
    CHECK(c.query_text("SELECT event_id FROM completions") == first_id);
    CHECK(c.query_int("SELECT mood FROM completions") == 3);
    CHECK(c.query_int("SELECT count(*) FROM moods") == 1);
    opened.db.reset();
    // And a build that knows only schema 1 refuses it, untouched, without calling it damaged.
    const std::string before = read_file(db);
    auto old = ProgressStore::open(db, clock);
    CHECK_FALSE(old.store);
    CHECK(old.error == sql::OpenError::TooNew);
    CHECK_THAT(old.message, Catch::Contains("newer version"));
    CHECK(old.notices.empty());
    CHECK(count_files_with(dir.path(), ".corrupt-") == 0);
    CHECK(read_file(db) == before);
  }
  SECTION("a failing migration leaves the file exactly at the old version") {
    sql::Schema broken = ProgressStore::schema();
    broken.migrations.push_back({next, "half done", [](sql::Connection& c, std::string& error) {
                                   return c.exec(
                                       "ALTER TABLE completions ADD COLUMN mood INTEGER;"
                                       "INSERT INTO no_such_table VALUES(1);",
                                       &error);
                                 }});
    auto failed = sql::DurableDb::open(db, broken, clock);
    CHECK_FALSE(failed.db);
    CHECK(failed.error == sql::OpenError::Migration);
    CHECK_THAT(failed.message, Catch::Contains("half done"));
    auto store = open_store(db, clock);
    sql::Connection& c = store->db().connection();
    CHECK(c.query_int("PRAGMA user_version") == current);
    CHECK_FALSE(c.query_int("SELECT mood FROM completions"));  // the column was rolled back
    CHECK(store->completion_count() == 1);
    store.reset();
    auto fixed = sql::DurableDb::open(db, v2, clock);
    REQUIRE(fixed.db);
    CHECK(fixed.db->schema_version() == next);
  }
  SECTION("a gap in the migration list is refused") {
    sql::Schema gap = ProgressStore::schema();
    gap.migrations.push_back({next + 1, "skips one", [](sql::Connection&, std::string&) { return true; }});
    auto opened = sql::DurableDb::open(db, gap, clock);
    CHECK_FALSE(opened.db);
    CHECK_THAT(opened.message, Catch::Contains("no migration from schema " + std::to_string(current)));
  }
}
