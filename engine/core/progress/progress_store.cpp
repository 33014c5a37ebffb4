#include "core/progress/progress_store.h"

#include <sqlite3.h>

#include "core/progress/ids.h"

namespace respite::core {

using sql::Connection;
using sql::Statement;
using sql::Transaction;

namespace {

// 'RSPT': Respite practice history.
constexpr std::uint32_t kApplicationId = 0x52535054;

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE profile(
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  profile_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  pin_hash TEXT NOT NULL DEFAULT '',
  created_utc_ms INTEGER NOT NULL,
  day_start_min INTEGER NOT NULL CHECK (day_start_min BETWEEN 0 AND 720),
  rest_weekdays INTEGER NOT NULL CHECK (rest_weekdays BETWEEN 0 AND 126),
  weekly_goal INTEGER NOT NULL CHECK (weekly_goal BETWEEN 0 AND 7),
  hide_streaks INTEGER NOT NULL CHECK (hide_streaks IN (0, 1)));
CREATE TABLE rest_dates(day TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE completions(
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  content_version TEXT NOT NULL,
  utc_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  zone TEXT NOT NULL,
  day_start_min INTEGER NOT NULL,
  practice_day TEXT NOT NULL,
  active_ms INTEGER NOT NULL,
  planned_ms INTEGER NOT NULL,
  required_ms INTEGER NOT NULL,
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  anomaly INTEGER NOT NULL CHECK (anomaly IN (0, 1)));
CREATE INDEX completions_trusted_utc ON completions(anomaly, utc_ms);
CREATE TRIGGER completions_no_update BEFORE UPDATE ON completions
  BEGIN SELECT RAISE(ABORT, 'completions are append-only'); END;
CREATE TRIGGER completions_no_delete BEFORE DELETE ON completions
  BEGIN SELECT RAISE(ABORT, 'completions are append-only'); END;
)sql";

constexpr const char* kRecordColumns =
    "seq, event_id, pack_id, item_id, content_version, utc_ms, utc_offset_min, zone, day_start_min, "
    "practice_day, active_ms, planned_ms, required_ms, complete, anomaly";

constexpr const char* kInsertSql =
    "INSERT INTO completions(event_id, pack_id, item_id, content_version, utc_ms, utc_offset_min, zone, "
    "day_start_min, practice_day, active_ms, planned_ms, required_ms, complete, anomaly) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

// Reads a row selected with kRecordColumns; false when a field cannot be a valid record.
bool read_record(const Statement& row, CompletionRecord& r) {
  r.seq = row.int64(0);
  r.event_id = row.text(1);
  r.pack_id = row.text(2);
  r.item_id = row.text(3);
  r.content_version = row.text(4);
  r.at = UtcInstant{row.int64(5)};
  r.utc_offset_minutes = static_cast<int>(row.int64(6));
  r.zone = row.text(7);
  r.day_start_minutes = static_cast<int>(row.int64(8));
  const auto day = CivilDate::parse(row.text(9));
  r.practice_day = day.value_or(CivilDate{});
  r.active = Millis(row.int64(10));
  r.planned = Millis(row.int64(11));
  r.required = Millis(row.int64(12));
  r.complete = row.int64(13) != 0;
  r.anomaly = row.int64(14) == 1 ? Anomaly::ClockBehind : Anomaly::None;
  return day.has_value();
}

void bind_record(Statement& insert, const CompletionRecord& r) {
  insert.bind(1, r.event_id)
      .bind(2, r.pack_id)
      .bind(3, r.item_id)
      .bind(4, r.content_version)
      .bind(5, r.at.ms)
      .bind(6, static_cast<std::int64_t>(r.utc_offset_minutes))
      .bind(7, r.zone)
      .bind(8, static_cast<std::int64_t>(r.day_start_minutes))
      .bind(9, r.practice_day.to_string())
      .bind(10, static_cast<std::int64_t>(r.active.count()))
      .bind(11, static_cast<std::int64_t>(r.planned.count()))
      .bind(12, static_cast<std::int64_t>(r.required.count()))
      .bind(13, static_cast<std::int64_t>(r.complete ? 1 : 0))
      .bind(14, static_cast<std::int64_t>(r.anomaly == Anomaly::ClockBehind ? 1 : 0));
}

// Copies what is still readable out of a damaged file. Reads forwards until the first error, then
// backwards from the end, so rows on both sides of a bad page are found; every row is validated
// before it is inserted, and ids already present are left alone.
int salvage(Connection& restored, Connection& damaged) {
  Transaction tx(restored);
  if (!tx.begun()) return 0;
  int recovered = 0;
  const bool has_profile = restored.query_int("SELECT count(*) FROM profile").value_or(0) > 0;
  if (!has_profile) {
    Statement row(
        damaged,
        "SELECT profile_id, alias, pin_hash, created_utc_ms, day_start_min, rest_weekdays, weekly_goal, "
        "hide_streaks FROM profile WHERE singleton = 1");
    if (row.ok() && row.step() == SQLITE_ROW && is_uuid(row.text(0))) {
      Statement insert(restored, "INSERT OR IGNORE INTO profile VALUES(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      insert.bind(1, row.text(0)).bind(2, row.text(1)).bind(3, row.text(2)).bind(4, row.int64(3));
      insert.bind(5, row.int64(4)).bind(6, row.int64(5)).bind(7, row.int64(6)).bind(8, row.int64(7));
      if (insert.run() && sqlite3_changes(restored.handle()) > 0) ++recovered;
    }
  }
  {
    Statement rows(damaged, "SELECT day FROM rest_dates");
    Statement insert(restored, "INSERT OR IGNORE INTO rest_dates VALUES(?1)");
    while (rows.ok() && insert.ok() && rows.step() == SQLITE_ROW) {
      if (!CivilDate::parse(rows.text(0))) continue;
      insert.reset();
      insert.bind(1, rows.text(0));
      insert.run();
    }
  }
  Statement insert(restored, (std::string(kInsertSql).replace(0, 6, "INSERT OR IGNORE")).c_str());
  for (const char* order : {"ASC", "DESC"}) {
    Statement rows(
        damaged,
        (std::string("SELECT ") + kRecordColumns + " FROM completions ORDER BY seq " + order).c_str());
    while (rows.ok() && insert.ok() && rows.step() == SQLITE_ROW) {
      CompletionRecord r;
      if (!read_record(rows, r) || !r.validate().empty()) continue;
      insert.reset();
      bind_record(insert, r);
      if (insert.run() && sqlite3_changes(restored.handle()) > 0) ++recovered;
    }
  }
  return tx.commit() ? recovered : 0;
}

sql::Schema make_schema() {
  sql::Schema schema;
  schema.application_id = kApplicationId;
  schema.label = "practice history";
  schema.migrations.push_back({1, "profile, rest dates and completion events",
                               [](Connection& c, std::string& error) { return c.exec(kSchemaV1, &error); }});
  schema.salvage = salvage;
  return schema;
}

}  // namespace

const char* to_string(RecordStatus status) {
  switch (status) {
    case RecordStatus::Recorded:
      return "recorded";
    case RecordStatus::AlreadyRecorded:
      return "already_recorded";
    case RecordStatus::Invalid:
      return "invalid";
    case RecordStatus::Conflict:
      return "conflict";
    case RecordStatus::Failed:
      return "failed";
  }
  return "unknown";
}

struct ProgressStore::Statements {
  explicit Statements(Connection& c)
      : find(c, (std::string("SELECT ") + kRecordColumns + " FROM completions WHERE event_id = ?1").c_str()),
        max_trusted(c, "SELECT max(utc_ms) FROM completions WHERE anomaly = 0"),
        day_start(c, "SELECT day_start_min FROM profile WHERE singleton = 1"),
        insert(c, kInsertSql),
        bump(c, "UPDATE respite_meta SET value = value + 1 WHERE key = 'revision'") {}
  bool ok() const { return find.ok() && max_trusted.ok() && day_start.ok() && insert.ok() && bump.ok(); }
  Statement find, max_trusted, day_start, insert, bump;
};

const sql::Schema& ProgressStore::schema() {
  static const sql::Schema kSchema = make_schema();
  return kSchema;
}

ProgressStore::~ProgressStore() {
  statements_.reset();  // statements must be finalized before the connection closes
}

ProgressStore::OpenResult ProgressStore::open(const std::filesystem::path& db_path, const Clock& clock,
                                              const ProfileIdentity& identity,
                                              const ProfileSettings& settings) {
  OpenResult result;
  sql::DurableDb::Options options;
  options.backup_when_stale_at_open = false;  // done below, once the file surely holds a profile
  auto opened = sql::DurableDb::open(db_path, schema(), clock, options);
  result.notices = std::move(opened.notices);
  if (!opened.db) {
    result.error = opened.error;
    result.message = opened.message;
    return result;
  }
  std::unique_ptr<ProgressStore> store(new ProgressStore());
  store->db_ = std::move(opened.db);
  Connection& c = store->db_->connection();
  if (!store->load_identity()) {
    std::string problem;
    if (!is_uuid(identity.profile_id)) {
      problem = db_path.string() + " holds no profile";
    } else if (auto invalid = settings.validate(); !invalid.empty()) {
      problem = "invalid settings: " + invalid;
    } else {
      ProfileSettings normalized = settings;
      normalized.normalize();
      Transaction tx(c);
      Statement insert(c, "INSERT INTO profile VALUES(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      insert.bind(1, identity.profile_id).bind(2, identity.alias).bind(3, identity.pin_hash);
      insert.bind(4, identity.created.ms).bind(5, static_cast<std::int64_t>(normalized.day_start_minutes));
      insert.bind(6, static_cast<std::int64_t>(normalized.rest_weekdays.bits));
      insert.bind(7, static_cast<std::int64_t>(normalized.weekly_goal));
      insert.bind(8, static_cast<std::int64_t>(normalized.hide_streaks ? 1 : 0));
      bool ok = tx.begun() && insert.run();
      Statement date(c, "INSERT INTO rest_dates VALUES(?1)");
      for (const CivilDate& d : normalized.rest_dates) {
        date.reset();
        date.bind(1, d.to_string());
        ok = ok && date.run();
      }
      ok = ok && store->db_->bump_revision() && tx.commit(&problem);
      if (!ok && problem.empty()) problem = c.last_error();
      if (ok && !store->load_identity()) problem = "cannot read back the new profile";
    }
    if (!problem.empty()) {
      result.error = sql::OpenError::Io;
      result.message = problem;
      return result;
    }
  }
  // A new profile is backed up at once (so a PIN is never lost to a damaged file), and a file whose
  // last changes never reached a backup (the previous run ended first) is backed up now.
  if (std::string error; !store->db_->backup_if_stale(&error)) {
    result.notices.push_back({sql::NoticeKind::BackupFailed,
                              "A backup of your practice history could not be made (" + error +
                                  "); your data is safe and a backup will be tried again.",
                              {}});
  }
  store->statements_ = std::make_unique<Statements>(c);
  if (!store->statements_->ok()) {
    result.error = sql::OpenError::Io;
    result.message = "cannot prepare statements: " + c.last_error();
    return result;
  }
  result.store = std::move(store);
  return result;
}

bool ProgressStore::load_identity() {
  Statement row(db_->connection(),
                "SELECT profile_id, alias, pin_hash, created_utc_ms FROM profile WHERE singleton = 1");
  if (!row.ok() || row.step() != SQLITE_ROW) return false;
  identity_.profile_id = row.text(0);
  identity_.alias = row.text(1);
  identity_.pin_hash = row.text(2);
  identity_.created = UtcInstant{row.int64(3)};
  return true;
}

ProfileSettings ProgressStore::settings() {
  ProfileSettings s;
  Connection& c = db_->connection();
  Statement row(
      c, "SELECT day_start_min, rest_weekdays, weekly_goal, hide_streaks FROM profile WHERE singleton = 1");
  if (row.ok() && row.step() == SQLITE_ROW) {
    s.day_start_minutes = static_cast<int>(row.int64(0));
    s.rest_weekdays.bits = static_cast<std::uint8_t>(row.int64(1) & 0x7F);
    s.weekly_goal = static_cast<int>(row.int64(2));
    s.hide_streaks = row.int64(3) != 0;
  }
  Statement dates(c, "SELECT day FROM rest_dates ORDER BY day");
  while (dates.ok() && dates.step() == SQLITE_ROW) {
    if (auto d = CivilDate::parse(dates.text(0))) s.rest_dates.push_back(*d);
  }
  s.normalize();
  return s;
}

std::string ProgressStore::update_settings(const ProfileSettings& settings) {
  if (auto invalid = settings.validate(); !invalid.empty()) return invalid;
  ProfileSettings s = settings;
  s.normalize();
  Connection& c = db_->connection();
  Transaction tx(c);
  if (!tx.begun()) return "cannot write settings: " + c.last_error();
  Statement update(
      c,
      "UPDATE profile SET day_start_min = ?1, rest_weekdays = ?2, weekly_goal = ?3, hide_streaks = ?4 "
      "WHERE singleton = 1");
  update.bind(1, static_cast<std::int64_t>(s.day_start_minutes))
      .bind(2, static_cast<std::int64_t>(s.rest_weekdays.bits))
      .bind(3, static_cast<std::int64_t>(s.weekly_goal))
      .bind(4, static_cast<std::int64_t>(s.hide_streaks ? 1 : 0));
  bool ok = update.run() && c.exec("DELETE FROM rest_dates");
  Statement insert(c, "INSERT INTO rest_dates VALUES(?1)");
  for (const CivilDate& d : s.rest_dates) {
    insert.reset();
    insert.bind(1, d.to_string());
    ok = ok && insert.run();
  }
  std::string error;
  if (!ok || !db_->bump_revision() || !tx.commit(&error))
    return "cannot write settings: " + (error.empty() ? c.last_error() : error);
  return {};
}

std::string ProgressStore::set_pin_hash(const std::string& pin_hash) {
  Connection& c = db_->connection();
  Transaction tx(c);
  Statement update(c, "UPDATE profile SET pin_hash = ?1 WHERE singleton = 1");
  update.bind(1, pin_hash);
  std::string error;
  if (!tx.begun() || !update.run() || !db_->bump_revision() || !tx.commit(&error))
    return "cannot write the PIN: " + (error.empty() ? c.last_error() : error);
  identity_.pin_hash = pin_hash;
  return {};
}

RecordOutcome ProgressStore::record(const CompletionInput& input) {
  RecordOutcome outcome;
  if (auto invalid = input.validate(); !invalid.empty()) {
    outcome.status = RecordStatus::Invalid;
    outcome.message = invalid;
    return outcome;
  }
  Connection& c = db_->connection();
  Statements& s = *statements_;
  auto fail = [&](const std::string& what) {
    outcome.status = RecordStatus::Failed;
    outcome.message = what + ": " + c.last_error();
    return outcome;
  };
  Transaction tx(c);
  if (!tx.begun()) return fail("cannot start a transaction");

  s.find.reset();
  s.find.bind(1, input.event_id);
  const int found = s.find.step();
  if (found == SQLITE_ROW) {
    CompletionRecord existing;
    read_record(s.find, existing);
    s.find.reset();
    const CompletionRecord again = make_record(input, existing.day_start_minutes, existing.anomaly);
    if (again.same_event(existing)) {
      outcome.status = RecordStatus::AlreadyRecorded;
      outcome.record = existing;
    } else {
      outcome.status = RecordStatus::Conflict;
      outcome.message = "event " + input.event_id + " is already recorded with different details";
    }
    return outcome;
  }
  s.find.reset();
  if (found != SQLITE_DONE) return fail("cannot look up the event");

  s.day_start.reset();
  if (s.day_start.step() != SQLITE_ROW) return fail("cannot read the day start");
  const int day_start = static_cast<int>(s.day_start.int64(0));
  s.day_start.reset();

  s.max_trusted.reset();
  if (s.max_trusted.step() != SQLITE_ROW) return fail("cannot read the latest instant");
  const bool have_trusted = !s.max_trusted.is_null(0);
  const std::int64_t latest = s.max_trusted.int64(0);
  s.max_trusted.reset();
  const Anomaly anomaly =
      have_trusted && input.at.ms < latest - kClockBehindToleranceMs ? Anomaly::ClockBehind : Anomaly::None;

  CompletionRecord record = make_record(input, day_start, anomaly);
  s.insert.reset();
  bind_record(s.insert, record);
  if (!s.insert.run()) return fail("cannot insert the event");
  record.seq = sqlite3_last_insert_rowid(c.handle());
  s.bump.reset();
  if (!s.bump.run()) return fail("cannot update the revision");
  std::string error;
  if (!tx.commit(&error)) {
    outcome.status = RecordStatus::Failed;
    outcome.message = "cannot commit: " + error;
    return outcome;
  }
  outcome.status = RecordStatus::Recorded;
  outcome.record = std::move(record);
  return outcome;
}

MergeOutcome ProgressStore::merge(const std::vector<CompletionRecord>& records) {
  MergeOutcome outcome;
  for (const CompletionRecord& r : records) {
    if (auto invalid = r.validate(); !invalid.empty()) {
      outcome.error = "event " + r.event_id + ": " + invalid;
      return outcome;
    }
  }
  Connection& c = db_->connection();
  Statements& s = *statements_;
  Transaction tx(c);
  if (!tx.begun()) {
    outcome.error = "cannot start a transaction: " + c.last_error();
    return outcome;
  }
  for (const CompletionRecord& r : records) {
    s.find.reset();
    s.find.bind(1, r.event_id);
    const int found = s.find.step();
    if (found == SQLITE_ROW) {
      CompletionRecord existing;
      read_record(s.find, existing);
      s.find.reset();
      if (!existing.same_event(r)) {
        outcome = MergeOutcome{0, 0, "event " + r.event_id + " is already recorded with different details"};
        return outcome;
      }
      ++outcome.already_present;
      continue;
    }
    s.find.reset();
    s.insert.reset();
    bind_record(s.insert, r);
    if (found != SQLITE_DONE || !s.insert.run()) {
      outcome = MergeOutcome{0, 0, "cannot write event " + r.event_id + ": " + c.last_error()};
      return outcome;
    }
    ++outcome.added;
  }
  std::string error;
  if (outcome.added > 0) {
    s.bump.reset();
    if (!s.bump.run() || !tx.commit(&error)) {
      outcome = MergeOutcome{0, 0, "cannot commit: " + (error.empty() ? c.last_error() : error)};
    }
  }
  return outcome;
}

std::vector<CompletionRecord> ProgressStore::completions() {
  std::vector<CompletionRecord> out;
  Statement rows(db_->connection(),
                 (std::string("SELECT ") + kRecordColumns + " FROM completions ORDER BY seq").c_str());
  while (rows.ok() && rows.step() == SQLITE_ROW) {
    CompletionRecord r;
    read_record(rows, r);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CompletionRecord> ProgressStore::recent(std::size_t limit) {
  std::vector<CompletionRecord> out;
  Statement rows(db_->connection(), (std::string("SELECT ") + kRecordColumns +
                                     " FROM completions ORDER BY utc_ms DESC, seq DESC LIMIT ?1")
                                        .c_str());
  rows.bind(1, static_cast<std::int64_t>(limit));
  while (rows.ok() && rows.step() == SQLITE_ROW) {
    CompletionRecord r;
    read_record(rows, r);
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t ProgressStore::completion_count() {
  return db_->connection().query_int("SELECT count(*) FROM completions").value_or(0);
}

bool ProgressStore::backup_if_stale(std::string* error) {
  return db_->backup_if_stale(error);
}

}  // namespace respite::core
