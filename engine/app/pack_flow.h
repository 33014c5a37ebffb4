// Content packs in the app (docs/app.md, "Packs"): the Packs screen's list, installing, updating
// and removing packs in DATA_DIR/packs, and `respite --pack DIR --watch`, which reloads the pack
// being edited and shows its errors on screen. It belongs to AppModel like the ProfileFlow does,
// and owns no catalog: it reloads the one the model shows, in place, on the render thread, from a
// result read off it.
//
// Rules it keeps:
//  - Everything that reads or writes pack files (listing, validation, installing, removing,
//    reloading the catalog) runs on a std::async thread; update() takes the results. The render
//    thread only stats the watched files when a poll is due (PackWatcher).
//  - A broken pack is listed with its diagnostics and never keeps the others from loading; the
//    progress store is never touched.
//  - Updating only goes to a higher version (core::install_pack); a refusal is shown, not hidden.
//  - On a unit tablet, installing and removing wait for the admin PIN (checked by Storage with its
//    delay after wrong PINs), and only packs signed by a key the unit trusts are installed.
//  - While watching, a reload with errors keeps the last catalog that loaded and shows the errors
//    (the educator's screen stays); the next good save puts the catalog in and the panel away.
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/storage.h"
#include "core/clock.h"
#include "core/content.h"
#include "core/pack_library.h"
#include "core/pack_loader.h"
#include "ui/screen_packs.h"
#include "ui/screen_pin.h"

namespace respite::app {

class AppModel;

class PackFlow {
 public:
  // How long a finished job may wait before update() notices it.
  static constexpr core::MonoTime kPollPeriod = std::chrono::milliseconds(15);
  // How often --watch looks at the pack's files: a save is on screen well within a second.
  static constexpr core::MonoTime kWatchInterval = std::chrono::milliseconds(400);

  struct Config {
    std::string data_dir;                     // empty: nothing can be installed
    std::vector<std::string> explicit_packs;  // --pack paths (they replace the bundled packs)
    bool watch = false;                       // --watch: reload explicit_packs when they change
    core::MonoTime watch_interval = kWatchInterval;
  };

  // `catalog` is the one `model` shows; it is replaced in place when packs change. `storage`
  // checks the admin PIN on a unit tablet (null: nothing is installed on a unit tablet).
  PackFlow(AppModel& model, core::Catalog& catalog, const core::Clock& clock, Config config,
           Storage* storage = nullptr);
  ~PackFlow();
  PackFlow(const PackFlow&) = delete;
  PackFlow& operator=(const PackFlow&) = delete;

  // DATA_DIR/import: .respack files put there are offered for installing.
  static std::string import_dir(const std::string& data_dir);

  // The problems of the catalog loaded at start (with --watch they are shown at once).
  void set_start_diagnostics(const core::Diagnostics& diagnostics);

  // Takes finished jobs, polls the watched files when due.
  void update();
  // The Packs screen's actions (and the PIN pad's while it asks for the admin PIN here).
  bool apply(const ui::UiAction& action);
  // Escape / Back: puts away the PIN pad or a removal question; false when the model should go back.
  bool back();
  // A file dropped on the window: a .respack is offered for installing on the Packs screen.
  void file_dropped(const std::string& path);
  // Reads the list again (the Packs screen does on opening).
  void refresh();

  // The main loop's wake-up: a job in flight, the next watch poll, a PIN delay's next second.
  std::optional<core::MonoTime> time_until_deadline() const;
  bool busy() const;
  // Tests and screenshots: blocks until every job in flight has finished (update() takes them).
  void wait_idle() const;

  // ---- What the screens read
  ui::PacksView packs_view() const;
  bool asking_pin() const { return pin_.has_value(); }
  ui::PinView pin_view() const;
  // Set while the watched pack has errors.
  std::optional<ui::PackDiagnosticsView> watch_diagnostics() const { return watch_errors_; }
  // How many times the catalog was put in again (tests).
  std::uint64_t reloads() const { return reloads_; }

 private:
  struct Listing {
    std::vector<ui::PackEntryView> installed;
    std::vector<ui::PackImportView> imports;
    bool unit_mode = false;
  };
  struct Operation {
    bool install = true;
    std::string arg;  // the archive's path, or the pack id
  };
  struct OperationResult {
    bool ok = false;
    std::string status;  // translation key
    std::string title, version, installed, detail;
    std::vector<std::string> diagnostics;
  };
  struct Reload {
    core::CatalogLoadResult loaded;
    bool watched = false;  // a --watch reload: errors keep the catalog
  };
  struct PinState {
    std::string digits;
    std::string message;
    std::optional<core::MonoTime> locked_until;
    Operation op;
  };

  void start_listing();
  void start_reload(bool watched);
  void run(Operation op);
  void request(Operation op);
  void on_admin_answer(AdminOverview& overview);
  void take_reload(Reload reload);
  // The panel of a watched pack that no longer loads: its diagnostics, the last good catalog kept.
  void show_watch_errors(const core::Diagnostics& diagnostics);

  AppModel& model_;
  core::Catalog& catalog_;
  const core::Clock& clock_;
  Config config_;
  Storage* storage_;

  std::vector<std::unique_ptr<core::PackWatcher>> watchers_;
  std::optional<core::MonoTime> next_poll_;
  bool reload_again_ = false;
  std::optional<ui::PackDiagnosticsView> watch_errors_;
  std::uint64_t reloads_ = 0;

  std::optional<Listing> listing_;
  std::vector<std::string> dropped_;
  std::string confirm_remove_;
  OperationResult status_;
  bool has_status_ = false;
  std::optional<PinState> pin_;

  std::future<Listing> listing_job_;
  bool list_again_ = false;
  std::future<OperationResult> operation_job_;
  std::future<Reload> reload_job_;
  std::future<AdminOverview> pin_job_;
};

}  // namespace respite::app
