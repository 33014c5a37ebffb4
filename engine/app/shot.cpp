#include "app/shot.h"

#include <cmath>

#include "app/app_model.h"
#include "app/clock_mirror.h"
#include "app/headless_host.h"
#include "app/main_loop.h"
#include "app/pack_flow.h"
#include "app/profile_flow.h"
#include "app/route.h"
#include "app/storage.h"
#include "app/ui_runtime.h"
#include "backends/null/manual_clock.h"
#include "backends/null/silent_audio.h"
#include "backends/sdl/sdl_paths.h"
#include "core/cue_dispatcher.h"
#include "core/support_resources.h"
#include "ui/fonts.h"

namespace respite::app {
namespace {

// A screenshot has no input: the event source is always empty.
class NoEvents final : public sdl::EventSource {
 public:
  bool wait(SDL_Event&, int) override { return false; }
  bool poll(SDL_Event&) override { return false; }
};

ShotResult failure(int exit_code, std::string error) {
  ShotResult result;
  result.exit_code = exit_code;
  result.error = std::move(error);
  return result;
}

}  // namespace

std::optional<std::string> find_font_dir(std::string& error) {
  return sdl::find_asset_subdir("fonts", ui::kRegularFontFile, error);
}

ShotResult render_shot(const ShotRequest& request, const core::Catalog& loaded_catalog) {
  const RouteParse parsed = parse_route(request.route);
  if (parsed.error == RouteError::Malformed) return failure(2, parsed.message);
  if (parsed.error == RouteError::Unknown) return failure(1, parsed.message);
  if (request.at && parsed.route.screen != Screen::Player) {
    return failure(2, "--at applies only to play/PACK_ID/ITEM_ID routes");
  }

  null_backend::ManualClock clock;
  if (request.now)
    clock = null_backend::ManualClock(*request.now, core::ZoneInfo{request.utc_offset_minutes, ""});
  null_backend::SilentAudio audio;
  null_backend::NoHaptics haptics;
  Settings settings;
  settings.theme = request.theme;
  settings.locale = request.locale;
  settings.reduced_motion = request.reduced_motion;
  settings.text_scale = request.text_scale;
  settings.safe_area = request.safe_area;
  core::CueDispatcher cues(audio, haptics, settings.sound);
  cues.set_log_sink(nullptr);
  // Support lines from the bundled file only: a screenshot never reads a unit's data.
  AppModel::Services services{&cues, &audio, nullptr};
  services.support = [](const std::string& locale, const std::string& region) {
    return core::load_support_resources(core::default_support_resources_path(), "", locale, region).data;
  };
  // The Packs screen may put a catalog in again when it reads the packs: a copy of the caller's.
  core::Catalog catalog = loaded_catalog;
  AppModel model(catalog, clock, services, settings);
  // The screenshot's look and language win over a profile's saved settings.
  model.set_overrides(SettingsOverrides{request.theme, request.locale, request.text_scale});

  // The data folder, when given: the profiles and progress the screen shows, read as the app
  // reads them (storage threads on a mirror of the manual clock), waited for before drawing.
  ClockMirror storage_clock(clock);
  std::unique_ptr<Storage> storage;
  std::unique_ptr<ProfileFlow> flow;
  const auto settle_storage = [&] {
    for (int i = 0; i < 200 && flow && flow->busy(); ++i) {
      storage->wait_idle();
      model.update();
    }
  };
  if (!request.data_dir.empty()) {
    storage = std::make_unique<Storage>(request.data_dir, storage_clock);
    flow = std::make_unique<ProfileFlow>(model, *storage, clock, catalog);
    model.attach_profiles(flow.get());
    flow->set_recording(false);
    flow->start();
    settle_storage();
    if (!request.profile.empty() && !flow->sign_in_for_tooling(request.profile))
      return failure(1, "no profile named '" + request.profile + "' in " + request.data_dir);
    settle_storage();
  }
  // The Packs screen lists the packs as the app does (read off the render thread, waited for here);
  // a screenshot never installs or removes one.
  PackFlow::Config pack_config;
  pack_config.data_dir = request.data_dir;
  pack_config.explicit_packs = request.explicit_packs;
  PackFlow packs(model, catalog, clock, pack_config, storage.get());
  model.attach_packs(&packs);
  const auto settle = [&] {
    settle_storage();
    packs.wait_idle();
    model.update();
  };
  const OpenResult opened = model.open(parsed.route);
  if (!opened.ok) return failure(opened.exit_code, opened.error);
  settle();
  if (request.at) {
    clock.advance(core::MonoTime(static_cast<core::MonoTime::rep>(std::llround(*request.at * 1e9))));
  }
  model.update();
  for (const ui::UiAction& action : request.actions) {
    model.apply(action);
    settle();
  }
  if (request.interrupted) {
    model.on_background();
    model.on_foreground();
  }
  model.finish_transition();

  std::string error;
  auto ui = UiRuntime::create(request.font_dir, request.scale, request.theme, error);
  if (!ui) return failure(1, error);
  const int width = static_cast<int>(std::lround(static_cast<double>(request.width) * request.scale));
  const int height = static_cast<int>(std::lround(static_cast<double>(request.height) * request.scale));
  auto host = HeadlessHost::create(width, height, request.scale, error);
  if (!host) return failure(1, error);
  NoEvents events;
  MainLoop loop(model, *ui, *host, events, clock);
  const int frames = std::max(1, request.settle_frames);
  for (int i = 0; i < frames; ++i) {
    // Only the captured frame is audited; earlier ones may still be settling.
    if (request.audit != nullptr && i == frames - 1) {
      request.audit->entries.clear();
      ui->set_layout_audit(request.audit);
    }
    loop.render_frame(1.0f / 60.0f);
  }
  ui->set_layout_audit(nullptr);

  ShotResult result;
  result.image.width = width;
  result.image.height = height;
  result.image.pixels = host->read_rgba();
  if (result.image.pixels.empty())
    return failure(1, std::string("cannot read the rendered pixels: ") + SDL_GetError());
  return result;
}

}  // namespace respite::app
