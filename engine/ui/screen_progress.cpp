#include "ui/screen_progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/layout.h"

namespace respite::ui {
namespace {

void emit_value(UiActions& actions, ActionKind kind, int value, bool flag = false) {
  UiAction action;
  action.kind = kind;
  action.value = value;
  action.flag = flag;
  actions.push_back(action);
}

std::string hhmm(int minutes) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buffer;
}

// The sentence at the top: never a verdict. A broken streak is a welcome back.
std::string greeting(const Ui& ui, const ProgressView& v) {
  if (!v.has_history) return ui.tr("progress.greeting_first");
  if (v.weekly ? (v.week_goal > 0 && v.week_done_days >= v.week_goal) : v.today_done)
    return ui.tr(v.weekly ? "progress.greeting_week_done" : "progress.greeting_today_done");
  if (!v.streaks_hidden && v.current == 0 && v.longest > 0) return ui.tr("progress.greeting_welcome_back");
  return ui.tr("progress.greeting_every_session");
}

// A round button holding only an icon (the calendar's earlier / later).
bool icon_button(const Ui& ui, const char* id, Icon icon, float side, bool enabled) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::InvisibleButton(id, ImVec2(side, side)) && enabled && was_tap(ui);
  const bool hovered = enabled && ImGui::IsItemHovered();
  const bool held = hovered && ImGui::IsItemActive();
  ImGui::EndDisabled();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 c(min.x + side / 2.0f, min.y + side / 2.0f);
  draw->AddCircleFilled(c, side / 2.0f,
                        mix(p.surface, p.surface_down,
                            held      ? 1.0f
                            : hovered ? 0.5f
                                      : 0.0f),
                        32);
  draw->AddCircle(c, side / 2.0f - t.px(0.75f), enabled ? p.control : p.outline, 32, t.outline_px());
  draw_icon(draw, icon, c, side * 0.42f, enabled ? p.primary : p.outline, t.px(2.0f));
  focus_ring(ui, side / 2.0f);
  return pressed;
}

// A card: a rounded surface behind whatever `body` draws, sized to it afterwards.
template <class Body>
void card(const Ui& ui, const Column& col, Body body) {
  const Theme& t = ui.theme;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = t.px(t.metrics.space_m);
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const float top = ImGui::GetCursorScreenPos().y;
  gap(ui, t.metrics.space_m);
  body(Column{col.x + pad, col.width - 2.0f * pad});
  gap(ui, t.metrics.space_m);
  const float bottom = ImGui::GetCursorScreenPos().y;
  draw->ChannelsSetCurrent(0);
  const ImVec2 min(ImGui::GetWindowPos().x + col.x, top);
  const ImVec2 max(min.x + col.width, bottom);
  draw->AddRectFilled(min, max, t.palette.surface, t.px(t.metrics.radius));
  draw->AddRect(min, max, t.palette.outline, t.px(t.metrics.radius), 0, t.outline_px());
  draw->ChannelsMerge();
}

void streak_card(const Ui& ui, const Column& col, const ProgressView& v) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  card(ui, col, [&](const Column& in) {
    const float half = std::floor((in.width - t.px(t.metrics.space_m)) / 2.0f);
    const float top = ImGui::GetCursorPosY();
    const char* unit = v.weekly ? "progress.weeks" : "progress.days";
    auto figure = [&](float x, float width, int value, const char* label_key) {
      ImGui::SetCursorPos(ImVec2(x, top));
      text(ui, ui.fonts.small, p.text_muted, ui.tr(label_key));
      ImGui::SetCursorPosX(x);
      text(ui, ui.fonts.display, p.primary, ui.number(value));
      ImGui::SetCursorPosX(x);
      text_wrapped(ui, ui.fonts.body, p.text, ui.tr_plural(unit, value), width);
      return ImGui::GetCursorPosY();
    };
    const float left_bottom =
        figure(in.x, half, v.current, v.weekly ? "progress.current_weeks" : "progress.current");
    const float right_bottom =
        figure(in.x + half + t.px(t.metrics.space_m), half, v.longest, "progress.longest");
    ImGui::SetCursorPosY(std::max(left_bottom, right_bottom));
    if (v.week_goal > 0) {
      gap(ui, t.metrics.space_s);
      at(in);
      text_wrapped(ui, ui.fonts.body, p.text_muted,
                   ui.trf("progress.week_progress",
                          {{"done", ui.number(v.week_done_days)}, {"goal", ui.number(v.week_goal)}}),
                   in.width);
    }
  });
}

// ---- The month calendar -------------------------------------------------------------------

void calendar(const Ui& ui, const Column& area, const ProgressView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  // The grid keeps its cells at most 52 dp; the month line and the legend take the grid's width.
  const float spacing = t.px(m.space_xs);
  const float cell = std::floor(std::min((area.width - 6.0f * spacing) / 7.0f, t.px(52.0f)));
  const float grid_w = 7.0f * cell + 6.0f * spacing;
  const Column col{area.x, grid_w};
  // Month name with earlier / later.
  const float row_y = ImGui::GetCursorPosY();
  const float nav = t.px(m.touch_min);
  const std::string month = ui.trf("progress.month_year", {{"month", core::month_name(ui.words, v.month)},
                                                           {"year", std::to_string(v.year)}});
  ImGui::SetCursorPos(ImVec2(col.x, row_y + std::floor((nav - ui.fonts.label->FontSize) / 2.0f)));
  text(ui, ui.fonts.label, p.text, month);
  ImGui::SetCursorPos(ImVec2(col.x + col.width - 2.0f * nav - t.px(m.space_xs), row_y));
  if (icon_button(ui, "##month-earlier", Icon::Back, nav, true))
    emit_value(actions, ActionKind::ShowMonth, -1);
  ImGui::SetCursorPos(ImVec2(col.x + col.width - nav, row_y));
  if (icon_button(ui, "##month-later", Icon::Forward, nav, v.can_go_forward))
    emit_value(actions, ActionKind::ShowMonth, +1);
  ImGui::SetCursorPos(ImVec2(col.x, row_y + nav));
  gap(ui, m.space_s);

  // Weekday initials, Monday first.
  const float left = col.x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 window = ImGui::GetWindowPos();
  const float head_y = ImGui::GetCursorPosY();
  for (int d = 0; d < 7; ++d) {
    const std::string& name = core::weekday_short(ui.words, d);
    const ImVec2 size = text_size(ui.fonts.small, name);
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                  ImVec2(std::floor(window.x + left + static_cast<float>(d) * (cell + spacing) +
                                    (cell - size.x) / 2.0f),
                         window.y + head_y - ImGui::GetScrollY()),
                  p.text_muted, name.c_str());
  }
  const float grid_top = head_y + ui.fonts.small->FontSize + t.px(m.space_xs);
  if (v.days.empty()) return;
  const int first = v.days.front().date.weekday();
  const int rows = (first + static_cast<int>(v.days.size()) + 6) / 7;
  const float radius = t.px(m.radius_small);
  for (std::size_t i = 0; i < v.days.size(); ++i) {
    const ProgressDayView& day = v.days[i];
    const int slot = first + static_cast<int>(i);
    const ImVec2 min(
        window.x + left + static_cast<float>(slot % 7) * (cell + spacing),
        window.y + grid_top + static_cast<float>(slot / 7) * (cell + spacing) - ImGui::GetScrollY());
    const ImVec2 max(min.x + cell, min.y + cell);
    ImU32 fill = p.surface;
    ImU32 ink = day.future ? p.text_muted : p.text;
    if (day.done) {
      // Deeper for longer practice: 1, 5 and 10 minutes are the steps people notice.
      const float depth = day.active_minutes >= 10.0 ? 1.0f : day.active_minutes >= 5.0 ? 0.85f : 0.7f;
      fill = mix(p.primary_soft, p.primary, depth);
      ink = p.on_primary;
    } else if (day.practised) {
      fill = p.primary_soft;
      ink = p.on_soft;
    }
    // Days still to come are only outlined, faintly: nothing is expected of them yet.
    if (!day.future || day.practised) draw->AddRectFilled(min, max, fill, radius);
    if (!day.done && !day.practised)
      draw->AddRect(min, max, day.future ? with_alpha(p.outline, 0.6f) : p.outline, radius, 0,
                    t.outline_px());
    if (day.rest) {
      // Rest days: diagonal hatching, so they read apart from empty days without colour.
      draw->PushClipRect(min, max, true);
      const ImU32 hatch = with_alpha(day.done || day.practised ? ink : p.text_muted, 0.35f);
      for (float k = -cell; k < cell; k += t.px(7.0f)) {
        draw->AddLine(ImVec2(min.x + k, max.y), ImVec2(min.x + k + cell, min.y), hatch, t.px(1.0f));
      }
      draw->PopClipRect();
    }
    if (day.today) {
      const float inset = t.px(1.0f);
      draw->AddRect(ImVec2(min.x - t.px(3.0f) + inset, min.y - t.px(3.0f) + inset),
                    ImVec2(max.x + t.px(3.0f) - inset, max.y + t.px(3.0f) - inset), p.text,
                    radius + t.px(3.0f), 0, t.px(2.0f));
    }
    const std::string number = std::to_string(day.date.day);
    const ImVec2 size = text_size(ui.fonts.small, number);
    draw->AddText(
        ui.fonts.small, ui.fonts.small->FontSize,
        ImVec2(std::floor(min.x + (cell - size.x) / 2.0f), std::floor(min.y + (cell - size.y) / 2.0f)), ink,
        number.c_str());
  }
  ImGui::SetCursorPos(ImVec2(col.x, grid_top + static_cast<float>(rows) * (cell + spacing)));
  ImGui::Dummy(ImVec2(1.0f, 1.0f));
  gap(ui, m.space_s);

  // The legend: each mark with its word.
  const float swatch = std::floor(ui.fonts.small->FontSize);
  struct Mark {
    const char* key;
    int kind;  // 0 done, 1 partial, 2 rest, 3 today
  };
  const Mark marks[] = {{"progress.legend_done", 0},
                        {"progress.legend_partial", 1},
                        {"progress.legend_rest", 2},
                        {"progress.legend_today", 3}};
  // Laid out left to right, wrapping: the legend's lines are as tall as its text, not as a chip.
  const float line_h = std::max(swatch, ui.fonts.small->FontSize) + t.px(m.space_s);
  at(col);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  float x = 0.0f;
  float y = 0.0f;
  for (const Mark& mark : marks) {
    const std::string& word = ui.tr(mark.key);
    const float w = swatch + t.px(m.space_xs) + text_size(ui.fonts.small, word).x;
    if (x > 0.0f && x + w > col.width) {
      x = 0.0f;
      y += line_h;
    }
    const ImVec2 s_min(start.x + x, start.y + y + t.px(1.0f));
    const ImVec2 s_max(s_min.x + swatch, s_min.y + swatch);
    switch (mark.kind) {
      case 0:
        draw->AddRectFilled(s_min, s_max, mix(p.primary_soft, p.primary, 0.85f), t.px(3.0f));
        break;
      case 1:
        draw->AddRectFilled(s_min, s_max, p.primary_soft, t.px(3.0f));
        break;
      case 2:
        draw->AddRect(s_min, s_max, p.outline, t.px(3.0f), 0, t.outline_px());
        draw->PushClipRect(s_min, s_max, true);
        for (float k = -swatch; k < swatch; k += t.px(5.0f))
          draw->AddLine(ImVec2(s_min.x + k, s_max.y), ImVec2(s_min.x + k + swatch, s_min.y),
                        with_alpha(p.text_muted, 0.5f), t.px(1.0f));
        draw->PopClipRect();
        break;
      default:
        draw->AddRect(s_min, s_max, p.text, t.px(3.0f), 0, t.px(2.0f));
        break;
    }
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(s_max.x + t.px(m.space_xs), start.y + y),
                  p.text_muted, word.c_str());
    x += w + t.px(m.space_m);
  }
  ImGui::Dummy(ImVec2(col.width, y + line_h));
}

// ---- Minutes per week ---------------------------------------------------------------------

void week_chart(const Ui& ui, const Column& col, const ProgressView& v) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  if (v.weeks.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  at(col);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float label_h = ui.fonts.small->FontSize;
  const float plot_h = t.px(120.0f);
  double top = 10.0;  // the scale never shrinks below 10 minutes, so two minutes look small
  for (const ProgressWeekView& w : v.weeks) top = std::max(top, w.minutes);
  const float n = static_cast<float>(v.weeks.size());
  const float slot = col.width / n;
  const float bar_w = std::floor(std::min(slot * 0.6f, t.px(40.0f)));
  const float base = origin.y + label_h + t.px(m.space_xs) + plot_h;
  draw->AddLine(ImVec2(origin.x, base + 0.5f), ImVec2(origin.x + col.width, base + 0.5f), p.outline,
                t.outline_px());
  for (std::size_t i = 0; i < v.weeks.size(); ++i) {
    const ProgressWeekView& w = v.weeks[i];
    const float cx = origin.x + slot * (static_cast<float>(i) + 0.5f);
    const float h = std::round(plot_h * static_cast<float>(w.minutes / top));
    const ImVec2 min(std::floor(cx - bar_w / 2.0f), base - std::max(h, w.minutes > 0.0 ? t.px(3.0f) : 0.0f));
    const ImVec2 max(min.x + bar_w, base);
    if (max.y > min.y)
      draw->AddRectFilled(min, max, w.current ? p.primary : mix(p.primary_soft, p.primary, 0.35f), t.px(4.0f),
                          ImDrawFlags_RoundCornersTop);
    const std::string value = ui.number(std::round(w.minutes));
    const ImVec2 value_size = text_size(ui.fonts.small, value);
    draw->AddText(
        ui.fonts.small, label_h,
        ImVec2(std::floor(cx - value_size.x / 2.0f), std::floor(min.y - t.px(m.space_xs) - label_h)),
        w.current ? p.text : p.text_muted, value.c_str());
    const std::string date = ui.date_short(w.monday);
    const ImVec2 date_size = text_size(ui.fonts.small, date);
    // Narrow phones: every other date, so labels never run into each other.
    const bool room = date_size.x + t.px(m.space_xs) <= slot;
    if (room || i % 2 == v.weeks.size() % 2 || w.current) {
      draw->AddText(ui.fonts.small, label_h,
                    ImVec2(std::floor(cx - date_size.x / 2.0f), base + t.px(m.space_xs)),
                    w.current ? p.text : p.text_muted, date.c_str());
    }
  }
  ImGui::Dummy(ImVec2(col.width, label_h + t.px(m.space_xs) + plot_h + t.px(m.space_xs) + label_h));
  gap(ui, m.space_xs);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("progress.minutes_caption"), col.width);
}

// ---- Recent sessions ----------------------------------------------------------------------

void recent(const Ui& ui, const Column& col, const ProgressView& v) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  if (v.recent.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("progress.recent_none"), col.width);
    return;
  }
  for (std::size_t i = 0; i < v.recent.size(); ++i) {
    const ProgressSessionView& s = v.recent[i];
    if (i > 0) {
      const float y = ImGui::GetCursorScreenPos().y;
      ImGui::GetWindowDrawList()->AddLine(ImVec2(ImGui::GetWindowPos().x + col.x, y),
                                          ImVec2(ImGui::GetWindowPos().x + col.x + col.width, y), p.outline,
                                          t.outline_px());
      gap(ui, t.metrics.space_s);
    }
    at(col);
    text_wrapped(ui, ui.fonts.label, p.text, s.title, col.width);
    std::string line = ui.trf("progress.session_line", {{"date", ui.date_short(s.practice_day)},
                                                        {"time", hhmm(s.local_hour * 60 + s.local_minute)},
                                                        {"duration", ui.duration(s.active_seconds)}});
    if (!s.complete) line += " \xC2\xB7 " + ui.tr("progress.partial");
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, line, col.width);
    gap(ui, t.metrics.space_s);
  }
}

// ---- Rhythm settings ----------------------------------------------------------------------

// Seven equal toggles, Monday first, on one line even on a small phone (each at least 44 dp);
// a selected day is a rest day. At least one day a week stays a practice day.
void weekday_toggles(const Ui& ui, const Column& col, core::WeekdaySet rest, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float spacing = t.px(t.metrics.space_xs);
  const float w = std::floor((col.width - 6.0f * spacing) / 7.0f);
  const float h = t.px(t.metrics.touch_min);
  const float y = ImGui::GetCursorPosY();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int d = 0; d < 7; ++d) {
    const bool selected = rest.has(d);
    const bool enabled = selected || rest.count() < 6;
    ImGui::SetCursorPos(ImVec2(col.x + static_cast<float>(d) * (w + spacing), y));
    ImGui::PushID(d);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::InvisibleButton("##rest-day", ImVec2(w, h)) && enabled && was_tap(ui);
    const bool hovered = enabled && ImGui::IsItemHovered();
    ImGui::EndDisabled();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const float rounding = t.px(t.metrics.radius_small);
    if (selected) {
      draw->AddRectFilled(min, max, hovered ? p.primary_down : p.primary, rounding);
    } else {
      draw->AddRectFilled(min, max, hovered ? p.surface_down : p.surface, rounding);
      draw->AddRect(min, max, enabled ? p.control : p.outline, rounding, 0, t.outline_px());
    }
    focus_ring(ui, rounding);
    const std::string& name = core::weekday_short(ui.words, d);
    const ImVec2 size = text_size(ui.fonts.small, name);
    draw->AddText(
        ui.fonts.small, ui.fonts.small->FontSize,
        ImVec2(std::floor((min.x + max.x - size.x) / 2.0f), std::floor((min.y + max.y - size.y) / 2.0f)),
        selected ? p.on_primary : p.text, name.c_str());
    if (pressed) emit_value(actions, ActionKind::ToggleRestWeekday, d);
    ImGui::PopID();
  }
  ImGui::SetCursorPos(ImVec2(col.x, y + h));
}

void rhythm(const Ui& ui, const Column& col, const ProgressView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  // Day start, in half hours from 00:00 to 12:00.
  at(col);
  text(ui, ui.fonts.label, p.text, ui.tr("progress.day_start"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("progress.day_start_help"), col.width);
  gap(ui, m.space_xs);
  int step = std::clamp(v.day_start_minutes / 30, 0, 24);
  at(col);
  if (stepper(ui, "##day-start", hhmm(step * 30), step, 25, std::min(col.width, t.px(320.0f))))
    emit_value(actions, ActionKind::SetDayStart, step * 30);
  gap(ui, m.space_l);

  at(col);
  text(ui, ui.fonts.label, p.text, ui.tr("progress.rest_days"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("progress.rest_days_help"), col.width);
  gap(ui, m.space_xs);
  weekday_toggles(ui, col, v.rest_weekdays, actions);
  gap(ui, m.space_l);

  at(col);
  text(ui, ui.fonts.label, p.text, ui.tr("progress.weekly_goal"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("progress.weekly_goal_help"), col.width);
  gap(ui, m.space_xs);
  int goal = std::clamp(v.weekly_goal, 0, 7);
  const std::string goal_label =
      goal == 0 ? ui.tr("progress.goal_off") : ui.tr_plural("progress.goal_days", goal);
  at(col);
  if (stepper(ui, "##weekly-goal", goal_label, goal, 8, std::min(col.width, t.px(320.0f))))
    emit_value(actions, ActionKind::SetWeeklyGoal, goal);
  gap(ui, m.space_l);

  bool hide = v.streaks_hidden;
  const std::string hide_label = ui.tr("progress.hide_streaks");
  const std::string hide_help = ui.tr("progress.hide_streaks_help");
  at(col);
  if (toggle_row(ui, "##hide-streaks", hide_label.c_str(), hide_help.c_str(), hide, col.width))
    emit_value(actions, ActionKind::SetHideStreaks, 0, hide);
}

// ---- Your data ----------------------------------------------------------------------------

void data_section(const Ui& ui, const Column& col, const ProgressView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.trf("progress.data_help", {{"name", v.alias}}),
               col.width);
  gap(ui, m.space_s);
  const std::string export_label = ui.tr("progress.export") + "##export";
  at(col);
  if (button(ui, export_label.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary))
    emit_value(actions, ActionKind::ExportMyData, 0);
  if (!v.status.empty()) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text, ui.tr(v.status), col.width);
    if (!v.status_detail.empty()) {
      at(col);
      text_wrapped(ui, ui.fonts.small, p.text_muted, v.status_detail, col.width);
    }
  }
  gap(ui, m.space_s);
  if (!v.confirm_delete) {
    const std::string label = ui.tr("progress.delete") + "##delete";
    at(col);
    if (button(ui, label.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Quiet))
      emit_value(actions, ActionKind::DeleteMyData, 0, false);
  } else {
    card(ui, col, [&](const Column& in) {
      at(in);
      text_wrapped(ui, ui.fonts.body, p.text,
                   ui.tr(v.pin_protected ? "progress.delete_confirm_pin" : "progress.delete_confirm"),
                   in.width);
      gap(ui, m.space_s);
      const float half = std::floor((in.width - t.px(m.space_s)) / 2.0f);
      const float y = ImGui::GetCursorPosY();
      const std::string keep = ui.tr("progress.delete_keep") + "##keep";
      const std::string go = ui.tr("progress.delete_go") + "##delete-go";
      ImGui::SetCursorPos(ImVec2(in.x, y));
      if (button(ui, keep.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Secondary))
        emit_value(actions, ActionKind::DeleteMyData, 0, false);
      ImGui::SetCursorPos(ImVec2(in.x + in.width - half, y));
      if (button(ui, go.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Support))
        emit_value(actions, ActionKind::DeleteMyData, 0, true);
    });
  }
  if (v.can_switch_person) {
    gap(ui, m.space_s);
    const std::string label = ui.tr("progress.switch_person") + "##switch";
    at(col);
    if (button(ui, label.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary))
      emit_value(actions, ActionKind::SwitchPerson, 0);
  }
}

void summary_line(const Ui& ui, const Column& col, const ProgressView& v) {
  at(col);
  text_wrapped(
      ui, ui.fonts.small, ui.theme.palette.text_muted,
      ui.trf("progress.totals", {{"sessions", ui.tr_plural("progress.sessions", v.sessions)},
                                 {"minutes", ui.tr_plural("progress.minutes", std::round(v.active_minutes))},
                                 {"days", ui.tr_plural("progress.days_practised", v.days_practised)}}),
      col.width);
}

}  // namespace

void draw_progress(const Ui& ui, const ProgressView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##progress", true);
  const bool two_columns = is_wide(ui) && display_size().x >= t.px(900.0f);
  const Column page = page_column(ui, two_columns ? 1120.0f : 0.0f);
  const std::string title = ui.tr("progress.title");
  TopBar bar;
  bar.title = title.c_str();
  top_bar(ui, page, bar, actions);

  if (v.state != ProgressState::Ready) {
    const char* key = v.state == ProgressState::NoStorage ? "progress.no_storage"
                      : v.state == ProgressState::Guest   ? "progress.guest"
                      : v.state == ProgressState::Failed  ? "progress.failed"
                                                          : "progress.loading";
    at(page);
    text_wrapped(ui, ui.fonts.body, p.text, ui.tr(key), page.width);
    if (!v.message.empty()) {
      gap(ui, m.space_s);
      at(page);
      text_wrapped(ui, ui.fonts.small, p.text_muted, v.message, page.width);
    }
    if (v.state == ProgressState::Guest && v.can_switch_person) {
      gap(ui, m.space_l);
      const std::string label = ui.tr("progress.switch_person") + "##switch";
      at(page);
      if (button(ui, label.c_str(), ImVec2(page.width, t.px(m.button_height)), ButtonStyle::Secondary))
        emit_value(actions, ActionKind::SwitchPerson, 0);
    }
    gap(ui, m.space_xl);
    end_page(ui, true);
    return;
  }

  const float gutter = t.px(m.space_xl);
  const float half = std::floor((page.width - gutter) / 2.0f);
  const Column left = two_columns ? Column{page.x, half} : page;
  const Column right = two_columns ? Column{page.x + half + gutter, page.width - half - gutter} : page;
  const float columns_top = ImGui::GetCursorPosY();

  at(left);
  text_wrapped(ui, ui.fonts.heading, p.text, greeting(ui, v), left.width);
  gap(ui, m.space_s);
  if (v.has_history) summary_line(ui, left, v);
  gap(ui, m.space_m);
  if (!v.streaks_hidden && v.has_history) {
    streak_card(ui, left, v);
    gap(ui, m.space_l);
  }
  section_heading(ui, left, ui.tr("progress.calendar"));
  calendar(ui, left, v, actions);
  gap(ui, m.space_l);
  const float left_bottom = ImGui::GetCursorPosY();

  if (two_columns) ImGui::SetCursorPosY(columns_top);
  section_heading(ui, right, ui.tr("progress.minutes_per_week"));
  week_chart(ui, right, v);
  gap(ui, m.space_l);
  section_heading(ui, right, ui.tr("progress.recent"));
  recent(ui, right, v);
  gap(ui, m.space_l);
  section_heading(ui, right, ui.tr("progress.rhythm"));
  rhythm(ui, right, v, actions);
  gap(ui, m.space_l);
  section_heading(ui, right, ui.tr("progress.your_data"));
  data_section(ui, right, v, actions);
  ImGui::SetCursorPosY(std::max(left_bottom, ImGui::GetCursorPosY()));
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
