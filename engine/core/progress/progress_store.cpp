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

// Schema 2: the private journal (core/progress/journal.h). Appended to, like completions; the
// newest entry for a prompt is the answer shown.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE reflections(
  seq INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  body TEXT NOT NULL,
  utc_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL);
CREATE INDEX reflections_prompt ON reflections(pack_id, item_id, prompt_id, utc_ms);
CREATE TABLE checkins(
  seq INTEGER PRIMARY KEY,
  entry_id TEXT NOT NULL UNIQUE,
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  checkin_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  answers TEXT NOT NULL,
  utc_ms INTEGER NOT NULL,
  utc_offset_min INTEGER NOT NULL);
)sql";

constexpr const char* kReflectionColumns =
    "entry_id, pack_id, item_id, prompt_id, body, utc_ms, utc_offset_min";
constexpr const char* kCheckinColumns =
    "entry_id, pack_id, item_id, checkin_id, score, answers, utc_ms, utc_offset_min";

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

bool read_reflection(const Statement& row, ReflectionEntry& r) {
  r.entry_id = row.text(0);
  r.pack_id = row.text(1);
  r.item_id = row.text(2);
  r.prompt_id = row.text(3);
  r.text = row.text(4);
  r.at = UtcInstant{row.int64(5)};
  r.utc_offset_minutes = static_cast<int>(row.int64(6));
  return r.validate().empty();
}

void bind_reflection(Statement& insert, const ReflectionEntry& r) {
  insert.bind(1, r.entry_id).bind(2, r.pack_id).bind(3, r.item_id).bind(4, r.prompt_id).bind(5, r.text);
  insert.bind(6, r.at.ms).bind(7, static_cast<std::int64_t>(r.utc_offset_minutes));
}

bool read_checkin(const Statement& row, CheckinEntry& c) {
  c.entry_id = row.text(0);
  c.pack_id = row.text(1);
  c.item_id = row.text(2);
  c.checkin_id = row.text(3);
  c.score = static_cast<int>(row.int64(4));
  auto answers = decode_answers(row.text(5));
  c.answers = answers.value_or(std::vector<std::pair<std::string, int>>{});
  c.at = UtcInstant{row.int64(6)};
  c.utc_offset_minutes = static_cast<int>(row.int64(7));
  return answers.has_value() && c.validate().empty();
}

void bind_checkin(Statement& insert, const CheckinEntry& c) {
  insert.bind(1, c.entry_id).bind(2, c.pack_id).bind(3, c.item_id).bind(4, c.checkin_id);
  insert.bind(5, static_cast<std::int64_t>(c.score)).bind(6, encode_answers(c.answers));
  insert.bind(7, c.at.ms).bind(8, static_cast<std::int64_t>(c.utc_offset_minutes));
}

const std::string& reflection_insert_sql() {
  static const std::string sql = std::string("INSERT OR IGNORE INTO reflections(") + kReflectionColumns +
                                 ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  return sql;
}

const std::string& checkin_insert_sql() {
  static const std::string sql = std::string("INSERT OR IGNORE INTO checkins(") + kCheckinColumns +
                                 ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  return sql;
}

// Copies the journal rows still readable in a damaged file (a schema 1 file has none: the
// statements then fail to prepare and nothing is copied).
int salvage_journal(Connection& restored, Connection& damaged) {
  int recovered = 0;
  for (const char* order : {"ASC", "DESC"}) {
    Statement rows(
        damaged,
        (std::string("SELECT ") + kReflectionColumns + " FROM reflections ORDER BY seq " + order).c_str());
    Statement insert(restored, reflection_insert_sql().c_str());
    while (rows.ok() && insert.ok() && rows.step() == SQLITE_ROW) {
      ReflectionEntry r;
      if (!read_reflection(rows, r)) continue;
      insert.reset();
      bind_reflection(insert, r);
      if (insert.run() && sqlite3_changes(restored.handle()) > 0) ++recovered;
    }
  }
  for (const char* order : {"ASC", "DESC"}) {
    Statement rows(
        damaged, (std::string("SELECT ") + kCheckinColumns + " FROM checkins ORDER BY seq " + order).c_str());
    Statement insert(restored, checkin_insert_sql().c_str());
    while (rows.ok() && insert.ok() && rows.step() == SQLITE_ROW) {
      CheckinEntry c;
      if (!read_checkin(rows, c)) continue;
      insert.reset();
      bind_checkin(insert, c);
      if (insert.run() && sqlite3_changes(restored.handle()) > 0) ++recovered;
    }
  }
  return recovered;
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
  recovered += salvage_journal(restored, damaged);
  return tx.commit() ? recovered : 0;
}

sql::Schema make_schema() {
  sql::Schema schema;
  schema.application_id = kApplicationId;
  schema.label = "practice history";
  schema.migrations.push_back({1, "profile, rest dates and completion events",
                               [](Connection& c, std::string& error) { return c.exec(kSchemaV1, &error); }});
  schema.migrations.push_back({2, "private journal: reflection answers and check-ins",
                               [](Connection& c, std::string& error) { return c.exec(kSchemaV2, &error); }});
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

namespace {

// Looks `id` up in `table`; 1 found, 0 absent, -1 error.
int find_entry(Connection& c, const char* table, const char* columns, const std::string& id, Statement*& out,
               std::unique_ptr<Statement>& holder) {
  holder = std::make_unique<Statement>(
      c, (std::string("SELECT ") + columns + " FROM " + table + " WHERE entry_id = ?1").c_str());
  holder->bind(1, id);
  out = holder.get();
  const int step = holder->ok() ? holder->step() : SQLITE_ERROR;
  return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

template <class Entry, class Read, class Bind>
RecordStatus add_entry(sql::DurableDb& db, const Entry& entry, const char* table, const char* columns,
                       const std::string& insert_sql, Read read, Bind bind, std::string* message) {
  auto say = [&](RecordStatus status, const std::string& why) {
    if (message != nullptr) *message = why;
    return status;
  };
  if (auto invalid = entry.validate(); !invalid.empty()) return say(RecordStatus::Invalid, invalid);
  Connection& c = db.connection();
  Transaction tx(c);
  if (!tx.begun()) return say(RecordStatus::Failed, "cannot start a transaction: " + c.last_error());
  Statement* row = nullptr;
  std::unique_ptr<Statement> holder;
  const int found = find_entry(c, table, columns, entry.entry_id, row, holder);
  if (found < 0) return say(RecordStatus::Failed, "cannot look up the entry: " + c.last_error());
  if (found == 1) {
    Entry existing;
    read(*row, existing);
    return existing == entry ? RecordStatus::AlreadyRecorded
                             : say(RecordStatus::Conflict,
                                   "entry " + entry.entry_id + " is already recorded with different content");
  }
  holder.reset();
  Statement insert(c, insert_sql.c_str());
  bind(insert, entry);
  std::string error;
  if (!insert.run() || !db.bump_revision() || !tx.commit(&error))
    return say(RecordStatus::Failed, "cannot write the entry: " + (error.empty() ? c.last_error() : error));
  return RecordStatus::Recorded;
}

}  // namespace

RecordStatus ProgressStore::add_reflection(const ReflectionEntry& entry, std::string* message) {
  return add_entry(*db_, entry, "reflections", kReflectionColumns, reflection_insert_sql(), read_reflection,
                   bind_reflection, message);
}

RecordStatus ProgressStore::add_checkin(const CheckinEntry& entry, std::string* message) {
  return add_entry(*db_, entry, "checkins", kCheckinColumns, checkin_insert_sql(), read_checkin, bind_checkin,
                   message);
}

std::vector<ReflectionEntry> ProgressStore::reflections() {
  std::vector<ReflectionEntry> out;
  Statement rows(db_->connection(),
                 (std::string("SELECT ") + kReflectionColumns + " FROM reflections ORDER BY seq").c_str());
  while (rows.ok() && rows.step() == SQLITE_ROW) {
    ReflectionEntry r;
    read_reflection(rows, r);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<CheckinEntry> ProgressStore::checkins() {
  std::vector<CheckinEntry> out;
  Statement rows(db_->connection(),
                 (std::string("SELECT ") + kCheckinColumns + " FROM checkins ORDER BY seq").c_str());
  while (rows.ok() && rows.step() == SQLITE_ROW) {
    CheckinEntry c;
    read_checkin(rows, c);
    out.push_back(std::move(c));
  }
  return out;
}

MergeOutcome ProgressStore::merge_journal(const std::vector<ReflectionEntry>& reflections,
                                          const std::vector<CheckinEntry>& checkins) {
  MergeOutcome outcome;
  for (const ReflectionEntry& r : reflections) {
    if (auto invalid = r.validate(); !invalid.empty()) {
      outcome.error = "reflection " + r.entry_id + ": " + invalid;
      return outcome;
    }
  }
  for (const CheckinEntry& c : checkins) {
    if (auto invalid = c.validate(); !invalid.empty()) {
      outcome.error = "check-in " + c.entry_id + ": " + invalid;
      return outcome;
    }
  }
  Connection& c = db_->connection();
  Transaction tx(c);
  if (!tx.begun()) {
    outcome.error = "cannot start a transaction: " + c.last_error();
    return outcome;
  }
  auto merge_one = [&](const auto& entry, const char* table, const char* columns,
                       const std::string& insert_sql, auto read, auto bind) {
    using Entry = std::decay_t<decltype(entry)>;
    Statement* row = nullptr;
    std::unique_ptr<Statement> holder;
    const int found = find_entry(c, table, columns, entry.entry_id, row, holder);
    if (found < 0) return "cannot look up entry " + entry.entry_id + ": " + c.last_error();
    if (found == 1) {
      Entry existing;
      read(*row, existing);
      if (!(existing == entry))
        return "entry " + entry.entry_id + " is already recorded with different content";
      ++outcome.already_present;
      return std::string();
    }
    holder.reset();
    Statement insert(c, insert_sql.c_str());
    bind(insert, entry);
    if (!insert.run()) return "cannot write entry " + entry.entry_id + ": " + c.last_error();
    ++outcome.added;
    return std::string();
  };
  for (const ReflectionEntry& r : reflections) {
    if (auto error = merge_one(r, "reflections", kReflectionColumns, reflection_insert_sql(), read_reflection,
                               bind_reflection);
        !error.empty())
      return MergeOutcome{0, 0, error};
  }
  for (const CheckinEntry& entry : checkins) {
    if (auto error =
            merge_one(entry, "checkins", kCheckinColumns, checkin_insert_sql(), read_checkin, bind_checkin);
        !error.empty())
      return MergeOutcome{0, 0, error};
  }
  if (outcome.added > 0) {
    std::string error;
    if (!db_->bump_revision() || !tx.commit(&error))
      return MergeOutcome{0, 0, "cannot commit: " + (error.empty() ? c.last_error() : error)};
  }
  return outcome;
}

bool ProgressStore::backup_if_stale(std::string* error) {
  return db_->backup_if_stale(error);
}

}  // namespace respite::core
