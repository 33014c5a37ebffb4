#include "ui/screen_profiles.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ui/layout.h"

namespace respite::ui {
namespace {

void emit_text(UiActions& actions, ActionKind kind, const std::string& text) {
  UiAction action;
  action.kind = kind;
  action.text = text;
  actions.push_back(action);
}

void emit_flag(UiActions& actions, ActionKind kind, bool flag) {
  UiAction action;
  action.kind = kind;
  action.flag = flag;
  actions.push_back(action);
}

// Columns of tiles that leave each at least 150 dp (a long alias still fits on two lines).
int tile_columns(const Ui& ui, float width) {
  const int fit = static_cast<int>(width / ui.theme.px(150.0f));
  return std::clamp(fit, 2, 4);
}

}  // namespace

// A one-line text field as large as a button, for an alias typed with a finger. Returns true with
// `value` changed.
bool text_field(const Ui& ui, const char* id, std::string& value, std::size_t max_bytes, float width) {
  const Theme& t = ui.theme;
  char buffer[512];
  const std::size_t n = std::min(value.size(), std::min(max_bytes, sizeof buffer - 1));
  std::memcpy(buffer, value.data(), n);
  buffer[n] = '\0';
  ImGui::PushFont(ui.fonts.body);
  ImGui::PushStyleVar(
      ImGuiStyleVar_FramePadding,
      ImVec2(t.px(t.metrics.space_m),
             std::max(t.px(t.metrics.space_s),
                      std::floor((t.px(t.metrics.button_height) - ui.fonts.body->FontSize) / 2.0f))));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, t.px(t.metrics.radius_small));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, t.outline_px());
  ImGui::PushStyleColor(ImGuiCol_FrameBg, to_vec4(t.palette.surface));
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, to_vec4(t.palette.surface));
  ImGui::PushStyleColor(ImGuiCol_FrameBgActive, to_vec4(t.palette.surface));
  ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(t.palette.control));
  ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(t.palette.text));
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputText(id, buffer, std::min(max_bytes + 1, sizeof buffer));
  ImGui::PopStyleColor(5);
  ImGui::PopStyleVar(3);
  ImGui::PopFont();
  if (changed) value = buffer;
  return changed;
}

void draw_profiles(const Ui& ui, const ProfilesView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##profiles", true);
  const Column col = page_column(ui, 880.0f);
  TopBar bar;
  bar.back = false;
  top_bar(ui, col, bar, actions);
  at(col);
  text_wrapped(ui, ui.fonts.title, p.text, ui.tr("profiles.title"), col.width);
  gap(ui, m.space_xs);
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("profiles.subtitle"), col.width);
  gap(ui, m.space_l);

  // Big tiles: aliases only. Nothing about anyone's practice is on this screen.
  const int columns = tile_columns(ui, col.width);
  const float spacing = t.px(m.space_s);
  const float w =
      std::floor((col.width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns));
  const float h = t.px(112.0f);
  struct Tile {
    std::string id;
    std::string title;
    std::string detail;
    Icon icon;
    ActionKind kind;
  };
  std::vector<Tile> tiles;
  for (const ProfileTileView& profile : view.profiles) {
    tiles.push_back({profile.id, profile.alias, profile.has_pin ? ui.tr("profiles.has_pin") : std::string(),
                     Icon::Breath, ActionKind::PickProfile});
  }
  tiles.push_back(
      {"", ui.tr("profiles.add"), ui.tr("profiles.add_detail"), Icon::Forward, ActionKind::StartAddProfile});
  tiles.push_back(
      {"", ui.tr("profiles.guest"), ui.tr("profiles.guest_detail"), Icon::Info, ActionKind::PickGuest});
  for (std::size_t i = 0; i < tiles.size(); i += static_cast<std::size_t>(columns)) {
    float row_h = h;
    const std::size_t end = std::min(tiles.size(), i + static_cast<std::size_t>(columns));
    for (std::size_t j = i; j < end; ++j)
      row_h = std::max(row_h, tile_height(ui, tiles[j].title, tiles[j].detail, w));
    const float row_y = ImGui::GetCursorPosY();
    for (std::size_t j = i; j < end; ++j) {
      ImGui::SetCursorPos(ImVec2(col.x + static_cast<float>(j - i) * (w + spacing), row_y));
      ImGui::PushID(static_cast<int>(j));
      if (tile(ui, "##tile", tiles[j].icon, tiles[j].title, tiles[j].detail, ImVec2(w, row_h)))
        emit_text(actions, tiles[j].kind, tiles[j].id);
      ImGui::PopID();
    }
    ImGui::SetCursorPos(ImVec2(col.x, row_y + row_h));
    gap(ui, m.space_s);
  }
  gap(ui, m.space_l);

  if (view.unit_mode) {
    // The unit's week, summed over at least three people; nothing at all below that.
    section_heading(ui, col, ui.tr("profiles.unit_week"));
    at(col);
    if (view.totals) {
      text_wrapped(ui, ui.fonts.body, p.text,
                   ui.trf("profiles.unit_totals",
                          {{"sessions", ui.tr_plural("progress.sessions", view.totals->sessions)},
                           {"minutes", ui.tr_plural("progress.minutes", std::round(view.totals->minutes))}}),
                   col.width);
    } else {
      text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("profiles.unit_totals_hidden"), col.width);
    }
    gap(ui, m.space_xl);
    const std::string admin = ui.tr("profiles.unit_admin") + "##unit-admin";
    // The quiet button's padding hangs into the margin so its icon lines up with the column.
    ImGui::SetCursorPosX(col.x - t.px(m.space_s));
    if (button(ui, admin.c_str(),
               ImVec2(button_width(ui, admin.c_str(), ButtonStyle::Quiet, Icon::Settings), t.px(m.touch_min)),
               ButtonStyle::Quiet, true, Icon::Settings))
      emit_text(actions, ActionKind::OpenUnitAdmin, "");
  }
  gap(ui, m.space_xl);
  end_page(ui, true);
}

void draw_welcome(const Ui& ui, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##welcome", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.back = false;
  top_bar(ui, col, bar, actions);
  at(col);
  text_wrapped(ui, ui.fonts.title, p.text, ui.tr("welcome.title"), col.width);
  gap(ui, m.space_s);
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("welcome.body"), col.width);
  gap(ui, m.space_xl);

  const std::string solo = ui.tr("welcome.just_me") + "##just-me";
  at(col);
  if (button(ui, solo.c_str(), ImVec2(col.width, t.px(m.hero_height)), ButtonStyle::Primary))
    emit_text(actions, ActionKind::ChooseJustMe, "");
  gap(ui, m.space_s);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("welcome.just_me_help"), col.width);
  gap(ui, m.space_xl);

  const std::string unit = ui.tr("welcome.unit") + "##unit";
  at(col);
  if (button(ui, unit.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary))
    emit_text(actions, ActionKind::ChooseUnitMode, "");
  gap(ui, m.space_s);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("welcome.unit_help"), col.width);
  gap(ui, m.space_xl);
  end_page(ui, true);
}

void draw_add_profile(const Ui& ui, const AddProfileView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##add-profile", true);
  const Column col = page_column(ui);
  const std::string title = ui.tr("profiles.add_title");
  TopBar bar;
  bar.title = title.c_str();
  top_bar(ui, col, bar, actions);

  at(col);
  text(ui, ui.fonts.label, p.text, ui.tr("profiles.alias"));
  gap(ui, m.space_xs);
  std::string alias = view.alias;
  at(col);
  if (text_field(ui, "##alias", alias, 64, col.width)) emit_text(actions, ActionKind::SetDraftAlias, alias);
  gap(ui, m.space_xs);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("profiles.alias_help"), col.width);
  gap(ui, m.space_l);

  bool with_pin = view.with_pin;
  const std::string pin_label = ui.tr("profiles.with_pin");
  const std::string pin_help = ui.tr("profiles.with_pin_help");
  at(col);
  if (toggle_row(ui, "##with-pin", pin_label.c_str(), pin_help.c_str(), with_pin, col.width))
    emit_flag(actions, ActionKind::SetDraftWithPin, with_pin);
  gap(ui, m.space_l);

  if (!view.error.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.support, ui.words.has(view.error) ? ui.tr(view.error) : view.error,
                 col.width);
    gap(ui, m.space_s);
  }
  const std::string next = ui.tr(view.with_pin ? "profiles.next" : "profiles.create") + "##create";
  at(col);
  if (button(ui, next.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Primary,
             !view.busy && !view.alias.empty()))
    emit_text(actions, ActionKind::SubmitAddProfile, "");
  gap(ui, m.space_xl);
  end_page(ui, true);
}

void draw_notice_sheet(const Ui& ui, const std::string& message, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  const ImVec2 display = display_size();
  const ImVec4 safe = safe_rect(ui);
  const Column col = page_column(ui);
  const std::string text_value = ui.words.has(message) ? ui.tr(message) : message;
  const float pad = t.px(m.space_m);
  const float inner = col.width - 2.0f * pad;
  const float button_h = t.px(m.button_height);
  const float height = pad + text_size(ui.fonts.small, ui.tr("notice.title")).y + t.px(m.space_xs) +
                       text_size(ui.fonts.body, text_value, inner).y + t.px(m.space_m) + button_h + pad;
  const float bottom = safe.w > 0.0f ? safe.w : display.y;
  const ImVec2 pos(col.x, bottom - height - t.px(m.space_m));
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(col.width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollbar);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetWindowPos();
  const ImVec2 max(min.x + col.width, min.y + height);
  draw->AddRectFilled(ImVec2(min.x, min.y + t.px(2.0f)), ImVec2(max.x, max.y + t.px(2.0f)),
                      with_alpha(p.text, 0.08f), t.px(m.radius));
  draw->AddRectFilled(min, max, p.surface, t.px(m.radius));
  draw->AddRect(min, max, p.outline, t.px(m.radius), 0, t.outline_px());
  ImGui::SetCursorPos(ImVec2(pad, pad));
  text(ui, ui.fonts.small, p.text_muted, ui.tr("notice.title"));
  gap(ui, m.space_xs);
  ImGui::SetCursorPosX(pad);
  text_wrapped(ui, ui.fonts.body, p.text, text_value, inner);
  gap(ui, m.space_m);
  ImGui::SetCursorPosX(pad);
  const std::string ok = ui.tr("notice.ok") + "##notice-ok";
  if (button(ui, ok.c_str(), ImVec2(inner, button_h), ButtonStyle::Secondary))
    emit_text(actions, ActionKind::DismissNotice, "");
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace respite::ui
