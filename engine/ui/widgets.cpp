#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "ui/pacer.h"

namespace respite::ui {
namespace {

// A finger moves a little while tapping; beyond this (in dp) the gesture is a scroll.
constexpr float kTapSlopDp = 10.0f;
// A swipe must travel at least this far sideways (dp), and more sideways than up or down.
constexpr float kSwipeDp = 64.0f;

// The visible part of an ImGui "Label##id" string.
const char* label_end(const char* id_label) {
  const char* hashes = std::strstr(id_label, "##");
  return hashes ? hashes : id_label + std::strlen(id_label);
}

// Text positions are snapped to whole pixels so glyphs land on the pixel grid the same way on
// every run and every renderer.
ImVec2 snap(ImVec2 v) {
  return ImVec2(std::floor(v.x + 0.5f), std::floor(v.y + 0.5f));
}

ImGuiID no_drag_scroll_key() {
  return ImGui::GetID("##no-drag-scroll");
}

struct Interaction {
  bool pressed = false;
  bool held = false;
  bool hovered = false;
};

Interaction invisible_button(const Ui& ui, const char* id, ImVec2 size, bool enabled) {
  Interaction result;
  result.pressed = tap_area(ui, id, size, enabled, &result.held, &result.hovered);
  return result;
}

// Lines of `begin..end` wrapped at `width`, each centred on `center_x`, from `top`. Returns the
// height used. Records each line for the audit against the container.
float draw_centered_lines(const Ui& ui, ImDrawList* draw, ImFont* font, ImU32 colour, const char* begin,
                          const char* end, float center_x, float top, float width, ImVec2 container_min,
                          ImVec2 container_max) {
  const char* line = begin;
  float y = top;
  while (line < end) {
    if (*line == '\n') {
      y += font->FontSize;
      ++line;
      continue;
    }
    const char* wrap = font->CalcWordWrapPositionA(1.0f, line, end, width);
    if (wrap == line) wrap = line + 1;  // a word wider than the line still makes progress
    // A wrap between two letters means a word did not fit the line.
    const bool broken = wrap < end && wrap > line && wrap[-1] != ' ' && *wrap != ' ' && *wrap != '\n' &&
                        wrap[-1] != '-' && wrap[-1] != '/';
    const char* next = wrap;
    while (next < end && (*next == ' ' || *next == '\n')) {
      const bool newline = *next == '\n';
      ++next;
      if (newline) break;
    }
    const char* line_end = wrap;
    while (line_end > line && line_end[-1] == ' ') --line_end;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, line, line_end);
    const ImVec2 pos = snap(ImVec2(center_x - size.x / 2.0f, y));
    draw->AddText(font, font->FontSize, pos, colour, line, line_end);
    if (ui.audit != nullptr) {
      ui.audit->record(std::string_view(line, static_cast<std::size_t>(line_end - line)), pos,
                       ImVec2(pos.x + size.x, pos.y + size.y), container_min, container_max, broken);
    }
    y += font->FontSize;
    line = next;
  }
  return y - top;
}

// The widest run of `value` between spaces, line breaks, hyphens and slashes (where ImGui may wrap).
float widest_word(ImFont* font, const std::string& value) {
  float widest = 0.0f;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find_first_of(" \n-/", start);
    if (end == std::string::npos) end = value.size();
    if (end < value.size() && (value[end] == '-' || value[end] == '/'))
      ++end;  // the mark stays with its word
    widest = std::max(
        widest,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, value.c_str() + start, value.c_str() + end).x);
    start = end + (end < value.size() && (value[end] == ' ' || value[end] == '\n') ? 1 : 0);
    if (end == start && start < value.size()) ++start;
  }
  return widest;
}

float wrapped_height(ImFont* font, const char* begin, const char* end, float width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, std::max(1.0f, width), begin, end).y;
}

float icon_size(const Ui& ui, ImFont* font) {
  (void)ui;
  return std::round(font->FontSize * 1.05f);
}

}  // namespace

// ---- Audit --------------------------------------------------------------------------------

float longest_word_width(ImFont* font, const std::string& value) {
  return widest_word(font, value);
}

bool tap_area(const Ui& ui, const char* id, ImVec2 size, bool enabled, bool* held, bool* hovered,
              bool inline_link) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::InvisibleButton(id, size) && enabled && was_tap(ui);
  // Hover only exists for a mouse; on touch the pointer vanishes when the finger lifts
  // (sdl::PointerTracker), so nothing stays highlighted.
  const bool over = enabled && ImGui::IsItemHovered();
  if (hovered != nullptr) *hovered = over;
  if (held != nullptr) *held = enabled && ImGui::IsItemActive() && over;
  ImGui::EndDisabled();
  if (ui.audit != nullptr && enabled) {
    ui.audit->targets.push_back({ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), inline_link});
  }
  return pressed;
}

void LayoutAudit::record(std::string_view text, ImVec2 min, ImVec2 max, ImVec2 container_min,
                         ImVec2 container_max, bool broken_word) {
  Entry entry;
  entry.broken_word = broken_word;
  entry.text = std::string(text.substr(0, 80));
  entry.min = min;
  entry.max = max;
  entry.container_min = container_min;
  entry.container_max = container_max;
  entries.push_back(std::move(entry));
}

// ---- Icons --------------------------------------------------------------------------------

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 c, float size, ImU32 colour, float stroke) {
  const float u = size / 2.0f;
  const auto at = [&](float x, float y) { return ImVec2(c.x + x * u, c.y + y * u); };
  const auto circle_segments_for = [](float r) { return std::clamp(static_cast<int>(r * 1.5f), 16, 64); };
  switch (icon) {
    case Icon::None:
      return;
    case Icon::Back:
    case Icon::Forward: {
      const float d = icon == Icon::Back ? 1.0f : -1.0f;
      const ImVec2 pts[3] = {at(0.25f * d, -0.6f), at(-0.35f * d, 0.0f), at(0.25f * d, 0.6f)};
      draw->AddPolyline(pts, 3, colour, ImDrawFlags_None, stroke);
      return;
    }
    case Icon::Support: {
      // A filled heart: two round lobes over a point. (A stroked parametric heart grows miter
      // spikes at its two sharp corners.)
      const float r = 0.43f * u;
      draw->AddCircleFilled(at(-0.4f, -0.22f), r, colour, circle_segments_for(r));
      draw->AddCircleFilled(at(0.4f, -0.22f), r, colour, circle_segments_for(r));
      draw->AddTriangleFilled(at(-0.81f, -0.05f), at(0.81f, -0.05f), at(0.0f, 0.78f), colour);
      draw->AddQuadFilled(at(-0.4f, -0.22f), at(0.4f, -0.22f), at(0.81f, -0.05f), at(-0.81f, -0.05f), colour);
      return;
    }
    case Icon::Settings: {
      const float ys[3] = {-0.55f, 0.0f, 0.55f};
      const float knobs[3] = {-0.3f, 0.35f, -0.05f};
      for (int i = 0; i < 3; ++i) {
        draw->AddLine(at(-0.85f, ys[i]), at(0.85f, ys[i]), colour, stroke);
        draw->AddCircleFilled(at(knobs[i], ys[i]), u * 0.2f, colour, 16);
      }
      return;
    }
    case Icon::Info:
      draw->AddCircle(c, u * 0.85f, colour, circle_segments_for(u), stroke);
      draw->AddCircleFilled(at(0.0f, -0.42f), stroke * 0.8f, colour, 12);
      draw->AddLine(at(0.0f, -0.12f), at(0.0f, 0.45f), colour, stroke);
      return;
    case Icon::Play:
      draw->AddTriangleFilled(at(-0.45f, -0.62f), at(0.65f, 0.0f), at(-0.45f, 0.62f), colour);
      return;
    case Icon::Pause:
      draw->AddRectFilled(at(-0.5f, -0.6f), at(-0.12f, 0.6f), colour, u * 0.08f);
      draw->AddRectFilled(at(0.12f, -0.6f), at(0.5f, 0.6f), colour, u * 0.08f);
      return;
    case Icon::Stop:
      draw->AddRectFilled(at(-0.5f, -0.5f), at(0.5f, 0.5f), colour, u * 0.12f);
      return;
    case Icon::Check: {
      const ImVec2 pts[3] = {at(-0.62f, 0.02f), at(-0.18f, 0.46f), at(0.66f, -0.5f)};
      draw->AddPolyline(pts, 3, colour, ImDrawFlags_None, stroke);
      return;
    }
    case Icon::Breath:
      draw->AddCircle(c, u * 0.85f, colour, circle_segments_for(u), stroke);
      draw->AddCircleFilled(c, u * 0.42f, colour, circle_segments_for(u));
      return;
    case Icon::Timer:
      draw->AddCircle(at(0.0f, 0.12f), u * 0.75f, colour, circle_segments_for(u), stroke);
      draw->AddLine(at(0.0f, -0.63f), at(0.0f, -0.9f), colour, stroke);
      draw->AddLine(at(-0.25f, -0.9f), at(0.25f, -0.9f), colour, stroke);
      draw->AddLine(at(0.0f, 0.12f), at(0.3f, -0.2f), colour, stroke);
      return;
    case Icon::Book: {
      const ImVec2 left[4] = {at(0.0f, -0.5f), at(-0.85f, -0.68f), at(-0.85f, 0.62f), at(0.0f, 0.78f)};
      const ImVec2 right[4] = {at(0.0f, -0.5f), at(0.85f, -0.68f), at(0.85f, 0.62f), at(0.0f, 0.78f)};
      draw->AddPolyline(left, 4, colour, ImDrawFlags_Closed, stroke);
      draw->AddPolyline(right, 4, colour, ImDrawFlags_Closed, stroke);
      return;
    }
    case Icon::Calendar:
      draw->AddRect(at(-0.8f, -0.62f), at(0.8f, 0.8f), colour, u * 0.16f, 0, stroke);
      draw->AddLine(at(-0.8f, -0.18f), at(0.8f, -0.18f), colour, stroke);
      draw->AddLine(at(-0.4f, -0.9f), at(-0.4f, -0.45f), colour, stroke);
      draw->AddLine(at(0.4f, -0.9f), at(0.4f, -0.45f), colour, stroke);
      return;
    case Icon::Close:
      draw->AddLine(at(-0.55f, -0.55f), at(0.55f, 0.55f), colour, stroke);
      draw->AddLine(at(0.55f, -0.55f), at(-0.55f, 0.55f), colour, stroke);
      return;
  }
}

// ---- Gestures -----------------------------------------------------------------------------

bool was_tap(const Ui& ui) {
  const float slop = ui.theme.px(kTapSlopDp);
  return ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] <= slop * slop;
}

void drag_scroll(const Ui& ui) {
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const bool blocked = storage->GetBool(no_drag_scroll_key(), false);
  storage->SetBool(no_drag_scroll_key(), false);
  if (blocked) return;
  const ImGuiHoveredFlags flags =
      ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows;
  if (ImGui::IsWindowHovered(flags) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.theme.px(kTapSlopDp))) {
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  }
}

int swipe(const Ui& ui) {
  // The pointer may vanish on the frame the finger lifts, so the travel is remembered while the
  // press lasts and judged at release.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID dx_key = ImGui::GetID("##swipe-dx");
  const ImGuiID dy_key = ImGui::GetID("##swipe-dy");
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDown[ImGuiMouseButton_Left] && ImGui::IsMousePosValid(&io.MousePos)) {
    storage->SetFloat(dx_key, io.MousePos.x - io.MouseClickedPos[ImGuiMouseButton_Left].x);
    storage->SetFloat(dy_key, io.MousePos.y - io.MouseClickedPos[ImGuiMouseButton_Left].y);
    return 0;
  }
  if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return 0;
  const float dx = storage->GetFloat(dx_key, 0.0f);
  const float dy = storage->GetFloat(dy_key, 0.0f);
  storage->SetFloat(dx_key, 0.0f);
  storage->SetFloat(dy_key, 0.0f);
  if (std::fabs(dx) < ui.theme.px(kSwipeDp) || std::fabs(dx) < 1.5f * std::fabs(dy)) return 0;
  return dx < 0.0f ? -1 : 1;
}

void focus_ring(const Ui& ui, float rounding) {
  if (!ImGui::GetIO().NavVisible || !ImGui::IsItemFocused()) return;
  const Theme& t = ui.theme;
  const float pad = t.px(3.0f);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad),
                                      t.palette.focus, rounding + pad, 0, t.px(2.5f));
}

// ---- Buttons ------------------------------------------------------------------------------

std::string clamp_lines(ImFont* font, const std::string& value, float width, int max_lines) {
  if (max_lines <= 0) return value;
  const char* begin = value.c_str();
  const char* end = begin + value.size();
  const char* line = begin;
  for (int i = 0; i < max_lines && line < end; ++i) {
    const char* wrap = font->CalcWordWrapPositionA(1.0f, line, end, width);
    if (wrap == line) wrap = line + 1;
    if (i == max_lines - 1) {
      if (wrap >= end) return value;
      // The last line keeps what fits together with an ellipsis.
      static const char kEllipsis[] = "\xE2\x80\xA6";
      const float room = width - text_size(font, kEllipsis).x;
      const char* cut = font->CalcWordWrapPositionA(1.0f, line, end, room);
      while (cut > line &&
             (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';' || cut[-1] == ':' || cut[-1] == '.'))
        --cut;
      return std::string(begin, cut) + kEllipsis;
    }
    line = wrap;
    while (line < end && (*line == ' ' || *line == '\n')) ++line;
  }
  return value;
}

namespace {

float button_pad(const Ui& ui, ButtonStyle style) {
  return ui.theme.px(style == ButtonStyle::Quiet ? ui.theme.metrics.space_s : ui.theme.metrics.space_l);
}

float icon_room(const Ui& ui, Icon icon) {
  if (icon == Icon::None) return 0.0f;
  return icon_size(ui, ui.fonts.label) + ui.theme.px(ui.theme.metrics.space_s);
}

}  // namespace

float button_width(const Ui& ui, const char* label, ButtonStyle style, Icon icon) {
  const ImVec2 size =
      ui.fonts.label->CalcTextSizeA(ui.fonts.label->FontSize, FLT_MAX, 0.0f, label, label_end(label));
  const float label_w = label == label_end(label) ? -ui.theme.px(ui.theme.metrics.space_s) : size.x;
  return std::max(ui.theme.px(ui.theme.metrics.touch_min),
                  std::ceil(label_w + icon_room(ui, icon) + 2.0f * button_pad(ui, style)));
}

float button_height(const Ui& ui, const char* label, float width, float min_height, ButtonStyle style,
                    Icon icon) {
  const Theme& t = ui.theme;
  const float room = width - 2.0f * button_pad(ui, style) - icon_room(ui, icon);
  const float text_h = wrapped_height(ui.fonts.label, label, label_end(label), room);
  return std::max(
      {min_height, t.px(t.metrics.touch_min), std::ceil(text_h + 2.0f * t.px(t.metrics.space_m))});
}

bool button(const Ui& ui, const char* id_label, ImVec2 size, ButtonStyle style, bool enabled, Icon icon) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  size.x = std::max(size.x, t.px(t.metrics.touch_min));
  size.y = button_height(ui, id_label, size.x, size.y, style, icon);
  const Interaction in = invisible_button(ui, id_label, size, enabled);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = std::min(t.px(t.metrics.radius), size.y / 2.0f);
  const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;

  ImU32 label_colour = p.text;
  switch (style) {
    case ButtonStyle::Primary:
      draw->AddRectFilled(min, max, mix(p.primary, p.primary_down, hover), rounding);
      label_colour = p.on_primary;
      break;
    case ButtonStyle::Support:
      // Outlined in the warm support colour: easy to find, not an alarm.
      draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
      draw->AddRect(min, max, p.support, rounding, 0, t.px(2.0f));
      label_colour = p.support;
      break;
    case ButtonStyle::Secondary:
      draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
      draw->AddRect(min, max, t.name == ThemeName::HighContrast ? p.control : p.outline, rounding, 0,
                    t.outline_px());
      break;
    case ButtonStyle::Quiet:
      if (hover > 0.0f) draw->AddRectFilled(min, max, with_alpha(p.surface_down, hover), rounding);
      label_colour = p.primary;
      break;
  }
  if (!enabled) label_colour = mix(label_colour, style == ButtonStyle::Primary ? p.primary : p.surface, 0.5f);
  focus_ring(ui, rounding);

  const char* end = label_end(id_label);
  const float pad = button_pad(ui, style);
  const float room = size.x - 2.0f * pad - icon_room(ui, icon);
  ImFont* font = ui.fonts.label;
  const float one_line = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, id_label, end).x;
  const float text_h = wrapped_height(font, id_label, end, room);
  const float content_w =
      std::min(room, one_line) + icon_room(ui, icon) - (id_label == end ? t.px(t.metrics.space_s) : 0.0f);
  const float left = std::floor((min.x + max.x - content_w) / 2.0f);
  // A forward chevron follows its label; every other icon leads it.
  const bool trailing = icon == Icon::Forward;
  if (icon != Icon::None) {
    const float s = icon_size(ui, font);
    const float icon_x = trailing ? left + content_w - s / 2.0f : left + s / 2.0f;
    draw_icon(draw, icon, ImVec2(icon_x, (min.y + max.y) / 2.0f), s, label_colour, t.px(2.0f));
  }
  const float text_left = trailing ? left : left + icon_room(ui, icon);
  const float text_w = content_w - icon_room(ui, icon);
  draw_centered_lines(ui, draw, font, label_colour, id_label, end, text_left + text_w / 2.0f,
                      std::floor((min.y + max.y - text_h) / 2.0f), std::max(1.0f, room), min, max);
  return in.pressed;
}

// ---- Cards, tiles, chips ------------------------------------------------------------------

namespace {

// Where everything of an item card goes, so that its height is known before it is drawn (rows of
// cards in a grid share the tallest height).
struct CardLayout {
  float pad = 0.0f;
  float chip_w = 0.0f;
  float chip_h = 0.0f;
  float chip_pad_x = 0.0f;
  float chip_pad_y = 0.0f;
  float badge = 0.0f;
  float badge_room = 0.0f;
  bool chip_right = false;
  float text_w = 0.0f;
  std::string summary;
  ImVec2 title_size;
  ImVec2 summary_size;
  ImVec2 note_size;
  float content_h = 0.0f;
  float height = 0.0f;
};

CardLayout measure_card(const Ui& ui, const std::string& title, const std::string& full_summary,
                        const std::string& meta, float width, const char* note, int summary_lines,
                        Icon icon) {
  const Theme& t = ui.theme;
  CardLayout c;
  c.pad = t.px(t.metrics.space_m);
  const float pad = c.pad;
  const ImVec2 meta_size = meta.empty() ? ImVec2(0, 0) : text_size(ui.fonts.small, meta);
  c.chip_pad_x = t.px(10.0f);
  c.chip_pad_y = t.px(4.0f);
  c.chip_w = meta.empty() ? 0.0f : meta_size.x + 2.0f * c.chip_pad_x;
  c.chip_h = meta.empty() ? 0.0f : meta_size.y + 2.0f * c.chip_pad_y;
  // The badge and a chip at the right both take width from the title; at large text sizes they
  // give way (chip under the title, then no badge) before a word would have to be split.
  c.badge = icon == Icon::None ? 0.0f : std::round(ui.fonts.label->FontSize * 2.0f);
  const float needed =
      std::max(widest_word(ui.fonts.label, title), widest_word(ui.fonts.small, full_summary));
  for (int attempt = 0; attempt < 3; ++attempt) {
    c.badge_room = c.badge > 0.0f ? c.badge + pad : 0.0f;
    const float inner = width - 2.0f * pad - c.badge_room;
    c.chip_right = attempt == 0 && c.chip_w > 0.0f && c.chip_w + pad < inner * 0.4f;
    c.text_w = std::max(t.px(40.0f), inner - (c.chip_right ? c.chip_w + pad : 0.0f));
    if (needed <= c.text_w) break;
    if (attempt == 1) c.badge = 0.0f;
  }
  c.summary = clamp_lines(ui.fonts.small, full_summary, c.text_w, summary_lines);
  c.title_size = text_size(ui.fonts.label, title, c.text_w);
  c.summary_size = c.summary.empty() ? ImVec2(0, 0) : text_size(ui.fonts.small, c.summary, c.text_w);
  c.note_size = note ? text_size(ui.fonts.small, note, c.text_w) : ImVec2(0, 0);
  const float gap_small = t.px(t.metrics.space_xs);
  float content_h = c.title_size.y;
  if (c.chip_w > 0.0f && !c.chip_right) content_h += gap_small + c.chip_h;
  if (!c.summary.empty()) content_h += gap_small + c.summary_size.y;
  if (note) content_h += gap_small + c.note_size.y;
  c.content_h = content_h;
  c.height = std::max({pad + content_h + pad, t.px(t.metrics.touch_min * 1.5f), c.badge + 2.0f * pad});
  return c;
}

}  // namespace

float item_card_height(const Ui& ui, const std::string& title, const std::string& summary,
                       const std::string& meta, float width, const char* note, int summary_lines, Icon icon) {
  return measure_card(ui, title, summary, meta, width, note, summary_lines, icon).height;
}

bool item_card(const Ui& ui, const char* id, const std::string& title, const std::string& full_summary,
               const std::string& meta, float width, bool enabled, const char* note, int summary_lines,
               Icon icon, float min_height) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const CardLayout c = measure_card(ui, title, full_summary, meta, width, note, summary_lines, icon);
  const float pad = c.pad;
  ImFont* meta_font = ui.fonts.small;
  const float chip_w = c.chip_w;
  const float chip_h = c.chip_h;
  const float chip_pad_x = c.chip_pad_x;
  const float chip_pad_y = c.chip_pad_y;
  const float badge = c.badge;
  const float badge_room = c.badge_room;
  const bool chip_right = c.chip_right;
  const float text_w = c.text_w;
  const std::string& summary = c.summary;
  const ImVec2 title_size = c.title_size;
  const ImVec2 summary_size = c.summary_size;
  const float gap_small = t.px(t.metrics.space_xs);
  const float height = std::max(c.height, min_height);

  const Interaction in = invisible_button(ui, id, ImVec2(width, height), enabled);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = t.px(t.metrics.radius);
  const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;
  draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
  draw->AddRect(min, max, t.name == ThemeName::HighContrast ? p.control : p.outline, rounding, 0,
                t.outline_px());
  focus_ring(ui, rounding);

  const ImVec2 inner_min(min.x + pad, min.y + pad);
  const ImVec2 inner_max(max.x - pad, max.y - pad);
  // Short content (a title alone) sits in the middle of the card, level with its badge.
  // (Within its own height: cards stretched to match a grid row keep their text at the top.)
  const float top =
      min.y + pad + std::floor(std::max(0.0f, (c.height - 2.0f * pad - std::max(c.content_h, badge)) / 2.0f));
  if (badge > 0.0f) {
    const float badge_y =
        c.content_h > badge ? top : top + std::floor((std::max(c.content_h, badge) - badge) / 2.0f);
    const ImVec2 centre(min.x + pad + badge / 2.0f, badge_y + badge / 2.0f);
    draw->AddCircleFilled(centre, badge / 2.0f, p.primary_soft, circle_segments(badge / 2.0f));
    draw_icon(draw, icon, centre, badge * 0.5f, p.on_soft, t.px(1.75f));
  }
  const ImU32 title_colour = enabled || note ? p.text : p.text_muted;
  const float text_top = c.content_h >= badge ? top : top + std::floor((badge - c.content_h) / 2.0f);
  ImVec2 cursor(min.x + pad + badge_room, text_top);
  const ImVec2 text_max(cursor.x + text_w, inner_max.y);
  draw_text(ui, draw, ui.fonts.label, title_colour, cursor, title, text_w, inner_min, text_max);
  cursor.y += title_size.y;
  auto draw_chip = [&](ImVec2 chip_min) {
    const ImVec2 chip_max(chip_min.x + chip_w, chip_min.y + chip_h);
    draw->AddRectFilled(chip_min, chip_max, p.primary_soft, chip_h / 2.0f);
    draw_text(ui, draw, meta_font, p.on_soft, ImVec2(chip_min.x + chip_pad_x, chip_min.y + chip_pad_y), meta,
              0.0f, chip_min, chip_max);
  };
  if (chip_w > 0.0f && !chip_right) {
    cursor.y += gap_small;
    draw_chip(ImVec2(cursor.x, cursor.y));
    cursor.y += chip_h;
  }
  if (!summary.empty()) {
    cursor.y += gap_small;
    draw_text(ui, draw, ui.fonts.small, p.text_muted, cursor, summary, text_w, inner_min, text_max);
    cursor.y += summary_size.y;
  }
  if (note) {
    cursor.y += gap_small;
    draw_text(ui, draw, ui.fonts.small, p.text_muted, cursor, note, text_w, inner_min, text_max);
  }
  if (chip_right) draw_chip(ImVec2(inner_max.x - chip_w, text_top));
  return in.pressed;
}

float tile_height(const Ui& ui, const std::string& title, const std::string& detail, float width) {
  const Theme& t = ui.theme;
  const float pad = t.px(t.metrics.space_m);
  const float text_w = width - 2.0f * pad;
  const float badge = std::round(ui.fonts.label->FontSize * 1.9f);
  float h = pad + badge + t.px(t.metrics.space_s) + text_size(ui.fonts.label, title, text_w).y;
  if (!detail.empty()) h += t.px(t.metrics.space_xs) + text_size(ui.fonts.small, detail, text_w).y;
  return std::ceil(h + pad);
}

bool tile(const Ui& ui, const char* id, Icon icon, const std::string& title, const std::string& detail,
          ImVec2 size) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_m);
  size.y = std::max(size.y, tile_height(ui, title, detail, size.x));
  const Interaction in = invisible_button(ui, id, size, true);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = t.px(t.metrics.radius);
  const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;
  draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
  draw->AddRect(min, max, t.name == ThemeName::HighContrast ? p.control : p.outline, rounding, 0,
                t.outline_px());
  focus_ring(ui, rounding);
  const float badge = std::round(ui.fonts.label->FontSize * 1.9f);
  const ImVec2 centre(min.x + pad + badge / 2.0f, min.y + pad + badge / 2.0f);
  draw->AddCircleFilled(centre, badge / 2.0f, p.primary_soft, circle_segments(badge / 2.0f));
  draw_icon(draw, icon, centre, badge * 0.5f, p.on_soft, t.px(1.75f));
  const float text_w = size.x - 2.0f * pad;
  const ImVec2 inner_min(min.x + pad, min.y + pad);
  const ImVec2 inner_max(max.x - pad, max.y - pad);
  ImVec2 cursor(min.x + pad, min.y + pad + badge + t.px(t.metrics.space_s));
  cursor.y += draw_text(ui, draw, ui.fonts.label, p.text, cursor, title, text_w, inner_min, inner_max).y;
  if (!detail.empty()) {
    cursor.y += t.px(t.metrics.space_xs);
    draw_text(ui, draw, ui.fonts.small, p.text_muted, cursor, detail, text_w, inner_min, inner_max);
  }
  return in.pressed;
}

float chip_width(const Ui& ui, const std::string& label) {
  const Theme& t = ui.theme;
  return std::max(t.px(t.metrics.touch_min),
                  std::ceil(text_size(ui.fonts.small, label).x + 2.0f * t.px(t.metrics.space_m)));
}

bool chip(const Ui& ui, const char* id, const std::string& label, bool selected) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  // The pill is drawn a little shorter than its 48 dp touch area, so rows of chips breathe.
  const float visible_h = std::max(t.px(40.0f), ui.fonts.small->FontSize + t.px(16.0f));
  const ImVec2 size(chip_width(ui, label), std::max(t.px(t.metrics.touch_min), visible_h));
  const Interaction in = invisible_button(ui, id, size, true);
  const ImVec2 area_min = ImGui::GetItemRectMin();
  const ImVec2 area_max = ImGui::GetItemRectMax();
  const float inset = std::floor((size.y - visible_h) / 2.0f);
  const ImVec2 min(area_min.x, area_min.y + inset);
  const ImVec2 max(area_max.x, area_max.y - inset);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = (max.y - min.y) / 2.0f;
  const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;
  if (selected) {
    draw->AddRectFilled(min, max, mix(p.primary, p.primary_down, hover), rounding);
  } else {
    draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
    draw->AddRect(min, max, p.control, rounding, 0, t.outline_px());
  }
  focus_ring(ui, rounding);
  draw_centered_lines(ui, draw, ui.fonts.small, selected ? p.on_primary : p.text, label.c_str(),
                      label.c_str() + label.size(), (min.x + max.x) / 2.0f,
                      std::floor((min.y + max.y - ui.fonts.small->FontSize) / 2.0f), size.x, min, max);
  return in.pressed;
}

bool scale_picker(const Ui& ui, const char* id, int count, std::optional<int>& selected,
                  const std::string& low, const std::string& high, float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float cell = std::floor(width / static_cast<float>(std::max(1, count)));
  const float side = std::max(t.px(t.metrics.touch_min), std::min(cell, t.px(64.0f)));
  const float row_w = cell * static_cast<float>(count);
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    const float cx = origin.x + (width - row_w) / 2.0f + cell * (static_cast<float>(i) + 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(cx - cell / 2.0f, origin.y));
    ImGui::PushID(i);
    const Interaction in = invisible_button(ui, "##point", ImVec2(cell, side), true);
    ImGui::PopID();
    focus_ring(ui, side / 2.0f);
    if (in.pressed && selected != i) {
      selected = i;
      changed = true;
    }
    // Circles grow from tense to calm: the scale reads without its words.
    const float r = (side / 2.0f - t.px(4.0f)) *
                    (0.55f + 0.45f * static_cast<float>(i) / static_cast<float>(std::max(1, count - 1)));
    const ImVec2 c(cx, origin.y + side / 2.0f);
    const bool on = selected == i;
    if (on) {
      draw->AddCircleFilled(c, r, p.primary, circle_segments(r));
      draw_icon(draw, Icon::Check, c, r * 1.1f, p.on_primary, t.px(2.0f));
    } else {
      draw->AddCircleFilled(c, r, in.held ? p.surface_down : p.surface, circle_segments(r));
      draw->AddCircle(c, r, p.control, circle_segments(r), t.outline_px());
    }
  }
  // The two ends' words under the row, at its left and right.
  const float label_y = origin.y + side + t.px(t.metrics.space_xs);
  const float half = row_w / 2.0f - t.px(t.metrics.space_xs);
  const float left = origin.x + (width - row_w) / 2.0f;
  const ImVec2 low_size = text_size(ui.fonts.small, low, half);
  const ImVec2 high_size = text_size(ui.fonts.small, high, half);
  draw_text(ui, draw, ui.fonts.small, p.text_muted, ImVec2(left, label_y), low, half, ImVec2(left, label_y),
            ImVec2(left + half + 1.0f, label_y + low_size.y + 1.0f));
  draw_text(ui, draw, ui.fonts.small, p.text_muted, ImVec2(left + row_w - high_size.x, label_y), high, half,
            ImVec2(left + row_w - half - 1.0f, label_y),
            ImVec2(left + row_w + 1.0f, label_y + high_size.y + 1.0f));
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, side + t.px(t.metrics.space_xs) + std::max(low_size.y, high_size.y)));
  ImGui::PopID();
  return changed;
}

// ---- Choices ------------------------------------------------------------------------------

bool choice_list(const Ui& ui, const char* id, const char* const* labels, const char* const* helps, int count,
                 int& selected, float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_m);
  const float radio = std::round(std::max(t.px(22.0f), ui.fonts.label->FontSize * 1.1f));
  const float text_x = pad + radio + pad;
  const float text_w = width - text_x - pad;
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Rows are measured first so the group's card can be drawn under them.
  std::vector<float> heights(static_cast<std::size_t>(std::max(0, count)));
  float total = 0.0f;
  for (int i = 0; i < count; ++i) {
    float h = text_size(ui.fonts.label, labels[i], text_w).y;
    if (helps != nullptr && helps[i] != nullptr && *helps[i] != '\0')
      h += t.px(t.metrics.space_xs) + text_size(ui.fonts.small, helps[i], text_w).y;
    heights[static_cast<std::size_t>(i)] = std::max(t.px(t.metrics.button_height), h + 2.0f * t.px(12.0f));
    total += heights[static_cast<std::size_t>(i)];
  }
  const float rounding = t.px(t.metrics.radius);
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + total), p.surface, rounding);
  bool changed = false;
  float y = origin.y;
  for (int i = 0; i < count; ++i) {
    const float h = heights[static_cast<std::size_t>(i)];
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::PushID(i);
    const Interaction in = invisible_button(ui, "##choice", ImVec2(width, h), true);
    focus_ring(ui, rounding);
    ImGui::PopID();
    if (in.pressed && selected != i) {
      selected = i;
      changed = true;
    }
    const bool on = selected == i;
    const ImDrawFlags corners =
        (i == 0 ? ImDrawFlags_RoundCornersTop : 0) | (i == count - 1 ? ImDrawFlags_RoundCornersBottom : 0);
    if (in.held || in.hovered) {
      draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + h), p.surface_down,
                          corners ? rounding : 0.0f, corners ? corners : ImDrawFlags_RoundCornersNone);
    }
    if (i > 0)
      draw->AddLine(ImVec2(origin.x + text_x, y), ImVec2(origin.x + width, y), p.outline, t.px(1.0f));
    const ImVec2 centre(origin.x + pad + radio / 2.0f, y + h / 2.0f);
    draw->AddCircle(centre, radio / 2.0f - t.px(1.0f), on ? p.primary : p.control,
                    circle_segments(radio / 2.0f), t.px(2.0f));
    if (on)
      draw->AddCircleFilled(centre, radio / 2.0f - t.px(5.5f), p.primary, circle_segments(radio / 2.0f));
    const bool has_help = helps != nullptr && helps[i] != nullptr && *helps[i] != '\0';
    const float label_h = text_size(ui.fonts.label, labels[i], text_w).y;
    const float help_h =
        has_help ? t.px(t.metrics.space_xs) + text_size(ui.fonts.small, helps[i], text_w).y : 0.0f;
    ImVec2 cursor(origin.x + text_x, y + std::floor((h - label_h - help_h) / 2.0f));
    const ImVec2 cmin(origin.x + text_x, y);
    const ImVec2 cmax(origin.x + width - pad + 1.0f, y + h);
    draw_text(ui, draw, ui.fonts.label, p.text, cursor, labels[i], text_w, cmin, cmax);
    if (has_help) {
      cursor.y += label_h + t.px(t.metrics.space_xs);
      draw_text(ui, draw, ui.fonts.small, p.text_muted, cursor, helps[i], text_w, cmin, cmax);
    }
    y += h;
  }
  draw->AddRect(origin, ImVec2(origin.x + width, origin.y + total),
                t.name == ThemeName::HighContrast ? p.control : p.outline, rounding, 0, t.outline_px());
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, total));
  ImGui::PopID();
  return changed;
}

bool segmented(const Ui& ui, const char* id, const char* const* labels, int count, int& selected,
               float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float segment = width / static_cast<float>(std::max(1, count));
  const float room = segment - 2.0f * t.px(t.metrics.space_s);
  for (int i = 0; i < count; ++i) {
    if (text_size(ui.fonts.label, labels[i]).x > room)
      return choice_list(ui, id, labels, nullptr, count, selected, width);
  }
  const float height = t.px(t.metrics.button_height);
  const float rounding = height / 2.0f;
  const float inset = t.px(t.metrics.space_xs);
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), p.surface, rounding);
  draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height),
                t.name == ThemeName::HighContrast ? p.control : p.outline, rounding, 0, t.outline_px());
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + segment * static_cast<float>(i), origin.y));
    ImGui::PushID(i);
    const Interaction in = invisible_button(ui, "##segment", ImVec2(segment, height), true);
    focus_ring(ui, rounding);
    ImGui::PopID();
    if (in.pressed && selected != i) {
      selected = i;
      changed = true;
    }
    const ImVec2 min(origin.x + segment * static_cast<float>(i) + inset, origin.y + inset);
    const ImVec2 max(min.x + segment - 2.0f * inset, origin.y + height - inset);
    const bool on = selected == i;
    if (on) {
      draw->AddRectFilled(min, max, p.primary, rounding - inset);
    } else if (in.held || in.hovered) {
      draw->AddRectFilled(min, max, with_alpha(p.surface_down, in.held ? 1.0f : 0.6f), rounding - inset);
    }
    const char* end = labels[i] + std::strlen(labels[i]);
    draw_centered_lines(ui, draw, ui.fonts.label, on ? p.on_primary : p.text, labels[i], end,
                        (min.x + max.x) / 2.0f, std::floor((min.y + max.y - ui.fonts.label->FontSize) / 2.0f),
                        room, min, max);
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
  return changed;
}

bool toggle_row(const Ui& ui, const char* id, const char* label, const char* help, bool& value, float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float switch_w = t.px(52.0f);
  const float switch_h = t.px(32.0f);
  const float text_w = width - switch_w - t.px(t.metrics.space_m);
  const ImVec2 label_size = text_size(ui.fonts.label, label, text_w);
  const ImVec2 help_size = help ? text_size(ui.fonts.small, help, text_w) : ImVec2(0, 0);
  const float height = std::max(t.px(t.metrics.touch_min),
                                label_size.y + (help ? t.px(t.metrics.space_xs) + help_size.y : 0.0f));
  const Interaction in = invisible_button(ui, id, ImVec2(width, height), true);
  focus_ring(ui, t.px(t.metrics.radius_small));
  if (in.pressed) value = !value;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 text_max(min.x + text_w, max.y);
  draw_text(ui, draw, ui.fonts.label, p.text, min, label, text_w, min, text_max);
  if (help) {
    draw_text(ui, draw, ui.fonts.small, p.text_muted,
              ImVec2(min.x, min.y + label_size.y + t.px(t.metrics.space_xs)), help, text_w, min, text_max);
  }
  const ImVec2 s_min(min.x + width - switch_w, min.y + std::floor((height - switch_h) / 2.0f));
  const ImVec2 s_max(s_min.x + switch_w, s_min.y + switch_h);
  if (value) {
    draw->AddRectFilled(s_min, s_max, p.primary, switch_h / 2.0f);
  } else {
    draw->AddRectFilled(s_min, s_max, p.surface_down, switch_h / 2.0f);
    draw->AddRect(s_min, s_max, p.control, switch_h / 2.0f, 0, t.px(1.5f));
  }
  const float knob = switch_h / 2.0f - t.px(4.0f);
  const float knob_x = value ? s_max.x - switch_h / 2.0f : s_min.x + switch_h / 2.0f;
  draw->AddCircleFilled(ImVec2(knob_x, s_min.y + switch_h / 2.0f), knob, value ? p.on_primary : p.control,
                        circle_segments(knob));
  if (value) {
    // A tick in the knob, so on and off differ by more than colour and position.
    draw_icon(draw, Icon::Check, ImVec2(knob_x, s_min.y + switch_h / 2.0f), knob * 1.1f, p.primary,
              t.px(2.0f));
  }
  return in.pressed;
}

bool slider(const Ui& ui, const char* id, float& value, float width, bool enabled) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float height = t.px(t.metrics.touch_min);
  const float thumb = t.px(13.0f);
  // Dragging, not tapping, sets the value: the state is read through IsItemActive below.
  invisible_button(ui, id, ImVec2(width, height), enabled);
  focus_ring(ui, height / 2.0f);
  const ImVec2 min = ImGui::GetItemRectMin();
  const float left = min.x + thumb;
  const float right = min.x + width - thumb;
  bool changed = false;
  float next = value;
  if (enabled && ImGui::IsItemActive()) {
    // A horizontal drag on the slider must not scroll the page.
    ImGui::GetStateStorage()->SetBool(no_drag_scroll_key(), true);
    const float mouse_x = ImGui::GetIO().MousePos.x;
    if (ImGui::IsMousePosValid())
      next = std::clamp((mouse_x - left) / std::max(1.0f, right - left), 0.0f, 1.0f);
  }
  if (enabled && ImGui::IsItemFocused()) {
    // Keyboard: left and right arrows step by 5 %.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) next = value - 0.05f;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) next = value + 0.05f;
  }
  // Whole percent steps keep the stored value tidy and stable under tiny finger movements.
  const float stepped = std::clamp(std::round(next * 100.0f) / 100.0f, 0.0f, 1.0f);
  if (stepped != value) {
    value = stepped;
    changed = true;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float track_h = t.px(6.0f);
  const float cy = min.y + height / 2.0f;
  const float fraction = std::clamp(value, 0.0f, 1.0f);
  const ImU32 fill = enabled ? p.primary : p.control;
  draw_progress_bar(draw, ImVec2(left, cy - track_h / 2.0f), ImVec2(right - left, track_h), fraction, fill,
                    enabled ? p.outline : p.surface_down);
  const ImVec2 knob(left + (right - left) * fraction, cy);
  draw->AddCircleFilled(knob, thumb, enabled ? p.primary : p.control, circle_segments(thumb));
  draw->AddCircleFilled(knob, thumb - t.px(4.0f), p.surface, circle_segments(thumb));
  return changed;
}

bool stepper(const Ui& ui, const char* id, const std::string& value_label, int& index, int count,
             float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float side = t.px(t.metrics.button_height);
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  bool changed = false;
  const auto round_button = [&](const char* bid, bool plus, bool enabled, float x) {
    ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
    const Interaction in = invisible_button(ui, bid, ImVec2(side, side), enabled);
    focus_ring(ui, side / 2.0f);
    const ImVec2 c(x + side / 2.0f, origin.y + side / 2.0f);
    const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;
    draw->AddCircleFilled(c, side / 2.0f, mix(p.surface, p.surface_down, hover),
                          circle_segments(side / 2.0f));
    draw->AddCircle(c, side / 2.0f - t.px(0.75f), enabled ? p.control : p.outline,
                    circle_segments(side / 2.0f), t.outline_px());
    const ImU32 ink = enabled ? p.primary : p.outline;
    const float arm = side * 0.2f;
    draw->AddLine(ImVec2(c.x - arm, c.y), ImVec2(c.x + arm, c.y), ink, t.px(2.5f));
    if (plus) draw->AddLine(ImVec2(c.x, c.y - arm), ImVec2(c.x, c.y + arm), ink, t.px(2.5f));
    return in.pressed;
  };
  if (round_button("##minus", false, index > 0, origin.x) && index > 0) {
    --index;
    changed = true;
  }
  if (round_button("##plus", true, index < count - 1, origin.x + width - side) && index < count - 1) {
    ++index;
    changed = true;
  }
  const ImVec2 vmin(origin.x + side, origin.y);
  const ImVec2 vmax(origin.x + width - side, origin.y + side);
  draw_centered_lines(ui, draw, ui.fonts.label, p.text, value_label.c_str(),
                      value_label.c_str() + value_label.size(), (vmin.x + vmax.x) / 2.0f,
                      std::floor(origin.y + (side - ui.fonts.label->FontSize) / 2.0f), vmax.x - vmin.x, vmin,
                      vmax);
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, side));
  ImGui::PopID();
  return changed;
}

// ---- Text ---------------------------------------------------------------------------------

ImVec2 text_size(ImFont* font, const std::string& value, float wrap_width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width > 0.0f ? wrap_width : 0.0f, value.c_str(),
                             value.c_str() + value.size());
}

ImVec2 draw_text(const Ui& ui, ImDrawList* draw, ImFont* font, ImU32 colour, ImVec2 pos,
                 const std::string& value, float width, ImVec2 container_min, ImVec2 container_max) {
  const ImVec2 size = text_size(font, value, width);
  const ImVec2 at = snap(pos);
  draw->AddText(font, font->FontSize, at, colour, value.c_str(), value.c_str() + value.size(),
                width > 0.0f ? width : 0.0f);
  if (ui.audit != nullptr) {
    ui.audit->record(value, at, ImVec2(at.x + size.x, at.y + size.y), container_min, container_max,
                     width > 0.0f && widest_word(font, value) > width + 0.5f);
  }
  return size;
}

void text(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (ui.audit != nullptr) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ui.audit->record(value, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                     ImVec2(viewport->Pos.x, -FLT_MAX), ImVec2(viewport->Pos.x + viewport->Size.x, FLT_MAX));
  }
}

void text_wrapped(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float width) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size = text_size(font, value, width);
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, snap(pos), colour, value.c_str(),
                                      value.c_str() + value.size(), width);
  ImGui::Dummy(ImVec2(std::min(size.x, width), size.y));
  if (ui.audit != nullptr) {
    ui.audit->record(value, pos, ImVec2(pos.x + size.x, pos.y + size.y), ImVec2(pos.x, -FLT_MAX),
                     ImVec2(pos.x + width + 0.5f, FLT_MAX), widest_word(font, value) > width + 0.5f);
  }
}

void text_centered(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float x, float width) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float window_x = ImGui::GetWindowPos().x - ImGui::GetScrollX();
  const float left = window_x + x;
  const float h = draw_centered_lines(ui, draw, font, colour, value.c_str(), value.c_str() + value.size(),
                                      left + width / 2.0f, origin.y, width, ImVec2(left - 0.5f, -FLT_MAX),
                                      ImVec2(left + width + 0.5f, FLT_MAX));
  ImGui::Dummy(ImVec2(width, h));
}

void gap(const Ui& ui, float dp) {
  ImGui::Dummy(ImVec2(0.0f, ui.theme.px(dp)));
}

}  // namespace respite::ui
