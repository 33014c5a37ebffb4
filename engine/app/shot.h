// Headless screenshots: renders a route of the real UI into memory, with no window, on a manual
// clock. The same request always gives the same pixels, so screenshots can be compared byte for
// byte and reviewed as golden images.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/png_image.h"
#include "core/content.h"
#include "core/time.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::app {

struct ShotRequest {
  std::string route;         // a route name (route.h)
  std::optional<double> at;  // seconds into the session; play routes only
  int width = 390;           // dp
  int height = 844;
  float scale = 1.0f;  // pixels per dp; the image is round(width * scale) x round(height * scale)
  ui::ThemeName theme = ui::ThemeName::Light;
  bool reduced_motion = false;
  // After --at, the app goes to the background and comes back: the player's interruption state.
  bool interrupted = false;
  std::string locale = "en";
  float text_scale = 1.0f;  // 1..2
  ui::Insets safe_area;
  // The data folder (progress, profiles, unit mode, installed packs): empty means nothing is kept.
  std::string data_dir;
  // --pack paths the catalog was loaded from (the Packs screen shows them as such).
  std::vector<std::string> explicit_packs;
  // The profile to show (its alias): screenshots run with the rights of the files' owner, like the
  // CLI, so no PIN is asked. Empty: the device's own rule (one profile without PIN signs in).
  std::string profile;
  // The wall clock and UTC offset at the start ("today" for the progress screen); nullopt: the
  // manual clock's default (2026-01-01T00:00:00Z).
  std::optional<core::UtcInstant> now;
  int utc_offset_minutes = 0;
  // Intents applied after the route opens (a library filter, an answer to the feeling check, a
  // check-in answer), as if tapped.
  std::vector<ui::UiAction> actions;
  std::string font_dir;  // holds the Noto Sans fonts
  // Tests: where to record every text item of the last frame (ui::LayoutAudit).
  ui::LayoutAudit* audit = nullptr;
  // ImGui frames rendered before the capture, at a fixed 1/60 s step, so layouts that depend on
  // the previous frame have settled.
  int settle_frames = 4;
};

struct ShotResult {
  int exit_code = 0;  // 0, 1 (unknown route or item, missing fonts), 2 (malformed route)
  std::string error;
  RgbaImage image;
};

ShotResult render_shot(const ShotRequest& request, const core::Catalog& catalog);

// The folder of the UI fonts next to the program (bin/../assets/fonts), or an explanation.
std::optional<std::string> find_font_dir(std::string& error);

}  // namespace respite::app
