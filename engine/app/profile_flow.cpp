#include "app/profile_flow.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/app_model.h"
#include "core/progress/ids.h"
#include "core/progress/pin.h"
#include "core/progress/profiles.h"

namespace respite::app {
namespace {

template <class T>
bool ready(const std::future<T>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

template <class T>
bool ready(const std::shared_future<T>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

bool is_admin_purpose(ui::PinPurpose p) {
  return p == ui::PinPurpose::UnlockAdmin || p == ui::PinPurpose::ChooseAdminPin ||
         p == ui::PinPurpose::ConfirmAdminPin;
}

// Screens that show nothing of a person and may stay up with nobody signed in.
bool open_to_anyone(Screen screen) {
  switch (screen) {
    case Screen::Profiles:
    case Screen::Welcome:
    case Screen::AddProfile:
    case Screen::Pin:
    case Screen::UnitAdmin:
    case Screen::Support:
      return true;
    default:
      return false;
  }
}

int resource_kind_index(const std::string& kind) {
  for (int i = 0; i < ui::kUnitResourceKindCount; ++i) {
    if (kind == ui::kUnitResourceKinds[i]) return i;
  }
  return ui::kUnitResourceKindCount - 1;
}

}  // namespace

ProfileFlow::ProfileFlow(AppModel& model, Storage& storage, const core::Clock& clock,
                         const core::Catalog& catalog)
    : model_(model), storage_(storage), clock_(clock), catalog_(catalog) {
  // The app starts on the device's settings (read before the first frame, app.cpp).
  device_settings_ = model_.saved_settings();
}

ProfileFlow::~ProfileFlow() {
  // The model outlives the flow and its storage: its journal must not keep pointing there.
  model_.set_journal_owner(nullptr, false);
}

core::UtcInstant ProfileFlow::now() const {
  return clock_.utc_now();
}

void ProfileFlow::start() {
  start(storage_.load());
}

void ProfileFlow::start(std::future<DeviceState> loading) {
  last_input_ = clock_.monotonic();
  loading_ = std::move(loading);
}

void ProfileFlow::note_input() {
  last_input_ = clock_.monotonic();
}

void ProfileFlow::add_notice(const std::string& message) {
  if (message.empty()) return;
  if (std::find(notices_.begin(), notices_.end(), message) == notices_.end()) notices_.push_back(message);
  model_.mark_changed();
}

const ProfileEntry* ProfileFlow::find_profile(const std::string& id) const {
  for (const ProfileEntry& p : device_.profiles) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

void ProfileFlow::go(Screen screen) {
  navigating_ = true;
  model_.open(Route{screen, {}});
  navigating_ = false;
}

// ---- Loading and signing in --------------------------------------------------------------------

void ProfileFlow::on_device(DeviceState state) {
  const bool first_load = !loaded_;
  loaded_ = true;
  const bool reroute = reroute_after_load_;
  reroute_after_load_ = true;
  for (const std::string& notice : state.notices) add_notice(notice);
  if (!state.ok) {
    add_notice(state.error);
    return;
  }
  device_ = std::move(state);
  if (reroute) route_after_load();
  // The first screen after launch appears at once: a fade-in there only delays the first tap.
  if (first_load) model_.finish_transition();
  model_.mark_changed();
}

void ProfileFlow::route_after_load() {
  if (device_.unit.enabled) {
    sign_out(true);
    return;
  }
  if (device_.profiles.empty()) {
    sign_out(false);
    go(Screen::Welcome);
    return;
  }
  if (active_ && find_profile(active_->id) != nullptr) return;
  // A one-person device: straight in, on whatever screen was asked for.
  if (device_.profiles.size() == 1 && !device_.profiles[0].has_pin) {
    sign_in(device_.profiles[0], false);
    return;
  }
  sign_out(true);
}

void ProfileFlow::sign_in(const ProfileEntry& profile, bool to_home) {
  pin_.reset();
  if (guest_ || (active_ && active_->id != profile.id)) {
    // Straight from one person to the next: the first one's settings go before anything is shown.
    flush_settings();
    model_.load_settings(device_settings_);
  }
  active_ = profile;
  guest_ = false;
  storage_.open_profile(profile);
  // Their own settings replace the device's as soon as their thread has read them; a profile
  // without a settings file starts from the device's (what the screen shows now).
  settings_loading_ = storage_.load_profile_settings(device_settings_);
  // The module reader's drafts and answers start empty for this person; theirs are read back.
  model_.set_journal_owner(&storage_, false, recording_);
  opening_ = storage_.profile_opened();
  opening_seen_ = false;
  snapshot_.reset();
  shown_year_ = shown_month_ = 0;
  status_.clear();
  status_detail_.clear();
  confirm_delete_ = false;
  note_input();
  refresh_snapshot();
  // Writes that failed for this profile earlier go again, now that its store is open.
  for (PendingRecord& pending : records_) {
    if (pending.profile_id == profile.id && !pending.future.valid()) pending.retry_at = clock_.monotonic();
  }
  // From the picker, the PIN pad or the first-run screens, home; otherwise (a one-person device
  // signing in by itself) the screen already asked for stays.
  const Screen screen = model_.route().screen;
  if (to_home || (open_to_anyone(screen) && screen != Screen::Support)) go(Screen::Home);
  model_.mark_changed();
}

void ProfileFlow::sign_out(bool to_picker) {
  // A session still open ends first, so it is recorded for the person it belongs to.
  if (model_.has_session()) {
    ui::UiAction end;
    end.kind = ui::ActionKind::EndSession;
    model_.apply(end);
  }
  // Nothing of the person's settings stays for the next one: the device's apply again.
  const bool someone = active_.has_value() || guest_;
  flush_settings();
  settings_loading_ = {};
  if (someone) model_.load_settings(device_settings_);
  storage_.close_profile();
  // Reflection drafts and check-in answers go with the person: the next one never sees them.
  model_.set_journal_owner(nullptr, false);
  active_.reset();
  guest_ = false;
  snapshot_.reset();
  snapshotting_ = {};
  saving_settings_ = {};
  opening_ = {};
  opening_seen_ = true;
  status_.clear();
  status_detail_.clear();
  confirm_delete_ = false;
  pin_.reset();
  draft_ = AddDraft{};
  leave_admin();
  model_.set_streak(std::nullopt);
  if (to_picker) {
    go(Screen::Profiles);
    refresh_totals(std::exchange(totals_stale_, false));
  }
  model_.mark_changed();
}

void ProfileFlow::leave_admin() {
  admin_pin_.clear();
  admin_.reset();
  resources_draft_.clear();
  resources_dirty_ = false;
  confirm_remove_.clear();
  confirm_reset_.clear();
  confirm_disable_ = false;
  admin_status_.clear();
}

void ProfileFlow::reload_device(bool reroute) {
  reroute_after_load_ = reroute;
  loading_ = storage_.load();
}

// ---- Settings ----------------------------------------------------------------------------------

void ProfileFlow::settings_changed(const Settings& saved) {
  if (guest_) return;  // a guest's choices last until they leave
  if (active_) {
    // Changed before their file was read: what they chose now wins over what is stored.
    settings_loading_ = {};
    save_settings(SettingsSave{active_->id, saved});
  } else {
    device_settings_ = saved;
    save_settings(SettingsSave{{}, saved});
  }
}

void ProfileFlow::save_settings(SettingsSave save) {
  if (!recording_) return;  // screenshots never write
  // One write at a time; while one runs only the latest change waits (a volume slider sends one
  // per frame).
  if (settings_saving_.valid()) {
    settings_next_ = std::move(save);
    return;
  }
  if (save.profile_id.empty()) {
    settings_saving_ = storage_.save_device_settings(std::move(save.settings));
  } else if (storage_.open_profile_id() == save.profile_id) {
    settings_saving_ = storage_.save_profile_settings(std::move(save.settings));
  }
}

void ProfileFlow::flush_settings() {
  // The waiting change of the person leaving is queued on their thread before it closes.
  if (!settings_next_) return;
  SettingsSave next = std::move(*settings_next_);
  settings_next_.reset();
  if (next.profile_id.empty()) {
    (void)storage_.save_device_settings(std::move(next.settings));
  } else if (recording_ && storage_.open_profile_id() == next.profile_id) {
    (void)storage_.save_profile_settings(std::move(next.settings));
  }
}

void ProfileFlow::on_profile_settings(const SettingsRead& read) {
  if (!active_) return;
  if (read.damaged()) add_notice("notice.settings_damaged");
  model_.load_settings(read.settings);
  // A new profile keeps the settings it started with; a damaged file is written again whole.
  if (!read.found || read.damaged()) save_settings(SettingsSave{active_->id, model_.saved_settings()});
}

// ---- Update ------------------------------------------------------------------------------------

void ProfileFlow::update() {
  const core::MonoTime mono = clock_.monotonic();
  if (ready(loading_)) on_device(loading_.get());

  if (ready(adding_)) {
    AddProfileResult result = adding_.get();
    for (const std::string& notice : result.notices) add_notice(notice);
    if (!result.profile) {
      pin_.reset();
      if (model_.route().screen == Screen::Welcome || device_.profiles.empty()) {
        add_notice(result.error);
      } else {
        draft_.error = result.error;
        go(Screen::AddProfile);
      }
    } else {
      device_.profiles.push_back(*result.profile);
      std::sort(device_.profiles.begin(), device_.profiles.end(),
                [](const ProfileEntry& a, const ProfileEntry& b) {
                  return core::alias_key(a.alias) < core::alias_key(b.alias);
                });
      device_.first_run = false;
      draft_ = AddDraft{};
      sign_in(*result.profile, true);
    }
    model_.mark_changed();
  }

  if (ready(checking_pin_)) on_pin_answer(checking_pin_.get());

  if (ready(enabling_)) {
    const std::string error = enabling_.get();
    if (error.empty()) {
      pin_.reset();
      reload_device(true);
    } else if (pin_) {
      pin_->message = "pin.failed";
      pin_->digits.clear();
      add_notice(error);
    }
    model_.mark_changed();
  }

  if (!opening_seen_ && ready(opening_)) {
    opening_seen_ = true;
    const core::AsyncProgressWriter::OpenStatus status = opening_.get();
    for (const core::sql::Notice& notice : status.notices) add_notice(notice.message);
    if (!status.ok) add_notice(status.message);
  }

  if (ready(settings_loading_)) on_profile_settings(settings_loading_.get());
  if (ready(settings_saving_)) {
    const std::string error = settings_saving_.get();
    if (!error.empty() && !settings_notice_shown_) {
      settings_notice_shown_ = true;
      add_notice("notice.settings_not_saved");
    }
    if (settings_next_) {
      SettingsSave next = std::move(*settings_next_);
      settings_next_.reset();
      save_settings(std::move(next));
    }
  }

  if (ready(snapshotting_)) {
    snapshot_ = snapshotting_.get();
    model_.set_streak(streak_view());
    model_.mark_changed();
  }

  if (ready(saving_settings_)) {
    const std::string error = saving_settings_.get();
    if (!error.empty()) {
      status_ = "progress.settings_not_saved";
      status_detail_ = error;
    }
    refresh_snapshot();
  }

  if (ready(totalling_)) {
    totals_ = totalling_.get();
    model_.mark_changed();
  }

  if (ready(exporting_)) {
    const ExportResult result = exporting_.get();
    if (!result.pin.accepted() && pin_) {
      on_pin_answer(result.pin);
    } else {
      pin_.reset();
      if (model_.route().screen == Screen::Pin) go(Screen::Progress);
      if (result.ok()) {
        status_ = "progress.exported";
        status_detail_ = result.file.string();
        if (on_export_) on_export_(status_detail_);
      } else {
        status_ = "progress.export_failed";
        status_detail_ = result.error.empty() ? result.pin.error : result.error;
      }
    }
    model_.mark_changed();
  }

  if (ready(deleting_)) {
    const AdminResult result = deleting_.get();
    if (!result.ok()) {
      add_notice(result.error.empty() ? result.pin.error : result.error);
    } else {
      const std::string id = deleted_id_;
      device_.profiles.erase(std::remove_if(device_.profiles.begin(), device_.profiles.end(),
                                            [&](const ProfileEntry& p) { return p.id == id; }),
                             device_.profiles.end());
    }
    deleted_id_.clear();
    reload_device(true);
    model_.mark_changed();
  }

  if (ready(admin_loading_)) {
    AdminOverview overview = admin_loading_.get();
    if (pin_ && pin_->purpose == ui::PinPurpose::UnlockAdmin) {
      if (overview.ok()) {
        admin_pin_ = pin_->digits;
        pin_.reset();
        admin_ = std::move(overview);
        load_resources_draft();
        go(Screen::UnitAdmin);
        refresh_totals(true);
      } else {
        on_pin_answer(overview.pin);
      }
    } else if (!admin_pin_.empty()) {
      if (overview.ok()) {
        admin_ = std::move(overview);
        if (!resources_dirty_) load_resources_draft();
      } else {
        leave_admin();
        go(Screen::Profiles);
      }
    }
    model_.mark_changed();
  }

  if (ready(admin_op_)) {
    const AdminResult result = admin_op_.get();
    confirm_remove_.clear();
    confirm_reset_.clear();
    if (!result.pin.accepted()) {
      // The admin PIN no longer opens the unit (changed elsewhere, or unit mode turned off).
      leave_admin();
      reload_device(true);
    } else if (admin_disabling_ && result.error.empty()) {
      admin_disabling_ = false;
      leave_admin();
      reload_device(true);
    } else {
      admin_disabling_ = false;
      admin_status_ = result.error.empty() ? "unit.saved" : result.error;
      if (result.error.empty()) resources_dirty_ = false;
      reload_device(false);
      refresh_admin();
      refresh_totals(true);
    }
    model_.mark_changed();
  }

  // Completions: finished writes refresh the screen; failed ones are tried again later.
  for (PendingRecord& pending : records_) {
    if (ready(pending.future)) {
      const core::RecordOutcome outcome = pending.future.get();
      pending.done = outcome.ok();
      if (outcome.ok()) {
        if (active_ && active_->id == pending.profile_id) refresh_snapshot();
        totals_stale_ = true;
      } else if (outcome.status == core::RecordStatus::Failed) {
        pending.retry_at = mono + kRetryDelay;
        if (pending.attempts == 1) add_notice(failed_write_notice_);
      } else {
        pending.done = true;  // invalid or conflicting: retrying cannot help
        add_notice(outcome.message);
      }
    }
    if (!pending.done && !pending.future.valid() && pending.retry_at && mono >= *pending.retry_at &&
        storage_.open_profile_id() == pending.profile_id) {
      pending.retry_at.reset();
      ++pending.attempts;
      pending.future = storage_.record(pending.input);
    }
  }
  records_.erase(
      std::remove_if(records_.begin(), records_.end(), [](const PendingRecord& p) { return p.done; }),
      records_.end());

  for (const core::sql::Notice& notice : storage_.take_notices()) add_notice(notice.message);

  // PIN delays end by themselves.
  if (pin_ && pin_->locked_until && mono >= *pin_->locked_until) {
    pin_->locked_until.reset();
    pin_->message.clear();
    model_.mark_changed();
  }

  // A session that runs (or has just run out, not yet ended by the model) is activity; a paused one
  // left behind is not. Otherwise, on a unit tablet, the idle time returns to the picker.
  const core::SessionRunner* runner = model_.runner();
  if (runner != nullptr && runner->state() != core::RunState::Paused) last_input_ = mono;
  if (idle_applies() && mono - last_input_ >= idle_limit()) {
    sign_out(true);
  }
}

bool ProfileFlow::idle_applies() const {
  if (!loaded_ || !device_.unit.enabled) return false;
  if (active_ || guest_ || pin_ || !admin_pin_.empty()) return true;
  const Screen screen = model_.route().screen;
  return screen != Screen::Profiles;
}

core::MonoTime ProfileFlow::idle_limit() const {
  return std::chrono::seconds(device_.unit.idle_timeout_seconds);
}

bool ProfileFlow::busy() const {
  if (loading_.valid() || adding_.valid() || checking_pin_.valid() || enabling_.valid() ||
      snapshotting_.valid() || saving_settings_.valid() || totalling_.valid() || exporting_.valid() ||
      deleting_.valid() || admin_loading_.valid() || admin_op_.valid())
    return true;
  if (!opening_seen_ && opening_.valid()) return true;
  if (settings_loading_.valid() || settings_saving_.valid()) return true;
  if (model_.journal().busy()) return true;  // module reader reads and writes in flight
  return std::any_of(records_.begin(), records_.end(),
                     [](const PendingRecord& p) { return p.future.valid(); });
}

std::optional<core::MonoTime> ProfileFlow::time_until_deadline() const {
  const core::MonoTime mono = clock_.monotonic();
  std::optional<core::MonoTime> deadline;
  auto sooner = [&](core::MonoTime t) {
    t = std::max(core::MonoTime(0), t);
    if (!deadline || t < *deadline) deadline = t;
  };
  if (busy()) sooner(kPollPeriod);
  if (pin_ && pin_->locked_until) {
    // Wake every second so the countdown on the pad moves, and when the delay ends.
    const core::MonoTime left = *pin_->locked_until - mono;
    const core::MonoTime second = std::chrono::seconds(1);
    sooner(left % second == core::MonoTime(0) ? std::min(left, second) : left % second);
  }
  if (idle_applies()) sooner(idle_limit() - (mono - last_input_));
  for (const PendingRecord& pending : records_) {
    if (pending.retry_at) sooner(*pending.retry_at - mono);
  }
  return deadline;
}

// ---- Routes ------------------------------------------------------------------------------------

Route ProfileFlow::guard(const Route& wanted) {
  if (navigating_ || !loaded_) return wanted;
  const Screen from = model_.route().screen;
  // The admin screen forgets its PIN the moment it is left.
  if (from == Screen::UnitAdmin && wanted.screen != Screen::UnitAdmin) leave_admin();
  if (from == Screen::Pin && wanted.screen != Screen::Pin) pin_.reset();
  // On a unit tablet, leaving the completion screen ends the person's turn.
  if (device_.unit.enabled && from == Screen::Completion && wanted.screen != Screen::Completion &&
      wanted.screen != Screen::Player && (active_ || guest_)) {
    sign_out(false);
    return Route{Screen::Profiles, {}};
  }
  if (wanted.screen == Screen::UnitAdmin && admin_pin_.empty()) {
    if (!device_.unit.enabled) return Route{Screen::Profiles, {}};
    begin_pin(ui::PinPurpose::UnlockAdmin, nullptr, Route{Screen::Profiles, {}}, false);
    return Route{Screen::Pin, {}};
  }
  if (wanted.screen == Screen::Pin && !pin_) return Route{Screen::Profiles, {}};
  if (wanted.screen == Screen::Progress && active_) refresh_snapshot();
  if (wanted.screen == Screen::Profiles) refresh_totals(std::exchange(totals_stale_, false));
  const bool someone = active_.has_value() || guest_;
  const bool needs_someone = device_.unit.enabled || !device_.profiles.empty();
  if (!someone && needs_someone && !open_to_anyone(wanted.screen)) return Route{Screen::Profiles, {}};
  return wanted;
}

bool ProfileFlow::back() {
  switch (model_.route().screen) {
    case Screen::Pin: {
      const Route to = pin_ ? pin_->return_to : Route{Screen::Profiles, {}};
      pin_.reset();
      navigating_ = true;
      model_.open(to);
      navigating_ = false;
      return true;
    }
    case Screen::AddProfile:
    case Screen::UnitAdmin:
      leave_admin();
      go(Screen::Profiles);
      return true;
    case Screen::Profiles:
      // Back on the picker: to home when someone is signed in (a "switch person" changed nothing).
      if (active_ || guest_) {
        go(Screen::Home);
        return true;
      }
      return true;  // nowhere else to go
    case Screen::Welcome:
      return true;
    default:
      return false;
  }
}

// ---- PINs --------------------------------------------------------------------------------------

void ProfileFlow::begin_pin(ui::PinPurpose purpose, const ProfileEntry* profile, Route return_to,
                            bool navigate) {
  PinEntry entry;
  entry.purpose = purpose;
  if (profile != nullptr) {
    entry.profile_id = profile->id;
    entry.alias = profile->alias;
  }
  entry.return_to = return_to;
  pin_ = entry;
  if (navigate) go(Screen::Pin);
  model_.mark_changed();
}

void ProfileFlow::submit_pin() {
  if (!pin_ || pin_->locked_until || checking_pin_.valid() || admin_loading_.valid() || exporting_.valid() ||
      adding_.valid() || enabling_.valid())
    return;
  PinEntry& p = *pin_;
  const std::string digits = p.digits;
  p.message.clear();
  switch (p.purpose) {
    case ui::PinPurpose::UnlockProfile:
    case ui::PinPurpose::ConfirmDelete:
      if (digits.size() < 4) {
        p.message = "pin.too_short";
        break;
      }
      checking_pin_ = storage_.unlock_profile(p.profile_id, digits, now());
      break;
    case ui::PinPurpose::ConfirmExport:
      if (digits.size() < 4) {
        p.message = "pin.too_short";
        break;
      }
      exporting_ = storage_.export_profile(p.profile_id, digits, now());
      break;
    case ui::PinPurpose::UnlockAdmin:
      if (digits.size() < 6) {
        p.message = "pin.admin_length";
        break;
      }
      admin_loading_ = storage_.admin_overview(digits, now());
      break;
    case ui::PinPurpose::ChooseProfilePin:
      if (!core::validate_pin(digits).empty()) {
        p.message = "pin.too_short";
        break;
      }
      p.first = digits;
      p.digits.clear();
      p.purpose = ui::PinPurpose::ConfirmProfilePin;
      break;
    case ui::PinPurpose::ConfirmProfilePin:
      if (digits != p.first) {
        p.message = "pin.mismatch";
        p.first.clear();
        p.digits.clear();
        p.purpose = ui::PinPurpose::ChooseProfilePin;
        break;
      }
      adding_ = storage_.add_profile(draft_.alias, digits);
      break;
    case ui::PinPurpose::ChooseAdminPin:
      if (!core::validate_admin_pin(digits).empty()) {
        p.message = "pin.admin_length";
        break;
      }
      p.first = digits;
      p.digits.clear();
      p.purpose = ui::PinPurpose::ConfirmAdminPin;
      break;
    case ui::PinPurpose::ConfirmAdminPin:
      if (digits != p.first) {
        p.message = "pin.mismatch";
        p.first.clear();
        p.digits.clear();
        p.purpose = ui::PinPurpose::ChooseAdminPin;
        break;
      }
      enabling_ = storage_.enable_unit(digits);
      break;
  }
  model_.mark_changed();
}

void ProfileFlow::on_pin_answer(const PinAnswer& answer) {
  model_.mark_changed();
  if (!pin_) return;
  PinEntry& p = *pin_;
  if (!answer.error.empty()) {
    p.digits.clear();
    p.message = "pin.failed";
    add_notice(answer.error);
    return;
  }
  switch (answer.check.verdict) {
    case core::PinVerdict::Accepted:
      break;
    case core::PinVerdict::Wrong:
    case core::PinVerdict::Locked:
      p.digits.clear();
      p.message = answer.check.verdict == core::PinVerdict::Wrong ? "pin.wrong" : "pin.locked";
      if (answer.check.wait > core::Millis(0)) p.locked_until = clock_.monotonic() + answer.check.wait;
      return;
  }
  if (p.purpose == ui::PinPurpose::UnlockProfile) {
    const ProfileEntry* profile = find_profile(p.profile_id);
    if (profile == nullptr) {
      pin_.reset();
      go(Screen::Profiles);
      return;
    }
    const ProfileEntry chosen = *profile;
    sign_in(chosen, true);
  } else if (p.purpose == ui::PinPurpose::ConfirmDelete && active_ && active_->id == p.profile_id) {
    // Closing first: the writer finishes and closes the file on the device worker before the
    // deletion job (queued after it) removes the folder.
    const std::string id = active_->id;
    const std::string digits = p.digits;
    sign_out(false);
    deleted_id_ = id;
    deleting_ = storage_.delete_profile(id, digits, now());
    go(Screen::Profiles);
  }
}

// ---- Progress ----------------------------------------------------------------------------------

void ProfileFlow::refresh_snapshot() {
  if (!active_ || !storage_.profile_open()) return;
  SnapshotRequest request;
  request.now = now();
  request.utc_offset_minutes = clock_.zone_at(request.now).offset_minutes;
  request.year = shown_year_;
  request.month = shown_month_;
  snapshotting_ = storage_.snapshot(request);
}

void ProfileFlow::refresh_totals(bool force) {
  if (!loaded_ || !device_.unit.enabled || totalling_.valid()) return;
  // Summing opens every profile's file: done when something was recorded, else at most every few
  // minutes (the numbers are the week's, so a little staleness shows nothing wrong).
  const core::MonoTime mono = clock_.monotonic();
  if (!force && totals_ && totals_at_ && mono - *totals_at_ < kTotalsMaxAge) return;
  totals_at_ = mono;
  const core::UtcInstant t = now();
  totalling_ = storage_.unit_totals(
      core::practice_day_at(t, clock_.zone_at(t).offset_minutes, core::kDefaultDayStartMinutes));
}

void ProfileFlow::refresh_admin() {
  if (admin_pin_.empty()) return;
  admin_loading_ = storage_.admin_overview(admin_pin_, now());
}

void ProfileFlow::load_resources_draft() {
  resources_draft_.clear();
  if (!admin_) return;
  for (const UnitResource& r : admin_->resources) {
    resources_draft_.push_back(
        ui::UnitResourceView{resource_kind_index(r.kind), r.name, r.phone, r.description});
  }
  resources_dirty_ = false;
}

void ProfileFlow::change_settings(const core::ProfileSettings& settings) {
  if (!snapshot_ || !snapshot_->ok || !settings.validate().empty()) return;
  snapshot_->settings = settings;  // shown at once; the snapshot that follows the save confirms it
  status_.clear();
  saving_settings_ = storage_.update_settings(settings);
  model_.mark_changed();
}

bool ProfileFlow::sign_in_for_tooling(const std::string& alias) {
  for (const ProfileEntry& p : device_.profiles) {
    if (core::alias_key(p.alias) == core::alias_key(alias)) {
      const ProfileEntry chosen = p;
      sign_in(chosen, false);
      return true;
    }
  }
  return false;
}

void ProfileFlow::session_finished(const SessionOutcome& outcome) {
  note_input();  // the completion screen's idle time counts from the session's end
  if (!recording_ || !active_ || guest_ || !storage_.profile_open()) return;
  core::CompletionInput input;
  input.event_id = core::make_uuid_v4();
  input.pack_id = outcome.item.pack_id;
  input.item_id = outcome.item.item_id;
  if (const core::Pack* pack = catalog_.find_pack(outcome.item.pack_id))
    input.content_version = pack->version;
  input.at = outcome.ended_at;
  input.utc_offset_minutes = outcome.zone.offset_minutes;
  input.zone = outcome.zone.iana;
  input.active = std::chrono::duration_cast<core::Millis>(outcome.active);
  input.planned = outcome.planned;
  input.required = outcome.minimum > core::Millis(0) ? outcome.minimum : outcome.planned;
  // DESIGN §7: a session the app ended because it was away too long is kept as partial, even when
  // its minimum had been reached before the interruption.
  if (outcome.how == ui::SessionEnd::Interrupted) {
    input.required = std::max(input.planned, input.active + core::Millis(1));
  }
  if (input.required > core::Millis(core::kMaxSessionMs)) input.required = core::Millis(core::kMaxSessionMs);
  PendingRecord pending;
  pending.input = input;
  pending.profile_id = active_->id;
  pending.attempts = 1;
  pending.future = storage_.record(input);
  records_.push_back(std::move(pending));
}

void ProfileFlow::record_feeling(const SessionOutcome& outcome, int feeling) {
  if (!active_ || guest_ || !storage_.profile_open()) return;
  core::CheckinEntry entry;
  entry.entry_id = core::make_uuid_v4();
  entry.pack_id = outcome.item.pack_id;
  entry.item_id = outcome.item.item_id;
  entry.checkin_id = "app.feeling_after";
  entry.score = feeling;
  entry.answers = {{"feeling", feeling}};
  entry.at = now();
  entry.utc_offset_minutes = clock_.zone_at(entry.at).offset_minutes;
  storage_.add_checkin(entry);  // the answer is a nicety: a failed write is not retried
}

// ---- Actions -----------------------------------------------------------------------------------

bool ProfileFlow::apply(const ui::UiAction& action) {
  using ui::ActionKind;
  note_input();
  switch (action.kind) {
    case ActionKind::OpenProgress:
      go(Screen::Progress);
      refresh_snapshot();
      return true;
    case ActionKind::ShowMonth: {
      if (!snapshot_ || !snapshot_->ok) return true;
      int year = snapshot_->year;
      int month = snapshot_->month + (action.value < 0 ? -1 : 1);
      if (month < 1) {
        month = 12;
        --year;
      } else if (month > 12) {
        month = 1;
        ++year;
      }
      const core::CivilDate today = snapshot_->summary.today;
      if (year * 12 + month > today.year * 12 + today.month || year < 1) return true;
      shown_year_ = year;
      shown_month_ = month;
      refresh_snapshot();
      return true;
    }
    case ActionKind::SetDayStart:
    case ActionKind::ToggleRestWeekday:
    case ActionKind::SetWeeklyGoal:
    case ActionKind::SetHideStreaks: {
      if (!snapshot_ || !snapshot_->ok) return true;
      core::ProfileSettings s = snapshot_->settings;
      if (action.kind == ActionKind::SetDayStart) {
        s.day_start_minutes = std::clamp(action.value, 0, core::kMaxDayStartMinutes);
      } else if (action.kind == ActionKind::ToggleRestWeekday) {
        if (action.value < 0 || action.value > 6) return true;
        s.rest_weekdays.bits = static_cast<std::uint8_t>(s.rest_weekdays.bits ^ (1U << action.value));
      } else if (action.kind == ActionKind::SetWeeklyGoal) {
        s.weekly_goal = std::clamp(action.value, 0, 7);
      } else {
        s.hide_streaks = action.flag;
      }
      change_settings(s);
      return true;
    }
    case ActionKind::ExportMyData:
      if (!active_) return true;
      status_.clear();
      if (active_->has_pin) {
        begin_pin(ui::PinPurpose::ConfirmExport, &*active_, Route{Screen::Progress, {}});
      } else {
        exporting_ = storage_.export_profile(active_->id, "", now());
      }
      return true;
    case ActionKind::DeleteMyData:
      if (!active_) return true;
      if (!action.flag) {
        confirm_delete_ = !confirm_delete_;
        model_.mark_changed();
        return true;
      }
      confirm_delete_ = false;
      if (active_->has_pin) {
        begin_pin(ui::PinPurpose::ConfirmDelete, &*active_, Route{Screen::Progress, {}});
      } else {
        const std::string id = active_->id;
        sign_out(false);
        deleted_id_ = id;
        deleting_ = storage_.delete_profile(id, "", now());
        go(Screen::Profiles);
      }
      return true;
    case ActionKind::SwitchPerson:
      sign_out(true);
      return true;
    case ActionKind::PickProfile: {
      const ProfileEntry* profile = find_profile(action.text);
      if (profile == nullptr) return true;
      const ProfileEntry chosen = *profile;
      if (chosen.has_pin) {
        begin_pin(ui::PinPurpose::UnlockProfile, &chosen, Route{Screen::Profiles, {}});
      } else {
        sign_in(chosen, true);
      }
      return true;
    }
    case ActionKind::PickGuest:
      // A guest starts on the device's settings; what they change is not kept.
      flush_settings();
      settings_loading_ = {};
      model_.load_settings(device_settings_);
      storage_.close_profile();
      model_.set_journal_owner(nullptr, true);  // a guest's words are never written
      active_.reset();
      snapshot_.reset();
      guest_ = true;
      model_.set_streak(std::nullopt);
      go(Screen::Home);
      return true;
    case ActionKind::StartAddProfile:
      draft_ = AddDraft{};
      go(Screen::AddProfile);
      return true;
    case ActionKind::SetDraftAlias:
      draft_.alias = action.text.substr(0, 64);
      draft_.error.clear();
      model_.mark_changed();
      return true;
    case ActionKind::SetDraftWithPin:
      draft_.with_pin = action.flag;
      model_.mark_changed();
      return true;
    case ActionKind::SubmitAddProfile: {
      if (adding_.valid()) return true;
      std::string alias = draft_.alias;
      while (!alias.empty() && alias.back() == ' ') alias.pop_back();
      while (!alias.empty() && alias.front() == ' ') alias.erase(alias.begin());
      draft_.alias = alias;
      if (alias.empty()) {
        draft_.error = "profiles.error_empty";
      } else if (!core::validate_alias(alias).empty()) {
        draft_.error = "profiles.error_invalid";
      } else if (std::any_of(device_.profiles.begin(), device_.profiles.end(), [&](const ProfileEntry& p) {
                   return core::alias_key(p.alias) == core::alias_key(alias);
                 })) {
        draft_.error = "profiles.error_taken";
      } else if (draft_.with_pin) {
        begin_pin(ui::PinPurpose::ChooseProfilePin, nullptr, Route{Screen::AddProfile, {}});
      } else {
        adding_ = storage_.add_profile(alias, std::nullopt);
      }
      model_.mark_changed();
      return true;
    }
    case ActionKind::ChooseJustMe:
      if (!adding_.valid()) adding_ = storage_.add_profile(kDefaultAlias, std::nullopt);
      return true;
    case ActionKind::ChooseUnitMode:
      begin_pin(ui::PinPurpose::ChooseAdminPin, nullptr, Route{Screen::Welcome, {}});
      return true;
    case ActionKind::PinDigit:
      if (pin_ && !pin_->locked_until && action.value >= 0 && action.value <= 9 &&
          static_cast<int>(pin_->digits.size()) < 8) {
        pin_->digits += static_cast<char>('0' + action.value);
        if (pin_->message != "pin.mismatch") pin_->message.clear();
        model_.mark_changed();
      }
      return true;
    case ActionKind::PinErase:
      if (pin_ && !pin_->digits.empty()) {
        pin_->digits.pop_back();
        model_.mark_changed();
      }
      return true;
    case ActionKind::PinSubmit:
      submit_pin();
      return true;
    case ActionKind::PinCancel:
      back();
      return true;
    case ActionKind::OpenUnitAdmin:
      if (device_.unit.enabled) begin_pin(ui::PinPurpose::UnlockAdmin, nullptr, Route{Screen::Profiles, {}});
      return true;
    case ActionKind::AdminSetIdle:
      if (!admin_pin_.empty() && !admin_op_.valid())
        admin_op_ = storage_.admin_set_idle_timeout(admin_pin_, now(), action.value);
      return true;
    case ActionKind::AdminRemoveProfile:
    case ActionKind::AdminResetProfile: {
      if (admin_pin_.empty() || admin_op_.valid()) return true;
      std::string& confirm = action.kind == ActionKind::AdminRemoveProfile ? confirm_remove_ : confirm_reset_;
      if (!action.flag) {
        const std::string id = action.text;
        confirm_remove_.clear();
        confirm_reset_.clear();
        confirm = id;
      } else {
        admin_op_ = action.kind == ActionKind::AdminRemoveProfile
                        ? storage_.admin_remove_profile(admin_pin_, now(), action.text)
                        : storage_.admin_reset_profile(admin_pin_, now(), action.text);
      }
      model_.mark_changed();
      return true;
    }
    case ActionKind::AdminEditResource: {
      if (admin_pin_.empty()) return true;
      if (action.value < 0) {
        resources_draft_.push_back(ui::UnitResourceView{});
      } else if (action.value < static_cast<int>(resources_draft_.size())) {
        ui::UnitResourceView& r = resources_draft_[static_cast<std::size_t>(action.value)];
        switch (action.page) {
          case 0:
            r.kind = std::clamp(action.question, 0, ui::kUnitResourceKindCount - 1);
            break;
          case 1:
            r.name = action.text.substr(0, 120);
            break;
          case 2:
            r.phone = action.text.substr(0, 40);
            break;
          default:
            r.description = action.text.substr(0, 400);
            break;
        }
      }
      resources_dirty_ = true;
      admin_status_.clear();
      model_.mark_changed();
      return true;
    }
    case ActionKind::AdminRemoveResource:
      if (!admin_pin_.empty() && action.value >= 0 &&
          action.value < static_cast<int>(resources_draft_.size())) {
        resources_draft_.erase(resources_draft_.begin() + action.value);
        resources_dirty_ = true;
        model_.mark_changed();
      }
      return true;
    case ActionKind::AdminSaveResources: {
      if (admin_pin_.empty() || admin_op_.valid()) return true;
      std::vector<UnitResource> resources;
      for (const ui::UnitResourceView& r : resources_draft_) {
        if (r.name.empty()) continue;
        UnitResource out;
        out.kind = ui::kUnitResourceKinds[std::clamp(r.kind, 0, ui::kUnitResourceKindCount - 1)];
        out.name = r.name;
        out.phone = r.phone;
        out.description = r.description;
        resources.push_back(std::move(out));
      }
      admin_op_ = storage_.admin_set_resources(admin_pin_, now(), std::move(resources));
      return true;
    }
    case ActionKind::AdminDisableUnit:
      if (admin_pin_.empty() || admin_op_.valid()) return true;
      if (!action.flag) {
        confirm_disable_ = !confirm_disable_;
      } else {
        admin_disabling_ = true;
        admin_op_ = storage_.admin_disable_unit(admin_pin_, now());
      }
      model_.mark_changed();
      return true;
    case ActionKind::DismissNotice:
      if (!notices_.empty()) notices_.erase(notices_.begin());
      model_.mark_changed();
      return true;
    default:
      return false;
  }
}

// ---- Views -------------------------------------------------------------------------------------

std::optional<ui::StreakView> ProfileFlow::streak_view() const {
  if (!active_ || guest_ || !snapshot_ || !snapshot_->ok || !snapshot_->has_any_session) return std::nullopt;
  const core::ProgressSummary& s = snapshot_->summary;
  if (s.streaks_hidden) return std::nullopt;
  ui::StreakView view;
  view.current = s.current_streak;
  view.weekly = s.streak_unit == core::StreakUnit::Week;
  view.today_done =
      view.weekly ? (!snapshot_->weeks.empty() && snapshot_->weeks.back().goal_met) : s.today_done;
  return view;
}

ui::ProgressView ProfileFlow::progress_view() const {
  ui::ProgressView v;
  v.status = status_;
  v.status_detail = status_detail_;
  if (guest_) {
    v.state = ui::ProgressState::Guest;
    v.can_switch_person = true;
    return v;
  }
  if (!active_) {
    v.state = ui::ProgressState::Loading;
    return v;
  }
  v.alias = active_->alias;
  v.can_switch_person = device_.unit.enabled || device_.profiles.size() > 1;
  v.pin_protected = active_->has_pin;
  v.confirm_delete = confirm_delete_;
  if (!snapshot_) {
    v.state = ui::ProgressState::Loading;
    return v;
  }
  if (!snapshot_->ok) {
    v.state = ui::ProgressState::Failed;
    v.message = snapshot_->error;
    return v;
  }
  v.state = ui::ProgressState::Ready;
  const core::ProgressSummary& s = snapshot_->summary;
  v.streaks_hidden = s.streaks_hidden;
  v.weekly = s.streak_unit == core::StreakUnit::Week;
  v.current = s.current_streak;
  v.longest = s.longest_streak;
  v.today_done = s.today_done;
  v.week_done_days = s.week_done_days;
  v.week_goal = s.week_goal;
  v.has_history = snapshot_->has_any_session;
  v.sessions = s.sessions_complete + s.sessions_partial;
  v.days_practised = static_cast<int>(s.done_days.size());
  v.active_minutes = std::chrono::duration<double>(s.active).count() / 60.0;
  v.year = snapshot_->year;
  v.month = snapshot_->month;
  v.can_go_forward = v.year * 12 + v.month < s.today.year * 12 + s.today.month;
  for (const core::CalendarDay& d : snapshot_->calendar) {
    ui::ProgressDayView day;
    day.date = d.date;
    day.done = d.done;
    day.practised = d.sessions > 0;
    day.rest = d.rest || d.excused;
    day.future = d.future;
    day.today = d.date == s.today;
    day.active_minutes = std::chrono::duration<double>(d.active).count() / 60.0;
    v.days.push_back(day);
  }
  for (std::size_t i = 0; i < snapshot_->weeks.size(); ++i) {
    const core::WeekTotal& w = snapshot_->weeks[i];
    v.weeks.push_back(ui::ProgressWeekView{w.monday, std::chrono::duration<double>(w.active).count() / 60.0,
                                           i + 1 == snapshot_->weeks.size(), w.goal_met});
  }
  const std::string& locale = model_.settings().locale;
  for (const core::CompletionRecord& r : snapshot_->recent) {
    ui::ProgressSessionView row;
    const core::Pack* pack = catalog_.find_pack(r.pack_id);
    const core::Item* item = catalog_.find(core::ItemRef{r.pack_id, r.item_id});
    row.title =
        item != nullptr && pack != nullptr ? item->title.get(locale, pack->default_locale) : r.item_id;
    row.practice_day = r.practice_day;
    const std::int64_t local_ms = r.at.ms + static_cast<std::int64_t>(r.utc_offset_minutes) * 60'000;
    const std::int64_t of_day =
        core::floor_div(local_ms, 60'000) - core::floor_div(local_ms, 86'400'000) * 1440;
    row.local_hour = static_cast<int>(of_day / 60);
    row.local_minute = static_cast<int>(of_day % 60);
    row.active_seconds = std::chrono::duration<double>(r.active).count();
    row.complete = r.complete;
    v.recent.push_back(std::move(row));
  }
  v.day_start_minutes = snapshot_->settings.day_start_minutes;
  v.rest_weekdays = snapshot_->settings.rest_weekdays;
  v.weekly_goal = snapshot_->settings.weekly_goal;
  v.streaks_hidden = snapshot_->settings.hide_streaks;
  return v;
}

ui::ProfilesView ProfileFlow::profiles_view() const {
  ui::ProfilesView v;
  v.unit_mode = device_.unit.enabled;
  v.loading = !loaded_;
  for (const ProfileEntry& p : device_.profiles)
    v.profiles.push_back(ui::ProfileTileView{p.id, p.alias, p.has_pin});
  if (totals_ && totals_->totals.shown) {
    v.totals = ui::UnitTotalsView{totals_->totals.sessions,
                                  std::chrono::duration<double>(totals_->totals.active).count() / 60.0};
  }
  return v;
}

ui::AddProfileView ProfileFlow::add_profile_view() const {
  ui::AddProfileView v;
  v.alias = draft_.alias;
  v.with_pin = draft_.with_pin;
  v.error = draft_.error;
  v.busy = adding_.valid();
  return v;
}

ui::PinView ProfileFlow::pin_view() const {
  ui::PinView v;
  if (!pin_) return v;
  v.purpose = pin_->purpose;
  v.alias = pin_->alias;
  v.entered = static_cast<int>(pin_->digits.size());
  v.min_length = is_admin_purpose(pin_->purpose) ? 6 : 4;
  v.max_length = 8;
  v.busy = checking_pin_.valid() || admin_loading_.valid() || exporting_.valid() || adding_.valid() ||
           enabling_.valid();
  v.message = pin_->message;
  if (pin_->locked_until) {
    const core::MonoTime left = *pin_->locked_until - clock_.monotonic();
    v.wait_seconds = static_cast<int>(std::ceil(std::chrono::duration<double>(left).count()));
    if (v.wait_seconds < 0) v.wait_seconds = 0;
  }
  return v;
}

ui::UnitAdminView ProfileFlow::unit_admin_view() const {
  ui::UnitAdminView v;
  v.loading = !admin_;
  if (admin_) {
    for (const ProfileEntry& p : admin_->profiles)
      v.profiles.push_back(ui::ProfileTileView{p.id, p.alias, p.has_pin});
    v.idle_timeout_seconds = admin_->unit.idle_timeout_seconds;
    for (const auto& [id, label] : admin_->trusted_keys) v.trusted_keys.push_back(label + " (" + id + ")");
  }
  v.resources = resources_draft_;
  v.resources_dirty = resources_dirty_;
  if (totals_ && totals_->totals.shown) {
    v.totals = ui::UnitTotalsView{totals_->totals.sessions,
                                  std::chrono::duration<double>(totals_->totals.active).count() / 60.0};
  }
  v.confirm_remove = confirm_remove_;
  v.confirm_reset = confirm_reset_;
  v.confirm_disable = confirm_disable_;
  v.status = admin_status_;
  return v;
}

}  // namespace respite::app
