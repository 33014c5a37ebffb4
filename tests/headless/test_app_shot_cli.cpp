// `respite shot` and the app's options: every bad argument is refused with a message naming it and
// the documented exit code (2 usage, 1 unknown route or item), and a good one writes a PNG of
// size x scale pixels. Also the pure pieces behind them: route names, option values.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sstream>

#include "app/app.h"
#include "app/options.h"
#include "app/png_image.h"
#include "app/route.h"
#include "app_test_support.h"
#include "backends/sdl/sdl_paths.h"
#include "backends/sdl/sdl_video.h"
#include "profile_test_support.h"

using namespace respite;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run shot(std::vector<std::string> args) {
  args.insert(args.end(), {"--pack", testing::kBundledPack});
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.code = app::run_shot(args, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string output(const std::string& name) {
  const std::string dir = sdl::executable_dir() + "golden-review/";
  ::mkdir(dir.c_str(), 0755);
  return dir + name;
}

}  // namespace

TEST_CASE("shot refuses bad arguments with exit 2 and names the problem", "[headless][app][shot]") {
  const std::string out = output("refused.png");
  struct Case {
    std::vector<std::string> args;
    const char* mentions;
  };
  const Case cases[] = {
      {{"--route", "home", "--size", "390", "-o", out}, "--size '390'"},
      {{"--route", "home", "--size", "390x", "-o", out}, "--size"},
      {{"--route", "home", "--size", "-390x844", "-o", out}, "--size"},
      {{"--route", "home", "--size", "100x844", "-o", out}, "between 200 and 4096"},
      {{"--route", "home", "--size", "390x99999", "-o", out}, "--size"},
      {{"--route", "home", "--scale", "0", "-o", out}, "--scale '0'"},
      {{"--route", "home", "--scale", "abc", "-o", out}, "--scale 'abc'"},
      {{"--route", "home", "--scale", "nan", "-o", out}, "--scale 'nan'"},
      {{"--route", "home", "--scale", "1e1", "-o", out}, "--scale '1e1'"},
      {{"--route", "home", "--size", "4096x4096", "--scale", "4", "-o", out}, "8192"},
      {{"--route", "home", "--at", "3", "-o", out}, "--at"},
      {{"--route", "play/clinician-essentials/two-minute-reset", "--at", "-1", "-o", out}, "--at '-1'"},
      {{"--route", "play/clinician-essentials/two-minute-reset", "--at", "soon", "-o", out}, "--at 'soon'"},
      {{"--route", "home", "--theme", "sepia", "-o", out}, "--theme 'sepia'"},
      {{"--route", "home", "--locale", "EN!", "-o", out}, "--locale 'EN!'"},
      {{"--route", "home", "-o", output("no-extension")}, ".png"},
      {{"--route", "home"}, "-o OUT.png is required"},
      {{"-o", out}, "--route is required"},
      {{"--route", "home", "--frobnicate", "-o", out}, "unknown option '--frobnicate'"},
      {{"--route", "home", "stray", "-o", out}, "unexpected argument 'stray'"},
      {{"--route", "play/clinician-essentials", "-o", out}, "play/PACK_ID/ITEM_ID"},
      {{"--route", "play/a/b/c", "-o", out}, "malformed"},
  };
  for (const Case& c : cases) {
    const Run run = shot(c.args);
    INFO(run.err);
    CHECK(run.code == 2);
    CHECK(run.err.find(c.mentions) != std::string::npos);
  }
}

TEST_CASE("shot refuses unknown routes and items with exit 1", "[headless][app][shot]") {
  const std::string out = output("refused.png");
  for (const char* route : {"nowhere", "modules", "playlist"}) {
    const Run run = shot({"--route", route, "-o", out});
    INFO(run.err);
    CHECK(run.code == 1);
    CHECK(run.err.find("unknown route '" + std::string(route) + "'") != std::string::npos);
  }
  const Run item = shot({"--route", "play/clinician-essentials/no-such-item", "-o", out});
  CHECK(item.code == 1);
  CHECK(item.err.find("unknown item 'clinician-essentials/no-such-item'") != std::string::npos);
  const Run pack = shot({"--route", "play/no-such-pack/two-minute-reset", "-o", out});
  CHECK(pack.code == 1);
  // Modules and programs: unknown items, pages that do not exist, and kinds on the wrong route.
  const Run module = shot({"--route", "module/clinician-essentials/x/1", "-o", out});
  CHECK(module.code == 1);
  CHECK(module.err.find("unknown item 'clinician-essentials/x'") != std::string::npos);
  const Run page = shot({"--route", "module/clinician-essentials/understanding-burnout/99", "-o", out});
  CHECK(page.code == 1);
  CHECK(page.err.find("page 99 does not exist") != std::string::npos);
  const Run wrong = shot({"--route", "play/clinician-essentials/understanding-burnout", "-o", out});
  CHECK(wrong.code == 1);
  CHECK(wrong.err.find("module/PACK_ID/ITEM_ID/PAGE") != std::string::npos);
  const Run program = shot({"--route", "module/clinician-essentials/seven-day-reset/1", "-o", out});
  CHECK(program.code == 1);
  CHECK(shot({"--route", "module/clinician-essentials/understanding-burnout/0", "-o", out}).code == 2);
  CHECK(shot({"--route", "program/clinician-essentials", "-o", out}).code == 2);
  const app::RouteParse reading = app::parse_route("module/clinician-essentials/understanding-burnout/2");
  REQUIRE(reading.error == app::RouteError::None);
  CHECK(reading.route.screen == app::Screen::Module);
  CHECK(reading.route.page == 1);
  CHECK(reading.route.to_string() == "module/clinician-essentials/understanding-burnout/2");
  CHECK(app::parse_route("about").route.screen == app::Screen::About);
  CHECK(app::parse_route("program/clinician-essentials/seven-day-reset").route.screen ==
        app::Screen::Program);
  CHECK(pack.err.find("no pack 'no-such-pack'") != std::string::npos);
}

TEST_CASE("shot writes a PNG of size times scale pixels", "[headless][app][shot]") {
  struct Case {
    std::vector<std::string> args;
    int width;
    int height;
  };
  const Case cases[] = {
      {{"--route", "home"}, 390, 844},
      {{"--route", "settings", "--size", "1280x800"}, 1280, 800},
      {{"--route", "library", "--size", "390x844", "--scale", "1.5", "--theme", "dark"}, 585, 1266},
      {{"--route", "support", "--locale", "es"}, 390, 844},
      {{"--route", "play/clinician-essentials/box-breathing", "--at", "0"}, 390, 844},
      // Past the end of the session: the completion screen.
      {{"--route", "play/clinician-essentials/two-minute-reset", "--at", "500"}, 390, 844},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    const std::string path = output("written.png");
    std::remove(path.c_str());
    args.insert(args.end(), {"-o", path});
    const Run run = shot(args);
    INFO(run.err);
    REQUIRE(run.code == 0);
    app::RgbaImage image;
    std::string error;
    REQUIRE(app::read_png(path, image, error));
    CHECK(image.width == c.width);
    CHECK(image.height == c.height);
  }
}

TEST_CASE("route names parse as DESIGN §6 names them", "[headless][app][route]") {
  CHECK(app::parse_route("home").route.screen == app::Screen::Home);
  CHECK(app::parse_route("library").route.screen == app::Screen::Library);
  CHECK(app::parse_route("settings").route.screen == app::Screen::Settings);
  CHECK(app::parse_route("support").route.screen == app::Screen::Support);
  const app::RouteParse play = app::parse_route("play/clinician-essentials/two-minute-reset");
  REQUIRE(play.error == app::RouteError::None);
  CHECK(play.route.screen == app::Screen::Player);
  CHECK(play.route.item.pack_id == "clinician-essentials");
  CHECK(play.route.item.item_id == "two-minute-reset");
  CHECK(play.route.to_string() == "play/clinician-essentials/two-minute-reset");
  CHECK(app::parse_route("play").error == app::RouteError::Malformed);
  CHECK(app::parse_route("play/").error == app::RouteError::Malformed);
  CHECK(app::parse_route("play//x").error == app::RouteError::Malformed);
  CHECK(app::parse_route("").error == app::RouteError::Malformed);
  CHECK(app::parse_route("progres").error == app::RouteError::Unknown);
  CHECK(app::parse_route("Home").error == app::RouteError::Unknown);
}

TEST_CASE("app options are checked like shot options", "[headless][app][options]") {
  std::string error;
  auto options =
      app::parse_app_options({"--size", "1280x800", "--scale", "1.25", "--pack", "a", "--pack", "b"}, error);
  REQUIRE(options);
  CHECK(options->width == 1280);
  CHECK(options->height == 800);
  REQUIRE(options->scale);
  CHECK(*options->scale == Approx(1.25f));
  CHECK(options->packs == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(app::parse_app_options({"--scale", "9"}, error));
  CHECK(error.find("--scale '9'") != std::string::npos);
  CHECK_FALSE(app::parse_app_options({"--exit-after-frames", "0"}, error));
  CHECK_FALSE(app::parse_app_options({"--size", "10x10"}, error));
  CHECK_FALSE(app::parse_app_options({"--data-dir"}, error));
  CHECK(error.find("--data-dir") != std::string::npos);

  std::ostringstream out;
  std::ostringstream err;
  CHECK(app::run_app({"--size", "nope"}, out, err) == 2);
  CHECK(err.str().find("--size 'nope'") != std::string::npos);

  CHECK(app::valid_locale("en"));
  CHECK(app::valid_locale("es-MX"));
  CHECK(app::valid_locale("pt_BR"));
  CHECK_FALSE(app::valid_locale("e"));
  CHECK_FALSE(app::valid_locale("english"));
  CHECK_FALSE(app::valid_locale("es-"));
  CHECK_FALSE(app::valid_locale("../etc"));
}

TEST_CASE("the app opens a window on the dummy driver and quits after N frames", "[headless][app]") {
  // The benchmark's time-to-first-frame hook: `respite --exit-after-frames 1`.
  // Its own data folder: never the account's real one, never another test's.
  testing::ScratchDir data("window");
  std::ostringstream out;
  std::ostringstream err;
  const int code = app::run_app(
      {"--exit-after-frames", "2", "--pack", testing::kBundledPack, "--data-dir", data.str()}, out, err);
  INFO(err.str());
  REQUIRE(code == 0);
  CHECK(out.str() == "frames 2\n");
}

TEST_CASE("a screenshot does not depend on what ran before it in the same process", "[headless][app][shot]") {
  // SDL hints are process-wide. Opening a window sets the render scale quality to linear; the
  // headless renderer used to make its font texture with whatever hint was left, so the same shot
  // came out different after a window had been opened (golden tests failed only when the whole
  // binary ran in one process).
  const core::Catalog catalog = testing::bundled_catalog();
  app::ShotRequest request;
  request.route = "home";
  request.scale = 2.0f;
  request.font_dir = testing::font_dir();
  const app::ShotResult before = app::render_shot(request, catalog);
  REQUIRE(before.exit_code == 0);
  {
    std::string error;
    std::unique_ptr<sdl::Video> video = sdl::Video::create(sdl::WindowConfig{}, error);
    INFO(error);
    REQUIRE(video);
  }
  // The window leaves no hint behind...
  CHECK(SDL_GetHint(SDL_HINT_RENDER_SCALE_QUALITY) == nullptr);
  // ...and a shot is the same whatever hint someone else left.
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
  const app::ShotResult after = app::render_shot(request, catalog);
  SDL_ResetHint(SDL_HINT_RENDER_SCALE_QUALITY);
  REQUIRE(after.exit_code == 0);
  CHECK(after.image.pixels == before.image.pixels);
}
