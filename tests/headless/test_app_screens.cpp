// Golden screenshots of the real UI, rendered headless (software renderer, manual clock), compared
// with reviewed images in tests/headless/golden/. Every screen at phone size (390x844 dp) and
// tablet size (1280x800 dp), in light and dark, at 1x: the layout, colours and text are all
// visible at 1x and the images stay small. Two phone images are also kept at 3x (home in light,
// the player in dark), where glyph and pacer anti-aliasing at a real phone density matter; those
// two are the screenshots in docs/. Special states (reduced motion, interrupted, black and
// high-contrast themes, Spanish, 200 % text) are phone 1x. A small tolerance absorbs rasterizer
// rounding; anything a person could see fails. On failure the actual image and a diff are written
// next to the test program (golden-review/); RESPITE_UPDATE_GOLDENS=1 rewrites the goldens.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/app.h"
#include "app/png_image.h"
#include "app/shot.h"
#include "app_test_support.h"
#include "backends/sdl/sdl_paths.h"

using namespace respite;

namespace {

const std::string kGoldenDir = std::string(RESPITE_TEST_DATA_DIR) + "/headless/golden/";

// Tolerance: mean absolute difference under 1 level and under 0.5 % of pixels off by more than 16.
constexpr double kMaxMeanDiff = 1.0;
constexpr double kMaxFractionOver16 = 0.005;

struct Golden {
  std::string name;
  std::string route;
  double at = -1.0;  // < 0: no --at
  int width = 390;
  int height = 844;
  float scale = 1.0f;
  ui::ThemeName theme = ui::ThemeName::Light;
  bool reduced_motion = false;
  bool interrupted = false;
  std::string locale = "en";
  float text_scale = 1.0f;
  int feeling = 0;  // > 0: answer the feeling check on the completion screen
};

const char* kReset = "play/clinician-essentials/two-minute-reset";

// Every screen, as route + time.
struct Screen {
  const char* name;
  std::string route;
  double at;
  int feeling;
};
const Screen kScreens[] = {
    {"home", "home", -1, 0},
    {"library", "library", -1, 0},
    {"player", kReset, 37.5, 0},
    {"micro-break", "play/clinician-essentials/mindful-hand-hygiene", 10.0, 0},
    {"completion", kReset, 600.0, 4},
    {"module", "module/clinician-essentials/understanding-burnout/1", -1, 0},
    {"program", "program/clinician-essentials/seven-day-reset", -1, 0},
    {"settings", "settings", -1, 0},
    {"support", "support", -1, 0},
    {"about", "about", -1, 0},
};

std::vector<Golden> goldens() {
  std::vector<Golden> out;
  for (const Screen& screen : kScreens) {
    for (const bool tablet : {false, true}) {
      for (const ui::ThemeName theme : {ui::ThemeName::Light, ui::ThemeName::Dark}) {
        // Dark tablet images only where the screen's look differs by more than its colours
        // (the phone dark set already covers every screen's dark palette).
        const std::string name = screen.name;
        if (tablet && theme == ui::ThemeName::Dark && name != "home" && name != "player" &&
            name != "micro-break" && name != "completion")
          continue;
        Golden g;
        g.name = std::string(screen.name) + (tablet ? "-tablet" : "-phone") +
                 (theme == ui::ThemeName::Dark ? "-dark" : "-light");
        g.route = screen.route;
        g.at = screen.at;
        g.feeling = screen.feeling;
        g.theme = theme;
        if (tablet) {
          g.width = 1280;
          g.height = 800;
        }
        out.push_back(g);
      }
    }
  }
  const auto phone = [&](std::string name, std::string route, double at) {
    Golden g;
    g.name = std::move(name);
    g.route = std::move(route);
    g.at = at;
    out.push_back(g);
    return &out.back();
  };
  phone("home-phone-light@3x", "home", -1)->scale = 3.0f;
  {
    Golden* g = phone("player-phone-dark@3x", kReset, 37.5);
    g->scale = 3.0f;
    g->theme = ui::ThemeName::Dark;
  }
  phone("box-phone-light", "play/clinician-essentials/box-breathing", 37.5);
  phone("player-reduced-motion-phone-light", kReset, 37.5)->reduced_motion = true;
  phone("player-interrupted-phone-light", kReset, 37.5)->interrupted = true;
  phone("home-phone-black", "home", -1)->theme = ui::ThemeName::Black;
  phone("player-phone-black", kReset, 37.5)->theme = ui::ThemeName::Black;
  phone("home-phone-high-contrast", "home", -1)->theme = ui::ThemeName::HighContrast;
  phone("settings-phone-high-contrast", "settings", -1)->theme = ui::ThemeName::HighContrast;
  phone("home-phone-es", "home", -1)->locale = "es";
  phone("micro-break-phone-es", "play/clinician-essentials/mindful-hand-hygiene", 10.0)->locale = "es";
  phone("home-phone-text200", "home", -1)->text_scale = 2.0f;
  {
    Golden* g = phone("player-phone-text200-es", kReset, 37.5);
    g->text_scale = 2.0f;
    g->locale = "es";
  }
  return out;
}

app::ShotResult render(const Golden& golden, const core::Catalog& catalog) {
  app::ShotRequest request;
  request.route = golden.route;
  if (golden.at >= 0) request.at = golden.at;
  request.width = golden.width;
  request.height = golden.height;
  request.scale = golden.scale;
  request.theme = golden.theme;
  request.reduced_motion = golden.reduced_motion;
  request.interrupted = golden.interrupted;
  request.locale = golden.locale;
  request.text_scale = golden.text_scale;
  if (golden.feeling > 0) {
    ui::UiAction answer;
    answer.kind = ui::ActionKind::AnswerFeeling;
    answer.value = golden.feeling;
    request.actions.push_back(answer);
  }
  request.font_dir = testing::font_dir();
  return app::render_shot(request, catalog);
}

std::string review_dir() {
  const std::string dir = sdl::executable_dir() + "golden-review/";
  ::mkdir(dir.c_str(), 0755);
  return dir;
}

bool update_requested() {
  const char* value = std::getenv("RESPITE_UPDATE_GOLDENS");
  return value != nullptr && std::string(value) == "1";
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("screens match their reviewed golden images", "[headless][app][golden]") {
  const core::Catalog catalog = testing::bundled_catalog();
  for (const Golden& golden : goldens()) {
    DYNAMIC_SECTION(golden.name) {
      const app::ShotResult shot = render(golden, catalog);
      INFO(shot.error);
      REQUIRE(shot.exit_code == 0);
      CHECK(shot.image.width == std::lround(golden.width * static_cast<double>(golden.scale)));
      CHECK(shot.image.height == std::lround(golden.height * static_cast<double>(golden.scale)));
      const std::string golden_path = kGoldenDir + golden.name + ".png";
      std::string error;
      if (update_requested()) {
        REQUIRE(app::write_png(golden_path, shot.image, error));
        WARN("rewrote " << golden_path << ": review it before committing");
        continue;
      }
      app::RgbaImage expected;
      if (!app::read_png(golden_path, expected, error)) {
        const std::string actual_path = review_dir() + golden.name + ".actual.png";
        app::write_png(actual_path, shot.image, error);
        FAIL("no golden image " << golden_path << "; the rendering is in " << actual_path
                                << "; review it, then run with RESPITE_UPDATE_GOLDENS=1");
      }
      const testing::ImageDiff diff = testing::compare_images(expected, shot.image);
      const bool ok =
          diff.same_size && diff.mean_abs < kMaxMeanDiff && diff.fraction_over_16 < kMaxFractionOver16;
      if (!ok) {
        const std::string base = review_dir() + golden.name;
        app::write_png(base + ".actual.png", shot.image, error);
        if (diff.same_size)
          app::write_png(base + ".diff.png", testing::diff_image(expected, shot.image), error);
        FAIL(golden.name << " differs from " << golden_path << ": same size " << diff.same_size
                         << ", mean diff " << diff.mean_abs
                         << ", pixels off by > 16: " << diff.fraction_over_16 * 100.0 << " %; see " << base
                         << ".actual.png and .diff.png");
      }
      SUCCEED();
    }
  }
}

TEST_CASE("the comparison catches a visible change", "[headless][app][golden]") {
  // Guards the tolerance itself: the 37.5 s frame and the 38.5 s frame of the same session must
  // not pass as equal, while a rendering compared with itself must.
  const core::Catalog catalog = testing::bundled_catalog();
  Golden a;
  for (const Golden& g : goldens()) {
    if (g.name == "player-phone-light") a = g;
  }
  REQUIRE(a.name == "player-phone-light");
  Golden b = a;
  b.at = 38.5;
  const app::ShotResult first = render(a, catalog);
  const app::ShotResult second = render(b, catalog);
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  const testing::ImageDiff self = testing::compare_images(first.image, first.image);
  CHECK(self.mean_abs == 0.0);
  const testing::ImageDiff moved = testing::compare_images(first.image, second.image);
  REQUIRE(moved.same_size);
  CHECK((moved.mean_abs >= kMaxMeanDiff || moved.fraction_over_16 >= kMaxFractionOver16));
}

TEST_CASE("two shots of the same moment are byte-identical PNG files", "[headless][app][determinism]") {
  const std::string dir = review_dir();
  const std::vector<std::string> common = {"--route", "play/clinician-essentials/two-minute-reset",
                                           "--at",    "37.5",
                                           "--size",  "390x844",
                                           "--scale", "2",
                                           "--pack",  testing::kBundledPack};
  std::vector<std::string> first = common;
  first.insert(first.end(), {"-o", dir + "determinism-1.png"});
  std::vector<std::string> second = common;
  second.insert(second.end(), {"-o", dir + "determinism-2.png"});
  std::ostringstream out;
  std::ostringstream err;
  REQUIRE(app::run_shot(first, out, err) == 0);
  REQUIRE(app::run_shot(second, out, err) == 0);
  const std::string a = read_bytes(dir + "determinism-1.png");
  const std::string b = read_bytes(dir + "determinism-2.png");
  REQUIRE(a.size() > 1000);
  CHECK(a == b);
  app::RgbaImage image;
  std::string error;
  REQUIRE(app::read_png(dir + "determinism-1.png", image, error));
  CHECK(image.width == 780);
  CHECK(image.height == 1688);
}
