// Settings are kept across restarts (docs/app.md, "Settings"): the device's in DATA_DIR/settings.json,
// each profile's next to its progress. These tests run the whole app (model, storage threads, flow,
// ImGui screens) on a data folder, close it, start it again on the same folder the way app.cpp
// does, and look for the settings there; and they check that one person's settings never show for
// the next, that a guest's are not kept, that command-line overrides are not saved, and that a
// damaged file is survived with a notice and the practice history intact.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/settings_store.h"
#include "core/progress/profiles.h"
#include "profile_test_support.h"

using namespace respite;
using namespace respite::testing;

namespace {

constexpr const char* kNow = "2026-03-10T08:00:00Z";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The app as app.cpp starts it: the defaults, the device's settings file over them (read before
// the first frame), the command line's overrides on top, then storage and the profile flow.
class SettingsApp : public AppRig {
 public:
  explicit SettingsApp(const fs::path& data_dir, app::SettingsOverrides overrides = {})
      : AppRig(data_dir, kNow, options(std::move(overrides))) {}

  void set_theme(ui::ThemeName theme) {
    ui::UiAction action;
    action.kind = ui::ActionKind::SetTheme;
    action.theme = theme;
    act(action);
  }
  void set_text_scale(float scale) {
    ui::UiAction action;
    action.kind = ui::ActionKind::SetTextScale;
    action.volume = scale;
    act(action);
  }
  void set_sound_mode(core::SoundMode mode) {
    ui::UiAction action;
    action.kind = ui::ActionKind::SetSoundMode;
    action.sound_mode = mode;
    act(action);
  }

 private:
  static AppRigOptions options(app::SettingsOverrides overrides) {
    AppRigOptions o;
    o.settings = app::Settings{};  // the app's own defaults: motion as the file says
    o.read_device_settings = true;
    o.overrides = std::move(overrides);
    return o;
  }
};

void seed_unit(const ScratchDir& dir) {
  respite_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Aroha", "--data-dir", dir.str()});
  respite_cli({"profile", "add", "Ben", "--data-dir", dir.str()});
}

}  // namespace

// ---- The file format ---------------------------------------------------------------------------

TEST_CASE("settings files: every saved field survives a round trip", "[headless][settings]") {
  app::Settings s;
  s.theme = ui::ThemeName::HighContrast;
  s.follow_system_theme = false;
  s.reduced_motion = true;
  s.sound.mode = core::SoundMode::WithPatients;
  s.sound.master_volume = 0.25f;
  s.sound.muted = true;
  s.sound.vibration = false;
  s.locale = "es";
  s.text_scale = 1.5f;
  s.ask_feeling = false;
  s.support_region = "GB-ENG";
  const app::SettingsRead read = app::parse_settings(app::settings_to_json(s), app::Settings{});
  CHECK(read.found);
  CHECK_FALSE(read.damaged());
  CHECK(app::same_saved_settings(read.settings, s));
}

TEST_CASE("settings files: bad fields fall back, good ones are kept", "[headless][settings]") {
  app::Settings base;
  base.locale = "en";
  base.theme = ui::ThemeName::Dark;

  SECTION("wrong types and values") {
    const app::SettingsRead read = app::parse_settings(
        R"({"theme": "purple", "locale": "es", "text_scale": 9, "ask_feeling": "no",
            "support_region": "gb", "sound": {"mode": "with_patients", "volume": -1}})",
        base);
    CHECK(read.damaged());
    CHECK_FALSE(read.unreadable);
    CHECK(read.problems.size() == 5);  // theme, text_scale, ask_feeling, support_region, volume
    CHECK(read.settings.theme == ui::ThemeName::Dark);
    CHECK(read.settings.locale == "es");
    CHECK(read.settings.text_scale == 1.0f);
    CHECK(read.settings.ask_feeling);
    CHECK(read.settings.support_region.empty());
    CHECK(read.settings.sound.mode == core::SoundMode::WithPatients);
    CHECK(read.settings.sound.master_volume == base.sound.master_volume);
  }
  SECTION("a newer file's unknown fields are ignored; missing fields keep the base") {
    const app::SettingsRead read =
        app::parse_settings(R"({"format": "respite-settings", "version": 7, "haptics_pattern": [1, 2],
                                "locale": "pt-BR"})",
                            base);
    CHECK_FALSE(read.damaged());
    CHECK(read.settings.locale == "pt-BR");
    CHECK(read.settings.theme == ui::ThemeName::Dark);
  }
  SECTION("not a settings file at all") {
    for (const std::string& text :
         {std::string("{\"theme\": \"dark\""), std::string("[1, 2]"), std::string(""),
          std::string("\xff\xfe"), std::string("{\"locale\": \"") + std::string(70000, 'a') + "\"}"}) {
      const app::SettingsRead read = app::parse_settings(text, base);
      CHECK(read.damaged());
      CHECK(read.unreadable);
      CHECK(app::same_saved_settings(read.settings, base));
    }
  }
  SECTION("locales and regions are checked") {
    for (const char* bad :
         {R"({"locale": ""})", R"({"locale": "../../etc"})", R"({"locale": "e s"})",
          R"({"support_region": "USA!"})", R"({"support_region": "G"})", R"({"format": "something-else"})"}) {
      INFO(bad);
      CHECK(app::parse_settings(bad, base).damaged());
    }
  }
}

TEST_CASE("settings files: a missing file is the defaults, quietly; an unreadable one is kept aside",
          "[headless][settings]") {
  ScratchDir dir("settings-file");
  app::Settings base;
  base.locale = "es";
  const app::SettingsRead missing = app::read_settings_file(app::device_settings_path(dir.path()), base);
  CHECK_FALSE(missing.found);
  CHECK_FALSE(missing.damaged());
  CHECK(missing.settings.locale == "es");

  write_file(app::device_settings_path(dir.path()), "{ \"theme\": dark }");
  const app::SettingsRead broken = app::read_settings_file(app::device_settings_path(dir.path()), base);
  CHECK(broken.found);
  CHECK(broken.unreadable);
  CHECK(read_file(app::device_settings_path(dir.path()).string() + ".damaged") == "{ \"theme\": dark }");

  // A profile's folder that is gone is never made again by a late write.
  const fs::path gone = app::profile_settings_path(dir.path(), "0c6f1e0a-5a43-4bd4-9c3f-3f0f5f6b1a10");
  CHECK_FALSE(app::write_settings_file(gone, base, false).empty());
  CHECK_FALSE(fs::exists(gone.parent_path()));
}

// ---- The app -----------------------------------------------------------------------------------

TEST_CASE("settings: a one-person device finds its settings again after a restart",
          "[headless][settings][app]") {
  ScratchDir dir("settings-one");
  std::string id;
  {
    SettingsApp app(dir.path());
    REQUIRE(app.model().route().screen == app::Screen::Welcome);
    app.act(ui::ActionKind::ChooseJustMe);
    REQUIRE(app.flow().signed_in());
    id = app.flow().active_profile()->id;
    app.set_theme(ui::ThemeName::Dark);
    app.act(ui::ActionKind::SetLocale, 0, "es");
    app.set_text_scale(1.5f);
    app.set_sound_mode(core::SoundMode::WithPatients);
    app.act(ui::ActionKind::SetAskFeeling, 0, {}, false);
    app.act(ui::ActionKind::SetSupportRegion, 0, "GB");
    app.act(ui::ActionKind::SetReducedMotion, 0, {}, true);
    ui::UiAction volume;
    volume.kind = ui::ActionKind::SetVolume;
    for (float v : {0.7f, 0.6f, 0.5f, 0.4f}) {  // a slider: one change per frame, the last one wins
      volume.volume = v;
      app.model().apply(volume);
    }
    app.settle();
  }
  CHECK(fs::exists(app::profile_settings_path(dir.path(), id)));
  // Chosen with a profile: the device's file (the welcome screen's) is untouched.
  CHECK_FALSE(fs::exists(app::device_settings_path(dir.path())));

  SettingsApp app(dir.path());
  REQUIRE(app.flow().signed_in());
  const app::Settings& s = app.settings();
  CHECK(s.theme == ui::ThemeName::Dark);
  CHECK_FALSE(s.follow_system_theme);
  CHECK(s.locale == "es");
  CHECK(s.text_scale == 1.5f);
  CHECK(s.sound.mode == core::SoundMode::WithPatients);
  CHECK(s.sound.master_volume == Approx(0.4f));
  CHECK_FALSE(s.ask_feeling);
  CHECK(s.support_region == "GB");
  CHECK(s.reduced_motion);
  CHECK(app.flow().notice().empty());
  // The screens read them: home in Spanish, with the quiet-mode pill.
  const DrawnText home = app.frame();
  INFO(home.all());
  CHECK(home.contains("Pausas rápidas"));
  CHECK(app.model().home_view().sound_mode == core::SoundMode::WithPatients);
}

TEST_CASE("settings: chosen before any profile they are the device's, and a new profile starts from them",
          "[headless][settings][app]") {
  ScratchDir dir("settings-device");
  {
    SettingsApp app(dir.path());
    REQUIRE(app.model().route().screen == app::Screen::Welcome);
    app.act(ui::ActionKind::SetLocale, 0, "es");
    app.set_theme(ui::ThemeName::Black);
  }
  REQUIRE(fs::exists(app::device_settings_path(dir.path())));
  SettingsApp app(dir.path());
  // Already there before storage answered: the first frame is in the right language and theme.
  CHECK(app.startup().found);
  CHECK(app.settings().locale == "es");
  CHECK(app.settings().theme == ui::ThemeName::Black);
  CHECK(app.frame().contains("¿Quién usará este dispositivo?"));
  app.act(ui::ActionKind::ChooseJustMe);
  REQUIRE(app.flow().signed_in());
  CHECK(app.settings().locale == "es");
  CHECK(fs::exists(app::profile_settings_path(dir.path(), app.flow().active_profile()->id)));
}

TEST_CASE("settings: one person's settings never apply to the next, nor to the picker",
          "[headless][settings][app][privacy]") {
  ScratchDir dir("settings-two");
  seed_unit(dir);
  {
    SettingsApp app(dir.path());
    REQUIRE(app.model().route().screen == app::Screen::Profiles);
    app.pick("Aroha");
    REQUIRE(app.flow().signed_in());
    app.set_theme(ui::ThemeName::Dark);
    app.act(ui::ActionKind::SetLocale, 0, "es");
    app.set_text_scale(2.0f);
    app.set_sound_mode(core::SoundMode::WithPatients);
    app.act(ui::ActionKind::SwitchPerson);
    REQUIRE(app.model().route().screen == app::Screen::Profiles);
    // The picker is the device's again: English, light, normal text, sound.
    CHECK(app.settings().locale == "en");
    CHECK(app.settings().theme == ui::ThemeName::Light);
    CHECK(app.settings().text_scale == 1.0f);
    CHECK(app.settings().sound.mode == core::SoundMode::Sound);
    const DrawnText picker = app.frame();
    INFO(picker.all());
    CHECK(picker.contains("Aroha"));
    CHECK(picker.contains("Who is taking a moment?"));
    app.pick("Ben");
    REQUIRE(app.flow().active_profile()->alias == "Ben");
    CHECK(app.settings().locale == "en");
    CHECK(app.settings().theme == ui::ThemeName::Light);
    CHECK(app.settings().text_scale == 1.0f);
    app.act(ui::ActionKind::SwitchPerson);
  }
  // Nothing of Aroha's reached the device's file.
  CHECK_FALSE(fs::exists(app::device_settings_path(dir.path())));

  SettingsApp app(dir.path());
  CHECK(app.settings().locale == "en");
  app.pick("Ben");
  CHECK(app.settings().locale == "en");
  CHECK(app.settings().theme == ui::ThemeName::Light);
  app.act(ui::ActionKind::SwitchPerson);
  app.pick("Aroha");
  CHECK(app.settings().locale == "es");
  CHECK(app.settings().theme == ui::ThemeName::Dark);
  CHECK(app.settings().text_scale == 2.0f);
  CHECK(app.settings().sound.mode == core::SoundMode::WithPatients);
  // The idle time ends her turn: the device's settings are back for whoever comes next.
  app.act(ui::ActionKind::SwitchPerson);
  CHECK(app.settings().locale == "en");
  CHECK(app.settings().text_scale == 1.0f);
}

TEST_CASE("settings: a guest's changes are not kept", "[headless][settings][app][privacy]") {
  ScratchDir dir("settings-guest");
  seed_unit(dir);
  {
    SettingsApp app(dir.path());
    app.act(ui::ActionKind::PickGuest);
    REQUIRE(app.flow().guest());
    app.set_theme(ui::ThemeName::Dark);
    app.act(ui::ActionKind::SetLocale, 0, "es");
    CHECK(app.settings().locale == "es");  // they apply while the guest is here
    app.act(ui::ActionKind::SwitchPerson);
    CHECK(app.settings().locale == "en");
    CHECK(app.settings().theme == ui::ThemeName::Light);
    app.pick("Aroha");
    CHECK(app.settings().locale == "en");
  }
  CHECK_FALSE(fs::exists(app::device_settings_path(dir.path())));
  SettingsApp app(dir.path());
  CHECK(app.settings().locale == "en");
  CHECK(app.settings().theme == ui::ThemeName::Light);
}

TEST_CASE("settings: command-line overrides apply for the run and are never saved",
          "[headless][settings][app]") {
  ScratchDir dir("settings-flags");
  {
    SettingsApp app(dir.path());
    app.act(ui::ActionKind::ChooseJustMe);
    app.act(ui::ActionKind::SetLocale, 0, "es");
  }
  {
    app::SettingsOverrides flags;
    flags.theme = ui::ThemeName::HighContrast;
    flags.locale = "en";
    flags.text_scale = 1.75f;
    SettingsApp app(dir.path(), flags);
    REQUIRE(app.flow().signed_in());
    // The profile's settings were read after start: the flags still win over them.
    CHECK(app.settings().theme == ui::ThemeName::HighContrast);
    CHECK(app.settings().locale == "en");
    CHECK(app.settings().text_scale == 1.75f);
    // Another change is saved without the flags' values in it.
    app.act(ui::ActionKind::SetAskFeeling, 0, {}, false);
    // A setting chosen on the screen is the person's, even if a flag set it for the run.
    app.set_text_scale(1.25f);
  }
  SettingsApp app(dir.path());
  CHECK(app.settings().locale == "es");
  CHECK(app.settings().theme == ui::ThemeName::Light);
  CHECK_FALSE(app.settings().ask_feeling);
  CHECK(app.settings().text_scale == 1.25f);
}

TEST_CASE("settings: a damaged file gives a notice and defaults, and the practice history stays",
          "[headless][settings][app]") {
  ScratchDir dir("settings-damaged");
  respite_cli({"profile", "add", "Sam", "--data-dir", dir.str()});
  respite_cli({"log", "--data-dir", dir.str(), "--profile", "Sam", "--item",
               "clinician-essentials/two-minute-reset", "--at", "2026-03-09T10:00:00Z"});
  std::string id;
  {
    SettingsApp app(dir.path());
    REQUIRE(app.flow().signed_in());
    id = app.flow().active_profile()->id;
    app.act(ui::ActionKind::SetLocale, 0, "es");
    app.set_theme(ui::ThemeName::Dark);
  }
  const fs::path profile_file = app::profile_settings_path(dir.path(), id);
  REQUIRE(fs::exists(profile_file));

  SECTION("hand-edited: one bad field") {
    std::string text = read_file(profile_file);
    const std::size_t at = text.find("\"dark\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 6, "\"midnight\"");
    write_file(profile_file, text);
    SettingsApp app(dir.path());
    REQUIRE(app.flow().signed_in());
    CHECK(app.flow().notice() == "notice.settings_damaged");
    CHECK(app.settings().locale == "es");                                       // kept
    CHECK(app.settings().theme == ui::ThemeName::Light);                        // back to the default
    CHECK(app.frame().contains("No se pudieron leer algunos de tus ajustes"));  // in her language
    app.act(ui::ActionKind::OpenProgress);
    CHECK(app.flow().progress_view().sessions == 1);
    // Written again whole: the next start is quiet.
    CHECK_FALSE(app::read_settings_file(profile_file, app::Settings{}).damaged());
  }
  SECTION("garbage") {
    write_file(profile_file, std::string("\0\0\0garbage", 10));
    SettingsApp app(dir.path());
    REQUIRE(app.flow().signed_in());
    CHECK(app.flow().notice() == "notice.settings_damaged");
    CHECK(app.settings().locale == "en");
    app.act(ui::ActionKind::OpenProgress);
    CHECK(app.flow().progress_view().sessions == 1);
    CHECK(fs::exists(profile_file.string() + ".damaged"));
  }
  SECTION("the device's file") {
    write_file(app::device_settings_path(dir.path()), "not json");
    SettingsApp app(dir.path());
    CHECK(app.startup().damaged());
    CHECK(app.flow().notice() == "notice.settings_damaged");
    REQUIRE(app.flow().signed_in());
    CHECK(app.settings().locale == "es");  // the profile's own file was fine
    app.act(ui::ActionKind::OpenProgress);
    CHECK(app.flow().progress_view().sessions == 1);
  }
}

TEST_CASE("settings: deleting my data removes my settings, and no late write brings them back",
          "[headless][settings][app][privacy]") {
  ScratchDir dir("settings-delete");
  seed_unit(dir);
  SettingsApp app(dir.path());
  app.pick("Aroha");
  const std::string id = app.flow().active_profile()->id;
  app.act(ui::ActionKind::SetLocale, 0, "es");
  REQUIRE(fs::exists(app::profile_settings_path(dir.path(), id)));
  // A change still waiting to be written as she deletes everything.
  app.set_theme(ui::ThemeName::Dark);
  app.model().apply([] {
    ui::UiAction a;
    a.kind = ui::ActionKind::SetTextScale;
    a.volume = 1.5f;
    return a;
  }());
  app.act(ui::ActionKind::DeleteMyData, 0, {}, true);
  CHECK_FALSE(fs::exists(core::ProfileRegistry::profile_dir_in(dir.path(), id)));
  CHECK(app.settings().locale == "en");
}
