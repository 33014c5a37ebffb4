// Issue 7: unit mode on a shared break-room tablet. The whole app runs headless on a manual clock
// (profile_test_support.h): the picker, PINs and their growing delay (kept across restarts), the
// return to the picker after a session and after the idle time, admin operations that need the
// admin PIN, anonymous unit totals, self-service export and complete deletion, and the admin's
// inability to read anyone's data.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <fstream>
#include <iterator>

#include "core/progress/export_bundle.h"
#include "core/progress/profiles.h"
#include "core/support_resources.h"
#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;
using ui::ActionKind;

namespace {

const char* kAdminPin = "482915";
const core::ItemRef kReset{"clinician-essentials", "two-minute-reset"};

void start(AppRig& rig, const core::ItemRef& item) {
  ui::UiAction action;
  action.kind = ActionKind::StartItem;
  action.item = item;
  rig.act(action);
}

// A unit tablet with Aroha (no PIN), Ben (PIN 2468) and Chidi (PIN 1357).
void seed(const ScratchDir& dir) {
  respite_cli({"unit", "enable", "--admin-pin", kAdminPin, "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Aroha", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Ben", "--pin", "2468", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Chidi", "--pin", "1357", "--data-dir", dir.str()});
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file under `dir` that contains `needle` (backups, WAL files and exports included).
std::vector<std::string> files_containing(const fs::path& dir, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && read_all(entry.path()).find(needle) != std::string::npos)
      out.push_back(entry.path().string());
  }
  return out;
}

}  // namespace

TEST_CASE("unit mode: the picker shows aliases only, and a PIN opens a profile", "[headless][app][unit]") {
  ScratchDir dir("unit-picker");
  seed(dir);
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Ben", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-10T09:00:00Z"});
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(rig.flow().active_profile());
  {
    const DrawnText picker = rig.frame();
    INFO(picker.all());
    for (const char* alias : {"Aroha", "Ben", "Chidi"}) CHECK(picker.contains(alias));
    CHECK(picker.contains("Guest"));
    // Nothing about anyone's practice: no streaks, no sessions, no totals under three people.
    CHECK_FALSE(picker.contains("in a row"));
    CHECK_FALSE(picker.contains("Two-minute reset"));
    CHECK(picker.contains("Shown once at least three people have practised this week."));
  }
  // Every other screen waits for someone: home goes back to the picker.
  rig.model().open(app::Route{});
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  // ...except the crisis lines, which anyone may reach.
  rig.model().open(app::Route{app::Screen::Support, {}});
  CHECK(rig.model().route().screen == app::Screen::Support);

  rig.act(ActionKind::PickProfile, 0, rig.profile_id("Ben"));
  CHECK(rig.model().route().screen == app::Screen::Pin);
  CHECK(rig.frame().contains("Hello, Ben"));
  rig.type_pin("2469");
  CHECK(rig.model().route().screen == app::Screen::Pin);
  CHECK(rig.frame().contains("That PIN did not match"));
  CHECK_FALSE(rig.flow().active_profile());
  rig.type_pin("2468");
  REQUIRE(rig.flow().active_profile());
  CHECK(rig.flow().active_profile()->alias == "Ben");
  CHECK(rig.model().route().screen == app::Screen::Home);
  rig.act(ActionKind::OpenProgress);
  CHECK(rig.flow().progress_view().sessions == 1);
}

TEST_CASE("unit mode: wrong PINs delay the next try, on the clock, across a restart",
          "[headless][app][unit][pin]") {
  ScratchDir dir("unit-delay");
  seed(dir);
  std::string ben;
  {
    AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
    ben = rig.profile_id("Ben");
    rig.act(ActionKind::PickProfile, 0, ben);
    for (int i = 0; i < 3; ++i) {
      rig.type_pin("0000");
      CHECK(rig.flow().pin_view().wait_seconds == 0);
    }
    rig.type_pin("0000");  // the fourth: 5 s
    CHECK(rig.flow().pin_view().wait_seconds == 5);
    const DrawnText pad = rig.frame();
    CHECK(pad.contains("You can try again in 5 s."));
    // While the delay runs the keys do nothing, even with the right PIN.
    rig.type_pin("2468");
    CHECK_FALSE(rig.flow().active_profile());
    rig.wait(3.0);
    CHECK(rig.flow().pin_view().wait_seconds == 2);
  }
  {
    // Restarting the app does not reset the count: the delay is still there (2 s left).
    AppRig rig(dir.path(), "2026-03-10T12:00:03Z");
    rig.act(ActionKind::PickProfile, 0, ben);
    rig.type_pin("2468");
    CHECK_FALSE(rig.flow().active_profile());
    CHECK(rig.flow().pin_view().wait_seconds == 2);
    rig.wait(2.0);
    rig.type_pin("1111");  // the fifth wrong one: 15 s
    CHECK(rig.flow().pin_view().wait_seconds == 15);
    rig.wait(15.0);
    rig.type_pin("2468");
    REQUIRE(rig.flow().active_profile());
    CHECK(rig.flow().active_profile()->alias == "Ben");
  }
  // Success cleared the count: three free tries again.
  AppRig rig(dir.path(), "2026-03-10T13:00:00Z");
  rig.act(ActionKind::PickProfile, 0, ben);
  for (int i = 0; i < 3; ++i) rig.type_pin("0000");
  CHECK(rig.flow().pin_view().wait_seconds == 0);
}

TEST_CASE("unit mode: back to the picker after a session and after the idle time", "[headless][app][unit]") {
  ScratchDir dir("unit-idle");
  seed(dir);
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  const std::string aroha = rig.profile_id("Aroha");

  SECTION("after a session: leaving the completion screen ends the turn, and the session is kept") {
    rig.act(ActionKind::PickProfile, 0, aroha);
    start(rig, kReset);
    rig.wait(121.0);
    CHECK(rig.model().route().screen == app::Screen::Completion);
    rig.act(ActionKind::GoHome);  // "Done"
    CHECK(rig.model().route().screen == app::Screen::Profiles);
    CHECK_FALSE(rig.flow().active_profile());
    CHECK_FALSE(rig.model().home_view().streak);
    const std::string out =
        respite_cli({"progress", "--data-dir", dir.str(), "--profile", "Aroha", "--json"});
    CHECK_THAT(out, Catch::Contains("\"sessions_complete\": 1"));
  }
  SECTION("after two minutes with nobody touching the screen") {
    rig.act(ActionKind::PickProfile, 0, aroha);
    rig.act(ActionKind::OpenProgress);
    rig.wait(119.0);
    CHECK(rig.model().route().screen == app::Screen::Progress);
    rig.model().note_input();  // a touch: the two minutes start again
    rig.wait(119.0);
    CHECK(rig.flow().active_profile());
    rig.wait(2.0);
    CHECK(rig.model().route().screen == app::Screen::Profiles);
    CHECK_FALSE(rig.flow().active_profile());
    const DrawnText picker = rig.frame();
    CHECK_FALSE(picker.contains("in a row"));
    CHECK_FALSE(picker.contains("Your progress"));
  }
  SECTION("a running session is not idleness; a paused, forgotten one ends and is kept") {
    rig.act(ActionKind::PickProfile, 0, aroha);
    start(rig, kReset);
    rig.wait(100.0);
    CHECK(rig.model().has_session());
    rig.act(ActionKind::Pause);
    rig.wait(121.0);
    CHECK_FALSE(rig.model().has_session());
    CHECK(rig.model().route().screen == app::Screen::Profiles);
    const std::string out =
        respite_cli({"progress", "--data-dir", dir.str(), "--profile", "Aroha", "--json"});
    CHECK_THAT(out, Catch::Contains("\"sessions_complete\": 1"));  // 100 s of 90 s needed
  }
  SECTION("a PIN pad left open goes back too, with the digits dropped") {
    rig.act(ActionKind::PickProfile, 0, rig.profile_id("Ben"));
    rig.act(ActionKind::PinDigit, 2);
    rig.wait(121.0);
    CHECK(rig.model().route().screen == app::Screen::Profiles);
    rig.act(ActionKind::PickProfile, 0, rig.profile_id("Ben"));
    CHECK(rig.flow().pin_view().entered == 0);
  }
}

TEST_CASE("unit mode: admin operations are refused without the admin PIN", "[headless][app][unit][admin]") {
  ScratchDir dir("unit-admin");
  seed(dir);
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  const std::string ben = rig.profile_id("Ben");
  app::Storage& storage = rig.storage();
  const core::UtcInstant now = instant("2026-03-10T12:00:00Z");

  // Storage: every admin call checks the PIN itself.
  const app::AdminResult removed = storage.admin_remove_profile("000000", now, ben).get();
  CHECK_FALSE(removed.ok());
  CHECK(removed.pin.check.verdict == core::PinVerdict::Wrong);
  CHECK_FALSE(storage.admin_reset_profile("", now, ben).get().ok());
  CHECK_FALSE(storage.admin_set_idle_timeout("123456", now, 600).get().ok());
  CHECK_FALSE(storage.admin_disable_unit("654321", now).get().ok());
  CHECK_FALSE(storage.admin_set_resources("111111", now, {app::UnitResource{}}).get().ok());
  CHECK_FALSE(storage.admin_overview("222222", now).get().ok());
  // Nothing changed, and the wrong PINs are counted: the next try waits.
  CHECK(respite_cli({"profile", "list", "--data-dir", dir.str()}).find("Ben") != std::string::npos);
  CHECK(respite_cli({"unit", "status", "--data-dir", dir.str()}).find("unit mode on") != std::string::npos);
  const app::AdminOverview locked = storage.admin_overview(kAdminPin, now).get();
  CHECK(locked.pin.check.verdict == core::PinVerdict::Locked);
  CHECK_FALSE(fs::exists(core::unit_resources_path(dir.str())));

  // The app: the unit route asks for the admin PIN first.
  rig.model().open(app::Route{app::Screen::UnitAdmin, {}});
  CHECK(rig.model().route().screen == app::Screen::Pin);
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::UnlockAdmin);

  // The CLI: the same.
  respite_cli({"unit", "remove-profile", "Ben", "--data-dir", dir.str()}, 1);
  respite_cli({"unit", "set", "--idle", "300", "--admin-pin", "000000", "--data-dir", dir.str()}, 1);
  respite_cli({"unit", "disable", "--data-dir", dir.str()}, 1);
}

TEST_CASE("unit mode: the admin edits the unit and its people, and reads nobody's data",
          "[headless][app][unit][admin]") {
  ScratchDir dir("unit-admin-ok");
  seed(dir);
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Ben", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-10T09:00:00Z"});
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  const std::string ben = rig.profile_id("Ben");
  const std::string chidi = rig.profile_id("Chidi");
  rig.act(ActionKind::OpenUnitAdmin);
  rig.type_pin(kAdminPin);
  REQUIRE(rig.model().route().screen == app::Screen::UnitAdmin);
  {
    const DrawnText admin = rig.frame(390.0f, 2400.0f);
    INFO(admin.all());
    CHECK(admin.contains("Unit settings"));
    CHECK(admin.contains("Ben"));
    // The admin sees aliases, never practice.
    CHECK_FALSE(admin.contains("Two-minute reset"));
    CHECK_FALSE(admin.contains("in a row"));
    CHECK_FALSE(admin.contains("session"));
  }
  // Admin's view of a profile holds nothing but its alias and PIN flag (no API returns more).
  const app::AdminOverview overview = rig.storage().admin_overview(kAdminPin, rig.clock().utc_now()).get();
  REQUIRE(overview.ok());
  REQUIRE(overview.profiles.size() == 3);

  // Idle time and the unit's support contacts.
  rig.act(ActionKind::AdminSetIdle, 300);
  CHECK(rig.flow().unit_admin_view().idle_timeout_seconds == 300);
  ui::UiAction edit;
  edit.kind = ActionKind::AdminEditResource;
  edit.value = -1;
  rig.act(edit);
  edit.value = 0;
  edit.page = 1;
  edit.text = "Ward 7 peer supporters";
  rig.act(edit);
  edit.page = 2;
  edit.text = "+1 555 0100";
  rig.act(edit);
  edit.page = 0;
  edit.question = 1;  // peer support
  rig.act(edit);
  rig.act(ActionKind::AdminSaveResources);
  CHECK(rig.flow().unit_admin_view().status == "unit.saved");
  const core::SupportLoadResult support = core::load_support_resources(
      core::default_support_resources_path(), core::unit_resources_path(dir.str()), "en", "US");
  REQUIRE_FALSE(support.data.resources.empty());
  CHECK(support.data.resources[0].name == "Ward 7 peer supporters");
  CHECK(support.data.resources[0].kind == core::SupportKind::PeerSupport);
  CHECK(support.data.resources[0].origin == core::SupportOrigin::Unit);

  // A forgotten PIN: Chidi starts again, without a PIN; nobody else is touched.
  rig.act(ActionKind::AdminResetProfile, 0, chidi);  // the first tap asks
  CHECK(rig.flow().unit_admin_view().confirm_reset == chidi);
  rig.act(ActionKind::AdminResetProfile, 0, chidi, true);
  // Removing Ben removes his data.
  rig.act(ActionKind::AdminRemoveProfile, 0, ben, true);
  rig.act(ActionKind::GoHome);  // leaving the admin screen forgets the admin PIN
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  rig.model().open(app::Route{app::Screen::UnitAdmin, {}});
  CHECK(rig.model().route().screen == app::Screen::Pin);
  const auto list = respite_cli({"profile", "list", "--data-dir", dir.str()});
  CHECK(list.find("Ben") == std::string::npos);
  CHECK(list.find("Chidi (PIN)") == std::string::npos);
  CHECK(list.find("Chidi") != std::string::npos);
  CHECK(list.find("Aroha") != std::string::npos);
  CHECK(files_containing(dir.path(), ben).empty());
  // The admin PIN opens no profile: Chidi's new profile has no PIN, Aroha never had one; a PIN
  // profile still wants its own PIN even right after the admin screen.
  respite_cli({"profile", "set", "Aroha", "--pin", "8642", "--data-dir", dir.str()});
  AppRig again(dir.path(), "2026-03-10T12:30:00Z");
  again.act(ActionKind::PickProfile, 0, again.profile_id("Aroha"));
  again.type_pin(kAdminPin);
  CHECK_FALSE(again.flow().active_profile());
  const app::ExportResult exported =
      again.storage().export_profile(again.profile_id("Aroha"), kAdminPin, again.clock().utc_now()).get();
  CHECK_FALSE(exported.ok());
  CHECK_FALSE(fs::exists(dir.path() / "exports"));
}

TEST_CASE("unit mode: anonymous totals appear only once three people practised",
          "[headless][app][unit][totals]") {
  ScratchDir dir("unit-totals");
  seed(dir);
  respite_cli({"profile", "add", "Dee", "--data-dir", dir.str()});
  // Week of Monday 9 March 2026.
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Aroha", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-09T10:00:00Z"});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Aroha", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-10T10:00:00Z"});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Ben", "--item",
               "clinician-essentials/box-breathing", "--at", "2026-03-10T11:00:00Z"});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Chidi", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-02T10:00:00Z"});  // last week
  {
    AppRig rig(dir.path(), "2026-03-12T12:00:00Z");
    CHECK_FALSE(rig.flow().profiles_view().totals);
    CHECK(rig.frame().contains("Shown once at least three people"));
    CHECK_THAT(respite_cli({"unit", "totals", "--data-dir", dir.str(), "--today", "2026-03-12", "--json"}),
               Catch::Contains("\"shown\": false") && Catch::Contains("\"sessions\": null"));
  }
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Dee", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-11T10:00:00Z"});
  AppRig rig(dir.path(), "2026-03-12T12:00:00Z");
  const auto totals = rig.flow().profiles_view().totals;
  REQUIRE(totals);
  CHECK(totals->sessions == 4);
  CHECK(totals->minutes == Approx(10.0));  // 2 + 2 + 4 + 2
  CHECK(rig.frame().contains("4 sessions · 10 minutes, all of us together"));
  CHECK_THAT(respite_cli({"unit", "totals", "--data-dir", dir.str(), "--today", "2026-03-12", "--json"}),
             Catch::Contains("\"sessions\": 4") && Catch::Contains("\"active_minutes\": 10"));
}

TEST_CASE("self-service: export needs the PIN and round-trips; delete leaves nothing behind",
          "[headless][app][unit][data]") {
  ScratchDir dir("unit-data");
  seed(dir);
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  const std::string ben = rig.profile_id("Ben");
  rig.act(ActionKind::PickProfile, 0, ben);
  rig.type_pin("2468");
  REQUIRE(rig.flow().active_profile());
  start(rig, kReset);
  rig.wait(121.0);
  // "How do you feel now?": kept in Ben's journal, private to Ben.
  rig.flow().record_feeling(*rig.model().last_outcome(), 4);
  rig.settle();
  rig.model().open(app::Route{app::Screen::Progress, {}});
  // The unit sends people back to the picker after a session; Ben signs in again to export.
  if (!rig.flow().active_profile()) {
    rig.act(ActionKind::PickProfile, 0, ben);
    rig.type_pin("2468");
    rig.act(ActionKind::OpenProgress);
  }
  REQUIRE(rig.model().route().screen == app::Screen::Progress);

  rig.act(ActionKind::ExportMyData);
  CHECK(rig.model().route().screen == app::Screen::Pin);
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::ConfirmExport);
  rig.type_pin("1357");  // Chidi's PIN is not Ben's
  CHECK(rig.model().route().screen == app::Screen::Pin);
  rig.type_pin("2468");
  CHECK(rig.model().route().screen == app::Screen::Progress);
  const ui::ProgressView view = rig.flow().progress_view();
  CHECK(view.status == "progress.exported");
  const fs::path file = view.status_detail;
  REQUIRE(fs::exists(file));
  CHECK(file.parent_path() == dir.path() / "exports" / ben);
  const std::string json = read_all(file);
  CHECK(json.find("argon2") == std::string::npos);
  CHECK(json.find("app.feeling_after") != std::string::npos);
  // Round trip: the file imports into another device with the session and the journal.
  ScratchDir other("unit-data-import");
  respite_cli({"import", file.string(), "--data-dir", other.str()});
  const std::string imported =
      respite_cli({"progress", "--data-dir", other.str(), "--profile", "Ben", "--json"});
  CHECK_THAT(imported, Catch::Contains("\"sessions_complete\": 1"));
  {
    null_backend::ManualClock clock;
    auto registry = core::ProfileRegistry::open(other.path(), clock, false);
    auto store = registry.registry->open_store(*registry.registry->find("Ben"));
    REQUIRE(store.store->checkins().size() == 1);
    CHECK(store.store->checkins()[0].score == 4);
  }

  // Delete: asked twice (confirm, then the PIN), then every file of Ben's is gone.
  rig.act(ActionKind::DeleteMyData);
  CHECK(rig.flow().progress_view().confirm_delete);
  rig.act(ActionKind::DeleteMyData, 0, {}, true);
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::ConfirmDelete);
  rig.type_pin("2468");
  CHECK_FALSE(rig.flow().active_profile());
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(fs::exists(core::ProfileRegistry::profile_dir_in(dir.path(), ben)));
  CHECK_FALSE(fs::exists(dir.path() / "exports" / ben));
  CHECK(files_containing(dir.path(), ben).empty());
  CHECK(files_containing(dir.path(), "Ben").empty());  // the index and its backups included
  const auto list = respite_cli({"profile", "list", "--data-dir", dir.str()});
  CHECK(list.find("Aroha") != std::string::npos);
  CHECK(list.find("Chidi") != std::string::npos);
  CHECK_FALSE(rig.frame().contains("Ben"));
}

TEST_CASE("unit mode is set up in the app at first run with an admin PIN typed twice",
          "[headless][app][unit]") {
  ScratchDir dir("unit-first-run");
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  REQUIRE(rig.model().route().screen == app::Screen::Welcome);
  rig.act(ActionKind::ChooseUnitMode);
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::ChooseAdminPin);
  rig.type_pin("1234");  // too short for an admin PIN
  CHECK(rig.flow().pin_view().message == "pin.admin_length");
  for (int i = 0; i < 4; ++i) rig.act(ActionKind::PinErase);
  rig.type_pin("482915");
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::ConfirmAdminPin);
  rig.type_pin("482916");
  CHECK(rig.flow().pin_view().message == "pin.mismatch");
  CHECK(rig.flow().pin_view().purpose == ui::PinPurpose::ChooseAdminPin);
  rig.type_pin("482915");
  rig.type_pin("482915");
  CHECK(rig.flow().unit_mode());
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  // A new person, with a PIN.
  rig.act(ActionKind::StartAddProfile);
  rig.act(ActionKind::SubmitAddProfile);
  CHECK(rig.flow().add_profile_view().error == "profiles.error_empty");
  rig.act(ActionKind::SetDraftAlias, 0, "Sam");
  rig.act(ActionKind::SetDraftWithPin, 0, {}, true);
  rig.act(ActionKind::SubmitAddProfile);
  rig.type_pin("9753");
  rig.type_pin("9753");
  REQUIRE(rig.flow().active_profile());
  CHECK(rig.flow().active_profile()->alias == "Sam");
  CHECK(rig.flow().active_profile()->has_pin);
  CHECK_THAT(respite_cli({"unit", "status", "--data-dir", dir.str()}), Catch::Contains("unit mode on"));
  CHECK_THAT(respite_cli({"profile", "list", "--data-dir", dir.str()}), Catch::Contains("Sam (PIN)"));
}
