#include "app/storage.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/progress/export_bundle.h"
#include "core/progress/profiles.h"
#include "core/support_resources.h"

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define RESPITE_STORAGE_INLINE 1
#endif

namespace respite::app {

namespace fs = std::filesystem;

// ---- Worker -----------------------------------------------------------------------------------

Worker::Worker() {
#ifndef RESPITE_STORAGE_INLINE
  thread_ = std::thread([this] { loop(); });
#endif
}

Worker::~Worker() {
#ifndef RESPITE_STORAGE_INLINE
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
#endif
}

void Worker::enqueue(std::function<void()> job) {
#ifdef RESPITE_STORAGE_INLINE
  ++submitted_;
  job();
  ++finished_;
#else
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(job));
    ++submitted_;
  }
  wake_.notify_one();
#endif
}

void Worker::drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  const std::uint64_t target = submitted_;
  progress_.wait(lock, [&] { return finished_ >= target; });
}

void Worker::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++finished_;
    }
    progress_.notify_all();
  }
}

// ---- Helpers ----------------------------------------------------------------------------------

namespace {

ProfileEntry entry_of(const core::ProfileInfo& info) {
  return ProfileEntry{info.profile_id, info.alias, info.has_pin, info.created};
}

std::vector<std::string> messages(const std::vector<core::sql::Notice>& notices) {
  std::vector<std::string> out;
  for (const core::sql::Notice& notice : notices) out.push_back(notice.message);
  return out;
}

PinAnswer pin_error(std::string error) {
  PinAnswer answer;
  answer.error = std::move(error);
  return answer;
}

// The unit's resources file, as the admin screen writes it: plain texts in the unit's language,
// no regions (a unit entry without regions is shown everywhere), verified today.
std::string resources_json(const std::vector<UnitResource>& resources, const core::CivilDate& today) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> json(buffer);
  json.StartObject();
  json.Key("format_version");
  json.Int(1);
  json.Key("resources");
  json.StartArray();
  int n = 0;
  for (const UnitResource& r : resources) {
    json.StartObject();
    json.Key("id");
    std::string id = "unit-" + r.kind + "-" + std::to_string(++n);
    std::replace(id.begin(), id.end(), '_', '-');  // ids are lowercase letters, digits and hyphens
    json.String(id.c_str());
    json.Key("kind");
    json.String(r.kind.c_str());
    json.Key("name");
    json.String(r.name.c_str());
    json.Key("description");
    json.String(r.description.empty() ? r.name.c_str() : r.description.c_str());
    if (!r.hours.empty()) {
      json.Key("hours");
      json.String(r.hours.c_str());
    }
    if (!r.phone.empty()) {
      json.Key("contacts");
      json.StartArray();
      json.StartObject();
      json.Key("type");
      json.String("phone");
      json.Key("value");
      json.String(r.phone.c_str());
      json.EndObject();
      json.EndArray();
    }
    json.Key("verified");
    json.String(today.to_string().c_str());
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return std::string(buffer.GetString()) + "\n";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string export_file_name(const core::CivilDate& day) {
  return "respite-export-" + day.to_string() + ".json";
}

// ---- Storage ----------------------------------------------------------------------------------

Storage::Storage(fs::path data_dir, const core::Clock& clock, CommitHook on_commit)
    : data_dir_(std::move(data_dir)), clock_(clock), on_commit_(std::move(on_commit)) {}

Storage::~Storage() {
  close_profile();
  device_.drain();
  // The registry and unit store are device-worker objects: close them there.
  device_.submit([this] {
    registry_.reset();
    unit_.reset();
  });
  device_.drain();
}

std::string Storage::ensure_open(std::vector<std::string>* notices) {
  if (!registry_) {
    auto opened = core::ProfileRegistry::open(data_dir_, clock_, true);
    if (notices != nullptr) {
      for (auto& m : messages(opened.notices)) notices->push_back(std::move(m));
    }
    if (!opened.registry) return opened.error;
    registry_ = std::move(opened.registry);
  }
  if (!unit_) {
    auto opened = core::UnitStore::open(data_dir_, clock_, false);
    if (notices != nullptr) {
      for (auto& m : messages(opened.notices)) notices->push_back(std::move(m));
    }
    if (!opened.store) return opened.error;
    unit_ = std::move(opened.store);
  }
  return {};
}

std::vector<ProfileEntry> Storage::list_profiles() {
  std::vector<ProfileEntry> out;
  for (const core::ProfileInfo& info : registry_->list()) out.push_back(entry_of(info));
  return out;
}

std::future<DeviceState> Storage::load() {
  return device_.submit([this] {
    DeviceState state;
    if (auto error = ensure_open(&state.notices); !error.empty()) {
      state.error = error;
      return state;
    }
    state.ok = true;
    state.profiles = list_profiles();
    state.unit = unit_->settings();
    state.first_run = state.profiles.empty() && !unit_->persistent();
    return state;
  });
}

std::future<AddProfileResult> Storage::add_profile(std::string alias, std::optional<std::string> pin) {
  return device_.submit([this, alias = std::move(alias), pin = std::move(pin)] {
    AddProfileResult result;
    if (auto error = ensure_open(&result.notices); !error.empty()) {
      result.error = error;
      return result;
    }
    auto added = registry_->add(alias, pin);
    for (auto& m : messages(added.notices)) result.notices.push_back(std::move(m));
    if (!added.profile) {
      result.error = added.error;
      return result;
    }
    result.profile = entry_of(*added.profile);
    committed();
    return result;
  });
}

std::optional<core::ProfileInfo> Storage::profile_for_pin(const std::string& profile_id,
                                                          const std::string& pin, core::UtcInstant now,
                                                          PinAnswer& answer) {
  if (auto error = ensure_open(); !error.empty()) {
    answer = pin_error(error);
    return std::nullopt;
  }
  std::optional<core::ProfileInfo> info = registry_->find_by_id(profile_id);
  if (!info) {
    answer = pin_error("this profile no longer exists");
    return std::nullopt;
  }
  if (info->has_pin) {
    answer.check = unit_->check_pin(core::UnitStore::profile_subject(profile_id), now,
                                    [&] { return registry_->check_pin(*info, pin); });
    if (!answer.accepted()) return std::nullopt;
  }
  return info;
}

std::future<PinAnswer> Storage::unlock_profile(std::string profile_id, std::string pin,
                                               core::UtcInstant now) {
  return device_.submit([this, profile_id = std::move(profile_id), pin = std::move(pin), now] {
    PinAnswer answer;
    profile_for_pin(profile_id, pin, now, answer);
    if (answer.error.empty()) committed();  // a PIN attempt (and its delay) may have been recorded
    return answer;
  });
}

std::future<UnitTotalsResult> Storage::unit_totals(core::CivilDate today) {
  return device_.submit([this, today] {
    UnitTotalsResult result;
    if (auto error = ensure_open(); !error.empty()) {
      result.error = error;
      return result;
    }
    // Each log is read, summed and dropped here; only the sums leave this job.
    std::vector<std::vector<core::CompletionRecord>> logs;
    for (const core::ProfileInfo& info : registry_->list()) {
      auto opened = registry_->open_store(info);
      if (opened.store) logs.push_back(opened.store->completions());
    }
    result.totals = core::unit_week_totals(logs, today);
    return result;
  });
}

std::future<ExportResult> Storage::export_profile(std::string profile_id, std::string pin,
                                                  core::UtcInstant now) {
  return device_.submit([this, profile_id = std::move(profile_id), pin = std::move(pin), now] {
    ExportResult result;
    const auto info = profile_for_pin(profile_id, pin, now, result.pin);
    if (!info) return result;
    auto opened = registry_->open_store(*info);
    if (!opened.store) {
      result.error = opened.message;
      return result;
    }
    const core::ExportData data = core::collect_export(*opened.store, now);
    result.sessions = static_cast<int>(data.completions.size());
    result.journal_entries = static_cast<int>(data.reflections.size() + data.checkins.size());
    const core::ZoneInfo zone = clock_.zone_at(now);
    const core::CivilDate day = core::practice_day_at(now, zone.offset_minutes, 0);
    const fs::path dir = data_dir_ / "exports" / profile_id;
    std::error_code ec;
    fs::create_directories(dir, ec);
    result.file = dir / export_file_name(day);
    std::string error;
    if (!core::sql::write_file_atomically(result.file, core::export_to_json(data), error))
      result.error = error;
    return result;
  });
}

std::future<AdminResult> Storage::delete_profile(std::string profile_id, std::string pin,
                                                 core::UtcInstant now) {
  return device_.submit([this, profile_id = std::move(profile_id), pin = std::move(pin), now] {
    AdminResult result;
    const auto info = profile_for_pin(profile_id, pin, now, result.pin);
    if (!info) return result;
    result.error = registry_->remove(info->alias);
    if (result.error.empty()) {
      unit_->forget_profile(profile_id);
      std::error_code ec;
      fs::remove_all(data_dir_ / "exports" / profile_id, ec);
      committed();
    }
    return result;
  });
}

PinAnswer Storage::check_admin(const std::string& admin_pin, core::UtcInstant now) {
  if (auto error = ensure_open(); !error.empty()) return pin_error(error);
  if (!unit_->settings().enabled || !unit_->settings().has_admin_pin) return pin_error("unit mode is off");
  PinAnswer answer;
  answer.check = unit_->check_admin_pin(admin_pin, now);
  return answer;
}

std::future<std::string> Storage::enable_unit(std::string admin_pin) {
  return device_.submit([this, admin_pin = std::move(admin_pin)] {
    if (auto error = ensure_open(); !error.empty()) return error;
    std::string error = unit_->enable(admin_pin);
    if (error.empty()) committed();
    return error;
  });
}

std::future<AdminOverview> Storage::admin_overview(std::string admin_pin, core::UtcInstant now) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now] {
    AdminOverview overview;
    overview.pin = check_admin(admin_pin, now);
    if (!overview.pin.accepted()) return overview;
    overview.profiles = list_profiles();
    overview.unit = unit_->settings();
    for (const core::TrustedKey& key : unit_->trusted_keys())
      overview.trusted_keys.emplace_back(key.key_id, key.label);
    const core::SupportLoadResult loaded = core::load_support_resources(
        core::default_support_resources_path(), core::unit_resources_path(data_dir_.string()), "en", "");
    for (const core::SupportResource& r : loaded.data.resources) {
      if (r.origin != core::SupportOrigin::Unit) continue;
      UnitResource entry;
      entry.kind = core::to_string(r.kind);
      entry.name = r.name;
      entry.description = r.description;
      entry.hours = r.hours;
      for (const core::SupportContact& c : r.contacts) {
        if (c.type == core::ContactType::Phone && entry.phone.empty()) entry.phone = c.value;
      }
      overview.resources.push_back(std::move(entry));
    }
    return overview;
  });
}

std::future<AdminResult> Storage::admin_remove_profile(std::string admin_pin, core::UtcInstant now,
                                                       std::string profile_id) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now, profile_id = std::move(profile_id)] {
    AdminResult result;
    result.pin = check_admin(admin_pin, now);
    if (!result.pin.accepted()) return result;
    const auto info = registry_->find_by_id(profile_id);
    if (!info) {
      result.error = "this profile no longer exists";
      return result;
    }
    result.error = registry_->remove(info->alias);
    if (result.error.empty()) {
      unit_->forget_profile(profile_id);
      std::error_code ec;
      fs::remove_all(data_dir_ / "exports" / profile_id, ec);
      committed();
    }
    return result;
  });
}

std::future<AdminResult> Storage::admin_reset_profile(std::string admin_pin, core::UtcInstant now,
                                                      std::string profile_id) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now, profile_id = std::move(profile_id)] {
    AdminResult result;
    result.pin = check_admin(admin_pin, now);
    if (!result.pin.accepted()) return result;
    const auto info = registry_->find_by_id(profile_id);
    if (!info) {
      result.error = "this profile no longer exists";
      return result;
    }
    result.error = registry_->remove(info->alias);
    if (!result.error.empty()) return result;
    unit_->forget_profile(profile_id);
    std::error_code ec;
    fs::remove_all(data_dir_ / "exports" / profile_id, ec);
    auto added = registry_->add(info->alias, std::nullopt);
    if (!added.profile) result.error = added.error;
    committed();
    return result;
  });
}

std::future<AdminResult> Storage::admin_set_idle_timeout(std::string admin_pin, core::UtcInstant now,
                                                         int seconds) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now, seconds] {
    AdminResult result;
    result.pin = check_admin(admin_pin, now);
    if (!result.pin.accepted()) return result;
    result.error = unit_->set_idle_timeout(seconds);
    if (result.error.empty()) committed();
    return result;
  });
}

std::future<AdminResult> Storage::admin_set_resources(std::string admin_pin, core::UtcInstant now,
                                                      std::vector<UnitResource> resources) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now, resources = std::move(resources)] {
    AdminResult result;
    result.pin = check_admin(admin_pin, now);
    if (!result.pin.accepted()) return result;
    const core::ZoneInfo zone = clock_.zone_at(now);
    const std::string json = resources_json(resources, core::practice_day_at(now, zone.offset_minutes, 0));
    // Checked with the same loader the support screen uses before anything is written: a file the
    // app would half-ignore is never saved.
    const std::string unit_path = core::unit_resources_path(data_dir_.string());
    const core::SupportLoadResult check =
        core::parse_support_resources(read_text(core::default_support_resources_path()), "resources.json",
                                      json, "unit-resources.json", "en", "");
    for (const core::Diagnostic& d : check.diagnostics.items()) {
      if (d.severity == core::Severity::Error && d.file == "unit-resources.json") {
        result.error = d.message;
        return result;
      }
    }
    std::string error;
    if (!core::sql::write_file_atomically(unit_path, json, error)) result.error = error;
    if (result.error.empty()) committed();
    return result;
  });
}

std::future<AdminResult> Storage::admin_disable_unit(std::string admin_pin, core::UtcInstant now) {
  return device_.submit([this, admin_pin = std::move(admin_pin), now] {
    AdminResult result;
    result.pin = check_admin(admin_pin, now);
    if (!result.pin.accepted()) return result;
    result.error = unit_->disable();
    if (result.error.empty()) committed();
    return result;
  });
}

// ---- The signed-in profile --------------------------------------------------------------------

void Storage::open_profile(const ProfileEntry& profile) {
  close_profile();
  const fs::path path = core::ProfileRegistry::profile_dir_in(data_dir_, profile.id) / "progress.db";
  // The identity lets a file restored empty after damage get its profile back.
  const core::ProfileIdentity identity{profile.id, profile.alias, {}, profile.created};
  const core::Clock* clock = &clock_;
  writer_ = std::make_shared<core::AsyncProgressWriter>(
      [path, identity, clock] { return core::ProgressStore::open(path, *clock, identity); });
  open_id_ = profile.id;
}

void Storage::close_profile() {
  if (!writer_) return;
  // The writer finishes its queue when destroyed; that happens on the device worker, so jobs
  // queued after this (a removal of the profile's folder) run once its files are closed.
  device_.submit([writer = std::move(writer_)]() mutable { writer.reset(); });
  writer_.reset();
  open_id_.clear();
}

std::shared_future<core::AsyncProgressWriter::OpenStatus> Storage::profile_opened() const {
  return writer_ ? writer_->opened() : std::shared_future<core::AsyncProgressWriter::OpenStatus>();
}

std::future<core::RecordOutcome> Storage::record(core::CompletionInput input) {
  if (!writer_) {
    std::promise<core::RecordOutcome> none;
    core::RecordOutcome outcome;
    outcome.status = core::RecordStatus::Failed;
    outcome.message = "no profile is open";
    none.set_value(outcome);
    return none.get_future();
  }
  return writer_->record(std::move(input), [this](const core::RecordOutcome& outcome) {
    if (outcome.status == core::RecordStatus::Recorded) committed();
  });
}

std::future<ProgressSnapshot> Storage::snapshot(SnapshotRequest request) {
  if (!writer_) {
    std::promise<ProgressSnapshot> none;
    ProgressSnapshot snapshot;
    snapshot.error = "no profile is open";
    none.set_value(snapshot);
    return none.get_future();
  }
  return writer_->run([request](core::ProgressStore* store) {
    ProgressSnapshot snap;
    if (store == nullptr) {
      snap.error = "the practice history could not be opened";
      return snap;
    }
    snap.ok = true;
    snap.settings = store->settings();
    const std::vector<core::CompletionRecord> log = store->completions();
    const core::CivilDate today =
        core::practice_day_at(request.now, request.utc_offset_minutes, snap.settings.day_start_minutes);
    snap.summary = core::summarize(log, snap.settings, today);
    snap.year = request.year > 0 ? request.year : today.year;
    snap.month = request.month > 0 ? request.month : today.month;
    snap.calendar = core::month_calendar(log, snap.settings, snap.year, snap.month, today);
    snap.weeks = core::weekly_totals(log, snap.settings, today, request.weeks);
    snap.recent = core::recent_sessions(log, request.recent);
    snap.has_any_session = !log.empty();
    return snap;
  });
}

std::future<std::string> Storage::update_settings(core::ProfileSettings settings) {
  if (!writer_) {
    std::promise<std::string> none;
    none.set_value("no profile is open");
    return none.get_future();
  }
  return writer_->run([this, settings](core::ProgressStore* store) {
    if (store == nullptr) return std::string("the practice history could not be opened");
    std::string error = store->update_settings(settings);
    if (error.empty()) committed();
    return error;
  });
}

std::future<core::RecordStatus> Storage::add_checkin(core::CheckinEntry entry) {
  if (!writer_) {
    std::promise<core::RecordStatus> none;
    none.set_value(core::RecordStatus::Failed);
    return none.get_future();
  }
  return writer_->run([this, entry = std::move(entry)](core::ProgressStore* store) {
    if (store == nullptr) return core::RecordStatus::Failed;
    const core::RecordStatus status = store->add_checkin(entry);
    if (status == core::RecordStatus::Recorded) committed();
    return status;
  });
}

std::future<core::RecordStatus> Storage::add_reflection(core::ReflectionEntry entry) {
  if (!writer_) {
    std::promise<core::RecordStatus> none;
    none.set_value(core::RecordStatus::Failed);
    return none.get_future();
  }
  return writer_->run([this, entry = std::move(entry)](core::ProgressStore* store) {
    if (store == nullptr) return core::RecordStatus::Failed;
    const core::RecordStatus status = store->add_reflection(entry);
    if (status == core::RecordStatus::Recorded) committed();
    return status;
  });
}

std::future<JournalRead> Storage::journal(std::string pack_id, std::string item_id) {
  if (!writer_) {
    std::promise<JournalRead> none;
    JournalRead read;
    read.error = "no profile is open";
    none.set_value(read);
    return none.get_future();
  }
  return writer_->run(
      [pack_id = std::move(pack_id), item_id = std::move(item_id)](core::ProgressStore* store) {
        JournalRead read;
        if (store == nullptr) {
          read.error = "the journal could not be opened";
          return read;
        }
        read.ok = true;
        for (core::ReflectionEntry& r : store->reflections()) {
          if (r.pack_id == pack_id && r.item_id == item_id) read.reflections.push_back(std::move(r));
        }
        for (core::CheckinEntry& c : store->checkins()) {
          if (c.pack_id == pack_id && c.item_id == item_id) read.checkins.push_back(std::move(c));
        }
        return read;
      });
}

std::vector<core::sql::Notice> Storage::take_notices() {
  return writer_ ? writer_->take_notices() : std::vector<core::sql::Notice>{};
}

std::future<std::string> Storage::save_device_settings(Settings settings) {
  return device_.submit([this, settings = std::move(settings)] {
    std::string error = write_settings_file(device_settings_path(data_dir_), settings, true);
    if (error.empty()) committed();
    return error;
  });
}

std::future<SettingsRead> Storage::load_profile_settings(Settings base) {
  if (!writer_) {
    std::promise<SettingsRead> none;
    SettingsRead read;
    read.settings = std::move(base);
    none.set_value(read);
    return none.get_future();
  }
  // On the device worker, not behind the store's opening checks on the writer: the person's look
  // and language should not wait for an integrity check. Writes stay on the writer (ordering).
  const fs::path path = profile_settings_path(data_dir_, open_id_);
  return device_.submit([path, base = std::move(base)] { return read_settings_file(path, base); });
}

std::future<std::string> Storage::save_profile_settings(Settings settings) {
  if (!writer_) {
    std::promise<std::string> none;
    none.set_value("no profile is open");
    return none.get_future();
  }
  const fs::path path = profile_settings_path(data_dir_, open_id_);
  return writer_->run([this, path, settings = std::move(settings)](core::ProgressStore*) {
    std::string error = write_settings_file(path, settings, false);
    if (error.empty()) committed();
    return error;
  });
}

void Storage::wait_idle() {
  if (writer_) writer_->drain();
  device_.drain();
}

}  // namespace respite::app
