// Issue 4: the app records every session that ends into the signed-in profile's store (through the
// async writer, never on the render thread), and the progress screen and home read it back. The
// whole app runs headless on a manual clock (profile_test_support.h); the store is checked with the
// `respite` CLI, as an independent reader.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <fstream>
#include <set>

#include "app/app.h"
#include "core/progress/profiles.h"
#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;
using ui::ActionKind;

namespace {

const core::ItemRef kReset{"clinician-essentials", "two-minute-reset"};  // 120 s, complete from 90 s
const core::ItemRef kBox{"clinician-essentials", "box-breathing"};

void start(AppRig& rig, const core::ItemRef& item) {
  ui::UiAction action;
  action.kind = ActionKind::StartItem;
  action.item = item;
  rig.act(action);
  REQUIRE(rig.model().has_session());
}

rapidjson::Document progress_json(const ScratchDir& dir, const std::string& profile,
                                  const std::string& today) {
  const std::string out =
      respite_cli({"progress", "--data-dir", dir.str(), "--profile", profile, "--today", today, "--json"});
  rapidjson::Document doc;
  doc.Parse(out.c_str());
  REQUIRE(doc.IsObject());
  return doc;
}

std::vector<core::CompletionRecord> stored(const ScratchDir& dir, const std::string& alias) {
  null_backend::ManualClock clock;
  auto registry = core::ProfileRegistry::open(dir.path(), clock, false);
  REQUIRE(registry.registry);
  const auto profile = registry.registry->find(alias);
  REQUIRE(profile);
  auto store = registry.registry->open_store(*profile);
  REQUIRE(store.store);
  return store.store->completions();
}

}  // namespace

TEST_CASE("a one-person device asks once, then records every session that ends",
          "[headless][app][progress]") {
  ScratchDir dir("record");
  {
    // 02:30 in New York (-05:00) after a night shift: the practice day is still the 9th.
    AppRig rig(dir.path(), "2026-03-10T02:30:00-05:00", -300);
    CHECK(rig.model().route().screen == app::Screen::Welcome);
    CHECK(rig.frame().contains("Who will use this device?"));
    rig.act(ActionKind::ChooseJustMe);
    CHECK(rig.model().route().screen == app::Screen::Home);
    REQUIRE(rig.flow().active_profile());

    start(rig, kReset);
    rig.wait(121.0);  // the whole session: complete
    CHECK(rig.model().route().screen == app::Screen::Completion);

    start(rig, kBox);
    rig.wait(30.0);
    rig.act(ActionKind::EndSession);  // stopped early: partial

    start(rig, kReset);
    rig.wait(100.0);  // past the 90 s minimum...
    rig.model().on_background();
    rig.wait(11 * 60.0);  // ...but away longer than the limit: kept, as partial
    CHECK(rig.model().last_outcome()->how == ui::SessionEnd::Interrupted);
    CHECK_FALSE(rig.model().last_outcome()->complete);
  }
  const auto log = stored(dir, "Me");
  REQUIRE(log.size() == 3);
  CHECK(log[0].complete);
  CHECK(log[0].item_id == "two-minute-reset");
  CHECK(log[0].active == core::Millis(120'000));
  CHECK_FALSE(log[1].complete);
  CHECK(log[1].active == core::Millis(30'000));
  CHECK_FALSE(log[2].complete);
  CHECK(log[2].active == core::Millis(100'000));
  CHECK(log[2].required == log[2].planned);  // the interruption rule, as stored
  std::set<std::string> ids;
  for (const auto& r : log) {
    CHECK(core::is_uuid(r.event_id));
    ids.insert(r.event_id);
    CHECK(r.utc_offset_minutes == -300);
    CHECK(r.practice_day == core::CivilDate{2026, 3, 9});
    CHECK(r.content_version == "1.0.0");
    CHECK(r.validate().empty());
  }
  CHECK(ids.size() == 3);
  const auto json = progress_json(dir, "Me", "2026-03-09");
  CHECK(json["sessions_complete"].GetInt() == 1);
  CHECK(json["sessions_partial"].GetInt() == 2);
  CHECK(json["current_streak"].GetInt() == 1);

  // The next start goes straight in (no picker on a one-person device) and shows the history.
  AppRig again(dir.path(), "2026-03-10T09:00:00-05:00", -300);
  CHECK(again.model().route().screen == app::Screen::Home);
  REQUIRE(again.flow().active_profile());
  CHECK(again.flow().active_profile()->alias == "Me");
  const auto streak = again.flow().streak_view();
  REQUIRE(streak);
  CHECK(streak->current == 1);
  CHECK_FALSE(streak->today_done);  // the 10th has no session yet; the streak still stands
}

TEST_CASE("a guest's sessions are not recorded", "[headless][app][progress]") {
  ScratchDir dir("guest");
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  rig.act(ActionKind::PickGuest);
  CHECK(rig.flow().guest());
  start(rig, kReset);
  rig.wait(121.0);
  rig.act(ActionKind::GoHome);  // the completion screen's Done: the guest's turn ends...
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(rig.flow().guest());
  rig.act(ActionKind::PickGuest);  // ...and a new guest sees no history at all
  rig.act(ActionKind::OpenProgress);
  CHECK(rig.model().route().screen == app::Screen::Progress);
  const DrawnText shown = rig.frame();
  INFO(shown.all());
  CHECK(shown.contains("nothing is saved"));
  CHECK(stored(dir, "Sam").empty());
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) files += entry.is_regular_file();
  // Still only Sam's folder, the index and the unit settings (and their backups).
  CHECK(!fs::exists(dir.path() / "exports"));
  CHECK(files > 0);
}

TEST_CASE("a damaged store opens with a calm notice and the history from its backup",
          "[headless][app][progress]") {
  ScratchDir dir("damaged");
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Sam", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-09T12:00:00Z"});
  // Damage the live file in the middle of its pages.
  fs::path db;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "profiles")) {
    if (entry.path().filename() == "progress.db") db = entry.path();
  }
  REQUIRE(!db.empty());
  {
    std::fstream file(db, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096);
    const std::string garbage(8192, '\x5A');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  AppRig rig(dir.path(), "2026-03-10T12:00:00Z");
  REQUIRE(rig.flow().active_profile());
  const std::string notice = rig.flow().notice();
  CHECK_THAT(notice, Catch::Contains("restored from the backup"));
  const DrawnText shown = rig.frame();
  CHECK(shown.contains("Please note"));
  CHECK(shown.contains("restored from the backup"));
  rig.act(ActionKind::OpenProgress);
  const auto view = rig.flow().progress_view();
  CHECK(view.state == ui::ProgressState::Ready);
  CHECK(view.sessions == 1);
  rig.act(ActionKind::DismissNotice);
  CHECK(rig.flow().notice().empty());
  CHECK_FALSE(rig.frame().contains("Please note"));
}

TEST_CASE("progress: gentle words, hidden streaks, and the rhythm settings written back",
          "[headless][app][progress]") {
  ScratchDir dir("gentle");
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  for (const char* at :
       {"2026-03-02T12:00:00Z", "2026-03-03T12:00:00Z", "2026-03-04T12:00:00Z", "2026-03-09T12:00:00Z"}) {
    respite_cli({"log", "--data-dir", dir.str(), "--profile", "Sam", "--item",
                 "clinician-essentials/two-minute-reset", "--at", at});
  }
  AppRig rig(dir.path(), "2026-03-12T12:00:00Z");
  rig.act(ActionKind::OpenProgress);
  CHECK(rig.model().route().screen == app::Screen::Progress);
  {
    // The streak broke on the 10th: a welcome back, never a failure.
    const DrawnText shown = rig.frame();
    INFO(shown.all());
    CHECK(shown.contains("Welcome back. Every session counts."));
    CHECK(shown.contains("days in a row"));
    CHECK(shown.contains("March 2026"));
    for (const char* harsh : {"fail", "Fail", "lost", "broke", "missed", "Missed"})
      CHECK_FALSE(shown.contains(harsh));
  }
  CHECK(rig.flow().progress_view().longest == 3);

  rig.act(ActionKind::SetHideStreaks, 0, {}, true);
  CHECK_FALSE(rig.flow().streak_view());
  CHECK_FALSE(rig.frame().contains("days in a row"));
  CHECK_FALSE(rig.frame().contains("Welcome back"));  // no streak, so no talk of one
  CHECK(progress_json(dir, "Sam", "2026-03-12")["current_streak"].IsNull());

  rig.act(ActionKind::SetDayStart, 300);
  rig.act(ActionKind::ToggleRestWeekday, 5);
  rig.act(ActionKind::ToggleRestWeekday, 6);
  rig.act(ActionKind::SetWeeklyGoal, 3);
  const auto json = progress_json(dir, "Sam", "2026-03-12");
  CHECK(std::string(json["day_start"].GetString()) == "05:00");
  CHECK(json["rest_days"]["weekdays"].Size() == 2);
  CHECK(json["weekly_goal"].GetInt() == 3);
  CHECK(std::string(json["streak_unit"].GetString()) == "week");
  // A seventh rest day is refused: at least one day a week stays a practice day.
  for (int d = 0; d < 5; ++d) rig.act(ActionKind::ToggleRestWeekday, d);
  CHECK(progress_json(dir, "Sam", "2026-03-12")["rest_days"]["weekdays"].Size() == 6);

  // Earlier months, and never past this one.
  rig.act(ActionKind::ShowMonth, -1);
  CHECK(rig.flow().progress_view().month == 2);
  CHECK(rig.frame().contains("February 2026"));
  rig.act(ActionKind::ShowMonth, +1);
  rig.act(ActionKind::ShowMonth, +1);
  CHECK(rig.flow().progress_view().month == 3);
  CHECK_FALSE(rig.flow().progress_view().can_go_forward);
}

TEST_CASE("home shows today's streak from the store", "[headless][app][progress]") {
  ScratchDir dir("home-streak");
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  for (const char* at : {"2026-03-10T12:00:00Z", "2026-03-11T12:00:00Z", "2026-03-12T08:00:00Z"}) {
    respite_cli({"log", "--data-dir", dir.str(), "--profile", "Sam", "--item",
                 "clinician-essentials/two-minute-reset", "--at", at});
  }
  AppRig rig(dir.path(), "2026-03-12T12:00:00Z");
  const auto streak = rig.flow().streak_view();
  REQUIRE(streak);
  CHECK(streak->current == 3);
  CHECK(streak->today_done);
  CHECK_FALSE(streak->weekly);
  REQUIRE(rig.model().home_view().streak);
  CHECK(rig.model().home_view().streak->current == 3);
}

TEST_CASE("shot renders a real store's progress at a fixed today", "[headless][app][progress][shot]") {
  ScratchDir dir("shot-progress");
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Sam", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-10T12:00:00Z"});
  const std::string out = (dir.path() / "p.png").string();
  std::ostringstream o, e;
  const int code = app::run_shot({"--route", "progress", "--data-dir", dir.str(), "--profile", "sam", "--now",
                                  "2026-03-10T18:00:00Z", "-o", out},
                                 o, e);
  INFO(e.str());
  CHECK(code == 0);
  CHECK(fs::file_size(out) > 1000);
  // Screenshots never write: the store is unchanged.
  CHECK(stored(dir, "Sam").size() == 1);
  // An unknown profile and --profile without --data-dir are refused.
  CHECK(app::run_shot({"--route", "progress", "--data-dir", dir.str(), "--profile", "Nobody", "-o", out}, o,
                      e) == 1);
  CHECK(app::run_shot({"--route", "progress", "--profile", "Sam", "-o", out}, o, e) == 2);
  CHECK(app::run_shot({"--route", "progress", "--now", "2026-03-10T18:00:00", "-o", out}, o, e) == 2);
}
