// One profile's practice history: a SQLite file (`profiles/<profile-id>/progress.db`) holding the
// profile's identity, its settings and its append-only completion events. Opened through
// sql::DurableDb, so it is checked, repaired from backup when damaged, and migrated at open.
// Synchronous and single-threaded: the CLI uses it directly, the app through AsyncProgressWriter.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/progress/durable_db.h"
#include "core/progress/journal.h"
#include "core/progress/progress_types.h"

namespace respite::core {

struct ProfileIdentity {
  std::string profile_id;  // UUID; also the folder name
  std::string alias;       // what the person calls themselves on this device
  std::string pin_hash;    // crypto_pwhash_str output, empty when the profile has no PIN
  UtcInstant created;
};

enum class RecordStatus {
  Recorded,         // written and durable (the transaction committed)
  AlreadyRecorded,  // the same event id with the same content was already there: nothing changed
  Invalid,          // the input failed validation: nothing written
  Conflict,         // the event id exists with different content: nothing written
  Failed,           // the database refused (disk full, I/O error, busy): nothing written; retry later
};
const char* to_string(RecordStatus status);

struct RecordOutcome {
  RecordStatus status = RecordStatus::Failed;
  CompletionRecord record;  // as stored (set for Recorded and AlreadyRecorded)
  std::string message;      // why, for the statuses that are not ok
  bool ok() const { return status == RecordStatus::Recorded || status == RecordStatus::AlreadyRecorded; }
};

struct MergeOutcome {
  int added = 0;
  int already_present = 0;
  std::string error;  // empty on success; on error nothing was written
};

class ProgressStore {
 public:
  struct OpenResult {
    std::unique_ptr<ProgressStore> store;
    std::vector<sql::Notice> notices;  // show these to the person
    sql::OpenError error = sql::OpenError::None;
    std::string message;
  };

  // Opens (or creates) the file. When it holds no profile yet (new, or restored empty after damage)
  // the profile is written from `identity` and `settings`; a file without a profile and an empty
  // `identity.profile_id` is an error.
  static OpenResult open(const std::filesystem::path& db_path, const Clock& clock,
                         const ProfileIdentity& identity = {}, const ProfileSettings& settings = {});
  ~ProgressStore();

  // The schema and its migrations (exposed for the migration tests).
  static const sql::Schema& schema();

  const ProfileIdentity& identity() const { return identity_; }
  ProfileSettings settings();
  // Empty on success, else the reason (nothing changed).
  std::string update_settings(const ProfileSettings& settings);
  std::string set_pin_hash(const std::string& pin_hash);

  // One transaction per completion; returns after COMMIT (synchronous=FULL: durable).
  RecordOutcome record(const CompletionInput& input);
  // Adds already-formed records (import): all validated and checked for conflicting ids first,
  // then written in one transaction. Records already present are skipped.
  MergeOutcome merge(const std::vector<CompletionRecord>& records);

  std::vector<CompletionRecord> completions();              // in recording order
  std::vector<CompletionRecord> recent(std::size_t limit);  // newest instant first
  std::int64_t completion_count();

  // ---- The private journal (schema 2; core/progress/journal.h)
  // One transaction per entry. The same entry again is AlreadyRecorded; the same id with other
  // content is a Conflict; an invalid entry is Invalid. `message` says why when not ok.
  RecordStatus add_reflection(const ReflectionEntry& entry, std::string* message = nullptr);
  RecordStatus add_checkin(const CheckinEntry& entry, std::string* message = nullptr);
  std::vector<ReflectionEntry> reflections();  // in recording order
  std::vector<CheckinEntry> checkins();        // in recording order
  // Adds imported entries: all validated first, one transaction, entries already there skipped, a
  // conflicting id aborts the whole merge.
  MergeOutcome merge_journal(const std::vector<ReflectionEntry>& reflections,
                             const std::vector<CheckinEntry>& checkins);

  // Backups are kept out of the commit path: the owner calls this when idle (the async writer
  // does so whenever its queue drains; the CLI before it exits). False with a message on failure.
  bool backup_if_stale(std::string* error = nullptr);
  sql::DurableDb& db() { return *db_; }

 private:
  struct Statements;
  ProgressStore() = default;
  bool load_identity();

  std::unique_ptr<sql::DurableDb> db_;
  std::unique_ptr<Statements> statements_;
  ProfileIdentity identity_;
};

}  // namespace respite::core
