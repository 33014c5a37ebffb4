// Who is using the app, and their progress: the part of the app's state that the profile picker,
// the PIN pad, the progress screen and the unit admin read (docs/app.md, docs/unit-mode.md).
// It belongs to AppModel (which calls it at the few points where sessions end, actions arrive and
// routes change) and talks to Storage only through futures, polled in update(): the render thread
// never waits for a disk or a PIN hash.
//
// Rules it keeps:
//  - A one-person device (unit mode off, one profile without PIN) signs in by itself; the first
//    run asks once: just me, or a shared unit tablet (which sets the admin PIN).
//  - Every session that ends is recorded for the signed-in profile (never for a guest): complete
//    or partial from the runner's active time, practice day from the device's zone at write time,
//    a new event UUID; a session ended by an interruption past the limit is partial.
//  - In unit mode the app returns to the picker after a session (when the completion screen is
//    left) and after the idle time (on the injected clock), and then holds nothing of the person:
//    their progress, PIN digits and drafts are dropped with their writer.
//  - Admin operations carry the admin PIN to Storage every time; the admin sees aliases only.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/route.h"
#include "app/storage.h"
#include "core/clock.h"
#include "core/content.h"
#include "ui/screen_pin.h"
#include "ui/screen_profiles.h"
#include "ui/screen_progress.h"
#include "ui/screen_unit_admin.h"
#include "ui/views.h"

namespace respite::app {

class AppModel;
struct SessionOutcome;

class ProfileFlow {
 public:
  // How long a finished storage job may wait before update() notices it (the loop's poll period).
  static constexpr core::MonoTime kPollPeriod = std::chrono::milliseconds(15);
  // A failed write is tried again after this long (the event id keeps it idempotent).
  static constexpr core::MonoTime kRetryDelay = std::chrono::seconds(30);
  static constexpr const char* kDefaultAlias = "Me";
  // The unit's totals are summed again after this long, or when a session was recorded.
  static constexpr core::MonoTime kTotalsMaxAge = std::chrono::minutes(5);

  ProfileFlow(AppModel& model, Storage& storage, const core::Clock& clock, const core::Catalog& catalog);
  ~ProfileFlow();
  ProfileFlow(const ProfileFlow&) = delete;
  ProfileFlow& operator=(const ProfileFlow&) = delete;

  // Called with the file's path after each successful export (the web page offers it as a download).
  using ExportHandler = std::function<void(const std::string& path)>;
  void set_export_handler(ExportHandler handler) { on_export_ = std::move(handler); }

  // Reads the device's profiles and unit settings (once, at start).
  void start();
  // The same with a read the caller started earlier (Storage::load), so that it runs beside the
  // window's set-up instead of after it.
  void start(std::future<DeviceState> loading);
  // Polls storage, retries failed writes, returns to the picker after the idle time.
  void update();
  // Any input from the person: the idle time starts again.
  void note_input();
  // Handles the actions of the screens this flow owns (and GoHome from the completion screen in
  // unit mode). Returns false for everyone else's.
  bool apply(const ui::UiAction& action);
  // Escape / Back on one of this flow's screens; false when the model should handle it.
  bool back();
  // The route to show instead of `wanted`, when who is signed in forbids it (e.g. nobody on a unit
  // tablet: the picker).
  Route guard(const Route& wanted);
  // Records the session for the signed-in profile.
  void session_finished(const SessionOutcome& outcome);

  // The main loop's wake-up: storage results pending, a PIN delay's next second, the idle time.
  std::optional<core::MonoTime> time_until_deadline() const;
  bool busy() const;
  // Screenshots and tools that run with the rights of the files' owner (like the CLI): signs in
  // to the profile with this alias without its PIN. False when there is none. Not reachable from
  // any screen.
  bool sign_in_for_tooling(const std::string& alias);
  // Screenshots draw, they never write: sessions that end are then not recorded.
  void set_recording(bool on) { recording_ = on; }
  // Stores the answer to "how do you feel now?" in the profile's journal (check-in "app.feeling_after").
  void record_feeling(const SessionOutcome& outcome, int feeling);

  // ---- Settings (app/settings_store.h, docs/app.md "Settings")
  // The person changed a setting (`saved`: the model's settings without command-line overrides).
  // Saved for the signed-in profile, else for the device; a guest's changes are not kept.
  void settings_changed(const Settings& saved);
  // A notice raised before the flow started (the device's settings file could not be read).
  void add_start_notice(const std::string& message) { add_notice(message); }

  // ---- What the screens read
  bool unit_mode() const { return device_.unit.enabled; }
  bool signed_in() const { return active_.has_value(); }
  bool guest() const { return guest_; }
  std::optional<ui::StreakView> streak_view() const;
  ui::ProgressView progress_view() const;
  ui::ProfilesView profiles_view() const;
  ui::AddProfileView add_profile_view() const;
  ui::PinView pin_view() const;
  ui::UnitAdminView unit_admin_view() const;
  // The oldest notice not yet dismissed (damaged files repaired, a write that failed), or empty.
  std::string notice() const { return notices_.empty() ? std::string() : notices_.front(); }
  const std::optional<ProfileEntry>& active_profile() const { return active_; }

 private:
  struct PendingRecord {
    core::CompletionInput input;
    std::string profile_id;
    std::future<core::RecordOutcome> future;
    std::optional<core::MonoTime> retry_at;
    int attempts = 0;
    bool done = false;
  };
  struct PinEntry {
    ui::PinPurpose purpose = ui::PinPurpose::UnlockProfile;
    std::string profile_id;
    std::string alias;
    std::string digits;
    std::string first;  // the first entry of a new PIN, to confirm
    std::string message;
    std::optional<core::MonoTime> locked_until;
    Route return_to;  // where Cancel goes
  };

  void on_device(DeviceState state);
  void route_after_load();
  void reload_device(bool reroute);
  // `to_home`: show home now (a choice on the picker); else stay where the app is.
  void sign_in(const ProfileEntry& profile, bool to_home);
  void sign_out(bool to_picker);
  void leave_admin();
  bool idle_applies() const;
  core::MonoTime idle_limit() const;
  void load_resources_draft();
  void begin_pin(ui::PinPurpose purpose, const ProfileEntry* profile, Route return_to, bool navigate = true);
  void submit_pin();
  void on_pin_answer(const PinAnswer& answer);
  void refresh_snapshot();
  void refresh_totals(bool force = false);
  void refresh_admin();
  void change_settings(const core::ProfileSettings& settings);
  void submit_record(PendingRecord pending);
  void go(Screen screen);
  core::UtcInstant now() const;
  std::string admin_pin() const { return admin_pin_; }
  const ProfileEntry* find_profile(const std::string& id) const;
  void add_notice(const std::string& message);

  // Settings files: the profile's is read at sign-in; saves go one at a time, the latest waiting.
  struct SettingsSave {
    std::string profile_id;  // empty: the device's file
    Settings settings;
  };
  void save_settings(SettingsSave save);
  void flush_settings();
  void on_profile_settings(const SettingsRead& read);

  AppModel& model_;
  Storage& storage_;
  const core::Clock& clock_;
  const core::Catalog& catalog_;

  DeviceState device_;
  bool loaded_ = false;
  bool reroute_after_load_ = true;
  bool recording_ = true;
  bool navigating_ = false;  // the flow's own navigation passes the guard
  std::optional<ProfileEntry> active_;
  bool guest_ = false;
  std::optional<ProgressSnapshot> snapshot_;
  int shown_year_ = 0;  // the calendar month on screen; 0: today's
  int shown_month_ = 0;
  std::optional<UnitTotalsResult> totals_;
  std::optional<core::MonoTime> totals_at_;
  bool totals_stale_ = false;  // a session was recorded since
  std::vector<std::string> notices_;
  std::string status_;  // the progress screen's last outcome (a translation key)
  std::string status_detail_;
  ExportHandler on_export_;
  std::string deleted_id_;
  bool admin_disabling_ = false;
  std::string failed_write_notice_ = "notice.save_failed";
  bool confirm_delete_ = false;

  std::optional<PinEntry> pin_;
  struct AddDraft {
    std::string alias;
    bool with_pin = false;
    std::string error;
  };
  AddDraft draft_;
  std::string admin_pin_;  // held only while the admin screen is open
  std::optional<AdminOverview> admin_;
  std::vector<ui::UnitResourceView> resources_draft_;
  bool resources_dirty_ = false;
  std::string confirm_remove_, confirm_reset_;
  bool confirm_disable_ = false;
  std::string admin_status_;

  core::MonoTime last_input_{0};

  // Futures in flight (each polled in update()).
  std::future<DeviceState> loading_;
  std::future<AddProfileResult> adding_;
  std::future<PinAnswer> checking_pin_;
  std::future<std::string> enabling_;
  std::future<ProgressSnapshot> snapshotting_;
  std::future<std::string> saving_settings_;
  std::future<UnitTotalsResult> totalling_;
  std::future<ExportResult> exporting_;
  std::future<AdminResult> deleting_;
  std::future<AdminOverview> admin_loading_;
  std::future<AdminResult> admin_op_;
  std::shared_future<core::AsyncProgressWriter::OpenStatus> opening_;
  bool opening_seen_ = false;
  bool refresh_after_save_ = false;
  std::string pending_export_pin_;  // the PIN typed for an export or a delete, while it runs
  std::vector<PendingRecord> records_;
  Settings device_settings_;  // shown whenever no profile is signed in
  std::future<SettingsRead> settings_loading_;
  std::future<std::string> settings_saving_;
  std::optional<SettingsSave> settings_next_;
  bool settings_notice_shown_ = false;  // "could not be saved" once per run
};

}  // namespace respite::app
