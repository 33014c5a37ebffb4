// Content packs in the app (app/pack_flow.h, ui/screen_packs.h): installing from the import folder,
// updating only to a higher version, removing, a broken pack's diagnostics next to packs that still
// work, the unit tablet's admin PIN and trusted signatures, and `--watch` reloading a pack being
// edited (its errors on screen, gone once fixed). Everything runs headless on a manual clock; the
// test packs are made with the CLI (`respite pack new / build / keygen / sign`) as an author would.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "app/catalog_source.h"
#include "app/headless_host.h"
#include "app/main_loop.h"
#include "app/options.h"
#include "app/pack_flow.h"
#include "app/png_image.h"
#include "app/shot.h"
#include "backends/sdl/sdl_input.h"
#include "profile_test_support.h"
#include "ui_harness.h"

namespace respite::testing {
namespace {

using ui::ActionKind;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

void replace_in(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_text(path);
  const auto at = text.find(from);
  INFO(path << ": " << from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write_text(path, text);
}

// A pack folder made by `respite pack new`, with its own title and version.
fs::path make_pack(const fs::path& dir, const std::string& id, const std::string& title,
                   const std::string& version = "1.0.0") {
  respite_cli({"pack", "new", dir.string(), "--id", id});
  replace_in(dir / "pack.json", "\"My practice pack\"", "\"" + title + "\"");
  if (version != "1.0.0")
    replace_in(dir / "pack.json", "\"version\": \"1.0.0\"", "\"version\": \"" + version + "\"");
  return dir;
}

fs::path build_pack(const fs::path& folder, const fs::path& archive) {
  fs::create_directories(archive.parent_path());
  std::error_code ec;
  fs::remove(archive, ec);
  respite_cli({"pack", "build", folder.string(), "-o", archive.string()});
  return archive;
}

// Every file of the data folder except the packs' own folders, with its size and contents: what
// installing and removing packs must never change (profiles, progress, unit settings).
std::map<std::string, std::string> progress_files(const fs::path& data_dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(data_dir)) {
    const std::string relative = fs::relative(entry.path(), data_dir).generic_string();
    if (relative.rfind("packs", 0) == 0 || relative.rfind("import", 0) == 0) continue;
    if (entry.is_regular_file()) out[relative] = read_text(entry.path());
  }
  return out;
}

// A screenshot has no input.
class QueuedEventsForShots final : public sdl::EventSource {
 public:
  bool wait(SDL_Event&, int) override { return false; }
  bool poll(SDL_Event&) override { return false; }
};

// The whole app headless with a PackFlow over a catalog it may replace.
class PackRig : public AppRig {
 public:
  explicit PackRig(const fs::path& data_dir, std::vector<std::string> explicit_packs = {}, bool watch = false)
      : AppRig(data_dir, "2026-03-02T09:00:00Z", options(std::move(explicit_packs), watch)) {}

  using AppRig::act;
  void act(ActionKind kind, const std::string& text, bool flag = false) {
    ui::UiAction action;
    action.kind = kind;
    action.text = text;
    action.flag = flag;
    act(action);
  }
  // Finds the item card of `pack_id` in the library (catalog order).
  bool library_has(const std::string& pack_id) {
    for (const ui::ItemCardView& card : model().library_view().items) {
      if (card.ref.pack_id == pack_id) return true;
    }
    return false;
  }

 private:
  static AppRigOptions options(std::vector<std::string> explicit_packs, bool watch) {
    AppRigOptions o;
    o.with_packs = true;
    o.explicit_packs = std::move(explicit_packs);
    o.watch = watch;
    return o;
  }
};

const ui::PackEntryView* installed(const ui::PacksView& view, const std::string& id) {
  for (const ui::PackEntryView& e : view.packs) {
    if (e.origin == ui::PackOrigin::Installed && e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Packs: install from the import folder, refuse the same version, update, remove", "[packs]") {
  ScratchDir data("packs-install");
  ScratchDir work("packs-work");
  const fs::path folder = make_pack(work.path() / "ward", "ward-seven", "Ward Seven practice");
  const fs::path archive =
      build_pack(folder, fs::path(app::PackFlow::import_dir(data.str())) / "ward.respack");

  PackRig rig(data.path());
  rig.act(ActionKind::ChooseJustMe);
  const auto before = progress_files(data.path());
  REQUIRE_FALSE(before.empty());

  // The library leads to the Packs screen.
  rig.open("library");
  const DrawnText library = rig.frame(1280.0f, 9000.0f);  // tall: the entry is at the end
  INFO(library.all());
  CHECK(library.contains("Content packs"));
  rig.act(ActionKind::OpenPacks);
  REQUIRE(rig.model().route().screen == app::Screen::Packs);
  ui::PacksView view = rig.packs().packs_view();
  REQUIRE(view.imports.size() == 1);
  CHECK(view.imports[0].valid);
  CHECK(view.imports[0].installed_version.empty());
  // The bundled pack is listed, and can never be removed from here.
  REQUIRE_FALSE(view.packs.empty());
  CHECK(view.packs[0].origin == ui::PackOrigin::Bundled);
  DrawnText shown = rig.frame();
  CHECK(shown.contains("Comes with Respite"));
  CHECK(shown.contains("Ward Seven practice"));
  CHECK(shown.contains("Install"));
  CHECK(shown.contains("Not signed"));
  CHECK_FALSE(rig.library_has("ward-seven"));

  rig.act(ActionKind::InstallPack, archive.string());
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.installed");
  const ui::PackEntryView* entry = installed(view, "ward-seven");
  REQUIRE(entry != nullptr);
  CHECK(entry->version == "1.0.0");
  CHECK_FALSE(entry->broken);
  CHECK(entry->signature == ui::PackSignatureState::Unsigned);
  REQUIRE(entry->kinds.size() == 4);  // 2 breathing, 1 micro-break, 1 module, 1 program
  CHECK(entry->kinds[0] == std::make_pair(core::ItemKind::Breathing, 2));
  CHECK(fs::exists(data.path() / "packs" / "ward-seven.respack"));
  // The catalog took it in: its items are in the library now.
  CHECK(rig.catalog().find_pack("ward-seven") != nullptr);
  CHECK(rig.library_has("ward-seven"));
  shown = rig.frame();
  CHECK(shown.contains("Installed “Ward Seven practice” 1.0.0."));
  CHECK(shown.contains("2 breathing exercises · 1 micro-break · 1 module · 1 program"));
  CHECK(shown.contains("Remove"));
  CHECK(rig.packs().packs_view().imports.at(0).installed_version == "1.0.0");

  // The same version again: refused, with the reason on screen.
  rig.act(ActionKind::InstallPack, archive.string());
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.refused_version");
  CHECK(view.status_failed);
  shown = rig.frame();
  CHECK(shown.contains("only a higher version updates it"));

  // A higher version updates it.
  replace_in(folder / "pack.json", "\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"");
  build_pack(folder, archive);
  rig.open("packs");
  shown = rig.frame();
  CHECK(shown.contains("Update to 1.1.0"));
  rig.act(ActionKind::InstallPack, archive.string());
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.updated");
  REQUIRE(installed(view, "ward-seven") != nullptr);
  CHECK(installed(view, "ward-seven")->version == "1.1.0");
  CHECK(rig.catalog().find_pack("ward-seven")->version == "1.1.0");

  // Remove asks first; keeping it changes nothing.
  rig.act(ActionKind::RemovePack, "ward-seven", false);
  shown = rig.frame();
  CHECK(shown.contains("Remove “Ward Seven practice” from this device?"));
  rig.act(ActionKind::RemovePack);  // "Keep it"
  CHECK(rig.packs().packs_view().confirm_remove.empty());
  CHECK(fs::exists(data.path() / "packs" / "ward-seven.respack"));
  rig.act(ActionKind::RemovePack, "ward-seven", false);
  rig.act(ActionKind::RemovePack, "ward-seven", true);
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.removed");
  CHECK(installed(view, "ward-seven") == nullptr);
  CHECK_FALSE(fs::exists(data.path() / "packs" / "ward-seven.respack"));
  CHECK(rig.catalog().find_pack("ward-seven") == nullptr);
  CHECK_FALSE(rig.library_has("ward-seven"));
  CHECK(rig.catalog().find_pack("clinician-essentials") != nullptr);

  // None of it touched the profiles or the progress store.
  CHECK(progress_files(data.path()) == before);
}

TEST_CASE("Packs: a broken pack shows its diagnostics and the others still work", "[packs]") {
  ScratchDir data("packs-broken");
  ScratchDir work("packs-broken-work");
  build_pack(make_pack(work.path() / "good", "good-pack", "Good pack"),
             data.path() / "packs" / "good-pack.respack");
  const fs::path broken = make_pack(data.path() / "packs" / "broken-pack", "broken-pack", "Broken pack");
  replace_in(broken / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  // A broken file in the import folder is listed with its problems, and cannot be installed.
  write_text(fs::path(app::PackFlow::import_dir(data.str())) / "junk.respack", "not a zip");

  PackRig rig(data.path());
  rig.act(ActionKind::ChooseJustMe);
  CHECK(rig.catalog().find_pack("good-pack") != nullptr);
  CHECK(rig.catalog().find_pack("clinician-essentials") != nullptr);
  CHECK(rig.catalog().find_pack("broken-pack") == nullptr);
  CHECK(rig.library_has("good-pack"));

  rig.open("packs");
  const ui::PacksView view = rig.packs().packs_view();
  const ui::PackEntryView* bad = installed(view, "broken-pack");
  REQUIRE(bad != nullptr);
  CHECK(bad->broken);
  CHECK(bad->errors >= 1);
  REQUIRE_FALSE(bad->diagnostics.empty());
  CHECK(std::regex_search(bad->diagnostics[0], std::regex(R"(pack\.json:\d+:\d+: error\[E-)")));
  const ui::PackEntryView* good = installed(view, "good-pack");
  REQUIRE(good != nullptr);
  CHECK_FALSE(good->broken);
  REQUIRE(view.imports.size() == 1);
  CHECK_FALSE(view.imports[0].valid);
  CHECK_FALSE(view.imports[0].diagnostics.empty());

  const DrawnText shown = rig.frame();
  CHECK(shown.contains("This pack has problems (1 error) and is left out."));
  CHECK(shown.contains(bad->diagnostics[0].substr(bad->diagnostics[0].find("pack.json:"), 20)));
  CHECK(shown.contains("Good pack"));
  CHECK(shown.contains("This file cannot be installed: it has problems."));

  // The broken pack can still be removed; the good one stays.
  rig.act(ActionKind::RemovePack, "broken-pack", true);
  CHECK(rig.packs().packs_view().status == "packs.removed");
  CHECK_FALSE(fs::exists(data.path() / "packs" / "broken-pack"));
  CHECK(rig.catalog().find_pack("good-pack") != nullptr);

  // A broken archive is refused with its diagnostics.
  rig.act(ActionKind::InstallPack, view.imports[0].path);
  const ui::PacksView after = rig.packs().packs_view();
  CHECK(after.status == "packs.refused_errors");
  CHECK_FALSE(after.status_diagnostics.empty());
}

TEST_CASE("Packs: a unit tablet asks for the admin PIN and installs only trusted signed packs",
          "[packs][unit]") {
  ScratchDir data("packs-unit");
  ScratchDir work("packs-unit-work");
  const std::string pin = "246810";
  respite_cli({"unit", "enable", "--admin-pin", pin, "--data-dir", data.str()});
  const fs::path key = work.path() / "signer.key";
  respite_cli({"pack", "keygen", "-o", key.string()});
  respite_cli({"unit", "trust-key", key.string() + ".pub", "--label", "Education team", "--admin-pin", pin,
               "--data-dir", data.str()});
  const fs::path import = app::PackFlow::import_dir(data.str());
  const fs::path signed_archive =
      build_pack(make_pack(work.path() / "signed", "signed-pack", "Signed pack"), import / "signed.respack");
  respite_cli({"pack", "sign", signed_archive.string(), "--key", key.string()});
  const fs::path unsigned_archive =
      build_pack(make_pack(work.path() / "plain", "plain-pack", "Plain pack"), import / "plain.respack");

  PackRig rig(data.path());
  rig.act(ActionKind::PickGuest);
  const auto before = progress_files(data.path());
  rig.open("packs");
  REQUIRE(rig.model().route().screen == app::Screen::Packs);
  ui::PacksView view = rig.packs().packs_view();
  CHECK(view.unit_mode);
  REQUIRE(view.imports.size() == 2);
  DrawnText shown = rig.frame();
  CHECK(shown.contains("Install (admin PIN)"));
  CHECK(shown.contains("Signed by a trusted key"));

  // Without the PIN nothing happens: the PIN pad comes first, and a wrong PIN changes nothing.
  rig.act(ActionKind::InstallPack, signed_archive.string());
  REQUIRE(rig.packs().asking_pin());
  shown = rig.frame();
  CHECK(shown.contains("Enter the admin PIN."));
  rig.type_pin("999999");
  CHECK(rig.packs().asking_pin());
  CHECK(rig.packs().pin_view().message == "pin.wrong");
  CHECK_FALSE(fs::exists(data.path() / "packs" / "signed-pack.respack"));
  // Cancel puts the PIN pad away and installs nothing.
  rig.act(ActionKind::PinCancel);
  CHECK_FALSE(rig.packs().asking_pin());
  CHECK(rig.model().route().screen == app::Screen::Packs);
  CHECK_FALSE(fs::exists(data.path() / "packs" / "signed-pack.respack"));
  // The right PIN installs the signed pack.
  rig.act(ActionKind::InstallPack, signed_archive.string());
  rig.type_pin(pin);
  CHECK_FALSE(rig.packs().asking_pin());
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.installed");
  REQUIRE(installed(view, "signed-pack") != nullptr);
  CHECK(installed(view, "signed-pack")->signature == ui::PackSignatureState::Trusted);
  CHECK(rig.catalog().find_pack("signed-pack") != nullptr);

  // An unsigned pack is refused even with the right PIN.
  rig.act(ActionKind::InstallPack, unsigned_archive.string());
  REQUIRE(rig.packs().asking_pin());
  rig.type_pin(pin);
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.refused_signature");
  CHECK_FALSE(fs::exists(data.path() / "packs" / "plain-pack.respack"));
  CHECK(rig.catalog().find_pack("plain-pack") == nullptr);
  shown = rig.frame();
  INFO(shown.all());
  CHECK(shown.contains("this tablet installs only packs signed by a key it trusts"));

  // Removing needs the PIN too.
  rig.act(ActionKind::RemovePack, "signed-pack", true);
  REQUIRE(rig.packs().asking_pin());
  rig.act(ActionKind::PinCancel);
  CHECK(fs::exists(data.path() / "packs" / "signed-pack.respack"));
  rig.act(ActionKind::RemovePack, "signed-pack", true);
  rig.type_pin(pin);
  CHECK(rig.packs().packs_view().status == "packs.removed");
  CHECK_FALSE(fs::exists(data.path() / "packs" / "signed-pack.respack"));
  CHECK(rig.catalog().find_pack("signed-pack") == nullptr);

  // Nobody at the tablet while the PIN pad waits: the idle return takes the app to the picker and
  // the pack change is dropped (the picker's own PIN pad is never fed the pack's digits).
  rig.act(ActionKind::InstallPack, signed_archive.string());
  REQUIRE(rig.packs().asking_pin());
  rig.wait(600);
  CHECK(rig.model().route().screen == app::Screen::Profiles);
  CHECK_FALSE(rig.packs().asking_pin());
  CHECK_FALSE(fs::exists(data.path() / "packs" / "signed-pack.respack"));

  // The progress store is untouched; the unit store only counted the wrong PIN.
  const auto without_unit_db = [](std::map<std::string, std::string> files) {
    for (auto it = files.begin(); it != files.end();)
      it = it->first.rfind("unit.db", 0) == 0 ? files.erase(it) : std::next(it);
    return files;
  };
  const auto after = without_unit_db(progress_files(data.path()));
  const auto expected = without_unit_db(before);
  for (const auto& [name, bytes] : after) {
    INFO(name);
    CHECK(expected.count(name) == 1);
  }
  CHECK(after == expected);
}

TEST_CASE("Packs: --watch reloads the pack being edited and shows its errors until fixed", "[packs][watch]") {
  ScratchDir data("packs-watch");
  ScratchDir work("packs-watch-work");
  const fs::path folder = make_pack(work.path() / "editing", "ward-seven", "Ward Seven practice");
  PackRig rig(data.path(), {folder.string()}, true);
  rig.act(ActionKind::ChooseJustMe);
  REQUIRE(rig.catalog().find_pack("ward-seven") != nullptr);
  CHECK_FALSE(rig.packs().watch_diagnostics());

  // The loop wakes at the poll interval while watching, and only then (no busy rendering).
  const auto deadline = rig.model().time_until_deadline();
  REQUIRE(deadline);
  CHECK(*deadline <= app::PackFlow::kWatchInterval);
  CHECK(*deadline > core::MonoTime(0));

  // The educator is reading the pack's module.
  std::string module_id;
  for (const core::Item& item : rig.catalog().find_pack("ward-seven")->items) {
    if (item.kind == core::ItemKind::Module) module_id = item.id;
  }
  REQUIRE_FALSE(module_id.empty());
  rig.open("module/ward-seven/" + module_id + "/1");
  const std::string page_title = rig.model().module_view().page_title;

  // A saved edit is on screen within the poll interval, on the same screen.
  const fs::path manifest = folder / "pack.json";
  replace_in(manifest, "\"Slow breathing, 2 minutes\"", "\"Slow breathing, edited live\"");
  rig.wait(0.2);
  CHECK(rig.packs().reloads() == 0);  // not yet polled
  rig.wait(0.2);
  CHECK(rig.packs().reloads() == 1);
  CHECK(rig.catalog().find({"ward-seven", "slow-breathing"})->title.get("en", "en") ==
        "Slow breathing, edited live");
  CHECK(rig.model().route().screen == app::Screen::Module);
  CHECK(rig.model().module_view().page_title == page_title);

  // An error: the panel lists it as FILE:LINE:COL and the last good version stays.
  replace_in(manifest, "\"seconds\": 4", "\"seconds\": -4");
  rig.wait(0.4);
  const auto problems = rig.packs().watch_diagnostics();
  REQUIRE(problems);
  CHECK(problems->errors == 1);
  REQUIRE_FALSE(problems->lines.empty());
  CHECK(std::regex_search(problems->lines[0], std::regex(R"(pack\.json:\d+:\d+: error\[E-RANGE\])")));
  CHECK(rig.packs().reloads() == 1);
  CHECK(rig.catalog().find({"ward-seven", "slow-breathing"}) != nullptr);
  CHECK(rig.model().route().screen == app::Screen::Module);
  DrawnText shown = rig.frame();
  CHECK(shown.contains("The pack you are editing has problems"));
  CHECK(shown.contains("E-RANGE"));

  // Fixed: the panel goes away and the catalog is the fixed pack.
  replace_in(manifest, "\"seconds\": -4", "\"seconds\": 5");
  rig.wait(0.4);
  CHECK_FALSE(rig.packs().watch_diagnostics());
  CHECK(rig.packs().reloads() == 2);
  shown = rig.frame();
  CHECK_FALSE(shown.contains("The pack you are editing has problems"));
  CHECK(rig.model().route().screen == app::Screen::Module);

  // The item on screen is renamed away: its screen goes too (home, never a blank page).
  const fs::path learning = folder / "items" / "learning.json";
  replace_in(learning, "\"id\": \"" + module_id + "\"", "\"id\": \"renamed-module\"");
  replace_in(learning, "\"" + module_id + "\"]", "\"renamed-module\"]");
  rig.wait(0.4);
  REQUIRE_FALSE(rig.packs().watch_diagnostics());
  CHECK(rig.packs().reloads() == 3);
  CHECK(rig.model().route().screen == app::Screen::Home);
}

TEST_CASE("Packs: --watch wakes the loop at the poll interval and renders only on a change",
          "[packs][watch]") {
  ScratchDir data("packs-watch-loop");
  ScratchDir work("packs-watch-loop-work");
  const fs::path folder = make_pack(work.path() / "editing", "ward-seven", "Ward Seven practice");
  PackRig rig(data.path(), {folder.string()}, true);
  rig.act(ActionKind::ChooseJustMe);
  ImGui::SetCurrentContext(rig.runtime().context());
  NullHost host(390, 844, 1.0f);
  ScriptedEvents events(rig.clock());  // waiting advances the manual clock
  app::MainLoop loop(rig.model(), rig.runtime(), host, events, rig.clock());
  for (int i = 0; i < 10; ++i) REQUIRE(loop.step());
  const std::uint64_t settled = loop.frames_rendered();
  const core::MonoTime start = rig.clock().monotonic();
  for (int i = 0; i < 20; ++i) REQUIRE(loop.step());
  // Twenty polls, about eight seconds, not one frame: the loop slept between polls.
  CHECK(loop.frames_rendered() == settled);
  CHECK(rig.clock().monotonic() - start >= std::chrono::milliseconds(20 * 400 - 20));
  CHECK(rig.clock().monotonic() - start <= std::chrono::milliseconds(21 * 400));
  CHECK(events.unlimited_waits == 0);

  replace_in(folder / "pack.json", "\"Slow breathing, 2 minutes\"", "\"Slow breathing, saved\"");
  const core::MonoTime saved = rig.clock().monotonic();
  for (int i = 0; i < 2000 && rig.packs().reloads() == 0; ++i) {
    rig.packs().wait_idle();
    REQUIRE(loop.step());
  }
  CHECK(rig.packs().reloads() == 1);
  CHECK(rig.clock().monotonic() - saved < std::chrono::seconds(1));
  REQUIRE(loop.step());
  CHECK(loop.frames_rendered() > settled);
}

TEST_CASE("Packs: a pack broken at start with --watch is shown, not left out silently", "[packs][watch]") {
  ScratchDir data("packs-watch-start");
  ScratchDir work("packs-watch-start-work");
  const fs::path folder = make_pack(work.path() / "editing", "ward-seven", "Ward Seven practice");
  replace_in(folder / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  {
    PackRig rig(data.path(), {folder.string()}, true);
    REQUIRE(rig.packs().watch_diagnostics());
    replace_in(folder / "pack.json", "\"seconds\": -4", "\"seconds\": 4");
    rig.wait(0.4);
    CHECK_FALSE(rig.packs().watch_diagnostics());
    CHECK(rig.catalog().find_pack("ward-seven") != nullptr);
  }
  // Without --watch the app behaves as before: the broken pack is left out, nothing on screen.
  replace_in(folder / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  PackRig plain(data.path(), {folder.string()}, false);
  CHECK_FALSE(plain.packs().watch_diagnostics());
  CHECK(plain.catalog().find_pack("ward-seven") == nullptr);
  // Nothing to watch: the loop has no reason to wake up.
  plain.act(ActionKind::ChooseJustMe);
  CHECK_FALSE(plain.model().time_until_deadline());
}

TEST_CASE("Packs: --watch needs --pack", "[packs][watch]") {
  std::string error;
  CHECK_FALSE(app::parse_app_options({"--watch"}, error));
  CHECK(error.find("--watch needs --pack") != std::string::npos);
  const auto options = app::parse_app_options({"--pack", "some/dir", "--watch"}, error);
  REQUIRE(options);
  CHECK(options->watch);
  CHECK_FALSE(app::parse_app_options({"--pack", "x"}, error)->watch);
}

TEST_CASE("Packs: a .respack dropped on the window is offered for installing", "[packs]") {
  ScratchDir data("packs-drop");
  ScratchDir work("packs-drop-work");
  const fs::path archive = build_pack(make_pack(work.path() / "dropped", "dropped-pack", "Dropped pack"),
                                      work.path() / "dropped.respack");

  // SDL hands the path over once, and the app frees it.
  SDL_Event event{};
  event.type = SDL_DROPFILE;
  event.drop.file = SDL_strdup(archive.string().c_str());
  const std::optional<std::string> path = sdl::take_dropped_file(event);
  REQUIRE(path);
  CHECK(*path == archive.string());
  SDL_Event other{};
  other.type = SDL_KEYDOWN;
  CHECK_FALSE(sdl::take_dropped_file(other));

  PackRig rig(data.path());
  rig.act(ActionKind::ChooseJustMe);
  rig.model().file_dropped(*path);
  rig.settle();
  REQUIRE(rig.model().route().screen == app::Screen::Packs);
  ui::PacksView view = rig.packs().packs_view();
  REQUIRE(view.imports.size() == 1);
  CHECK(view.imports[0].path == archive.string());
  rig.act(ActionKind::InstallPack, archive.string());
  CHECK(rig.catalog().find_pack("dropped-pack") != nullptr);

  rig.model().file_dropped((work.path() / "notes.txt").string());
  rig.settle();
  view = rig.packs().packs_view();
  CHECK(view.status == "packs.drop_not_pack");
  CHECK(rig.frame().contains("is not a content pack"));
}

TEST_CASE("Packs: a screenshot lists the packs and what is ready to install", "[packs][shot]") {
  ScratchDir data("packs-shot");
  ScratchDir work("packs-shot-work");
  build_pack(make_pack(work.path() / "ward", "ward-seven", "Ward Seven practice"),
             fs::path(app::PackFlow::import_dir(data.str())) / "ward.respack");
  const auto shown = [](const std::string& data_dir) {
    app::ShotRequest request;
    request.route = "packs";
    request.width = 1280;
    request.height = 800;
    request.data_dir = data_dir;
    request.font_dir = font_dir();
    ui::LayoutAudit audit;
    request.audit = &audit;
    std::ostringstream messages;
    const core::CatalogLoadResult bundled = app::load_catalog_reporting({}, messages);
    const app::ShotResult result = app::render_shot(request, bundled.catalog);
    REQUIRE(result.exit_code == 0);
    std::string texts;
    for (const ui::LayoutAudit::Entry& e : audit.entries) texts += e.text + "\n";
    return texts;
  };
  const std::string bare = shown("");
  INFO(bare);
  CHECK(bare.find("Clinician Essentials") != std::string::npos);  // listed, not just the heading
  CHECK(bare.find("Ward Seven practice") == std::string::npos);
  const std::string with_data = shown(data.str());
  INFO(with_data);
  CHECK(with_data.find("Clinician Essentials") != std::string::npos);
  CHECK(with_data.find("Ward Seven practice") != std::string::npos);  // offered from the import folder
  CHECK(app::installed_pack_paths(data.str()).empty());               // a screenshot installs nothing
}

TEST_CASE("Packs: the screen and the panel fit a small phone at 200 % text", "[packs][layout]") {
  ScratchDir data("packs-layout");
  ScratchDir work("packs-layout-work");
  build_pack(make_pack(work.path() / "good", "ward-seven", "Ward 7 night shift"),
             fs::path(app::PackFlow::import_dir(data.str())) / "ward-seven.respack");
  const fs::path broken = make_pack(data.path() / "packs" / "icu-draft", "icu-draft", "ICU draft");
  replace_in(broken / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  const fs::path editing = make_pack(work.path() / "editing", "ed-pack", "Educator pack");
  replace_in(editing / "pack.json", "\"seconds\": 4", "\"seconds\": -4");

  const auto check = [](PackRig& rig) {
    ui::UiAction big;
    big.kind = ActionKind::SetTextScale;
    big.volume = 2.0f;
    rig.act(big);
    ui::LayoutAudit audit;
    rig.runtime().set_layout_audit(&audit);
    rig.frame(360.0f, 640.0f);
    rig.runtime().set_layout_audit(nullptr);
    REQUIRE_FALSE(audit.entries.empty());
    for (const ui::LayoutAudit::Entry& e : audit.entries) {
      INFO(e.text);
      CHECK(e.min.x >= e.container_min.x - 1.0f);
      CHECK(e.max.x <= e.container_max.x + 1.0f);
      CHECK(e.max.x <= 361.0f);
      // Only paths may break inside a word (they have no spaces to wrap at).
      if (e.text.find('/') == std::string::npos && e.text.find('$') == std::string::npos)
        CHECK_FALSE(e.broken_word);
    }
    for (const ui::LayoutAudit::Target& target : audit.targets) {
      CHECK(target.max.x - target.min.x >= 47.5f);
      CHECK(target.max.y - target.min.y >= 47.5f);
    }
  };
  {
    PackRig rig(data.path());
    rig.act(ActionKind::ChooseJustMe);
    rig.open("packs");
    rig.act(ActionKind::RemovePack, "icu-draft", false);  // the question and its two buttons too
    check(rig);
  }
  {
    PackRig rig(data.path(), {editing.string()}, true);
    rig.act(ActionKind::ChooseJustMe);
    REQUIRE(rig.packs().watch_diagnostics());
    check(rig);
  }
}

// Not run by default: writes the Packs screen and the --watch panel as PNGs for a person to look
// at (RESPITE_SHOTS_DIR, default the temp folder).
TEST_CASE("Packs: screenshots", "[.shots]") {
  ScratchDir data("packs-shots");
  ScratchDir work("packs-shots-work");
  const char* env = std::getenv("RESPITE_SHOTS_DIR");
  const fs::path out = env != nullptr ? fs::path(env) : fs::temp_directory_path();
  fs::create_directories(out);
  build_pack(make_pack(work.path() / "good", "ward-seven", "Ward 7 night shift"),
             data.path() / "packs" / "ward-seven.respack");
  const fs::path broken = make_pack(data.path() / "packs" / "icu-draft", "icu-draft", "ICU draft");
  replace_in(broken / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  const fs::path update = make_pack(work.path() / "update", "ward-seven", "Ward 7 night shift", "1.1.0");
  build_pack(update, fs::path(app::PackFlow::import_dir(data.str())) / "ward-seven-1.1.respack");
  build_pack(make_pack(work.path() / "new", "calm-kit", "Calm kit for students"),
             fs::path(app::PackFlow::import_dir(data.str())) / "calm-kit.respack");
  const fs::path editing = make_pack(work.path() / "editing", "ed-pack", "Educator pack");
  replace_in(editing / "pack.json", "\"seconds\": 4", "\"seconds\": -4");
  replace_in(editing / "items" / "learning.json", "\"kind\": \"module\"", "\"kind\": \"modul\"");

  const auto shoot = [&](PackRig& rig, const std::string& name) {
    for (const auto& [size, scale] :
         {std::make_pair(ImVec2(390, 844), 3.0f), std::make_pair(ImVec2(1280, 800), 1.0f)}) {
      for (ui::ThemeName theme : {ui::ThemeName::Light, ui::ThemeName::Dark}) {
        ui::UiAction set;
        set.kind = ActionKind::SetTheme;
        set.theme = theme;
        rig.model().apply(set);
        std::string error;
        auto runtime = app::UiRuntime::create(font_dir(), scale, theme, error);
        REQUIRE(runtime);
        ImGui::SetCurrentContext(runtime->context());
        const int w = static_cast<int>(size.x * scale), h = static_cast<int>(size.y * scale);
        auto host = app::HeadlessHost::create(w, h, scale, error);
        REQUIRE(host);
        QueuedEventsForShots events;
        app::MainLoop loop(rig.model(), *runtime, *host, events, rig.clock());
        rig.model().finish_transition();
        for (int i = 0; i < 4; ++i) loop.render_frame(1.0f / 60.0f);
        app::RgbaImage image;
        image.width = w;
        image.height = h;
        image.pixels = host->read_rgba();
        const std::string file = (out / (name + "-" + std::to_string(int(size.x)) + "-" +
                                         (theme == ui::ThemeName::Dark ? "dark" : "light") + ".png"))
                                     .string();
        REQUIRE(app::write_png(file, image, error));
      }
    }
  };
  {
    PackRig rig(data.path());
    rig.act(ActionKind::ChooseJustMe);
    rig.open("packs");
    shoot(rig, "packs");
  }
  {
    PackRig rig(data.path(), {editing.string()}, true);
    rig.act(ActionKind::ChooseJustMe);
    rig.open("library");
    shoot(rig, "watch");
  }
}

}  // namespace respite::testing
