#include "core/progress/durable_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <system_error>

#if !defined(_WIN32)
#include <fcntl.h>
#include <unistd.h>
#endif

#include "core/progress/ids.h"
#include "core/progress/progress_types.h"

namespace respite::core::sql {

namespace fs = std::filesystem;

// --- Statement / Connection / Transaction ------------------------------------------------------

Statement::Statement(Connection& connection, const char* sql) {
  if (sqlite3_prepare_v2(connection.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (stmt_ != nullptr) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
  if (stmt_ != nullptr)
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

int Statement::step() {
  return stmt_ == nullptr ? SQLITE_MISUSE : sqlite3_step(stmt_);
}

bool Statement::run() {
  int rc = step();
  while (rc == SQLITE_ROW) rc = step();
  return rc == SQLITE_DONE;
}

void Statement::reset() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return data == nullptr ? std::string() : std::string(data, static_cast<std::size_t>(size));
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::unique_ptr<Connection> Connection::open(const fs::path& path, int flags, std::string& error) {
  sqlite3* db = nullptr;
  const int open_flags = flags != 0 ? flags : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.string().c_str(), &db, open_flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    error = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_extended_result_codes(db, 0);
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  sqlite3_close_v2(db_);
}

bool Connection::exec(const std::string& sql, std::string* error) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK && error != nullptr) *error = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return rc == SQLITE_OK;
}

std::optional<std::string> Connection::query_text(const std::string& sql) {
  Statement statement(*this, sql.c_str());
  if (!statement.ok() || statement.step() != SQLITE_ROW) return std::nullopt;
  return statement.text(0);
}

std::optional<std::int64_t> Connection::query_int(const std::string& sql) {
  Statement statement(*this, sql.c_str());
  if (!statement.ok() || statement.step() != SQLITE_ROW) return std::nullopt;
  return statement.int64(0);
}

std::string Connection::last_error() const {
  return sqlite3_errmsg(db_);
}
int Connection::last_error_code() const {
  return sqlite3_errcode(db_);
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  begun_ = connection_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (begun_ && !done_) connection_.exec("ROLLBACK");
}

bool Transaction::commit(std::string* error) {
  if (!begun_ || done_) return false;
  if (!connection_.exec("COMMIT", error)) {
    // A failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY); roll it back so the
    // caller can retry the whole write from the start rather than trusting a half state.
    connection_.exec("ROLLBACK");
    done_ = true;
    return false;
  }
  done_ = true;
  return true;
}

// --- Files -------------------------------------------------------------------------------------

bool fsync_path(const fs::path& path, bool directory) {
#if defined(_WIN32)
  (void)path;
  (void)directory;
  return true;
#else
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return false;
#if defined(__APPLE__)
  // fsync on Apple platforms does not reach the disk; F_FULLFSYNC does.
  const bool ok = ::fcntl(fd, F_FULLFSYNC) == 0 || ::fsync(fd) == 0;
#else
  const bool ok = ::fsync(fd) == 0;
#endif
  ::close(fd);
  return ok;
#endif
}

bool write_file_atomically(const fs::path& path, const std::string& bytes, std::string& error) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const fs::path temp = dir / ("." + path.filename().string() + ".tmp-" + make_uuid_v4().substr(0, 8));
  std::FILE* file = std::fopen(temp.string().c_str(), "wb");
  if (file == nullptr) {
    error = "cannot create " + temp.string();
    return false;
  }
  const bool written =
      std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() && std::fflush(file) == 0;
  std::fclose(file);
  std::error_code ec;
  if (!written || !fsync_path(temp, false)) {
    fs::remove(temp, ec);
    error = "cannot write " + temp.string();
    return false;
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    error = "cannot rename into " + path.string() + ": " + ec.message();
    return false;
  }
  fsync_path(dir, true);
  return true;
}

// --- DurableDb ---------------------------------------------------------------------------------

namespace {

constexpr const char* kBackupInfix = ".backup-";
constexpr const char* kBackupTempInfix = ".backup-tmp-";
constexpr const char* kRestoreTempSuffix = ".restore-tmp";

enum class FileState { Missing, Healthy, Empty, Damaged, TooNew, IoError };

struct Inspection {
  FileState state = FileState::Missing;
  std::unique_ptr<Connection> connection;  // set for Healthy and Empty
  int version = 0;
  std::string message;
};

// Errors that say something about the machine (locks, permissions, disk, memory) rather than about
// the bytes in the file. Those never lead to quarantine: the file may be perfectly fine. Anything
// else while inspecting ("malformed", "not a database", "unsupported file format" from a damaged
// header) is damage.
bool is_corruption(int code) {
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_AUTH:
      return false;
    default:
      return true;
  }
}

// Opens an existing file and decides whether it can be used as it is.
Inspection inspect(const fs::path& path, const Schema& schema, int latest) {
  Inspection out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  std::string error;
  auto connection = Connection::open(path, SQLITE_OPEN_READWRITE, error);
  if (!connection) {
    out.state = FileState::IoError;
    out.message = error;
    return out;
  }
  auto fail = [&](Connection& c) {
    const int code = c.last_error_code();
    out.state = is_corruption(code) ? FileState::Damaged : FileState::IoError;
    out.message = c.last_error();
    return std::move(out);
  };
  const auto app_id = connection->query_int("PRAGMA application_id");
  if (!app_id) return fail(*connection);
  {
    Statement check(*connection, "PRAGMA quick_check");
    if (!check.ok()) return fail(*connection);
    const int rc = check.step();
    if (rc != SQLITE_ROW) return fail(*connection);
    const std::string verdict = check.text(0);
    if (verdict != "ok") {
      out.state = FileState::Damaged;
      out.message = "integrity check failed: " + verdict;
      return out;
    }
  }
  const auto version = connection->query_int("PRAGMA user_version");
  const auto tables = connection->query_int("SELECT count(*) FROM sqlite_master");
  if (!version || !tables) return fail(*connection);
  out.version = static_cast<int>(*version);
  if (*app_id == 0 && *version == 0 && *tables == 0) {
    out.state = FileState::Empty;
    out.connection = std::move(connection);
    return out;
  }
  if (static_cast<std::uint32_t>(*app_id) != schema.application_id) {
    out.state = FileState::Damaged;
    out.message = "not a Respite " + schema.label + " file (application id " + std::to_string(*app_id) + ")";
    return out;
  }
  if (out.version > latest) {
    out.state = FileState::TooNew;
    out.message = "it was written by a newer version of Respite (schema " + std::to_string(out.version) +
                  "; this build knows up to " + std::to_string(latest) + "); it was left untouched";
    return out;
  }
  out.state = FileState::Healthy;
  out.connection = std::move(connection);
  return out;
}

std::string utc_stamp(const Clock& clock) {
  const UtcInstant now = clock.utc_now();
  const std::int64_t seconds = floor_div(now.ms, 1000);
  const CivilDate date = CivilDate::from_days(floor_div(seconds, 86'400));
  const std::int64_t in_day = seconds - floor_div(seconds, 86'400) * 86'400;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02dZ", date.year, date.month, date.day,
                static_cast<int>(in_day / 3600), static_cast<int>((in_day / 60) % 60),
                static_cast<int>(in_day % 60));
  return buffer;
}

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
  return fs::path(path.string() + suffix);
}

// Moves the file and its WAL companions aside; returns the new main path (empty on failure).
fs::path quarantine(const fs::path& path, const Clock& clock, std::string& error) {
  const std::string stamp = utc_stamp(clock);
  fs::path target = with_suffix(path, ".corrupt-" + stamp);
  std::error_code ec;
  for (int n = 2; fs::exists(target, ec) && n < 1000; ++n) {
    target = with_suffix(path, ".corrupt-" + stamp + "-" + std::to_string(n));
  }
  for (const char* companion : {"-wal", "-shm", "-journal"}) {
    const fs::path from = with_suffix(path, companion);
    if (fs::exists(from, ec)) fs::rename(from, with_suffix(target, companion), ec);
  }
  if (fs::exists(path, ec)) {
    fs::rename(path, target, ec);
    if (ec) {
      error = "cannot move " + path.string() + " aside: " + ec.message();
      return {};
    }
  }
  fsync_path(path.parent_path(), true);
  return target;
}

bool verify_backup(const fs::path& backup, const Schema& schema, int latest, std::string& why) {
  std::string error;
  auto connection = Connection::open(backup, SQLITE_OPEN_READONLY, error);
  if (!connection) {
    why = error;
    return false;
  }
  const auto app_id = connection->query_int("PRAGMA application_id");
  const auto version = connection->query_int("PRAGMA user_version");
  const auto verdict = connection->query_text("PRAGMA quick_check");
  if (!app_id || !version || !verdict) {
    why = connection->last_error();
    return false;
  }
  if (*verdict != "ok") {
    why = "integrity check failed: " + *verdict;
    return false;
  }
  if (static_cast<std::uint32_t>(*app_id) != schema.application_id || *version < 1 || *version > latest) {
    why = "not a usable " + schema.label + " backup";
    return false;
  }
  return true;
}

// Copies `from` into a fresh file at `to` with the backup API; the copy is fsynced.
bool copy_database(Connection& from, const fs::path& to, std::string& error) {
  std::error_code ec;
  fs::remove(to, ec);
  fs::remove(with_suffix(to, "-journal"), ec);
  auto dest = Connection::open(to, 0, error);
  if (!dest) return false;
  dest->exec("PRAGMA synchronous=FULL");
  sqlite3_backup* backup = sqlite3_backup_init(dest->handle(), "main", from.handle(), "main");
  if (backup == nullptr) {
    error = dest->last_error();
    return false;
  }
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    error = std::string("backup failed: ") + sqlite3_errstr(rc);
    return false;
  }
  // Backups and restores are single files in rollback mode; the live file goes back to WAL at open.
  const auto mode = dest->query_text("PRAGMA journal_mode=DELETE");
  if (!mode || *mode != "delete") {
    error = "cannot switch the copy to rollback mode: " + dest->last_error();
    return false;
  }
  const auto verdict = dest->query_text("PRAGMA quick_check");
  if (!verdict || *verdict != "ok") {
    error = "the copy failed its integrity check";
    return false;
  }
  dest.reset();
  if (!fsync_path(to, false)) {
    error = "cannot fsync " + to.string();
    return false;
  }
  return true;
}

std::optional<std::int64_t> backup_generation(const fs::path& file, const fs::path& db) {
  const std::string prefix = db.filename().string() + kBackupInfix;
  const std::string name = file.filename().string();
  if (name.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string digits = name.substr(prefix.size());
  if (digits.empty() || digits.size() > 12 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(digits);
}

}  // namespace

int DurableDb::latest_version(const Schema& schema) {
  return schema.migrations.empty() ? 0 : schema.migrations.back().to_version;
}

bool DurableDb::migrate(Connection& connection, const Schema& schema, int& version, std::string& error) {
  const int latest = latest_version(schema);
  if (version > latest) {
    error =
        "schema " + std::to_string(version) + " is newer than this build (" + std::to_string(latest) + ")";
    return false;
  }
  for (const Migration& migration : schema.migrations) {
    if (migration.to_version <= version) continue;
    if (migration.to_version != version + 1) {
      error = "no migration from schema " + std::to_string(version);
      return false;
    }
    Transaction tx(connection);
    if (!tx.begun()) {
      error = "cannot start migration to schema " + std::to_string(migration.to_version) + ": " +
              connection.last_error();
      return false;
    }
    std::string step_error;
    const bool ok =
        connection.exec(
            "CREATE TABLE IF NOT EXISTS respite_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) "
            "WITHOUT ROWID; INSERT OR IGNORE INTO respite_meta VALUES('revision', 0);",
            &step_error) &&
        (version != 0 || connection.exec("PRAGMA application_id=" +
                                             std::to_string(static_cast<std::int32_t>(schema.application_id)),
                                         &step_error)) &&
        migration.apply(connection, step_error) &&
        connection.exec("PRAGMA user_version=" + std::to_string(migration.to_version), &step_error) &&
        connection.exec("UPDATE respite_meta SET value = value + 1 WHERE key = 'revision'", &step_error);
    if (!ok || !tx.commit(&step_error)) {
      error = "migration to schema " + std::to_string(migration.to_version) + " (" + migration.description +
              ") failed: " + step_error;
      return false;
    }
    version = migration.to_version;
  }
  return true;
}

DurableDb::OpenResult DurableDb::open(const fs::path& path, const Schema& schema, const Clock& clock,
                                      Options options) {
  OpenResult result;
  const int latest = latest_version(schema);
  std::error_code ec;
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  if (ec) {
    result.error = OpenError::Io;
    result.message = "cannot create " + dir.string() + ": " + ec.message();
    return result;
  }
  // Leftovers of a backup or restore that was interrupted are incomplete by definition.
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string base = path.filename().string();
    if (name.rfind(base + kBackupTempInfix, 0) == 0 || name.rfind(base + kRestoreTempSuffix, 0) == 0) {
      std::error_code ignored;
      fs::remove(entry.path(), ignored);
    }
  }

  std::unique_ptr<DurableDb> db(new DurableDb());
  db->path_ = path;
  db->schema_ = &schema;
  db->clock_ = &clock;
  db->options_ = options;

  Inspection inspection = inspect(path, schema, latest);
  const std::string what = "Your " + schema.label + " file";
  switch (inspection.state) {
    case FileState::IoError:
      result.error = OpenError::Io;
      result.message = "cannot open " + path.string() + ": " + inspection.message;
      return result;
    case FileState::TooNew:
      result.error = OpenError::TooNew;
      result.message = path.string() + ": " + inspection.message;
      return result;
    case FileState::Healthy:
      db->connection_ = std::move(inspection.connection);
      db->schema_version_ = inspection.version;
      break;
    case FileState::Missing:
    case FileState::Empty:
    case FileState::Damaged: {
      const bool damaged = inspection.state == FileState::Damaged;
      const bool have_backup = !db->backups().empty();
      if (!damaged && !have_backup) {
        // A brand-new file: nothing to recover.
        std::string error;
        db->connection_ =
            inspection.connection ? std::move(inspection.connection) : Connection::open(path, 0, error);
        if (!db->connection_) {
          result.error = OpenError::Io;
          result.message = "cannot create " + path.string() + ": " + error;
          return result;
        }
        break;
      }
      inspection.connection.reset();
      std::string error;
      fs::path quarantined;
      if (damaged || fs::exists(path, ec) || fs::exists(with_suffix(path, "-wal"), ec)) {
        quarantined = quarantine(path, clock, error);
        if (quarantined.empty()) {
          result.error = OpenError::Io;
          result.message = error;
          return result;
        }
      }
      const std::string cause = damaged
                                    ? " was damaged (" + inspection.message + ")"
                                    : (inspection.state == FileState::Empty ? " was empty" : " was missing");
      const std::string aside =
          quarantined.empty() ? std::string() : "; it was kept as " + quarantined.filename().string();
      bool restored = false;
      for (const fs::path& backup : db->backups()) {
        std::string why;
        if (!verify_backup(backup, schema, latest, why)) {
          const fs::path bad = quarantine(backup, clock, error);
          result.notices.push_back(
              {NoticeKind::BackupDamaged,
               "A backup of your " + schema.label + " was also damaged (" + why + ") and was set aside.",
               bad.string()});
          continue;
        }
        std::string copy_error;
        auto source = Connection::open(backup, SQLITE_OPEN_READONLY, copy_error);
        const fs::path temp = with_suffix(path, kRestoreTempSuffix);
        if (!source || !copy_database(*source, temp, copy_error)) continue;
        source.reset();
        fs::rename(temp, path, ec);
        if (ec) continue;
        fsync_path(dir, true);
        restored = true;
        result.notices.push_back(
            {NoticeKind::Restored,
             what + cause + aside + ". It was restored from the backup " + backup.filename().string() + ".",
             quarantined.string()});
        break;
      }
      if (!restored) {
        std::error_code ignored;
        fs::remove(path, ignored);
        if (damaged || !quarantined.empty()) {
          result.notices.push_back(
              {NoticeKind::Recreated,
               what + cause + aside + ". No usable backup was found, so it starts empty.",
               quarantined.string()});
        }
      }
      db->connection_ = Connection::open(path, 0, error);
      if (!db->connection_) {
        result.error = OpenError::Io;
        result.message = "cannot open " + path.string() + ": " + error;
        return result;
      }
      db->schema_version_ = static_cast<int>(db->connection_->query_int("PRAGMA user_version").value_or(0));
      if (!quarantined.empty() && damaged && schema.salvage) {
        auto damaged_db = Connection::open(quarantined, SQLITE_OPEN_READWRITE, error);
        // The damaged file is migrated to nothing and read only as far as it still can be; the
        // restored file must reach the current schema first so rows can be inserted into it.
        int version = db->schema_version_;
        if (damaged_db && DurableDb::migrate(*db->connection_, schema, version, error)) {
          db->schema_version_ = version;
          const int salvaged = schema.salvage(*db->connection_, *damaged_db);
          if (salvaged > 0) {
            db->bump_revision();
            result.notices.push_back({NoticeKind::Salvaged,
                                      std::to_string(salvaged) + " more record" + (salvaged == 1 ? "" : "s") +
                                          " were recovered from the damaged file.",
                                      quarantined.string()});
          }
        }
      }
      break;
    }
  }

  Connection& c = *db->connection_;
  const auto mode = c.query_text("PRAGMA journal_mode=WAL");
  std::string error;
  // secure_delete: a deleted row (a removed profile's alias in the index) is overwritten in the
  // file, not left in a free page (purge_history relies on it).
  if (!mode || *mode != "wal" || !c.exec("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON", &error)) {
    result.error = OpenError::Io;
    result.message = "cannot set up " + path.string() + ": " + c.last_error();
    return result;
  }
#if defined(__APPLE__)
  c.exec("PRAGMA fullfsync=ON; PRAGMA checkpoint_fullfsync=ON");
#endif
  int version = static_cast<int>(c.query_int("PRAGMA user_version").value_or(0));
  if (!migrate(c, schema, version, error)) {
    result.error = OpenError::Migration;
    result.message = path.string() + ": " + error;
    return result;
  }
  db->schema_version_ = version;
  if (options.backup_when_stale_at_open && !db->backup_if_stale(&error)) {
    result.notices.push_back({NoticeKind::BackupFailed,
                              "A backup of your " + schema.label + " could not be made (" + error +
                                  "); your data is safe and a backup will be tried again.",
                              {}});
  }
  result.db = std::move(db);
  return result;
}

bool DurableDb::bump_revision() {
  return connection_->exec("UPDATE respite_meta SET value = value + 1 WHERE key = 'revision'");
}

std::int64_t DurableDb::revision() {
  return connection_->query_int("SELECT value FROM respite_meta WHERE key = 'revision'").value_or(0);
}

std::vector<fs::path> DurableDb::backups() const {
  std::vector<std::pair<std::int64_t, fs::path>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path_.parent_path(), ec)) {
    if (auto generation = backup_generation(entry.path(), path_))
      found.emplace_back(*generation, entry.path());
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<fs::path> out;
  for (auto& [generation, file] : found) out.push_back(std::move(file));
  return out;
}

std::int64_t DurableDb::newest_backup_revision() const {
  for (const fs::path& backup : backups()) {
    std::string error;
    auto connection = Connection::open(backup, SQLITE_OPEN_READONLY, error);
    if (!connection) continue;
    if (auto value = connection->query_int("SELECT value FROM respite_meta WHERE key = 'revision'"))
      return *value;
  }
  return 0;
}

bool DurableDb::backup_if_stale(std::string* error) {
  if (revision() == newest_backup_revision()) return true;
  return backup_now(error);
}

bool DurableDb::backup_now(std::string* error) {
  const auto existing = backups();
  const std::int64_t generation = existing.empty() ? 1 : *backup_generation(existing.front(), path_) + 1;
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(generation));
  const fs::path final_path = with_suffix(path_, kBackupInfix + std::string(digits));
  const fs::path temp = with_suffix(path_, kBackupTempInfix + make_uuid_v4().substr(0, 8));
  std::string message;
  std::error_code ec;
  if (!copy_database(*connection_, temp, message)) {
    fs::remove(temp, ec);
    if (error != nullptr) *error = message;
    return false;
  }
  fs::rename(temp, final_path, ec);
  if (ec) {
    fs::remove(temp, ec);
    if (error != nullptr) *error = "cannot rename backup: " + ec.message();
    return false;
  }
  fsync_path(path_.parent_path(), true);
  const auto all = backups();
  for (std::size_t i = options_.backups_kept; i < all.size(); ++i) fs::remove(all[i], ec);
  return true;
}

bool DurableDb::purge_history(bool drop_quarantined, std::string* error) {
  // The deleted rows are already zeroed in the pages (secure_delete); moving every page out of the
  // WAL and truncating it leaves no older copy of them in the live files.
  if (!connection_->exec("PRAGMA wal_checkpoint(TRUNCATE)", error)) return false;
  const auto old_backups = backups();
  if (!backup_now(error)) return false;
  std::error_code ec;
  const auto fresh = backups();
  for (const fs::path& backup : old_backups) {
    if (!fresh.empty() && backup == fresh.front()) continue;
    fs::remove(backup, ec);
  }
  if (drop_quarantined) {
    const std::string prefix = path_.filename().string() + ".corrupt-";
    for (const auto& entry : fs::directory_iterator(path_.parent_path(), ec)) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
    }
  }
  fsync_path(path_.parent_path(), true);
  return true;
}

}  // namespace respite::core::sql
