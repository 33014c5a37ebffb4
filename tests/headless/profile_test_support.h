// A whole app (model, storage threads, profile flow, ImGui UI) on a manual clock, with no window
// and no renderer: each frame is laid out by the real screens and read back as text
// (drawn_text.h). Storage results are waited for between steps, so tests are deterministic. Also
// seeds data folders through the `respite` CLI, as a person's scripts would.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/app_model.h"
#include "app/catalog_source.h"
#include "app/clock_mirror.h"
#include "app/pack_flow.h"
#include "app/profile_flow.h"
#include "app/route.h"
#include "app/settings_store.h"
#include "app/storage.h"
#include "app/ui_runtime.h"
#include "app_test_support.h"
#include "backends/null/manual_clock.h"
#include "cli/cli.h"
#include "core/progress/ids.h"
#include "core/progress/progress_types.h"
#include "drawn_text.h"

namespace respite::testing {

namespace fs = std::filesystem;

// A fresh folder, removed at scope exit.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("respite-" + name + "-" + core::make_uuid_v4().substr(0, 8))) {
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

// `respite ARGS...` in this process; fails the test unless it exits 0.
inline std::string respite_cli(const std::vector<std::string>& args, int expect = 0) {
  std::ostringstream out, err;
  const int code = cli::run(args, cli::AppEntryPoints{}, out, err);
  std::string line;
  for (const auto& a : args) line += a + " ";
  INFO("respite " << line << "\n" << out.str() << err.str());
  REQUIRE(code == expect);
  return out.str() + err.str();
}

inline core::UtcInstant instant(const std::string& iso) {
  std::string error;
  const auto parsed = core::parse_iso8601_with_offset(iso, error);
  INFO(error);
  REQUIRE(parsed);
  return parsed->instant;
}

// What an AppRig starts with, beyond the data folder and the time.
struct AppRigOptions {
  int offset_minutes = 0;                  // the device's zone
  const core::Catalog* catalog = nullptr;  // default: the bundled pack (or, with_packs, the folder's)
  app::Settings settings = quiet_settings();
  // As app.cpp: DATA_DIR/settings.json over `settings` (a damaged file adds its notice).
  bool read_device_settings = false;
  app::SettingsOverrides overrides;  // the command line's --theme / --locale / --text-scale
  // A PackFlow over the packs the app would load from the data folder and `explicit_packs`.
  bool with_packs = false;
  std::vector<std::string> explicit_packs;
  bool watch = false;

  static app::Settings quiet_settings() {
    app::Settings settings;
    settings.reduced_motion = true;  // no fades: every frame shows the final screen
    return settings;
  }
};

class AppRig {
 public:
  // `now` is the wall clock at start, with `offset_minutes` as the device's zone.
  AppRig(const fs::path& data_dir, const std::string& now_iso, int offset_minutes = 0,
         const core::Catalog* catalog = nullptr)
      : AppRig(data_dir, now_iso, with_zone(offset_minutes, catalog)) {}
  AppRig(const fs::path& data_dir, const std::string& now_iso, AppRigOptions options)
      : clock_(instant(now_iso), core::ZoneInfo{options.offset_minutes, ""}), mirror_(clock_) {
    core::Diagnostics pack_diagnostics;
    if (options.with_packs) {
      std::ostringstream notices;
      core::CatalogLoadResult loaded =
          app::load_catalog_reporting(options.explicit_packs, data_dir.string(), notices);
      catalog_ = std::move(loaded.catalog);
      pack_diagnostics = std::move(loaded.diagnostics);
    } else {
      catalog_ = options.catalog != nullptr ? *options.catalog : bundled_catalog();
    }
    startup_.settings = options.settings;
    if (options.read_device_settings)
      startup_ = app::read_settings_file(app::device_settings_path(data_dir.string()), options.settings);
    model_ = std::make_unique<app::AppModel>(catalog_, clock_, app::AppModel::Services{}, startup_.settings);
    model_->set_overrides(options.overrides);
    storage_ = std::make_unique<app::Storage>(data_dir, mirror_);
    flow_ = std::make_unique<app::ProfileFlow>(*model_, *storage_, clock_, catalog_);
    model_->attach_profiles(flow_.get());
    if (startup_.damaged()) flow_->add_start_notice("notice.settings_damaged");
    if (options.with_packs) {
      app::PackFlow::Config config;
      config.data_dir = data_dir.string();
      config.explicit_packs = options.explicit_packs;
      config.watch = options.watch;
      packs_ = std::make_unique<app::PackFlow>(*model_, catalog_, clock_, config, storage_.get());
      packs_->set_start_diagnostics(pack_diagnostics);
      model_->attach_packs(packs_.get());
    }
    std::string error;
    ui_ = app::UiRuntime::create(font_dir(), 1.0f, model_->settings().effective_theme(), error);
    INFO(error);
    REQUIRE(ui_);
    flow_->start();
    settle();
  }
  virtual ~AppRig() {
    // A session still running ends and is recorded, as when the app closes.
    model_->on_quit();
    settle();
    model_->attach_packs(nullptr);
    model_->attach_profiles(nullptr);
    packs_.reset();
    flow_.reset();
    storage_.reset();
  }
  AppRig(const AppRig&) = delete;
  AppRig& operator=(const AppRig&) = delete;

  app::AppModel& model() { return *model_; }
  app::ProfileFlow& flow() { return *flow_; }
  app::Storage& storage() { return *storage_; }
  app::PackFlow& packs() { return *packs_; }  // with_packs only
  app::UiRuntime& runtime() { return *ui_; }
  const core::Catalog& catalog() const { return catalog_; }
  null_backend::ManualClock& clock() { return clock_; }
  const app::Settings& settings() const { return model_->settings(); }
  const app::SettingsRead& startup() const { return startup_; }  // the device settings read at start

  // Waits for every storage and pack job and lets the model take the results, until nothing is
  // pending.
  void settle() {
    for (int i = 0; i < 1000; ++i) {
      mirror_.sync(clock_);
      storage_->wait_idle();
      if (packs_) packs_->wait_idle();
      model_->update();
      if (!flow_->busy() && !(packs_ && packs_->busy())) break;
    }
    model_->update();
  }
  void act(const ui::UiAction& action) {
    model_->note_input();
    model_->apply(action);
    settle();
  }
  void act(ui::ActionKind kind, int value = 0, const std::string& text = {}, bool flag = false) {
    ui::UiAction action;
    action.kind = kind;
    action.value = value;
    action.text = text;
    action.flag = flag;
    act(action);
  }
  void type_pin(const std::string& digits) {
    for (char c : digits) act(ui::ActionKind::PinDigit, c - '0');
    act(ui::ActionKind::PinSubmit);
  }
  // Opens a route by name ("packs", "play/PACK/ITEM") as a link would.
  void open(const std::string& route) {
    const app::RouteParse parsed = app::parse_route(route);
    REQUIRE(parsed.error == app::RouteError::None);
    const app::OpenResult opened = model_->open(parsed.route);
    INFO(opened.error);
    REQUIRE(opened.ok);
    settle();
  }
  // Time passes with nobody touching the screen.
  void wait(double seconds) {
    clock_.advance(core::MonoTime(static_cast<core::MonoTime::rep>(seconds * 1e9)));
    settle();
  }
  // Finds a profile's id by alias in what the picker shows.
  std::string profile_id(const std::string& alias) const {
    for (const ui::ProfileTileView& tile : flow_->profiles_view().profiles) {
      if (tile.alias == alias) return tile.id;
    }
    FAIL("no profile " << alias << " on the picker");
    return {};
  }
  void pick(const std::string& alias) { act(ui::ActionKind::PickProfile, 0, profile_id(alias)); }
  // Lays out one frame of the current screen at `width` x `height` dp and returns what it drew.
  // Actions the frame produced are not applied (tests act explicitly).
  DrawnText frame(float width = 390.0f, float height = 844.0f, const std::string& locale = {}) {
    ImGui::SetCurrentContext(ui_->context());
    if (!locale.empty()) {
      ui::UiAction set;
      set.kind = ui::ActionKind::SetLocale;
      set.text = locale;
      model_->apply(set);
    }
    std::string error;
    REQUIRE(ui_->apply_settings(model_->settings(), error));  // a new text size needs new fonts
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    model_->finish_transition();
    ImGui::NewFrame();
    last_actions_ = ui_->draw(*model_);
    ImGui::Render();
    if (!glyphs_ || glyphs_->atlas() != io.Fonts) glyphs_ = std::make_unique<GlyphIndex>(io.Fonts);
    return read_drawn_text(ImGui::GetDrawData(), *glyphs_);
  }
  const ui::UiActions& last_actions() const { return last_actions_; }

 private:
  static AppRigOptions with_zone(int offset_minutes, const core::Catalog* catalog) {
    AppRigOptions options;
    options.offset_minutes = offset_minutes;
    options.catalog = catalog;
    return options;
  }

  null_backend::ManualClock clock_;
  app::ClockMirror mirror_;
  core::Catalog catalog_;
  app::SettingsRead startup_;
  std::unique_ptr<app::AppModel> model_;
  std::unique_ptr<app::Storage> storage_;
  std::unique_ptr<app::ProfileFlow> flow_;
  std::unique_ptr<app::PackFlow> packs_;
  std::unique_ptr<app::UiRuntime> ui_;
  ui::UiActions last_actions_;
  std::unique_ptr<GlyphIndex> glyphs_;
};

}  // namespace respite::testing
