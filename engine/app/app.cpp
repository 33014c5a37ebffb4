// The composition root: builds every service the app uses, wires them together and runs the main
// loop. This is the only place that knows which concrete clock, audio, haptics and window exist.
#include "app/app.h"

#include <cstdlib>
#include <ostream>

#include "app/app_model.h"
#include "app/catalog_source.h"
#include "app/main_loop.h"
#include "app/options.h"
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
  const core::CatalogLoadResult loaded = load_catalog_reporting(options->packs, data_dir, err);
  const std::optional<std::string> font_dir = find_font_dir(error);
  if (!font_dir) {
    err << "respite: " << error << "\n";
    return cli::kInvalid;
  }

  sdl::configure_touch_hints();
  sdl::WindowConfig window;
  window.width = options->width;
  window.height = options->height;
  window.scale = options->scale;
  std::unique_ptr<sdl::Video> video = sdl::Video::create(window, error);
  if (!video) {
    err << "respite: " << error << "\n";
    return cli::kInvalid;
  }

  core::SystemClock clock;
  sdl::SdlAudio audio(sdl::SdlAudio::default_sounds_dir());
  sdl::SdlHaptics haptic_device(clock);
  TimedHaptics haptics(haptic_device, clock);
  Settings settings;
  // The platform's look and language where SDL 2.26 cannot ask (docs/design.md, "Themes").
  settings.system_theme = ui::system_theme_from_environment();
  settings.follow_system_theme = !options->theme;
  if (options->theme) settings.theme = *options->theme;
  settings.locale = !options->locale.empty() ? options->locale : system_locale();
  if (options->text_scale) settings.text_scale = *options->text_scale;
  if (options->safe_area) {
    settings.safe_area = *options->safe_area;
  } else if (const char* env = std::getenv("RESPITE_SAFE_AREA"); env != nullptr && *env != '\0') {
    if (const auto insets = ui::insets_from_string(env)) settings.safe_area = *insets;
  }
  core::CueDispatcher cues(audio, haptics, settings.sound);
  AppModel model(loaded.catalog, clock, AppModel::Services{&cues, &audio, support_provider(data_dir)},
                 settings);
  model.set_audio_available(audio.available());
  model.set_session_finished_handler(on_session_finished);
  // Profiles, progress and unit mode (docs/app.md): storage threads read the SystemClock directly.
  std::unique_ptr<Storage> storage;
  std::unique_ptr<ProfileFlow> flow;
  if (!data_dir.empty()) {
    storage = std::make_unique<Storage>(data_dir, clock, hooks.data_committed);
    flow = std::make_unique<ProfileFlow>(model, *storage, clock, loaded.catalog);
    if (hooks.data_exported) flow->set_export_handler(hooks.data_exported);
    model.attach_profiles(flow.get());
    model.set_feeling_handler(
        [&flow](const SessionOutcome& outcome, int feeling) { flow->record_feeling(outcome, feeling); });
    flow->start();
  } else {
    err << "respite: notice: there is no folder for your data (SDL_GetPrefPath failed); nothing will be "
           "saved\n";
  }

  std::unique_ptr<UiRuntime> ui =
      UiRuntime::create(*font_dir, video->ui_scale(), settings.effective_theme(), error);
  if (!ui) {
    err << "respite: " << error << "\n";
    return cli::kInvalid;
  }
  WindowHost host(*video);
  sdl::SdlEventSource events;
  MainLoop loop(model, *ui, host, events, clock);
  loop.set_service_tick([&haptics] { return haptics.tick(); });
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
  const core::CatalogLoadResult loaded = load_catalog_reporting(options->packs, err);
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
