#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace respite::ui {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
  return IM_COL32(r, g, b, 255);
}

// Warm off-white paper and a deep sea-green accent: low saturation, nothing that reads as alarm.
// Contrast (WCAG 2 formula): text on background 13.3:1, muted on background 5.6:1, on_primary on
// primary 5.9:1, on_support on support 5.6:1, primary on background 5.3:1.
Palette light_palette() {
  Palette p{};
  p.background = rgb(0xF4, 0xF2, 0xED);
  p.surface = rgb(0xFF, 0xFF, 0xFF);
  p.surface_down = rgb(0xE6, 0xEE, 0xEC);
  p.outline = rgb(0xD3, 0xD6, 0xD2);
  p.text = rgb(0x1E, 0x29, 0x2E);
  p.text_muted = rgb(0x56, 0x62, 0x69);
  p.primary = rgb(0x2C, 0x6E, 0x70);
  p.primary_down = rgb(0x22, 0x58, 0x5A);
  p.on_primary = rgb(0xFF, 0xFF, 0xFF);
  p.primary_soft = rgb(0xD5, 0xE8, 0xE5);
  p.glow = rgb(0xA4, 0xD4, 0xCD);
  p.support = rgb(0xA8, 0x4B, 0x36);
  p.on_support = rgb(0xFF, 0xFF, 0xFF);
  return p;
}

// A dim blue-green night palette for break rooms and night shifts; no pure black or white.
// Contrast: text on background 14.7:1, muted on background 7.5:1, on_primary on primary 7.8:1.
Palette dark_palette() {
  Palette p{};
  p.background = rgb(0x11, 0x18, 0x1B);
  p.surface = rgb(0x1B, 0x25, 0x29);
  p.surface_down = rgb(0x25, 0x33, 0x37);
  p.outline = rgb(0x34, 0x42, 0x46);
  p.text = rgb(0xE4, 0xEA, 0xE8);
  p.text_muted = rgb(0x9C, 0xAA, 0xA9);
  p.primary = rgb(0x72, 0xB8, 0xB1);
  p.primary_down = rgb(0x5C, 0x9E, 0x98);
  p.on_primary = rgb(0x0D, 0x1A, 0x1B);
  p.primary_soft = rgb(0x23, 0x3E, 0x3F);
  p.glow = rgb(0x2F, 0x55, 0x55);
  p.support = rgb(0xE0, 0x93, 0x7E);
  p.on_support = rgb(0x1C, 0x0F, 0x0B);
  return p;
}

}  // namespace

const char* to_string(ThemeName name) {
  return name == ThemeName::Dark ? "dark" : "light";
}

std::optional<ThemeName> theme_from_string(const std::string& name) {
  if (name == "light") return ThemeName::Light;
  if (name == "dark") return ThemeName::Dark;
  return std::nullopt;
}

Theme make_theme(ThemeName name, float scale) {
  Theme theme;
  theme.name = name;
  theme.palette = name == ThemeName::Dark ? dark_palette() : light_palette();
  theme.scale = scale > 0.0f ? scale : 1.0f;
  return theme;
}

ImU32 with_alpha(ImU32 colour, float alpha) {
  const float a = std::clamp(alpha, 0.0f, 1.0f) * 255.0f;
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::lround(a)) << IM_COL32_A_SHIFT);
}

ImVec4 to_vec4(ImU32 colour) {
  return ImGui::ColorConvertU32ToFloat4(colour);
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
  style.ScrollbarSize = theme.px(6.0f);
  style.ScrollbarRounding = theme.px(3.0f);
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
  c[ImGuiCol_NavHighlight] = to_vec4(p.primary);
  c[ImGuiCol_ModalWindowDimBg] = to_vec4(with_alpha(p.background, 0.6f));
}

}  // namespace respite::ui
