// Command-line options of the app (`respite [...]`) and of `respite shot`, parsed strictly: every
// value is checked and a bad one is reported with the flag, the value and what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/progress/progress_types.h"
#include "ui/theme.h"

namespace respite::app {

// Limits for --size (dp), --scale and the resulting pixel size.
inline constexpr int kMinSide = 200;
inline constexpr int kMaxSide = 4096;
inline constexpr float kMinScale = 0.5f;
inline constexpr float kMaxScale = 4.0f;
inline constexpr int kMaxPixels = 8192;  // per side, after scaling
inline constexpr double kMaxAtSeconds = 24.0 * 3600.0;

struct AppOptions {
  std::string data_dir;
  std::vector<std::string> packs;
  int width = 390;
  int height = 844;
  std::optional<float> scale;           // nullopt: the display's density
  std::optional<ui::ThemeName> theme;   // nullopt: follow the system (ui::system_theme_from_environment)
  std::string locale;                   // empty: the system's ($LANG), else English
  std::optional<float> text_scale;      // 1..2
  std::optional<ui::Insets> safe_area;  // dp; else $RESPITE_SAFE_AREA, else none
  // Benchmarks: quit after this many rendered frames (e.g. 1 for time to first frame).
  std::optional<std::uint64_t> exit_after_frames;
  // --kiosk: full screen on the whole display, and closing the window does not quit (a unit's
  // wall-mounted tablet; docs/unit-mode.md, "Kiosk"). --size is ignored: the screen sets the size.
  bool kiosk = false;
  // --watch (with --pack): reload the packs when their files change and show their errors on
  // screen instead of leaving them out (docs/pack-format.md, "See your edits live").
  bool watch = false;
};

struct ShotOptions {
  std::string route;
  std::optional<double> at;  // seconds into the session (play routes only)
  int width = 390;
  int height = 844;
  float scale = 1.0f;
  ui::ThemeName theme = ui::ThemeName::Light;
  std::string locale = "en";
  float text_scale = 1.0f;
  ui::Insets safe_area;
  std::string data_dir;
  std::string profile;  // --profile NAME (with --data-dir): the profile shown, no PIN asked
  std::optional<core::OffsetDateTime> now;  // --now ISO8601_WITH_OFFSET: the wall clock ("today")
  std::vector<std::string> packs;
  std::string output;

  int pixel_width() const;
  int pixel_height() const;
};

// Both return nullopt and set `error` (a usage error, exit 2) on any problem.
std::optional<AppOptions> parse_app_options(const std::vector<std::string>& args, std::string& error);
std::optional<ShotOptions> parse_shot_options(const std::vector<std::string>& args, std::string& error);

// The value checks, exposed for tests. Each sets `error` naming `flag` when it returns false.
bool parse_size(const std::string& flag, const std::string& text, int& width, int& height,
                std::string& error);
bool parse_scale(const std::string& flag, const std::string& text, float& scale, std::string& error);
bool parse_seconds(const std::string& flag, const std::string& text, double& seconds, std::string& error);
bool valid_locale(const std::string& text);
bool parse_theme(const std::string& flag, const std::string& text, ui::ThemeName& theme, std::string& error);
bool parse_text_scale(const std::string& flag, const std::string& text, float& scale, std::string& error);
bool parse_safe_area(const std::string& flag, const std::string& text, ui::Insets& insets,
                     std::string& error);

}  // namespace respite::app
