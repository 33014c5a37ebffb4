#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace respite::ui {
namespace {

constexpr ImU32 rgb(unsigned value) {
  return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 255);
}

// Warm off-white paper and a deep sea-green accent: low saturation, nothing that reads as alarm.
// Lowest text contrast (WCAG 2): text_muted on a pressed surface 5.3:1; controls 3.3:1.
Palette light_palette() {
  Palette p{};
  p.background = rgb(0xF4F2ED);
  p.surface = rgb(0xFFFFFF);
  p.surface_down = rgb(0xE6EEEC);
  p.outline = rgb(0xD3D6D2);
  p.control = rgb(0x7A8784);
  p.text = rgb(0x1E292E);
  p.text_muted = rgb(0x56626A);
  p.primary = rgb(0x2C6E70);
  p.primary_down = rgb(0x225859);
  p.on_primary = rgb(0xFFFFFF);
  p.primary_soft = rgb(0xD5E8E5);
  p.on_soft = rgb(0x1C3D3E);
  p.glow = rgb(0xA4D4CD);
  p.support = rgb(0xA84B36);
  p.on_support = rgb(0xFFFFFF);
  p.focus = rgb(0x2C6E70);
  return p;
}

// A dim blue-green night palette for break rooms and night shifts; no pure black or white.
Palette dark_palette() {
  Palette p{};
  p.background = rgb(0x11181B);
  p.surface = rgb(0x1B2529);
  p.surface_down = rgb(0x253337);
  p.outline = rgb(0x344246);
  p.control = rgb(0x6F8487);
  p.text = rgb(0xE4EAE8);
  p.text_muted = rgb(0x9CAAA9);
  p.primary = rgb(0x72B8B1);
  p.primary_down = rgb(0x5C9E98);
  p.on_primary = rgb(0x0D1A1B);
  p.primary_soft = rgb(0x233E3F);
  p.on_soft = rgb(0xD5EEEA);
  p.glow = rgb(0x2F5555);
  p.support = rgb(0xE0937E);
  p.on_support = rgb(0x1C0F0B);
  p.focus = rgb(0x9AD3CC);
  return p;
}

// True black for OLED screens: unlit pixels around the content, surfaces barely lifted.
Palette black_palette() {
  Palette p{};
  p.background = rgb(0x000000);
  p.surface = rgb(0x111617);
  p.surface_down = rgb(0x1D2527);
  p.outline = rgb(0x2A3436);
  p.control = rgb(0x6A7B7D);
  p.text = rgb(0xE6ECEA);
  p.text_muted = rgb(0xA3B0AF);
  p.primary = rgb(0x7CC4BC);
  p.primary_down = rgb(0x66AAA3);
  p.on_primary = rgb(0x001413);
  p.primary_soft = rgb(0x12302E);
  p.on_soft = rgb(0xCDEBE7);
  p.glow = rgb(0x1E4744);
  p.support = rgb(0xE89A85);
  p.on_support = rgb(0x1A0C08);
  p.focus = rgb(0xA6DDD6);
  return p;
}

// Black on white, 7:1 or more for every text pair (WCAG AAA), solid black control edges.
Palette high_contrast_palette() {
  Palette p{};
  p.background = rgb(0xFFFFFF);
  p.surface = rgb(0xFFFFFF);
  p.surface_down = rgb(0xE3EEEC);
  p.outline = rgb(0x000000);
  p.control = rgb(0x000000);
  p.text = rgb(0x000000);
  p.text_muted = rgb(0x2B2B2B);
  p.primary = rgb(0x00474A);
  p.primary_down = rgb(0x00302F);
  p.on_primary = rgb(0xFFFFFF);
  p.primary_soft = rgb(0xD6EBE8);
  p.on_soft = rgb(0x000000);
  p.glow = rgb(0x9CCFC9);
  p.support = rgb(0x8F1D00);
  p.on_support = rgb(0xFFFFFF);
  p.focus = rgb(0x0038B8);
  return p;
}

double linear_channel(unsigned value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

const char* to_string(ThemeName name) {
  switch (name) {
    case ThemeName::Light:
      return "light";
    case ThemeName::Dark:
      return "dark";
    case ThemeName::Black:
      return "black";
    case ThemeName::HighContrast:
      return "high-contrast";
  }
  return "light";
}

std::optional<ThemeName> theme_from_string(const std::string& name) {
  for (ThemeName theme : kAllThemes) {
    if (name == to_string(theme)) return theme;
  }
  return std::nullopt;
}

ThemeName system_theme_from_environment() {
  if (const char* env = std::getenv("RESPITE_THEME"); env != nullptr) {
    if (const auto theme = theme_from_string(env)) return *theme;
  }
  if (const char* gtk = std::getenv("GTK_THEME"); gtk != nullptr) {
    const std::string value(gtk);
    if (value.find(":dark") != std::string::npos || value.find("-dark") != std::string::npos ||
        value.find("-Dark") != std::string::npos) {
      return ThemeName::Dark;
    }
  }
  return ThemeName::Light;
}

std::optional<Insets> insets_from_string(const std::string& text) {
  std::vector<float> values;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    char* end = nullptr;
    const float v = std::strtof(part.c_str(), &end);
    if (part.empty() || end == part.c_str() || *end != '\0' || !std::isfinite(v) || v < 0.0f || v > 200.0f)
      return std::nullopt;
    values.push_back(v);
  }
  if (!text.empty() && text.back() == ',') return std::nullopt;
  if (values.size() == 1) return Insets{values[0], values[0], values[0], values[0]};
  if (values.size() == 4) return Insets{values[0], values[1], values[2], values[3]};
  return std::nullopt;
}

float scaled_type_size(float dp, float text_scale) {
  const float k = std::clamp(text_scale, kMinTextScale, kMaxTextScale);
  const float damping = std::clamp(20.0f / std::max(dp, 1.0f), 0.35f, 1.0f);
  return dp * (1.0f + (k - 1.0f) * damping);
}

Palette palette_for(ThemeName name) {
  switch (name) {
    case ThemeName::Light:
      return light_palette();
    case ThemeName::Dark:
      return dark_palette();
    case ThemeName::Black:
      return black_palette();
    case ThemeName::HighContrast:
      return high_contrast_palette();
  }
  return light_palette();
}

Theme make_theme(ThemeName name, float scale, float text_scale) {
  Theme theme;
  theme.name = name;
  theme.palette = palette_for(name);
  theme.scale = scale > 0.0f ? scale : 1.0f;
  theme.text_scale = std::clamp(std::isfinite(text_scale) ? text_scale : 1.0f, kMinTextScale, kMaxTextScale);
  TypeScale& t = theme.type;
  for (float* size : {&t.small, &t.body, &t.label, &t.heading, &t.title, &t.display}) {
    *size = scaled_type_size(*size, theme.text_scale);
  }
  return theme;
}

ImU32 with_alpha(ImU32 colour, float alpha) {
  const float a = std::clamp(alpha, 0.0f, 1.0f) * 255.0f;
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::lround(a)) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  ImU32 out = 0;
  for (int shift = 0; shift < 32; shift += 8) {
    const float ca = static_cast<float>((a >> shift) & 0xFF);
    const float cb = static_cast<float>((b >> shift) & 0xFF);
    out |= static_cast<ImU32>(std::lround(ca + (cb - ca) * t)) << shift;
  }
  return out;
}

ImVec4 to_vec4(ImU32 colour) {
  return ImGui::ColorConvertU32ToFloat4(colour);
}

double relative_luminance(ImU32 colour) {
  const unsigned r = (colour >> IM_COL32_R_SHIFT) & 0xFF;
  const unsigned g = (colour >> IM_COL32_G_SHIFT) & 0xFF;
  const unsigned b = (colour >> IM_COL32_B_SHIFT) & 0xFF;
  return 0.2126 * linear_channel(r) + 0.7152 * linear_channel(g) + 0.0722 * linear_channel(b);
}

double contrast_ratio(ImU32 a, ImU32 b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColourPair> colour_pairs(const Theme& theme) {
  const Palette& p = theme.palette;
  const double text = theme.name == ThemeName::HighContrast ? 7.0 : 4.5;
  return {
      {"text on background", p.text, p.background, text},
      {"text on surface", p.text, p.surface, text},
      {"text on pressed surface", p.text, p.surface_down, text},
      {"text on soft primary", p.text, p.primary_soft, text},
      {"muted text on background", p.text_muted, p.background, text},
      {"muted text on surface", p.text_muted, p.surface, text},
      {"muted text on pressed surface", p.text_muted, p.surface_down, 4.5},
      {"primary text (links, quiet buttons) on background", p.primary, p.background, text},
      {"primary text on surface", p.primary, p.surface, text},
      {"label on primary button", p.on_primary, p.primary, text},
      {"label on pressed primary button", p.on_primary, p.primary_down, text},
      {"chip text on soft primary", p.on_soft, p.primary_soft, text},
      {"label on support button", p.on_support, p.support, text},
      {"support text on background", p.support, p.background, text},
      {"support text on surface", p.support, p.surface, text},
      {"control edge on background", p.control, p.background, 3.0},
      {"control edge on surface", p.control, p.surface, 3.0},
      {"pacer (primary) on background", p.primary, p.background, 3.0},
      {"focus ring on background", p.focus, p.background, 3.0},
      {"focus ring on surface", p.focus, p.surface, 3.0},
  };
}

void apply_style(const Theme& theme, ImGuiStyle& style) {
  style = ImGuiStyle();
  const Metrics& m = theme.metrics;
  style.WindowPadding = ImVec2(0, 0);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = 0;
  style.ChildBorderSize = 0;
  style.PopupRounding = theme.px(m.radius);
  style.FramePadding = ImVec2(theme.px(m.space_m), theme.px(m.space_s));
  style.FrameRounding = theme.px(m.radius);
  // No implicit vertical spacing: screens place every gap explicitly (ui::gap), so layouts read
  // as a list of sizes from the theme.
  style.ItemSpacing = ImVec2(theme.px(m.space_s), 0);
  style.ItemInnerSpacing = ImVec2(theme.px(m.space_s), theme.px(m.space_xs));
  style.TouchExtraPadding = ImVec2(0, 0);
  // Pages scroll by dragging; the bar is only a thin position hint.
  style.ScrollbarSize = theme.px(4.0f);
  style.ScrollbarRounding = theme.px(2.0f);
  style.GrabMinSize = theme.px(m.touch_min / 2.0f);
  style.GrabRounding = theme.px(m.radius);
  style.AntiAliasedLines = true;
  // Textured AA lines need bilinear sampling, which SDL's software renderer (headless shots and
  // GPU-less kiosks) does not do; geometric AA lines look right everywhere.
  style.AntiAliasedLinesUseTex = false;
  style.AntiAliasedFill = true;
  // Smooth circles: at most a quarter pixel between the true circle and its polygon.
  style.CircleTessellationMaxError = 0.25f;
  style.CurveTessellationTol = 0.5f;

  const Palette& p = theme.palette;
  ImVec4* c = style.Colors;
  for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = to_vec4(p.text);
  c[ImGuiCol_Text] = to_vec4(p.text);
  c[ImGuiCol_TextDisabled] = to_vec4(p.text_muted);
  // Screens are full-screen windows over a renderer cleared to the background colour; a
  // transparent window background (which ImGui then skips) saves a full-screen blend per frame,
  // a large share of a software-rendered frame.
  c[ImGuiCol_WindowBg] = to_vec4(with_alpha(p.background, 0.0f));
  c[ImGuiCol_ChildBg] = to_vec4(with_alpha(p.background, 0.0f));
  c[ImGuiCol_PopupBg] = to_vec4(p.surface);
  c[ImGuiCol_Border] = to_vec4(p.outline);
  c[ImGuiCol_BorderShadow] = to_vec4(with_alpha(p.outline, 0.0f));
  c[ImGuiCol_FrameBg] = to_vec4(p.surface);
  c[ImGuiCol_FrameBgHovered] = to_vec4(p.surface_down);
  c[ImGuiCol_FrameBgActive] = to_vec4(p.surface_down);
  c[ImGuiCol_ScrollbarBg] = to_vec4(with_alpha(p.background, 0.0f));
  c[ImGuiCol_ScrollbarGrab] = to_vec4(with_alpha(p.text_muted, 0.35f));
  c[ImGuiCol_ScrollbarGrabHovered] = to_vec4(with_alpha(p.text_muted, 0.55f));
  c[ImGuiCol_ScrollbarGrabActive] = to_vec4(with_alpha(p.text_muted, 0.75f));
  c[ImGuiCol_Button] = to_vec4(p.surface);
  c[ImGuiCol_ButtonHovered] = to_vec4(p.surface_down);
  c[ImGuiCol_ButtonActive] = to_vec4(p.surface_down);
  c[ImGuiCol_NavHighlight] = to_vec4(p.focus);
  c[ImGuiCol_ModalWindowDimBg] = to_vec4(with_alpha(p.background, 0.6f));
}

}  // namespace respite::ui
