// The one place that decides how Respite looks: colours (a calm light theme and a dark theme),
// type sizes, spacing, radii and touch-target sizes. Every screen and widget reads these values;
// none hard-codes a colour or a size. Sizes are in dp (density-independent points: 1 dp is one
// pixel at scale 1); `Theme::px` converts them to pixels for the current UI scale.
#pragma once

#include <optional>
#include <string>

#include <imgui.h>

namespace respite::ui {

enum class ThemeName { Light, Dark };
const char* to_string(ThemeName name);  // "light", "dark"
std::optional<ThemeName> theme_from_string(const std::string& name);

struct Palette {
  ImU32 background;    // the page
  ImU32 surface;       // cards and secondary buttons
  ImU32 surface_down;  // a surface while pressed
  ImU32 outline;       // hairlines, tracks, unselected outlines
  ImU32 text;
  ImU32 text_muted;  // secondary text; still meets WCAG AA (4.5:1) on background and surface
  ImU32 primary;     // the one accent: primary buttons, pacer, selection
  ImU32 primary_down;
  ImU32 on_primary;    // text on primary
  ImU32 primary_soft;  // a quiet tint of primary (pacer fill, chips)
  ImU32 glow;          // the light around the pacer's disc, fading out
  ImU32 support;       // the Support button: warm, noticeable, not alarming
  ImU32 on_support;
};

// Type sizes in dp. Regular weight unless the name says bold.
struct TypeScale {
  float small = 14.0f;    // chips, secondary lines
  float body = 17.0f;     // paragraphs and summaries
  float label = 18.0f;    // bold: button labels, card titles
  float title = 26.0f;    // bold: screen titles, the phase word
  float display = 64.0f;  // the pacer's countdown (digits only)
};

// Spacing, radii and target sizes in dp.
struct Metrics {
  float space_xs = 4.0f;
  float space_s = 8.0f;
  float space_m = 16.0f;
  float space_l = 24.0f;
  float space_xl = 40.0f;
  float radius = 18.0f;              // buttons and cards
  float touch_min = 48.0f;           // the smallest tappable height or width (WCAG 2.5.5 / Material)
  float button_height = 56.0f;       // ordinary buttons
  float hero_height = 84.0f;         // the home screen's one-tap "Breathe" button
  float content_max_width = 600.0f;  // text columns stay readable on wide tablets
  float outline = 1.5f;              // hairline width
};

struct Theme {
  ThemeName name = ThemeName::Light;
  Palette palette{};
  TypeScale type{};
  Metrics metrics{};
  float scale = 1.0f;  // pixels per dp

  float px(float dp) const { return dp * scale; }
};

Theme make_theme(ThemeName name, float scale);

// Sets ImGui's own style (padding, rounding, colours of the few stock widgets still used) from
// the theme, so nothing ImGui draws falls back to its default look.
void apply_style(const Theme& theme, ImGuiStyle& style);

// Colour helpers: `with_alpha` replaces the alpha channel (0..1).
ImU32 with_alpha(ImU32 colour, float alpha);
ImVec4 to_vec4(ImU32 colour);

}  // namespace respite::ui
