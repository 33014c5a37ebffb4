#include "app/pack_flow.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "app/app_model.h"
#include "app/catalog_source.h"
#include "app/profile_flow.h"
#include "core/pack_files.h"
#include "core/unit_packs.h"

namespace respite::app {
namespace {

namespace fs = std::filesystem;

template <class T>
bool ready(const std::future<T>& future) {
  return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

constexpr std::size_t kMaxSignatureBytes = 4096;
constexpr std::size_t kMaxDiagnosticLines = 40;  // a pack with hundreds of errors shows the first ones

ui::PackSignatureState signature_state(const core::SignatureCheck& check) {
  switch (check.status) {
    case core::SignatureStatus::Unsigned:
      return ui::PackSignatureState::Unsigned;
    case core::SignatureStatus::Trusted:
      return ui::PackSignatureState::Trusted;
    case core::SignatureStatus::Untrusted:
      return ui::PackSignatureState::Untrusted;
    case core::SignatureStatus::Malformed:
    case core::SignatureStatus::Invalid:
      return ui::PackSignatureState::Invalid;
  }
  return ui::PackSignatureState::Unsigned;
}

// Errors first, then warnings, each as the CLI prints it (FILE:LINE:COL: ...).
std::vector<std::string> diagnostic_lines(const core::Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (core::Severity severity : {core::Severity::Error, core::Severity::Warning}) {
    for (const core::Diagnostic& d : diagnostics.items()) {
      if (d.severity != severity) continue;
      if (lines.size() == kMaxDiagnosticLines) return lines;
      lines.push_back(d.format());
    }
  }
  return lines;
}

std::vector<std::pair<core::ItemKind, int>> kind_counts(const core::Pack& pack) {
  std::vector<std::pair<core::ItemKind, int>> out;
  for (core::ItemKind kind : {core::ItemKind::Breathing, core::ItemKind::MicroBreak, core::ItemKind::Module,
                              core::ItemKind::Program}) {
    const auto n = std::count_if(pack.items.begin(), pack.items.end(),
                                 [kind](const core::Item& item) { return item.kind == kind; });
    if (n > 0) out.emplace_back(kind, static_cast<int>(n));
  }
  return out;
}

std::string pack_title(const core::Pack& pack) {
  return pack.title.get(pack.default_locale, pack.default_locale);
}

ui::PackImportView import_view(const std::string& path, const core::PackLoadResult& loaded,
                               const core::SignatureCheck& signature) {
  ui::PackImportView v;
  v.path = path;
  v.file = fs::path(path).filename().string();
  v.id = loaded.pack_id;
  v.version = loaded.version;
  v.valid = loaded.pack.has_value();
  v.title = loaded.pack ? pack_title(*loaded.pack) : v.file;
  v.signature = signature_state(signature);
  if (!v.valid) v.diagnostics = diagnostic_lines(loaded.diagnostics);
  return v;
}

}  // namespace

std::string PackFlow::import_dir(const std::string& data_dir) {
  return (fs::path(data_dir) / "import").string();
}

PackFlow::PackFlow(AppModel& model, core::Catalog& catalog, const core::Clock& clock, Config config,
                   Storage* storage)
    : model_(model), catalog_(catalog), clock_(clock), config_(std::move(config)), storage_(storage) {
  if (config_.watch) {
    for (const std::string& path : config_.explicit_packs)
      watchers_.push_back(std::make_unique<core::PackWatcher>(path, clock_, config_.watch_interval));
    next_poll_ = clock_.monotonic() + config_.watch_interval;
  }
}

PackFlow::~PackFlow() {
  // A job still running finishes first: it may be writing a pack into the data folder.
  wait_idle();
}

void PackFlow::wait_idle() const {
  if (listing_job_.valid()) listing_job_.wait();
  if (operation_job_.valid()) operation_job_.wait();
  if (reload_job_.valid()) reload_job_.wait();
  if (pin_job_.valid()) pin_job_.wait();
}

void PackFlow::set_start_diagnostics(const core::Diagnostics& diagnostics) {
  if (!config_.watch || !diagnostics.has_errors()) return;
  show_watch_errors(diagnostics);
}

void PackFlow::show_watch_errors(const core::Diagnostics& diagnostics) {
  ui::PackDiagnosticsView v;
  v.lines = diagnostic_lines(diagnostics);
  v.errors = static_cast<int>(diagnostics.error_count());
  v.warnings = static_cast<int>(diagnostics.warning_count());
  watch_errors_ = std::move(v);
  model_.mark_changed();
}

void PackFlow::refresh() {
  if (listing_job_.valid()) {
    list_again_ = true;
    return;
  }
  start_listing();
}

void PackFlow::start_listing() {
  const std::string data_dir = config_.data_dir;
  const std::vector<std::string> dropped = dropped_;
  listing_job_ = std::async(std::launch::async, [data_dir, dropped] {
    Listing listing;
    if (data_dir.empty()) return listing;
    const core::UnitPackFacts unit = core::read_unit_pack_facts(data_dir);
    listing.unit_mode = unit.unit_mode;
    for (const core::LibraryEntry& entry :
         core::list_library(core::unit_packs_dir(data_dir), unit.trusted_keys)) {
      ui::PackEntryView v;
      v.origin = ui::PackOrigin::Installed;
      v.file = fs::path(entry.path).filename().string();
      v.id = entry.result.pack_id;
      v.version = entry.result.version;
      v.broken = !entry.result.pack.has_value();
      v.title = entry.result.pack ? pack_title(*entry.result.pack) : v.file;
      if (entry.result.pack) v.kinds = kind_counts(*entry.result.pack);
      v.signature = entry.result.archive ? signature_state(entry.signature) : ui::PackSignatureState::None;
      v.signer = entry.signature.key_id;
      v.errors = static_cast<int>(entry.result.diagnostics.error_count());
      v.warnings = static_cast<int>(entry.result.diagnostics.warning_count());
      if (v.broken) v.diagnostics = diagnostic_lines(entry.result.diagnostics);
      listing.installed.push_back(std::move(v));
    }
    for (const core::LibraryEntry& entry : core::list_library(import_dir(data_dir), unit.trusted_keys)) {
      if (!entry.result.archive) continue;  // the import folder takes .respack files only
      listing.imports.push_back(import_view(entry.path, entry.result, entry.signature));
    }
    for (const std::string& path : dropped) {
      const core::PackLoadResult loaded = core::load_pack(path);
      core::SignatureCheck signature = core::verify_pack_signature("", "", unit.trusted_keys);
      const core::FileRead sig = core::read_file_capped(path + ".sig", kMaxSignatureBytes);
      if (sig.status == core::FileRead::Status::Ok) {
        const core::FileRead archive =
            core::read_file_capped(path, core::PackLimits{}.archive.max_archive_bytes);
        if (archive.status == core::FileRead::Status::Ok)
          signature = core::verify_pack_signature(archive.bytes, sig.bytes, unit.trusted_keys);
      }
      listing.imports.push_back(import_view(path, loaded, signature));
    }
    for (ui::PackImportView& import : listing.imports) {
      for (const ui::PackEntryView& installed : listing.installed) {
        if (!import.id.empty() && installed.id == import.id) import.installed_version = installed.version;
      }
    }
    return listing;
  });
}

void PackFlow::start_reload(bool watched) {
  const std::vector<std::string> packs = config_.explicit_packs;
  const std::string data_dir = config_.data_dir;
  reload_job_ = std::async(std::launch::async, [packs, data_dir, watched] {
    Reload reload;
    reload.watched = watched;
    std::ostringstream notices;  // the app shows diagnostics; standard error got them at start
    reload.loaded = load_catalog_reporting(packs, data_dir, notices);
    return reload;
  });
}

void PackFlow::take_reload(Reload reload) {
  const core::Diagnostics& diagnostics = reload.loaded.diagnostics;
  if (reload.watched && config_.watch && diagnostics.has_errors()) {
    // The last catalog that loaded stays on screen; the panel says what to fix.
    show_watch_errors(diagnostics);
    return;
  }
  if (config_.watch) watch_errors_.reset();
  catalog_ = std::move(reload.loaded.catalog);
  ++reloads_;
  model_.catalog_changed();
}

void PackFlow::run(Operation op) {
  const std::string data_dir = config_.data_dir;
  // What the app already knows counts too: a unit tablet whose settings cannot be read again now
  // still installs only trusted packs (with no keys read, none).
  const ProfileFlow* profiles = model_.profiles();
  const bool known_unit_mode = profiles != nullptr && profiles->unit_mode();
  operation_job_ = std::async(std::launch::async, [data_dir, op, known_unit_mode] {
    OperationResult out;
    const core::UnitPackFacts unit = core::read_unit_pack_facts(data_dir);
    const std::string dir = core::unit_packs_dir(data_dir);
    if (!unit.error.empty()) {
      // Without the unit's settings there is no telling which signatures to trust: change nothing.
      out.status = op.install ? "packs.refused_write" : "packs.remove_failed";
      out.title = op.install ? fs::path(op.arg).filename().string() : op.arg;
      out.detail = unit.error;
      return out;
    }
    if (!op.install) {
      std::string title = op.arg;
      for (const core::LibraryEntry& entry : core::list_library(dir)) {
        if (entry.result.pack_id == op.arg && entry.result.pack) title = pack_title(*entry.result.pack);
      }
      std::string error;
      out.ok = core::remove_pack(dir, op.arg, error);
      out.status = out.ok ? "packs.removed" : "packs.remove_failed";
      out.title = title;
      out.detail = error;
      return out;
    }
    core::InstallPolicy policy;
    policy.trusted_keys = unit.trusted_keys;
    policy.require_trusted_signature = unit.unit_mode || known_unit_mode;
    std::string installed_version;
    if (const core::PackLoadResult probe = core::load_pack(op.arg); !probe.pack_id.empty()) {
      for (const core::LibraryEntry& entry : core::list_library(dir)) {
        if (entry.result.pack_id == probe.pack_id) installed_version = entry.result.version;
      }
    }
    const core::InstallResult result = core::install_pack(dir, op.arg, policy);
    out.title = result.loaded.pack ? pack_title(*result.loaded.pack) : fs::path(op.arg).filename().string();
    out.version = result.loaded.version;
    out.installed = installed_version;
    out.detail = result.message;
    switch (result.action) {
      case core::InstallAction::Installed:
        out.ok = true;
        out.status = "packs.installed";
        break;
      case core::InstallAction::Updated:
        out.ok = true;
        out.status = "packs.updated";
        break;
      case core::InstallAction::Refused:
        if (!result.loaded.pack) {
          out.status = result.loaded.diagnostics.has_errors() ? "packs.refused_errors" : "packs.refused_read";
          out.diagnostics = diagnostic_lines(result.loaded.diagnostics);
        } else if (policy.require_trusted_signature &&
                   result.signature.status != core::SignatureStatus::Trusted) {
          out.status = "packs.refused_signature";
        } else if (!installed_version.empty()) {
          out.status = "packs.refused_version";
        } else {
          out.status = "packs.refused_write";
        }
        break;
    }
    return out;
  });
}

void PackFlow::request(Operation op) {
  if (config_.data_dir.empty() || operation_job_.valid() || pin_job_.valid()) return;
  confirm_remove_.clear();
  const ProfileFlow* profiles = model_.profiles();
  if (profiles != nullptr && profiles->unit_mode()) {
    // A unit tablet: nothing changes without the admin PIN, asked every time.
    PinState pin;
    pin.op = std::move(op);
    pin_ = std::move(pin);
    model_.mark_changed();
    return;
  }
  run(std::move(op));
  model_.mark_changed();
}

void PackFlow::on_admin_answer(AdminOverview& overview) {
  if (!pin_) return;
  PinState& p = *pin_;
  if (overview.ok()) {
    Operation op = std::move(p.op);
    pin_.reset();  // the PIN is not kept past the one change it was asked for
    run(std::move(op));
    return;
  }
  p.digits.clear();
  if (!overview.pin.error.empty()) {
    p.message = "pin.failed";
    return;
  }
  p.message = overview.pin.check.verdict == core::PinVerdict::Locked ? "pin.locked" : "pin.wrong";
  if (overview.pin.check.wait > core::Millis(0))
    p.locked_until = clock_.monotonic() + overview.pin.check.wait;
}

void PackFlow::update() {
  if (ready(listing_job_)) {
    listing_ = listing_job_.get();
    model_.mark_changed();
    if (list_again_) {
      list_again_ = false;
      start_listing();
    }
  }
  if (ready(pin_job_)) {
    AdminOverview overview = pin_job_.get();
    on_admin_answer(overview);
    model_.mark_changed();
  }
  if (ready(operation_job_)) {
    status_ = operation_job_.get();
    has_status_ = true;
    if (status_.ok) {
      // The catalog changes with the installed packs; the list shows the new state.
      start_reload(false);
      start_listing();
    }
    model_.mark_changed();
  }
  if (ready(reload_job_)) {
    take_reload(reload_job_.get());
    if (reload_again_) {
      reload_again_ = false;
      start_reload(true);
    }
  }
  // The app left the Packs screen while the PIN pad was up (the unit's idle return, a session
  // end): the change it was asked for is dropped, and the PIN pad goes with it.
  if (pin_ && !pin_job_.valid() && model_.route().screen != Screen::Packs) {
    pin_.reset();
    model_.mark_changed();
  }
  if (pin_ && pin_->locked_until && clock_.monotonic() >= *pin_->locked_until) {
    pin_->locked_until.reset();
    model_.mark_changed();
  }
  if (next_poll_ && clock_.monotonic() >= *next_poll_) {
    next_poll_ = clock_.monotonic() + config_.watch_interval;
    bool changed = false;
    for (auto& watcher : watchers_) changed = watcher->poll() || changed;
    if (changed) {
      if (reload_job_.valid()) {
        reload_again_ = true;  // saved again while the last save loads: load once more after
      } else {
        start_reload(true);
      }
    }
  }
}

bool PackFlow::apply(const ui::UiAction& action) {
  using ui::ActionKind;
  if (pin_) {
    switch (action.kind) {
      case ActionKind::PinDigit:
        if (!pin_->locked_until && !pin_job_.valid() && action.value >= 0 && action.value <= 9 &&
            pin_->digits.size() < 8) {
          pin_->digits += static_cast<char>('0' + action.value);
          pin_->message.clear();
          model_.mark_changed();
        }
        return true;
      case ActionKind::PinErase:
        if (!pin_->digits.empty()) pin_->digits.pop_back();
        model_.mark_changed();
        return true;
      case ActionKind::PinSubmit:
        if (pin_->locked_until || pin_job_.valid()) return true;
        if (!core::validate_admin_pin(pin_->digits).empty()) {
          pin_->message = "pin.admin_length";
          pin_->digits.clear();
        } else if (storage_ == nullptr) {
          pin_->message = "pin.failed";
        } else {
          pin_job_ = storage_->admin_overview(pin_->digits, clock_.utc_now());
        }
        model_.mark_changed();
        return true;
      case ActionKind::PinCancel:
        back();
        return true;
      default:
        break;
    }
  }
  switch (action.kind) {
    case ActionKind::OpenPacks:
      model_.open(Route{Screen::Packs, {}});
      return true;
    case ActionKind::InstallPack:
      if (!action.text.empty()) request(Operation{true, action.text});
      return true;
    case ActionKind::RemovePack:
      if (!action.flag) {
        confirm_remove_ = action.text;
        model_.mark_changed();
      } else if (!action.text.empty()) {
        request(Operation{false, action.text});
      }
      return true;
    default:
      return false;
  }
}

bool PackFlow::back() {
  if (pin_) {
    if (pin_job_.valid()) return true;  // the answer is on its way; it decides
    pin_.reset();
    model_.mark_changed();
    return true;
  }
  if (!confirm_remove_.empty() && model_.route().screen == Screen::Packs) {
    confirm_remove_.clear();
    model_.mark_changed();
    return true;
  }
  return false;
}

void PackFlow::file_dropped(const std::string& path) {
  if (!core::is_archive_path(path)) {
    status_ = OperationResult{};
    status_.status = "packs.drop_not_pack";
    status_.title = fs::path(path).filename().string();
    has_status_ = true;
  } else if (std::find(dropped_.begin(), dropped_.end(), path) == dropped_.end()) {
    dropped_.push_back(path);
    has_status_ = false;
  }
  if (model_.route().screen != Screen::Packs) {
    model_.open(Route{Screen::Packs, {}});  // opening the screen reads the list
  } else {
    refresh();
  }
  model_.mark_changed();
}

std::optional<core::MonoTime> PackFlow::time_until_deadline() const {
  std::optional<core::MonoTime> out;
  const auto consider = [&out](core::MonoTime t) { out = out ? std::min(*out, t) : t; };
  if (busy()) consider(kPollPeriod);
  const core::MonoTime now = clock_.monotonic();
  if (next_poll_) consider(std::max(core::MonoTime(0), *next_poll_ - now));
  if (pin_ && pin_->locked_until) {
    // The PIN pad counts the delay down in whole seconds.
    const core::MonoTime left = *pin_->locked_until - now;
    consider(std::max(core::MonoTime(0), std::min<core::MonoTime>(left, std::chrono::seconds(1))));
  }
  return out;
}

bool PackFlow::busy() const {
  return listing_job_.valid() || operation_job_.valid() || reload_job_.valid() || pin_job_.valid();
}

ui::PacksView PackFlow::packs_view() const {
  ui::PacksView v;
  v.loading = !listing_.has_value();
  v.busy = operation_job_.valid() || pin_job_.valid() || reload_job_.valid();
  v.import_dir = config_.data_dir.empty() ? std::string() : import_dir(config_.data_dir);
  const ProfileFlow* profiles = model_.profiles();
  v.unit_mode = (profiles != nullptr && profiles->unit_mode()) || (listing_ && listing_->unit_mode);
  // The packs that came with the app (or with --pack), from the catalog shown now.
  const fs::path installed_dir = config_.data_dir.empty()
                                     ? fs::path()
                                     : fs::path(core::unit_packs_dir(config_.data_dir)).lexically_normal();
  for (const core::Pack& pack : catalog_.packs) {
    if (!installed_dir.empty() && fs::path(pack.source).lexically_normal().parent_path() == installed_dir)
      continue;
    ui::PackEntryView e;
    e.origin = config_.explicit_packs.empty() ? ui::PackOrigin::Bundled : ui::PackOrigin::Opened;
    e.id = pack.id;
    e.title = pack_title(pack);
    e.version = pack.version;
    e.file = fs::path(pack.source).filename().string();
    e.kinds = kind_counts(pack);
    v.packs.push_back(std::move(e));
  }
  if (listing_) {
    for (const ui::PackEntryView& e : listing_->installed) v.packs.push_back(e);
    v.imports = listing_->imports;
  }
  // The catalog speaks the person's language; the lists read in a job use the pack's own.
  for (ui::PackEntryView& e : v.packs) {
    if (const core::Pack* pack = catalog_.find_pack(e.id); pack != nullptr && !e.broken)
      e.title = pack->title.get(model_.settings().locale, pack->default_locale);
  }
  v.confirm_remove = confirm_remove_;
  if (has_status_) {
    v.status = status_.status;
    v.status_title = status_.title;
    v.status_version = status_.version;
    v.status_installed = status_.installed;
    v.status_detail = status_.detail;
    v.status_failed = !status_.ok;
    v.status_diagnostics = status_.diagnostics;
  }
  return v;
}

ui::PinView PackFlow::pin_view() const {
  ui::PinView v;
  v.purpose = ui::PinPurpose::UnlockAdmin;
  if (!pin_) return v;
  v.entered = static_cast<int>(pin_->digits.size());
  v.min_length = 6;
  v.max_length = 8;
  v.busy = pin_job_.valid();
  v.message = pin_->message;
  if (pin_->locked_until) {
    const core::MonoTime left = *pin_->locked_until - clock_.monotonic();
    v.wait_seconds = std::max(0, static_cast<int>(std::ceil(std::chrono::duration<double>(left).count())));
  }
  return v;
}

}  // namespace respite::app
