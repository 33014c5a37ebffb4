// The composition root: builds every service the app uses, wires them together and runs the main
// loop. This is the only place that knows which concrete clock, audio, haptics and window exist.
#include "app/app.h"

#include <cstdlib>
#include <filesystem>
#include <future>
#include <ostream>
#include <sstream>
#include <system_error>

#include "app/app_model.h"
#include "app/background_task.h"
#include "app/catalog_source.h"
#include "app/main_loop.h"
#include "app/options.h"
#include "app/pack_flow.h"
#include "app/profile_flow.h"
#include "app/shot.h"
#include "app/storage.h"
#include "app/timed_haptics.h"
#include "app/ui_runtime.h"
#include "app/window_host.h"
#include "backends/sdl/sdl_audio.h"
#include "backends/sdl/sdl_haptics.h"
#include "backends/sdl/sdl_input.h"
#include "backends/sdl/sdl_paths.h"
#include "backends/sdl/sdl_video.h"
#include "cli/cli.h"
#include "core/cue_dispatcher.h"
#include "core/support_resources.h"
#include "ui/fonts.h"

namespace respite::app {
namespace {

// Every session that ends, however it ends, comes through here once, after it was handed to the
// progress store: AppModel::end_session passes it to the ProfileFlow first, which records it for
// the signed-in profile through its AsyncProgressWriter (complete or partial from the runner's
// active time, practice day from the device's zone at write time, a new event UUID; never on the
// render thread; nothing for a guest). Storage calls AppHooks::data_committed after each commit.
// Nothing else needs to happen here today; the hook stays for platform shells.
void on_session_finished(const SessionOutcome& outcome) {
  (void)outcome;
}

// The language of the session ($LC_ALL, $LC_MESSAGES, $LANG, as POSIX orders them): "es_ES.UTF-8"
// -> "es-ES". English when unset or "C"/"POSIX".
std::string system_locale() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string locale(value);
    locale = locale.substr(0, locale.find_first_of(".@"));
    if (locale == "C" || locale == "POSIX" || locale.size() < 2) return "en";
    for (char& c : locale)
      if (c == '_') c = '-';
    return locale;
  }
  return "en";
}

// Support lines for the support screen, read from the bundled file (and the unit's file in the
// data folder when there is one).
AppModel::Services::SupportProvider support_provider(const std::string& data_dir) {
  return [data_dir](const std::string& locale, const std::string& region) {
    const std::string unit = data_dir.empty() ? std::string() : core::unit_resources_path(data_dir);
    return core::load_support_resources(core::default_support_resources_path(), unit, locale, region).data;
  };
}

}  // namespace

int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return run_app(args, out, err, AppHooks{});
}

int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const AppHooks& hooks) {
  std::string error;
  const std::optional<AppOptions> options = parse_app_options(args, error);
  if (!options) {
    err << "respite: " << error << "\n";
    return cli::kUsage;
  }
  // Everything kept on disk lives in one folder: --data-dir, else SDL's per-user pref path.
  const std::string data_dir = !options->data_dir.empty() ? options->data_dir : sdl::user_data_dir();
  // The packs load and validate on a second thread while SDL opens the window (which needs neither;
  // with a real display server that is tens of ms); the model below waits for them, and loads them
  // itself if that thread has not started yet (app/background_task.h). Their messages are printed
  // when they are in, in the same order as before. The device's store opens on its own worker at
  // the same time (SQLite, the profiles list, the unit settings); the profile flow takes the
  // answer when it is in.
  core::SystemClock clock;
  std::unique_ptr<Storage> storage;
  if (!data_dir.empty()) storage = std::make_unique<Storage>(data_dir, clock, hooks.data_committed);
  std::ostringstream pack_messages;
  BackgroundTask<core::CatalogLoadResult> loading([&options, &data_dir, &pack_messages] {
    return load_catalog_reporting(options->packs, data_dir, pack_messages);
  });
  std::future<DeviceState> device_loading;
  if (storage) device_loading = storage->load();
  // A start that fails before the packs are needed still prints their messages first, as before.
  const auto fail_early = [&loading, &pack_messages, &err](const std::string& why) {
    loading.wait();
    err << pack_messages.str() << "respite: " << why << "\n";
    return cli::kInvalid;
  };
  const std::optional<std::string> font_dir = find_font_dir(error);
  if (!font_dir) return fail_early(error);

  sdl::configure_touch_hints();
  sdl::WindowConfig window;
  window.width = options->width;
  window.height = options->height;
  window.scale = options->scale;
  window.kiosk = options->kiosk;
  std::unique_ptr<sdl::Video> video = sdl::Video::create(window, error);
  if (!video) return fail_early(error);

  // Audio opens after the first frame is on screen (below), not before it: see sdl_audio.h.
  sdl::SdlAudioOptions audio_options;
  audio_options.open_on_demand = true;
  sdl::SdlAudio audio(sdl::SdlAudio::default_sounds_dir(), audio_options);
  sdl::SdlHaptics haptic_device(clock, sdl::SdlHaptics::OpenWhen::OnDemand);
  TimedHaptics haptics(haptic_device, clock);
  Settings settings;
  // The platform's look and language where SDL 2.26 cannot ask (docs/design.md, "Themes").
  settings.system_theme = ui::system_theme_from_environment();
  settings.follow_system_theme = true;
  settings.locale = system_locale();
  // The device's saved settings over those defaults (app/settings_store.h): a few hundred bytes read
  // here so the first frame already has the right language, theme and text size. The flags win for
  // this run only and are never saved.
  const SettingsRead saved = data_dir.empty() ? SettingsRead{settings, false, {}, false}
                                              : read_settings_file(device_settings_path(data_dir), settings);
  settings = saved.settings;
  SettingsOverrides overrides;
  overrides.theme = options->theme;
  if (!options->locale.empty()) overrides.locale = options->locale;
  overrides.text_scale = options->text_scale;
  if (options->safe_area) {
    settings.safe_area = *options->safe_area;
  } else if (const char* env = std::getenv("RESPITE_SAFE_AREA"); env != nullptr && *env != '\0') {
    if (const auto insets = ui::insets_from_string(env)) settings.safe_area = *insets;
  }
  core::CueDispatcher cues(audio, haptics, settings.sound);

  // Built font atlases are kept with the data (ui/fonts.h): the next launch reads one back instead
  // of rasterizing every type style, most of the time to the first frame. The fonts and ImGui are
  // set up while the packs are still loading; a profile's own theme, if any, restyles it later.
  if (!data_dir.empty()) {
    std::error_code ec;
    const std::filesystem::path cache = std::filesystem::path(data_dir) / "cache";
    std::filesystem::create_directories(cache, ec);
    if (!ec) ui::set_font_atlas_cache_dir(cache.string());
  }
  std::unique_ptr<UiRuntime> ui = UiRuntime::create(
      *font_dir, video->ui_scale(), with_overrides(settings, overrides).effective_theme(), error);
  if (!ui) return fail_early(error);

  // Not const: the Packs screen and --watch replace the catalog in place (app/pack_flow.h).
  core::CatalogLoadResult loaded = loading.get();
  err << pack_messages.str();
  AppModel model(loaded.catalog, clock, AppModel::Services{&cues, &audio, support_provider(data_dir)},
                 settings);
  model.set_overrides(overrides);
  model.set_session_finished_handler(on_session_finished);
  // Profiles, progress and unit mode (docs/app.md): storage threads read the SystemClock directly.
  std::unique_ptr<ProfileFlow> flow;
  if (storage) {
    flow = std::make_unique<ProfileFlow>(model, *storage, clock, loaded.catalog);
    if (hooks.data_exported) flow->set_export_handler(hooks.data_exported);
    model.attach_profiles(flow.get());
    model.set_feeling_handler(
        [&flow](const SessionOutcome& outcome, int feeling) { flow->record_feeling(outcome, feeling); });
    if (saved.damaged()) {
      err << "respite: notice: " << device_settings_path(data_dir).string() << ": " << saved.problems.front()
          << "\n";
      flow->add_start_notice("notice.settings_damaged");
    }
    flow->start(std::move(device_loading));
  } else {
    err << "respite: notice: there is no folder for your data (SDL_GetPrefPath failed); nothing will be "
           "saved\n";
  }

  // Content packs: the Packs screen, and --watch reloading the pack being edited.
  PackFlow::Config pack_config;
  pack_config.data_dir = data_dir;
  pack_config.explicit_packs = options->packs;
  pack_config.watch = options->watch;
  PackFlow packs(model, loaded.catalog, clock, pack_config, storage.get());
  packs.set_start_diagnostics(loaded.diagnostics);
  model.attach_packs(&packs);

  WindowHost host(*video);
  sdl::SdlEventSource events;
  MainLoop loop(model, *ui, host, events, clock);
  // Work that the first frame does not need runs at the first step after it was presented: the
  // home screen is on screen while the audio device opens and the cues load (a few ms to tens of
  // ms with a sound server), and while SDL looks for a vibration motor (a scan of the input
  // devices). Its "no audio device" note is only shown by screens reached later.
  loop.set_service_tick([&haptic_device, &haptics, &audio, &model, &loop] {
    if (!audio.open_attempted() && loop.frames_rendered() > 0) {
      audio.open();
      model.set_audio_available(audio.available());
    }
    if (!haptic_device.open_attempted() && loop.frames_rendered() > 0) haptic_device.open();
    return haptics.tick();
  });
  if (hooks.frame_presented) {
    loop.set_frame_observer([&model, on_frame = hooks.frame_presented](std::uint64_t frames) {
      on_frame(frames, model.route().to_string());
    });
  }
  loop.run(options->exit_after_frames);
  if (options->exit_after_frames) out << "frames " << loop.frames_rendered() << "\n";
  return cli::kOk;
}

int run_shot(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string error;
  const std::optional<ShotOptions> options = parse_shot_options(args, error);
  if (!options) {
    err << "respite shot: " << error << "\n";
    return cli::kUsage;
  }
  // With a data folder, its installed packs too, as the app loads them.
  const core::CatalogLoadResult loaded = options->data_dir.empty()
                                             ? load_catalog_reporting(options->packs, err)
                                             : load_catalog_reporting(options->packs, options->data_dir, err);
  const std::optional<std::string> font_dir = find_font_dir(error);
  if (!font_dir) {
    err << "respite shot: " << error << "\n";
    return cli::kInvalid;
  }
  ShotRequest request;
  request.route = options->route;
  request.at = options->at;
  request.width = options->width;
  request.height = options->height;
  request.scale = options->scale;
  request.theme = options->theme;
  request.locale = options->locale;
  request.text_scale = options->text_scale;
  request.safe_area = options->safe_area;
  request.data_dir = options->data_dir;
  request.explicit_packs = options->packs;
  request.profile = options->profile;
  if (options->now) {
    request.now = options->now->instant;
    request.utc_offset_minutes = options->now->offset_minutes;
  }
  request.font_dir = *font_dir;
  const ShotResult shot = render_shot(request, loaded.catalog);
  if (shot.exit_code != 0) {
    err << "respite shot: " << shot.error << "\n";
    return shot.exit_code;
  }
  if (!write_png(options->output, shot.image, error)) {
    err << "respite shot: " << error << "\n";
    return cli::kInvalid;
  }
  out << options->output << " " << shot.image.width << "x" << shot.image.height << "\n";
  return cli::kOk;
}

}  // namespace respite::app
