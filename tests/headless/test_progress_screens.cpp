// Golden screenshots of the progress screen and the unit-mode screens, rendered by `respite shot`'s
// code from real data folders seeded through the CLI on fixed dates, with a fixed "today" on the
// shot's manual clock: phone (390x844 dp at 2x) and tablet (1280x800 dp at 1x). Same tolerance,
// review folder and RESPITE_UPDATE_GOLDENS=1 as test_app_screens.cpp.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>

#include "app/png_image.h"
#include "app/shot.h"
#include "backends/sdl/sdl_paths.h"
#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;

namespace {

const std::string kGoldenDir = std::string(RESPITE_TEST_DATA_DIR) + "/headless/golden/";
constexpr double kMaxMeanDiff = 1.0;
constexpr double kMaxFractionOver16 = 0.005;

void log_session(const ScratchDir& dir, const std::string& who, const std::string& item,
                 const std::string& at, const char* active = nullptr) {
  std::vector<std::string> args = {"log",    "--data-dir", dir.str(), "--profile", who,
                                   "--item", item,         "--at",    at};
  if (active != nullptr) {
    args.push_back("--active");
    args.push_back(active);
  }
  respite_cli(args);
}

// Sam, a ward nurse on days (rest days Saturday and Sunday): February and March 2026, a streak that
// broke in early March and has been rebuilt, a night-shift session, an early stop. "Today" is
// Thursday 26 March 2026 at 18:00 in New York.
void seed_sam(const ScratchDir& dir) {
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  respite_cli({"profile", "set", "Sam", "--data-dir", dir.str(), "--rest-days", "sat,sun", "--rest-date",
               "2026-03-13"});
  const std::string reset = "clinician-essentials/two-minute-reset";
  const std::string box = "clinician-essentials/box-breathing";
  for (const char* day : {"02-09", "02-10", "02-11", "02-12", "02-16", "02-18", "02-19", "02-20", "02-23",
                          "02-24", "02-25", "02-26", "02-27", "03-02", "03-03", "03-04"}) {
    log_session(dir, "Sam", reset, std::string("2026-") + day + "T12:30:00-05:00");
  }
  log_session(dir, "Sam", box, "2026-02-25T07:10:00-05:00");
  log_session(dir, "Sam", box, "2026-03-04T19:45:00-05:00");
  for (const char* day : {"03-16", "03-17", "03-18", "03-19", "03-20", "03-23", "03-24", "03-25"}) {
    log_session(dir, "Sam", reset, std::string("2026-") + day + "T13:05:00-04:00");
  }
  log_session(dir, "Sam", box, "2026-03-20T09:00:00-04:00");
  log_session(dir, "Sam", box, "2026-03-26T02:40:00-04:00");  // after a night shift: counts for the 25th
  log_session(dir, "Sam", box, "2026-03-26T12:15:00-04:00", "35");  // stopped early: partial
  log_session(dir, "Sam", reset, "2026-03-26T15:20:00-04:00");
}

void seed_unit(const ScratchDir& dir) {
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Aroha", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Ben", "--pin", "2468", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Chidi", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Dr. Okafor", "--pin", "1357", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Night team 2", "--data-dir", dir.str()});
  for (const char* who : {"Aroha", "Ben", "Chidi"}) {
    log_session(dir, who, "clinician-essentials/two-minute-reset", "2026-03-24T10:00:00-04:00");
  }
  log_session(dir, "Aroha", "clinician-essentials/box-breathing", "2026-03-25T10:00:00-04:00");
}

struct Shot {
  const char* name;
  const char* route;
  int width = 390;
  int height = 844;
  float scale = 2.0f;
  const char* locale = "en";
  ui::ThemeName theme = ui::ThemeName::Light;
  const char* profile = "";
  std::vector<ui::UiAction> actions = {};
};

app::ShotResult render(const Shot& shot, const ScratchDir& dir, const core::Catalog& catalog) {
  app::ShotRequest request;
  request.route = shot.route;
  request.width = shot.width;
  request.height = shot.height;
  request.scale = shot.scale;
  request.theme = shot.theme;
  request.locale = shot.locale;
  request.data_dir = dir.str();
  request.profile = shot.profile;
  request.now = instant("2026-03-26T18:00:00-04:00");
  request.utc_offset_minutes = -240;
  request.actions = shot.actions;
  request.font_dir = font_dir();
  return app::render_shot(request, catalog);
}

bool update_requested() {
  const char* value = std::getenv("RESPITE_UPDATE_GOLDENS");
  return value != nullptr && std::string(value) == "1";
}

void check_golden(const std::string& name, const app::ShotResult& shot) {
  INFO(name << ": " << shot.error);
  REQUIRE(shot.exit_code == 0);
  const std::string path = kGoldenDir + name + ".png";
  std::string error;
  if (update_requested()) {
    REQUIRE(app::write_png(path, shot.image, error));
    WARN("updated " << path);
    return;
  }
  app::RgbaImage expected;
  INFO("no golden " << path << " (RESPITE_UPDATE_GOLDENS=1 writes it, after you look at it)");
  REQUIRE(app::read_png(path, expected, error));
  const ImageDiff diff = compare_images(expected, shot.image);
  if (!diff.same_size || diff.mean_abs >= kMaxMeanDiff || diff.fraction_over_16 >= kMaxFractionOver16) {
    const std::string dir = sdl::executable_dir() + "golden-review/";
    ::mkdir(dir.c_str(), 0755);
    app::write_png(dir + name + ".actual.png", shot.image, error);
    if (diff.same_size) app::write_png(dir + name + ".diff.png", diff_image(expected, shot.image), error);
    FAIL(name << " differs from " << path << ": mean diff " << diff.mean_abs
              << ", pixels off by > 16: " << diff.fraction_over_16 * 100.0 << " %; see " << dir);
  }
}

ui::UiAction action(ui::ActionKind kind, int value = 0) {
  ui::UiAction a;
  a.kind = kind;
  a.value = value;
  return a;
}

}  // namespace

TEST_CASE("progress screens match their reviewed golden images", "[headless][progress][golden]") {
  const core::Catalog catalog = bundled_catalog();
  ScratchDir sam("golden-sam");
  seed_sam(sam);
  std::vector<Shot> shots;
  shots.push_back({"progress-phone", "progress"});
  shots.push_back({"progress-tablet", "progress", 1280, 800, 1.0f});
  shots.push_back({"progress-phone-dark-es", "progress", 390, 844, 2.0f, "es", ui::ThemeName::Dark});
  {
    // The lower half of the phone screen: the rhythm settings and the data section.
    Shot lower{"progress-phone-settings", "progress", 390, 2150, 1.0f};
    shots.push_back(lower);
  }
  {
    Shot february{"progress-phone-february", "progress", 390, 844, 2.0f};
    february.actions.push_back(action(ui::ActionKind::ShowMonth, -1));
    shots.push_back(february);
  }
  // Home for a signed-in profile: "Your progress" beside the streak.
  shots.push_back({"home-phone-signed-in", "home"});
  shots.push_back({"home-tablet-signed-in-dark", "home", 1280, 800, 1.0f, "en", ui::ThemeName::Dark});
  for (const Shot& shot : shots) {
    DYNAMIC_SECTION(shot.name) {
      check_golden(shot.name, render(shot, sam, catalog));
    }
  }
}

TEST_CASE("home always offers the progress screen to a signed-in profile", "[headless][progress][golden]") {
  // Lee hides streaks and has not practised yet: no streak pill, and still a way into progress.
  const core::Catalog catalog = bundled_catalog();
  ScratchDir lee("golden-lee");
  respite_cli({"profile", "add", "Lee", "--data-dir", lee.str()});
  respite_cli({"profile", "set", "Lee", "--data-dir", lee.str(), "--hide-streaks", "on"});
  check_golden("home-phone-no-streak", render({"home-phone-no-streak", "home"}, lee, catalog));
  check_golden("home-tablet-no-streak",
               render({"home-tablet-no-streak", "home", 1280, 800, 1.0f}, lee, catalog));

  AppRig rig(lee.path(), "2026-03-26T18:00:00-04:00", -240);
  REQUIRE(rig.flow().signed_in());
  REQUIRE(rig.model().route().screen == app::Screen::Home);
  CHECK(rig.model().home_view().can_open_progress);
  CHECK_FALSE(rig.model().home_view().streak);
  CHECK(rig.frame().contains("Your progress"));
  CHECK(rig.frame(1280.0f, 800.0f).contains("Your progress"));
  rig.act(ui::ActionKind::OpenProgress);
  CHECK(rig.model().route().screen == app::Screen::Progress);

  // Not for a guest, and not on the picker.
  ScratchDir unit("golden-unit-home");
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", unit.str()});
  respite_cli({"profile", "add", "Aroha", "--data-dir", unit.str()});
  AppRig shared(unit.path(), "2026-03-26T18:00:00-04:00", -240);
  REQUIRE(shared.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(shared.model().home_view().can_open_progress);
  CHECK_FALSE(shared.frame().contains("Your progress"));
  shared.act(ui::ActionKind::PickGuest);
  REQUIRE(shared.model().route().screen == app::Screen::Home);
  CHECK_FALSE(shared.model().home_view().can_open_progress);
  CHECK_FALSE(shared.frame().contains("Your progress"));
}

TEST_CASE("unit-mode screens match their reviewed golden images", "[headless][unit][golden]") {
  const core::Catalog catalog = bundled_catalog();
  ScratchDir unit("golden-unit");
  seed_unit(unit);
  ScratchDir fresh("golden-fresh");
  std::vector<std::pair<Shot, const ScratchDir*>> shots;
  shots.push_back({{"profiles-phone", "profiles"}, &unit});
  shots.push_back({{"profiles-tablet", "profiles", 1280, 800, 1.0f}, &unit});
  {
    Shot pin{"pin-phone", "profiles"};
    ui::UiAction pick;
    pick.kind = ui::ActionKind::PickProfile;
    shots.push_back({pin, &unit});  // the pick needs the profile id: filled in below
  }
  shots.push_back({{"unit-admin-pin-phone", "unit"}, &unit});
  {
    // The admin screen itself, after the admin PIN: aliases and settings, nobody's practice.
    Shot admin{"unit-admin-phone", "unit", 390, 2300, 1.0f};
    for (char c : std::string("482915")) admin.actions.push_back(action(ui::ActionKind::PinDigit, c - '0'));
    admin.actions.push_back(action(ui::ActionKind::PinSubmit));
    admin.actions.push_back(action(ui::ActionKind::AdminEditResource, -1));
    shots.push_back({admin, &unit});
  }
  shots.push_back({{"welcome-phone", "welcome"}, &fresh});
  for (auto& [shot, dir] : shots) {
    if (std::string(shot.name) == "pin-phone") {
      // Ben has a PIN: tapping his tile opens the pad; two digits typed.
      AppRig rig(dir->path(), "2026-03-26T18:00:00-04:00", -240);
      ui::UiAction pick;
      pick.kind = ui::ActionKind::PickProfile;
      pick.text = rig.profile_id("Ben");
      shot.actions = {pick, action(ui::ActionKind::PinDigit, 2), action(ui::ActionKind::PinDigit, 4)};
    }
    DYNAMIC_SECTION(shot.name) {
      check_golden(shot.name, render(shot, *dir, catalog));
    }
  }
}
