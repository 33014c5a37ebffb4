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

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 va = to_vec4(a);
  const ImVec4 vb = to_vec4(b);
  const ImVec4 out(va.x + (vb.x - va.x) * t, va.y + (vb.y - va.y) * t, va.z + (vb.z - va.z) * t,
                   va.w + (vb.w - va.w) * t);
  return ImGui::ColorConvertFloat4ToU32(out);
}

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
  ImGui::BeginDisabled(!enabled);
  result.pressed = ImGui::InvisibleButton(id, size) && enabled && was_tap(ui);
  result.hovered = enabled && ImGui::IsItemHovered();
  result.held = enabled && ImGui::IsItemActive() && result.hovered;
  ImGui::EndDisabled();
  return result;
}

void draw_label(ImDrawList* draw, ImFont* font, ImU32 colour, ImVec2 min, ImVec2 max, const char* begin,
                const char* end) {
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, end);
  const ImVec2 pos((min.x + max.x - size.x) / 2.0f, (min.y + max.y - size.y) / 2.0f);
  draw->AddText(font, font->FontSize, snap(pos), colour, begin, end);
}

}  // namespace

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

float button_width(const Ui& ui, const char* label, ButtonStyle style) {
  const float pad =
      ui.theme.px(style == ButtonStyle::Quiet ? ui.theme.metrics.space_s : ui.theme.metrics.space_l);
  const ImVec2 size =
      ui.fonts.label->CalcTextSizeA(ui.fonts.label->FontSize, FLT_MAX, 0.0f, label, label_end(label));
  return std::max(ui.theme.px(ui.theme.metrics.touch_min), std::ceil(size.x + 2.0f * pad));
}

bool button(const Ui& ui, const char* id_label, ImVec2 size, ButtonStyle style, bool enabled) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  size.y = std::max(size.y, t.px(t.metrics.touch_min));
  size.x = std::max(size.x, t.px(t.metrics.touch_min));
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
      draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), size.y / 2.0f);
      draw->AddRect(min, max, p.support, size.y / 2.0f, 0, t.px(2.0f));
      label_colour = p.support;
      break;
    case ButtonStyle::Secondary:
      draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
      draw->AddRect(min, max, p.outline, rounding, 0, t.px(t.metrics.outline));
      break;
    case ButtonStyle::Quiet:
      if (hover > 0.0f) draw->AddRectFilled(min, max, with_alpha(p.surface_down, hover), rounding);
      label_colour = p.primary;
      break;
  }
  if (!enabled) label_colour = with_alpha(label_colour, 0.45f);
  draw_label(draw, ui.fonts.label, label_colour, min, max, id_label, label_end(id_label));
  return in.pressed;
}

bool item_card(const Ui& ui, const char* id, const std::string& title, const std::string& full_summary,
               const std::string& meta, float width, bool enabled, const char* note, int summary_lines) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_m);
  ImFont* meta_font = ui.fonts.small;
  const ImVec2 meta_size = meta.empty() ? ImVec2(0, 0) : text_size(meta_font, meta);
  const float chip_pad_x = t.px(10.0f);
  const float chip_pad_y = t.px(4.0f);
  const float chip_w = meta.empty() ? 0.0f : meta_size.x + 2.0f * chip_pad_x;
  const float text_w = std::max(t.px(80.0f), width - 2.0f * pad - (chip_w > 0 ? chip_w + pad : 0.0f));

  const std::string summary = clamp_lines(ui.fonts.small, full_summary, text_w, summary_lines);
  const ImVec2 title_size = text_size(ui.fonts.label, title, text_w);
  const ImVec2 summary_size = summary.empty() ? ImVec2(0, 0) : text_size(ui.fonts.small, summary, text_w);
  const ImVec2 note_size = note ? text_size(ui.fonts.small, note, text_w) : ImVec2(0, 0);
  const float gap_small = t.px(t.metrics.space_xs);
  float height = pad + title_size.y + pad;
  if (!summary.empty()) height += gap_small + summary_size.y;
  if (note) height += gap_small + note_size.y;
  height = std::max(height, t.px(t.metrics.touch_min * 1.5f));

  const Interaction in = invisible_button(ui, id, ImVec2(width, height), enabled);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = t.px(t.metrics.radius);
  const float hover = in.held ? 1.0f : in.hovered ? 0.5f : 0.0f;
  draw->AddRectFilled(min, max, mix(p.surface, p.surface_down, hover), rounding);
  draw->AddRect(min, max, p.outline, rounding, 0, t.px(t.metrics.outline));

  const ImU32 title_colour = enabled || note ? p.text : with_alpha(p.text, 0.6f);
  ImVec2 cursor(min.x + pad, min.y + pad);
  draw->AddText(ui.fonts.label, ui.fonts.label->FontSize, snap(cursor), title_colour, title.c_str(), nullptr,
                text_w);
  cursor.y += title_size.y;
  if (!summary.empty()) {
    cursor.y += gap_small;
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, snap(cursor), p.text_muted, summary.c_str(),
                  nullptr, text_w);
    cursor.y += summary_size.y;
  }
  if (note) {
    cursor.y += gap_small;
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, snap(cursor), p.text_muted, note, nullptr,
                  text_w);
  }
  if (!meta.empty()) {
    const ImVec2 chip_min(max.x - pad - chip_w, min.y + pad);
    const ImVec2 chip_max(chip_min.x + chip_w, chip_min.y + meta_size.y + 2.0f * chip_pad_y);
    draw->AddRectFilled(chip_min, chip_max, p.primary_soft, (chip_max.y - chip_min.y) / 2.0f);
    draw->AddText(meta_font, meta_font->FontSize,
                  snap(ImVec2(chip_min.x + chip_pad_x, chip_min.y + chip_pad_y)), p.text, meta.c_str());
  }
  return in.pressed;
}

bool segmented(const Ui& ui, const char* id, const char* const* labels, int count, int& selected,
               float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float height = t.px(t.metrics.button_height);
  const float rounding = height / 2.0f;
  const float inset = t.px(t.metrics.space_xs);
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), p.surface, rounding);
  draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), p.outline, rounding, 0,
                t.px(t.metrics.outline));
  const float segment = width / static_cast<float>(std::max(1, count));
  bool changed = false;
  for (int i = 0; i < count; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + segment * static_cast<float>(i), origin.y));
    ImGui::PushID(i);
    const Interaction in = invisible_button(ui, "##segment", ImVec2(segment, height), true);
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
    // Long labels ("With patients") drop to the small size rather than overflow on a phone.
    ImFont* font = ui.fonts.label;
    const float room = segment - 2.0f * t.px(t.metrics.space_s);
    if (text_size(font, labels[i]).x > room) font = ui.fonts.small;
    draw_label(draw, font, on ? p.on_primary : p.text, min, max, labels[i], nullptr);
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
  if (in.pressed) value = !value;
  const ImVec2 min = ImGui::GetItemRectMin();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(ui.fonts.label, ui.fonts.label->FontSize, snap(min), p.text, label, nullptr, text_w);
  if (help) {
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                  snap(ImVec2(min.x, min.y + label_size.y + t.px(t.metrics.space_xs))), p.text_muted, help,
                  nullptr, text_w);
  }
  const ImVec2 s_min(min.x + width - switch_w, min.y + (height - switch_h) / 2.0f);
  const ImVec2 s_max(s_min.x + switch_w, s_min.y + switch_h);
  draw->AddRectFilled(s_min, s_max, value ? p.primary : p.outline, switch_h / 2.0f);
  const float knob = switch_h / 2.0f - t.px(3.0f);
  const float knob_x = value ? s_max.x - switch_h / 2.0f : s_min.x + switch_h / 2.0f;
  draw->AddCircleFilled(ImVec2(knob_x, s_min.y + switch_h / 2.0f), knob, p.surface, circle_segments(knob));
  return in.pressed;
}

bool slider(const Ui& ui, const char* id, float& value, float width, bool enabled) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float height = t.px(t.metrics.touch_min);
  const float thumb = t.px(13.0f);
  // Dragging, not tapping, sets the value: the state is read through IsItemActive below.
  invisible_button(ui, id, ImVec2(width, height), enabled);
  const ImVec2 min = ImGui::GetItemRectMin();
  const float left = min.x + thumb;
  const float right = min.x + width - thumb;
  bool changed = false;
  if (enabled && ImGui::IsItemActive()) {
    // A horizontal drag on the slider must not scroll the page.
    ImGui::GetStateStorage()->SetBool(no_drag_scroll_key(), true);
    const float mouse_x = ImGui::GetIO().MousePos.x;
    const float next = std::clamp((mouse_x - left) / std::max(1.0f, right - left), 0.0f, 1.0f);
    // Whole percent steps keep the stored value tidy and stable under tiny finger movements.
    const float stepped = std::round(next * 100.0f) / 100.0f;
    if (stepped != value) {
      value = stepped;
      changed = true;
    }
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float track_h = t.px(6.0f);
  const float cy = min.y + height / 2.0f;
  const float fraction = std::clamp(value, 0.0f, 1.0f);
  const ImU32 fill = enabled ? p.primary : p.outline;
  draw_progress_bar(draw, ImVec2(left, cy - track_h / 2.0f), ImVec2(right - left, track_h), fraction, fill,
                    p.outline);
  const ImVec2 knob(left + (right - left) * fraction, cy);
  draw->AddCircleFilled(knob, thumb, enabled ? p.primary : p.outline, circle_segments(thumb));
  draw->AddCircleFilled(knob, thumb - t.px(4.0f), p.surface, circle_segments(thumb));
  return changed;
}

ImVec2 text_size(ImFont* font, const std::string& value, float wrap_width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width > 0.0f ? wrap_width : 0.0f, value.c_str(),
                             value.c_str() + value.size());
}

void text(const Ui& /*ui*/, ImFont* font, ImU32 colour, const std::string& value) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void text_wrapped(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  text(ui, font, colour, value);
  ImGui::PopTextWrapPos();
}

void text_centered(const Ui& /*ui*/, ImFont* font, ImU32 colour, const std::string& value, float x,
                   float width) {
  // Word-wrapped, each line centred on its own.
  const char* line = value.c_str();
  const char* end = line + value.size();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float window_x = ImGui::GetWindowPos().x - ImGui::GetScrollX();
  float y = origin.y;
  while (line < end) {
    if (*line == '\n') {  // an empty line
      y += font->FontSize;
      ++line;
      continue;
    }
    const char* wrap = font->CalcWordWrapPositionA(1.0f, line, end, width);
    if (wrap == line) wrap = line + 1;  // a word wider than the line still makes progress
    const char* next = wrap;
    while (next < end && (*next == ' ' || *next == '\n')) {
      const bool newline = *next == '\n';
      ++next;
      if (newline) break;
    }
    const char* line_end = wrap;
    while (line_end > line && line_end[-1] == ' ') --line_end;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, line, line_end);
    draw->AddText(font, font->FontSize, snap(ImVec2(window_x + x + (width - size.x) / 2.0f, y)), colour, line,
                  line_end);
    y += font->FontSize;
    line = next;
  }
  ImGui::Dummy(ImVec2(width, y - origin.y));
}

void gap(const Ui& ui, float dp) {
  ImGui::Dummy(ImVec2(0.0f, ui.theme.px(dp)));
}

}  // namespace respite::ui
