// The one place that decides how Respite looks: colours (four themes), type sizes, spacing, radii,
// touch-target sizes and the safe-area inset. Every screen and widget reads these values; none
// hard-codes a colour or a size. Sizes are in dp (density-independent points: 1 dp is one pixel at
// scale 1); `Theme::px` converts them to pixels for the current UI scale. docs/design.md shows the
// whole system with its reasons.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace respite::ui {

// Light: warm paper, sea-green accent. Dark: dim blue-green for night shifts. Black: true black
// for OLED screens (pixels off) and dark rooms. HighContrast: black on white, 7:1 or more
// everywhere, heavier outlines.
enum class ThemeName { Light, Dark, Black, HighContrast };
const char* to_string(ThemeName name);  // "light", "dark", "black", "high-contrast"
std::optional<ThemeName> theme_from_string(const std::string& name);
inline constexpr ThemeName kAllThemes[] = {ThemeName::Light, ThemeName::Dark, ThemeName::Black,
                                           ThemeName::HighContrast};

// What "follow the system" means where SDL 2.26 cannot ask (it has no system-theme query; SDL 3
// adds one): $RESPITE_THEME if set to a theme name, else a GTK_THEME ending in ":dark" or
// containing "-dark" means Dark; otherwise Light. Never fails.
ThemeName system_theme_from_environment();

struct Palette {
  ImU32 background;    // the page
  ImU32 surface;       // cards and secondary buttons
  ImU32 surface_down;  // a surface while pressed
  ImU32 outline;       // hairlines, card borders (decorative: cards are also set apart by colour)
  ImU32 control;       // the edges of controls a person must find: switch track, slider, radio ring (3:1)
  ImU32 text;
  ImU32 text_muted;  // secondary text; still meets WCAG AA (4.5:1) on background and surface
  ImU32 primary;     // the one accent: primary buttons, pacer, selection, links (4.5:1 as text)
  ImU32 primary_down;
  ImU32 on_primary;    // text on primary
  ImU32 primary_soft;  // a quiet tint of primary (pacer fill, chips, selected rows)
  ImU32 on_soft;       // text on primary_soft (chips)
  ImU32 glow;          // the light around the pacer's disc, fading out
  ImU32 support;       // the Support button: warm, noticeable, not alarming
  ImU32 on_support;
  ImU32 focus;  // the keyboard-focus ring
};

// Type sizes in dp at 100 % text size. Regular weight unless the name says bold.
struct TypeScale {
  float small = 14.0f;    // chips, secondary lines
  float body = 17.0f;     // paragraphs and summaries
  float label = 18.0f;    // bold: button labels, card titles
  float heading = 21.0f;  // bold: reader headings, section heads on tablets
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
  float radius_small = 10.0f;        // chips, tiles' inner parts
  float touch_min = 48.0f;           // the smallest tappable height or width (WCAG 2.5.5 / Material)
  float button_height = 56.0f;       // ordinary buttons (they grow when their label wraps)
  float hero_height = 96.0f;         // the home screen's one-tap "Breathe" button
  float content_max_width = 640.0f;  // text columns stay readable on wide tablets
  float outline = 1.5f;              // hairline width
  float wide_min = 720.0f;           // from this width (dp), landscape layouts use two columns
};

// Space the system keeps for itself at each edge (notches, rounded corners, gesture bars), in dp.
// SDL 2.26 has no safe-area API: the app takes it from --safe-area / RESPITE_SAFE_AREA.
struct Insets {
  float top = 0.0f;
  float right = 0.0f;
  float bottom = 0.0f;
  float left = 0.0f;
};
// "T,R,B,L" or one number for all four, in dp (0..200 each). nullopt when malformed.
std::optional<Insets> insets_from_string(const std::string& text);

// Text sizes from 100 % to 200 % (WCAG 1.4.4). Small text grows fully; larger text grows less (as
// Android 14's non-linear font scaling does), so a 200 % title still fits a phone: the growth of a
// size s is (text_scale - 1) * clamp(20 / s, 0.35, 1).
inline constexpr float kMinTextScale = 1.0f;
inline constexpr float kMaxTextScale = 2.0f;
float scaled_type_size(float dp, float text_scale);

struct Theme {
  ThemeName name = ThemeName::Light;
  Palette palette{};
  TypeScale type{};  // already multiplied out for text_scale
  Metrics metrics{};
  float scale = 1.0f;       // pixels per dp
  float text_scale = 1.0f;  // the person's text size, 1..2
  Insets safe_area{};

  float px(float dp) const { return dp * scale; }
  // Outlines are heavier in high contrast.
  float outline_px() const { return px(name == ThemeName::HighContrast ? 2.0f : metrics.outline); }
};

Theme make_theme(ThemeName name, float scale, float text_scale = 1.0f);
Palette palette_for(ThemeName name);

// Sets ImGui's own style (padding, rounding, colours of the few stock widgets still used) from
// the theme, so nothing ImGui draws falls back to its default look.
void apply_style(const Theme& theme, ImGuiStyle& style);

// Colour helpers: `with_alpha` replaces the alpha channel (0..1); `mix` blends a to b by t.
ImU32 with_alpha(ImU32 colour, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);
ImVec4 to_vec4(ImU32 colour);

// WCAG 2.x relative luminance (sRGB channels linearised) and contrast ratio (L1 + 0.05) / (L2 + 0.05).
double relative_luminance(ImU32 colour);
double contrast_ratio(ImU32 a, ImU32 b);

// Every pair of colours the UI draws text with (or, for `text = false`, a control's edge against
// what is behind it), with the minimum contrast it must meet: 4.5:1 for text (7:1 in high
// contrast), 3:1 for controls (WCAG 1.4.11). Tests check them all; screens use no other pairs.
struct ColourPair {
  const char* name;
  ImU32 foreground;
  ImU32 background;
  double minimum;
};
std::vector<ColourPair> colour_pairs(const Theme& theme);

}  // namespace respite::ui
