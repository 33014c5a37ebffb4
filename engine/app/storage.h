// Everything the app keeps on disk, reached without ever blocking the render thread
// (docs/app.md, "Progress, profiles and unit mode"). Two kinds of thread do the work:
//  - the device worker (one `Worker`) owns the profile list (core::ProfileRegistry) and the unit
//    settings (core::UnitStore): loading them, adding and removing profiles, checking PINs with
//    the persistent delay, unit totals, exports, the unit's support resources;
//  - the signed-in profile's core::AsyncProgressWriter owns that profile's progress.db: it records
//    completions and journal entries and reads the progress screen's data.
// Every call returns a future at once; the model polls them between frames. Nothing returned here
// lets one profile read another's data: admin calls take the admin PIN and answer with aliases and
// outcomes only, and a profile's data is read only through its own writer, opened after its PIN.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "app/settings_store.h"
#include "core/clock.h"
#include "core/progress/async_writer.h"
#include "core/progress/journal.h"
#include "core/progress/profiles.h"
#include "core/progress/streaks.h"
#include "core/progress/unit_store.h"
#include "core/progress/unit_totals.h"

namespace respite::core {
class ProfileRegistry;
}

namespace respite::app {

// One background thread running jobs in submission order. A browser build without threads runs
// each job at once, in the caller (as AsyncProgressWriter does there).
class Worker {
 public:
  Worker();
  // Finishes every queued job, then joins.
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  template <class F>
  auto submit(F job) -> std::future<std::invoke_result_t<F>> {
    using Result = std::invoke_result_t<F>;
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(job));
    std::future<Result> future = task->get_future();
    enqueue([task] { (*task)(); });
    return future;
  }
  // Blocks until every job submitted before the call has run.
  void drain();

 private:
  void enqueue(std::function<void()> job);
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable progress_;
  std::deque<std::function<void()>> queue_;
  std::uint64_t submitted_ = 0;
  std::uint64_t finished_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

// A profile as the picker shows it: an alias and whether it has a PIN. Nothing else.
struct ProfileEntry {
  std::string id;
  std::string alias;
  bool has_pin = false;
  core::UtcInstant created;
};

struct DeviceState {
  bool ok = false;
  std::string error;
  std::vector<ProfileEntry> profiles;  // by alias
  core::UnitSettings unit;
  // Nothing chosen yet: no profile, unit mode never set up. The app asks who uses the device.
  bool first_run = false;
  std::vector<std::string> notices;  // damaged files repaired, and the like: show them
};

struct AddProfileResult {
  std::optional<ProfileEntry> profile;
  std::string error;
  std::vector<std::string> notices;
};

// The answer to a PIN: accepted, wrong (with the delay before the next try), or locked (tried
// during the delay; not checked). `error` when the profile or the admin PIN does not exist.
struct PinAnswer {
  core::PinCheck check;
  std::string error;
  bool accepted() const { return error.empty() && check.accepted(); }
};

struct SnapshotRequest {
  core::UtcInstant now;
  int utc_offset_minutes = 0;  // the device's offset now: "today" is the practice day of now
  int year = 0;                // the calendar's month; 0: today's month
  int month = 0;
  int weeks = 8;
  std::size_t recent = 6;
};

// What the progress screen shows, read in one job from the profile's store.
struct ProgressSnapshot {
  bool ok = false;
  std::string error;
  core::ProfileSettings settings;
  core::ProgressSummary summary;
  int year = 1970;
  int month = 1;
  std::vector<core::CalendarDay> calendar;  // every day of year/month
  std::vector<core::WeekTotal> weeks;       // oldest first, ending with today's week
  std::vector<core::CompletionRecord> recent;
  bool has_any_session = false;
};

// A profile's journal entries for one module, in recording order (the newest last).
struct JournalRead {
  bool ok = false;
  std::string error;
  std::vector<core::ReflectionEntry> reflections;
  std::vector<core::CheckinEntry> checkins;
};

struct ExportResult {
  PinAnswer pin;
  std::filesystem::path file;  // written when the PIN was accepted
  int sessions = 0;
  int journal_entries = 0;
  std::string error;
  bool ok() const { return pin.accepted() && error.empty(); }
};

struct UnitTotalsResult {
  core::UnitWeekTotals totals;
  std::string error;
};

// The unit's own support entries (EAP, peer supporters, chaplain), as the admin edits them.
struct UnitResource {
  std::string kind = "eap";  // eap | peer_support | chaplaincy | clinician_support | other
  std::string name;
  std::string description;
  std::string phone;  // may be empty
  std::string hours;  // may be empty
};

// What an unlocked admin screen may know: aliases (to remove or reset a profile), the unit's
// settings, its trusted keys and its resources. Never anyone's practice data.
struct AdminOverview {
  PinAnswer pin;
  std::vector<ProfileEntry> profiles;
  core::UnitSettings unit;
  std::vector<std::pair<std::string, std::string>> trusted_keys;  // key id, label
  std::vector<UnitResource> resources;
  bool ok() const { return pin.accepted(); }
};

struct AdminResult {
  PinAnswer pin;
  std::string error;
  bool ok() const { return pin.accepted() && error.empty(); }
};

class Storage {
 public:
  // Called (on a worker thread) after every write that reached the disk: the web build copies the
  // data folder to the browser's storage then.
  using CommitHook = std::function<void()>;

  // `clock` is read from worker threads: the SystemClock, or a ClockMirror (tests, `shot`).
  Storage(std::filesystem::path data_dir, const core::Clock& clock, CommitHook on_commit = {});
  // Finishes every queued job (nothing submitted is dropped) and closes the files.
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  const std::filesystem::path& data_dir() const { return data_dir_; }

  // ---- The device: profiles and unit settings ----------------------------------------------
  std::future<DeviceState> load();
  // The default profile of a one-person device (no PIN), or a new person on a unit tablet.
  std::future<AddProfileResult> add_profile(std::string alias, std::optional<std::string> pin);
  // Checks a profile's PIN with the persistent delay (a profile without a PIN is accepted).
  std::future<PinAnswer> unlock_profile(std::string profile_id, std::string pin, core::UtcInstant now);
  std::future<UnitTotalsResult> unit_totals(core::CivilDate today);

  // ---- Self-service, with the profile's own PIN ------------------------------------------------
  // Writes DATA_DIR/exports/<profile-id>/respite-export-<date>.json (format: docs/progress.md).
  std::future<ExportResult> export_profile(std::string profile_id, std::string pin, core::UtcInstant now);
  // Removes every file of the profile (its folder, its backups, its exports, its PIN count) and
  // its entry in the profile list, leaving no copy in the list's backups. Close the profile first
  // if it is open (close_profile orders the writer's shutdown before this job).
  std::future<AdminResult> delete_profile(std::string profile_id, std::string pin, core::UtcInstant now);

  // ---- Unit admin, each with the admin PIN -----------------------------------------------------
  // First run: turns unit mode on with a new admin PIN (6-8 digits). Refused when it is on.
  std::future<std::string> enable_unit(std::string admin_pin);
  std::future<AdminOverview> admin_overview(std::string admin_pin, core::UtcInstant now);
  std::future<AdminResult> admin_remove_profile(std::string admin_pin, core::UtcInstant now,
                                                std::string profile_id);
  // A forgotten PIN: the profile's data is removed (the admin cannot read or keep it) and the alias
  // starts again with no PIN. Never touches another profile.
  std::future<AdminResult> admin_reset_profile(std::string admin_pin, core::UtcInstant now,
                                               std::string profile_id);
  std::future<AdminResult> admin_set_idle_timeout(std::string admin_pin, core::UtcInstant now, int seconds);
  std::future<AdminResult> admin_set_resources(std::string admin_pin, core::UtcInstant now,
                                               std::vector<UnitResource> resources);
  std::future<AdminResult> admin_disable_unit(std::string admin_pin, core::UtcInstant now);

  // ---- The signed-in profile ------------------------------------------------------------------
  // Opens the profile's store on its own writer thread. Replaces any open profile.
  void open_profile(const ProfileEntry& profile);
  // Closes it: its writer finishes its queue on the device worker, so this never waits.
  void close_profile();
  bool profile_open() const { return writer_ != nullptr; }
  const std::string& open_profile_id() const { return open_id_; }
  std::shared_future<core::AsyncProgressWriter::OpenStatus> profile_opened() const;
  std::future<core::RecordOutcome> record(core::CompletionInput input);
  std::future<ProgressSnapshot> snapshot(SnapshotRequest request);
  std::future<std::string> update_settings(core::ProfileSettings settings);
  std::future<core::RecordStatus> add_checkin(core::CheckinEntry entry);
  std::future<core::RecordStatus> add_reflection(core::ReflectionEntry entry);
  // The open profile's reflections and check-ins for module PACK_ID/ITEM_ID (the module reader
  // shows the latest answers again). Never another profile's: only the open writer is read.
  std::future<JournalRead> journal(std::string pack_id, std::string item_id);
  // Backup failures of the open profile since the last call.
  std::vector<core::sql::Notice> take_notices();

  // ---- Settings (app/settings_store.h) ---------------------------------------------------------
  // The device's file (no one signed in), on the device worker.
  std::future<std::string> save_device_settings(Settings settings);
  // The open profile's file: read on the device worker (not behind the store's opening checks),
  // written on its own writer thread in order with its other jobs, so a write queued before the
  // profile is closed and deleted never makes its folder again. Without a file: `base`, not found.
  std::future<SettingsRead> load_profile_settings(Settings base);
  std::future<std::string> save_profile_settings(Settings settings);

  // Blocks until every job submitted so far has run (screenshots, tests, shutdown).
  void wait_idle();

 private:
  // Device-worker only.
  std::string ensure_open(std::vector<std::string>* notices = nullptr);
  PinAnswer check_admin(const std::string& admin_pin, core::UtcInstant now);
  // The profile `profile_id` when `pin` opens it (or it has no PIN); otherwise nullopt, with
  // `answer` saying why (a wrong PIN and its delay, or an error).
  std::optional<core::ProfileInfo> profile_for_pin(const std::string& profile_id, const std::string& pin,
                                                   core::UtcInstant now, PinAnswer& answer);
  std::vector<ProfileEntry> list_profiles();
  void committed() const {
    if (on_commit_) on_commit_();
  }

  std::filesystem::path data_dir_;
  const core::Clock& clock_;
  CommitHook on_commit_;
  std::unique_ptr<core::ProfileRegistry> registry_;  // device worker only
  std::unique_ptr<core::UnitStore> unit_;            // device worker only
  std::shared_ptr<core::AsyncProgressWriter> writer_;
  std::string open_id_;
  Worker device_;  // last: destroyed (drained) first
};

// "2026-03-10": the file-name date of an export.
std::string export_file_name(const core::CivilDate& day);

}  // namespace respite::app
