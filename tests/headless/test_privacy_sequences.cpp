// Privacy on a shared screen, as a property: over 1,000 seeded random sequences of profile
// switches, PINs (right and wrong, with their delays), sessions (finished, stopped, forgotten while
// paused), idle timeouts, guests, the progress screen and the admin pad, every frame the real UI
// lays out is read back as text (drawn_text.h) and checked:
//  - while a person is in (or a guest), no other person's alias is drawn anywhere;
//  - on the PIN pad, only the alias being unlocked;
//  - on the picker and the admin screens, aliases but nothing of anyone's practice (no streak,
//    no calendar, no recent sessions, no totals below three people);
//  - home's streak belongs to the person signed in, and to nobody when no one is.
// RESPITE_PRIVACY_SEED=N replays one run; RESPITE_PRIVACY_SEQUENCES=N changes the count.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <sstream>

#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;
using ui::ActionKind;

namespace {

struct Person {
  std::string alias;  // a token no screen could draw by chance
  std::string pin;    // empty: none
  std::string id;
};

// Words only the progress screen (someone's history) draws.
const char* const kHistoryWords[] = {"in a row",  "Practice days",  "Recent sessions", "Minutes per week",
                                     "Your data", "days practised", "Export my data"};

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

}  // namespace

TEST_CASE("privacy: no frame ever shows another person's alias or history",
          "[headless][app][unit][privacy]") {
  // The property does not depend on durability: a memory file system spares thousands of fsyncs.
  const char* old_tmp = std::getenv("TMPDIR");
  const std::string saved_tmp = old_tmp != nullptr ? old_tmp : "";
  if (fs::is_directory("/dev/shm")) ::setenv("TMPDIR", "/dev/shm", 1);
  ScratchDir dir("privacy");
  if (old_tmp != nullptr) {
    ::setenv("TMPDIR", saved_tmp.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
  std::vector<Person> people = {
      {"Vqxa", "", ""}, {"Wzeb", "2468", ""}, {"Kjyo", "", ""}, {"Fhuv", "1357", ""}};
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--idle", "60", "--data-dir", dir.str()});
  for (const Person& p : people) {
    std::vector<std::string> add = {"profile", "add", p.alias, "--data-dir", dir.str()};
    if (!p.pin.empty()) {
      add.push_back("--pin");
      add.push_back(p.pin);
    }
    respite_cli(add);
    respite_cli({"log", "--data-dir", dir.str(), "--profile", p.alias, "--item",
                 "clinician-essentials/two-minute-reset", "--at", "2026-03-09T10:00:00Z"});
  }
  const unsigned seed = static_cast<unsigned>(env_int("RESPITE_PRIVACY_SEED", 20260310));
  const int sequences = env_int("RESPITE_PRIVACY_SEQUENCES", 1000);
  std::mt19937 rng(seed);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p; };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };

  auto rig = std::make_unique<AppRig>(dir.path(), "2026-03-10T08:00:00Z");
  for (Person& p : people) p.id = rig->profile_id(p.alias);
  int frames = 0, pin_checks = 0, sessions = 0, idles = 0;

  for (int sequence = 0; sequence < sequences; ++sequence) {
    std::ostringstream story;
    story << "seed " << seed << ", sequence " << sequence << ":";
    // Now and then the app restarts on the same data (PIN delays and unit mode persist).
    if (sequence > 0 && sequence % 250 == 0) {
      const std::string now = core::format_iso8601(rig->clock().utc_now(), 0);
      rig.reset();
      rig = std::make_unique<AppRig>(dir.path(), now);
      story << " restart";
    }
    auto check_frame = [&](const char* step) {
      story << ' ' << step;
      const DrawnText text = rig->frame();
      ++frames;
      const app::Screen screen = rig->model().route().screen;
      const auto& active = rig->flow().active_profile();
      const ui::PinView pad = rig->flow().pin_view();
      const std::string where = app::Route{screen, {}, 0}.to_string();
      INFO(story.str() << "\nscreen " << where << "\n" << text.all());
      const bool list_screen = screen == app::Screen::Profiles || screen == app::Screen::UnitAdmin;
      for (const Person& p : people) {
        bool allowed = list_screen;
        if (active && active->id == p.id) allowed = true;
        if (screen == app::Screen::Pin && pad.alias == p.alias) allowed = true;
        if (!allowed) CHECK_FALSE(text.contains(p.alias));
      }
      if (list_screen || screen == app::Screen::Pin || !active) {
        for (const char* word : kHistoryWords) CHECK_FALSE(text.contains(word));
      }
      if (!active) CHECK_FALSE(rig->model().home_view().streak);
    };
    auto sign_in = [&](const Person& p) {
      rig->act(ActionKind::PickProfile, 0, p.id);
      if (p.pin.empty()) return;
      check_frame("pad");
      // A wrong PIN now and then; a locked pad is waited out.
      if (chance(0.25)) {
        rig->type_pin(p.pin == "2468" ? "8642" : "7531");
        ++pin_checks;
        check_frame("wrong-pin");
      }
      const int wait = rig->flow().pin_view().wait_seconds;
      if (wait > 0) rig->wait(wait);
      rig->type_pin(p.pin);
      ++pin_checks;
    };

    rig->act(ActionKind::SwitchPerson);
    check_frame("picker");
    const int steps = 4 + pick(8);
    for (int s = 0; s < steps; ++s) {
      const int what = pick(10);
      if (what <= 2) {
        // PIN profiles less often: each check costs an Argon2 hash (~0.1 s).
        const std::size_t who = chance(0.85) ? (chance(0.5) ? 0 : 2) : (chance(0.5) ? 1 : 3);
        if (rig->model().route().screen != app::Screen::Profiles) rig->act(ActionKind::SwitchPerson);
        sign_in(people[who]);
        check_frame(("in:" + people[who].alias).c_str());
      } else if (what == 3) {
        rig->act(ActionKind::OpenProgress);
        check_frame("progress");
        if (chance(0.3)) {
          rig->act(ActionKind::ShowMonth, -1);
          check_frame("month");
        }
      } else if (what == 4) {
        ui::UiAction start;
        start.kind = ActionKind::StartItem;
        start.item =
            core::ItemRef{"clinician-essentials", chance(0.5) ? "two-minute-reset" : "box-breathing"};
        rig->act(start);
        check_frame("play");
        rig->wait(5.0 + pick(150));
        if (rig->model().has_session()) {
          if (chance(0.5)) {
            rig->act(ActionKind::EndSession);
          } else {
            rig->act(ActionKind::Pause);
            rig->wait(61.0);  // forgotten while paused: the idle time ends it
          }
        }
        ++sessions;
        check_frame("after-session");
        rig->act(ActionKind::GoHome);
        check_frame("done");
      } else if (what == 5) {
        rig->wait(61.0);
        ++idles;
        check_frame("idle");
      } else if (what == 6) {
        rig->act(ActionKind::SwitchPerson);
        check_frame("switch");
      } else if (what == 7) {
        if (rig->model().route().screen != app::Screen::Profiles) rig->act(ActionKind::SwitchPerson);
        rig->act(ActionKind::PickGuest);
        check_frame("guest");
      } else if (what == 8) {
        rig->model().back();
        rig->settle();
        check_frame("back");
      } else {
        if (rig->model().route().screen != app::Screen::Profiles) rig->act(ActionKind::SwitchPerson);
        rig->act(ActionKind::OpenUnitAdmin);
        if (rig->flow().pin_view().wait_seconds > 0) rig->wait(rig->flow().pin_view().wait_seconds);
        if (chance(0.05)) {
          rig->type_pin("482915");
          ++pin_checks;
        } else {
          rig->act(ActionKind::PinDigit, 1);
        }
        check_frame("admin");
      }
    }
  }
  WARN(sequences << " sequences: " << frames << " frames checked, " << pin_checks << " PIN checks, "
                 << sessions << " sessions, " << idles << " idle timeouts");
  CHECK(frames > sequences * 4);
}
