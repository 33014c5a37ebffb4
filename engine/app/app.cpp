// The composition root: builds every service the app uses, wires them together and runs the main
// loop. This is the only place that knows which concrete clock, audio, haptics and window exist.
#include "app/app.h"

#include <ostream>

#include "app/app_model.h"
#include "app/catalog_source.h"
#include "app/main_loop.h"
#include "app/options.h"
#include "app/shot.h"
#include "app/timed_haptics.h"
#include "app/ui_runtime.h"
#include "app/window_host.h"
#include "backends/sdl/sdl_audio.h"
#include "backends/sdl/sdl_haptics.h"
#include "backends/sdl/sdl_input.h"
#include "backends/sdl/sdl_video.h"
#include "cli/cli.h"
#include "core/cue_dispatcher.h"

namespace respite::app {
namespace {

// Every session that ends, however it ends, comes through here once.
//
// INTEGRATION POINT (progress store): record `outcome` as a completion event here: complete or
// partial from outcome.complete, active seconds from outcome.active, UTC instant and offset from
// outcome.ended_at / outcome.zone, practice day computed by the store (DESIGN §4). The write must
// not run on the render thread (research G10). Until the store exists nothing is persisted; the
// completion screen still shows the outcome.
void on_session_finished(const SessionOutcome& outcome) {
  (void)outcome;
}

}  // namespace

int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string error;
  const std::optional<AppOptions> options = parse_app_options(args, error);
  if (!options) {
    err << "respite: " << error << "\n";
    return cli::kUsage;
  }
  const core::CatalogLoadResult loaded = load_catalog_reporting(options->packs, err);
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
  core::CueDispatcher cues(audio, haptics, settings.sound);
  AppModel model(loaded.catalog, clock, AppModel::Services{&cues, &audio}, settings);
  model.set_audio_available(audio.available());
  model.set_session_finished_handler(on_session_finished);

  std::unique_ptr<UiRuntime> ui = UiRuntime::create(*font_dir, video->ui_scale(), settings.theme, error);
  if (!ui) {
    err << "respite: " << error << "\n";
    return cli::kInvalid;
  }
  WindowHost host(*video);
  sdl::SdlEventSource events;
  MainLoop loop(model, *ui, host, events, clock);
  loop.set_service_tick([&haptics] { return haptics.tick(); });
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
