#include "ui/layout.h"

#include <algorithm>
#include <cmath>

namespace respite::ui {

ImVec2 display_size() {
  return ImGui::GetMainViewport()->Size;
}

ImVec4 safe_rect(const Ui& ui) {
  const Theme& t = ui.theme;
  const ImVec2 d = display_size();
  const Insets& s = t.safe_area;
  return ImVec4(t.px(s.left), t.px(s.top), std::max(t.px(s.left), d.x - t.px(s.right)),
                std::max(t.px(s.top), d.y - t.px(s.bottom)));
}

bool is_wide(const Ui& ui) {
  const ImVec4 safe = safe_rect(ui);
  return (safe.z - safe.x) >= ui.theme.px(ui.theme.metrics.wide_min) && (safe.z - safe.x) > (safe.w - safe.y);
}

Column column_in(const Ui& ui, float left, float width, float max_width_dp) {
  const Theme& t = ui.theme;
  const float margin = t.px(width / t.scale < 600.0f ? t.metrics.space_m : t.metrics.space_l);
  const float max_w = t.px(max_width_dp > 0.0f ? max_width_dp : t.metrics.content_max_width);
  Column col;
  col.width = std::floor(std::max(t.px(t.metrics.touch_min), std::min(width - 2.0f * margin, max_w)));
  col.x = std::floor(left + (width - col.width) / 2.0f);
  return col;
}

Column page_column(const Ui& ui, float max_width_dp) {
  const ImVec4 safe = safe_rect(ui);
  return column_in(ui, safe.x, safe.z - safe.x, max_width_dp);
}

void begin_page(const Ui& ui, const char* id, bool scrolls) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  // No scroll bar either: pages scroll by dragging (or the wheel), like any phone app.
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar;
  if (!scrolls) flags |= ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin(id, nullptr, flags);
  ImGui::SetCursorPosY(safe_rect(ui).y);
}

void end_page(const Ui& ui, bool scrolls) {
  if (scrolls) {
    // Room for the bottom inset (a gesture bar) under the last item.
    ImGui::Dummy(ImVec2(0.0f, ui.theme.px(ui.theme.safe_area.bottom)));
    drag_scroll(ui);
  }
  ImGui::End();
}

void at(const Column& col) {
  ImGui::SetCursorPosX(col.x);
}

void emit(UiActions& actions, ActionKind kind) {
  UiAction action;
  action.kind = kind;
  actions.push_back(action);
}

void emit_item(UiActions& actions, ActionKind kind, const core::ItemRef& ref, int value) {
  UiAction action;
  action.kind = kind;
  action.item = ref;
  action.value = value;
  action.page = value;
  actions.push_back(action);
}

void top_bar(const Ui& ui, const Column& col, const TopBar& bar, UiActions& actions) {
  const Theme& t = ui.theme;
  const Metrics& m = t.metrics;
  gap(ui, m.space_s);
  const float bar_y = ImGui::GetCursorPosY();
  const float bar_h = t.px(m.touch_min);

  const std::string support = ui.tr("nav.support") + "##support";
  const std::string settings = ui.tr("nav.settings") + "##settings";
  const std::string back = ui.tr("nav.back") + "##back";
  float support_w = button_width(ui, support.c_str(), ButtonStyle::Support, Icon::Support);
  float settings_w =
      bar.settings ? button_width(ui, settings.c_str(), ButtonStyle::Quiet, Icon::Settings) : 0.0f;
  float back_w = bar.back ? button_width(ui, back.c_str(), ButtonStyle::Quiet, Icon::Back) : 0.0f;
  const float name_w = bar.back ? 0.0f : text_size(ui.fonts.title, ui.tr("app.name")).x;
  const float spacing = t.px(m.space_xs);
  // At large text sizes the labels of the secondary actions give way to their icons; Support
  // keeps its word.
  const bool compact = back_w + name_w + settings_w + support_w + 3.0f * spacing > col.width;
  const std::string settings_icon_only = "##settings";
  const std::string back_icon_only = "##back";
  if (compact) {
    if (bar.settings)
      settings_w = button_width(ui, settings_icon_only.c_str(), ButtonStyle::Quiet, Icon::Settings);
    if (bar.back) back_w = button_width(ui, back_icon_only.c_str(), ButtonStyle::Quiet, Icon::Back);
  }
  const float support_h = std::max(
      bar_h, button_height(ui, support.c_str(), support_w, bar_h, ButtonStyle::Support, Icon::Support));
  // Still too wide (the app's name at 200 %): the name goes on its own line under the buttons.
  const bool name_below = !bar.back && name_w + settings_w + support_w + 3.0f * spacing > col.width;
  if (bar.back) {
    // The quiet button's padding hangs into the margin so its icon lines up with the column.
    ImGui::SetCursorPos(ImVec2(col.x - t.px(m.space_s), bar_y));
    const std::string& label = compact ? back_icon_only : back;
    if (button(ui, label.c_str(), ImVec2(back_w, bar_h), ButtonStyle::Quiet, true, Icon::Back)) {
      emit(actions, ActionKind::Back);
    }
  } else if (!name_below) {
    ImGui::SetCursorPos(ImVec2(col.x, bar_y + std::floor((bar_h - ui.fonts.title->FontSize) / 2.0f)));
    text(ui, ui.fonts.title, t.palette.text, ui.tr("app.name"));
  }
  float right = col.x + col.width;
  ImGui::SetCursorPos(ImVec2(right - support_w, bar_y));
  if (button(ui, support.c_str(), ImVec2(support_w, bar_h), ButtonStyle::Support, true, Icon::Support)) {
    emit(actions, ActionKind::OpenSupport);
  }
  right -= support_w + spacing;
  if (bar.settings) {
    ImGui::SetCursorPos(ImVec2(right - settings_w, bar_y));
    const std::string& label = compact ? settings_icon_only : settings;
    if (button(ui, label.c_str(), ImVec2(settings_w, bar_h), ButtonStyle::Quiet, true, Icon::Settings)) {
      emit(actions, ActionKind::OpenSettings);
    }
  }
  ImGui::SetCursorPos(ImVec2(col.x, bar_y + std::max(bar_h, support_h)));
  if (name_below) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.title, t.palette.text, ui.tr("app.name"), col.width);
  }
  if (bar.title != nullptr) {
    gap(ui, m.space_s);
    at(col);
    text_wrapped(ui, ui.fonts.title, t.palette.text, bar.title, col.width);
    gap(ui, m.space_l);
  } else {
    gap(ui, m.space_s);
  }
}

void section_heading(const Ui& ui, const Column& col, const std::string& heading) {
  at(col);
  text_wrapped(ui, ui.fonts.label, ui.theme.palette.text_muted, heading, col.width);
  gap(ui, ui.theme.metrics.space_s);
}

Flow::Flow(const Ui& ui, const Column& col)
    : ui_(ui), col_(col), x_(col.x), y_(ImGui::GetCursorPosY()), line_h_(0.0f) {}

void Flow::next(float width) {
  const float spacing = ui_.theme.px(ui_.theme.metrics.space_s);
  const float h =
      std::max(ui_.theme.px(ui_.theme.metrics.touch_min), ui_.fonts.small->FontSize + ui_.theme.px(20.0f));
  if (!first_ && x_ + width > col_.x + col_.width + 0.5f) {
    x_ = col_.x;
    y_ += line_h_ + spacing;
  }
  first_ = false;
  line_h_ = h;
  ImGui::SetCursorPos(ImVec2(x_, y_));
  x_ += width + spacing;
}

void Flow::finish() {
  ImGui::SetCursorPos(ImVec2(col_.x, y_ + line_h_));
}

Icon kind_icon(core::ItemKind kind) {
  switch (kind) {
    case core::ItemKind::Breathing:
      return Icon::Breath;
    case core::ItemKind::MicroBreak:
      return Icon::Timer;
    case core::ItemKind::Module:
      return Icon::Book;
    case core::ItemKind::Program:
      return Icon::Calendar;
  }
  return Icon::Breath;
}

}  // namespace respite::ui
