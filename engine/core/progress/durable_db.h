// The one way Respite opens a SQLite database it must never lose (docs/progress.md, "Storage"):
//  - WAL, synchronous=FULL (and F_FULLFSYNC on Apple), busy timeout;
//  - `PRAGMA quick_check` and an application-id check at open; a damaged or foreign file is
//    quarantined (renamed `<name>.corrupt-<UTC timestamp>`, with its -wal/-shm), the newest backup
//    that passes quick_check is restored, rows still readable in the damaged file are salvaged, and
//    a notice says what happened: never a crash, never a silent loss;
//  - schema migrations, one transaction each, tracked in `PRAGMA user_version`; a file newer than
//    this build is refused untouched;
//  - backups with the SQLite backup API into `<name>.backup-r<revision>`, converted to rollback
//    mode, verified with quick_check, fsynced, then renamed into place; the newest two are kept.
// Thin RAII wrappers over the C API live here too. Not thread-safe: one DurableDb per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

struct sqlite3;
struct sqlite3_stmt;

namespace respite::core::sql {

class Connection;

// A prepared statement; bind indexes are 1-based as in SQLite.
class Statement {
 public:
  Statement(Connection& connection, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, const std::string& value);
  // SQLITE_ROW (100), SQLITE_DONE (101) or an error code.
  int step();
  // Steps to completion; true when it ended with SQLITE_DONE.
  bool run();
  void reset();
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
 public:
  // `flags` are sqlite3_open_v2 flags; 0 means read-write, create if missing.
  static std::unique_ptr<Connection> open(const std::filesystem::path& path, int flags, std::string& error);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  bool exec(const std::string& sql, std::string* error = nullptr);
  // First column of the first row as text/int, or nullopt on error or no row.
  std::optional<std::string> query_text(const std::string& sql);
  std::optional<std::int64_t> query_int(const std::string& sql);
  std::string last_error() const;
  int last_error_code() const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool begun() const { return begun_; }
  bool commit(std::string* error = nullptr);

 private:
  Connection& connection_;
  bool begun_ = false;
  bool done_ = false;
};

// One schema step: runs inside its own transaction; `user_version` becomes `to_version` with it.
struct Migration {
  int to_version = 0;
  std::string description;
  std::function<bool(Connection&, std::string& error)> apply;
};

enum class NoticeKind {
  Restored,       // damaged/missing/empty file replaced by a verified backup
  Recreated,      // damaged file set aside, no usable backup: started empty
  Salvaged,       // rows copied from the damaged file into the restored one
  BackupFailed,   // a backup could not be made (the data itself is safe)
  BackupDamaged,  // a backup failed verification and was set aside
};

// Something the person should be told (the app shows it; the CLI prints it to stderr).
struct Notice {
  NoticeKind kind = NoticeKind::Restored;
  std::string message;
  std::string quarantined_path;  // where the damaged file was moved, if any
};

struct Schema {
  std::uint32_t application_id = 0;   // written by the first migration; checked at every open
  std::string label;                  // what the file holds, for notices ("practice history")
  std::vector<Migration> migrations;  // in order; to_version 1, 2, ...
  // Optional: copy whatever is still readable from `damaged` into `restored`; returns a count.
  std::function<int(Connection& restored, Connection& damaged)> salvage;
};

enum class OpenError { None, TooNew, Io, Migration };

class DurableDb {
 public:
  struct Options {
    std::size_t backups_kept = 2;
    bool backup_when_stale_at_open = true;
  };
  struct OpenResult {
    std::unique_ptr<DurableDb> db;
    std::vector<Notice> notices;
    OpenError error = OpenError::None;
    std::string message;
  };

  static OpenResult open(const std::filesystem::path& path, const Schema& schema, const Clock& clock,
                         Options options);
  static OpenResult open(const std::filesystem::path& path, const Schema& schema, const Clock& clock) {
    return open(path, schema, clock, Options{});
  }

  Connection& connection() { return *connection_; }
  const std::filesystem::path& path() const { return path_; }
  int schema_version() const { return schema_version_; }

  // Every committed change calls this inside its transaction, so backups know they are stale.
  bool bump_revision();
  std::int64_t revision();
  // Revision of the newest backup on disk (0 when none).
  std::int64_t newest_backup_revision() const;
  // Makes a verified backup if the newest one is older than the live data; false with a message
  // when that failed (the live data is unaffected).
  bool backup_if_stale(std::string* error = nullptr);
  bool backup_now(std::string* error = nullptr);
  std::vector<std::filesystem::path> backups() const;  // newest first
  // After rows about a person were deleted: truncates the WAL (every page checkpointed), replaces
  // every backup with one made now and, with `drop_quarantined`, removes damaged copies set aside
  // earlier, so no file of this database still holds the deleted rows. Only for files that can be
  // rebuilt (the profile index, the unit settings): a practice history's quarantined copies are
  // never dropped.
  bool purge_history(bool drop_quarantined, std::string* error = nullptr);

  // Runs `migrations` on an open database (exposed for the migration tests).
  static bool migrate(Connection& connection, const Schema& schema, int& version, std::string& error);
  // Latest schema version a Schema describes.
  static int latest_version(const Schema& schema);

 private:
  DurableDb() = default;
  std::filesystem::path path_;
  const Schema* schema_ = nullptr;
  const Clock* clock_ = nullptr;
  Options options_;
  std::unique_ptr<Connection> connection_;
  int schema_version_ = 0;
};

// Writes a file so that after a crash either the old or the new content is there: temp file in the
// same folder, fsync, rename, fsync the folder.
bool write_file_atomically(const std::filesystem::path& path, const std::string& bytes, std::string& error);
// fsync a file or folder by path (POSIX); true on platforms without the call.
bool fsync_path(const std::filesystem::path& path, bool directory);

}  // namespace respite::core::sql
