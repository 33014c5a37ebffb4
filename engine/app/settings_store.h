// What the person chose in Settings, and where it is kept (docs/app.md, "Settings").
//
// Two kinds of settings file, both small JSON documents written atomically (temp file, fsync,
// rename) so a crash leaves either the old or the new file:
//  - the device's: DATA_DIR/settings.json. Used wherever no person is signed in: the first-run
//    (welcome) screen, the profile picker, guest sessions, and a one-person device before its
//    profile exists. It is read once at start, on the render thread, before the first frame (a few
//    hundred bytes: the first frame then already has the right language, theme and text size).
//  - each profile's: DATA_DIR/profiles/<profile-id>/settings.json, next to the profile's
//    progress.db and removed with it ("delete my data", an admin reset). Read and written only on
//    storage threads (Storage::load_profile_settings / save_profile_settings), so the render thread
//    never waits for it; writes go through the profile's own writer, in order with its other jobs.
// A file that cannot be read is never fatal: every field that is missing or wrong falls back to
// the default, the others are kept, and the person is told once. The progress store is never
// touched by any of this.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/sound_settings.h"
#include "ui/theme.h"

namespace respite::app {

// What the person chose in Settings. Everything but `system_theme` and `safe_area` (facts about the
// platform and this run) is saved: for the signed-in profile in its own file, otherwise in the
// device's file; a guest's changes last until the guest leaves.
struct Settings {
  ui::ThemeName theme = ui::ThemeName::Light;
  // Follow the platform's light/dark preference (see ui::system_theme_from_environment: SDL 2.26
  // cannot ask the system); `system_theme` is what the platform reported at start.
  bool follow_system_theme = false;
  ui::ThemeName system_theme = ui::ThemeName::Light;
  bool reduced_motion = false;
  core::SoundSettings sound;  // mode (incl. "with patients" quiet mode), volume, mute, vibration
  std::string locale = "en";
  float text_scale = 1.0f;     // 1..2 (ui::kMinTextScale..kMaxTextScale)
  bool ask_feeling = true;     // ask "how do you feel now?" after a session (one tap, optional)
  std::string support_region;  // ISO 3166 code for the support screen; "" = from the locale
  ui::Insets safe_area;        // dp kept clear at each edge (--safe-area / RESPITE_SAFE_AREA)

  ui::ThemeName effective_theme() const { return follow_system_theme ? system_theme : theme; }
};

// Everything that is saved is equal (the platform facts are not compared).
bool same_saved_settings(const Settings& a, const Settings& b);

// Settings given on the command line for one run (--theme, --locale, --text-scale): they win over
// whatever is saved, for every person, and are never saved themselves.
struct SettingsOverrides {
  std::optional<ui::ThemeName> theme;  // also turns "follow the system" off for the run
  std::optional<std::string> locale;
  std::optional<float> text_scale;
  bool any() const { return theme || locale || text_scale; }
};
// `saved` with the overrides on top.
Settings with_overrides(Settings saved, const SettingsOverrides& overrides);

struct SettingsRead {
  Settings settings;   // the base given, with every valid field of the file on top
  bool found = false;  // the file was there (a missing file is not a problem: defaults)
  // One line per field that was wrong or per reason the file could not be read (English, for the
  // log and for tests). Not empty: tell the person ("notice.settings_damaged").
  std::vector<std::string> problems;
  bool unreadable = false;  // not a settings file at all (not JSON, not an object, too large)
  bool damaged() const { return !problems.empty(); }
};

inline constexpr int kSettingsFormatVersion = 1;
inline constexpr std::size_t kMaxSettingsFileBytes = 64 * 1024;  // anything larger is not ours

// Reads the JSON text of a settings file over `base` (the defaults for every missing or bad field).
// Unknown fields are ignored, so a newer version's file still gives what this one understands.
SettingsRead parse_settings(const std::string& text, const Settings& base);
std::string settings_to_json(const Settings& settings);

// Reads `path` (missing: `base`, not found, no problems). A file that is not JSON at all is first
// copied to PATH.damaged, so a hand edit is not lost when the settings are next saved.
SettingsRead read_settings_file(const std::filesystem::path& path, const Settings& base);
// Writes atomically. Empty on success, else why. With `create_folder` false a missing folder is an
// error (a profile's folder is never made again after it was deleted).
std::string write_settings_file(const std::filesystem::path& path, const Settings& settings,
                                bool create_folder);

std::filesystem::path device_settings_path(const std::filesystem::path& data_dir);
std::filesystem::path profile_settings_path(const std::filesystem::path& data_dir,
                                            const std::string& profile_id);

}  // namespace respite::app
