#include "ui/screen_unit_admin.h"

#include <algorithm>
#include <cmath>

#include "ui/layout.h"

namespace respite::ui {
namespace {

UiAction make(ActionKind kind, int value = 0, bool flag = false, const std::string& text = {}) {
  UiAction action;
  action.kind = kind;
  action.value = value;
  action.flag = flag;
  action.text = text;
  return action;
}

constexpr int kIdleChoices[] = {60, 120, 300, 600};

void idle_section(const Ui& ui, const Column& col, const UnitAdminView& v, UiActions& actions) {
  section_heading(ui, col, ui.tr("unit.idle"));
  std::string labels[4];
  const char* pointers[4];
  int selected = -1;
  for (int i = 0; i < 4; ++i) {
    labels[i] = ui.duration(kIdleChoices[i]);
    pointers[i] = labels[i].c_str();
    if (kIdleChoices[i] == v.idle_timeout_seconds) selected = i;
  }
  int choice = selected < 0 ? 1 : selected;
  at(col);
  if (segmented(ui, "##idle", pointers, 4, choice, col.width) || (selected < 0 && choice != 1))
    actions.push_back(make(ActionKind::AdminSetIdle, kIdleChoices[choice]));
  gap(ui, ui.theme.metrics.space_xs);
  at(col);
  text_wrapped(ui, ui.fonts.small, ui.theme.palette.text_muted, ui.tr("unit.idle_help"), col.width);
}

void people_section(const Ui& ui, const Column& col, const UnitAdminView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  section_heading(ui, col, ui.tr("unit.people"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("unit.people_help"), col.width);
  gap(ui, m.space_s);
  if (v.profiles.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("unit.people_none"), col.width);
    return;
  }
  for (std::size_t i = 0; i < v.profiles.size(); ++i) {
    const ProfileTileView& person = v.profiles[i];
    ImGui::PushID(static_cast<int>(i));
    at(col);
    text_wrapped(ui, ui.fonts.label, p.text, person.alias, col.width);
    if (person.id == v.confirm_remove || person.id == v.confirm_reset) {
      const bool removing = person.id == v.confirm_remove;
      at(col);
      text_wrapped(ui, ui.fonts.body, p.text,
                   ui.trf(removing ? "unit.remove_confirm" : "unit.reset_confirm", {{"name", person.alias}}),
                   col.width);
      gap(ui, m.space_xs);
      const float half = std::floor((col.width - t.px(m.space_s)) / 2.0f);
      const float y = ImGui::GetCursorPosY();
      const std::string cancel = ui.tr("unit.cancel") + "##cancel";
      const std::string go = ui.tr(removing ? "unit.remove_go" : "unit.reset_go") + "##go";
      ImGui::SetCursorPos(ImVec2(col.x, y));
      if (button(ui, cancel.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Secondary))
        actions.push_back(
            make(removing ? ActionKind::AdminRemoveProfile : ActionKind::AdminResetProfile, 0, false));
      ImGui::SetCursorPos(ImVec2(col.x + col.width - half, y));
      if (button(ui, go.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Support))
        actions.push_back(make(removing ? ActionKind::AdminRemoveProfile : ActionKind::AdminResetProfile, 0,
                               true, person.id));
    } else {
      const std::string reset = ui.tr("unit.reset_pin") + "##reset";
      const std::string remove = ui.tr("unit.remove") + "##remove";
      const float remove_w = button_width(ui, remove.c_str(), ButtonStyle::Secondary);
      const float reset_w = button_width(ui, reset.c_str(), ButtonStyle::Secondary);
      const float y = ImGui::GetCursorPosY();
      float x = col.x;
      if (person.has_pin) {
        ImGui::SetCursorPos(ImVec2(x, y));
        if (button(ui, reset.c_str(), ImVec2(reset_w, t.px(m.touch_min)), ButtonStyle::Secondary))
          actions.push_back(make(ActionKind::AdminResetProfile, 0, false, person.id));
        x += reset_w + t.px(m.space_s);
      }
      ImGui::SetCursorPos(ImVec2(x, y));
      if (button(ui, remove.c_str(), ImVec2(remove_w, t.px(m.touch_min)), ButtonStyle::Secondary))
        actions.push_back(make(ActionKind::AdminRemoveProfile, 0, false, person.id));
    }
    gap(ui, m.space_m);
    ImGui::PopID();
  }
}

void resources_section(const Ui& ui, const Column& col, const UnitAdminView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  section_heading(ui, col, ui.tr("unit.resources"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("unit.resources_help"), col.width);
  gap(ui, m.space_s);
  std::string kind_labels[kUnitResourceKindCount];
  const char* kind_pointers[kUnitResourceKindCount];
  for (int k = 0; k < kUnitResourceKindCount; ++k) {
    kind_labels[k] = ui.tr(std::string("unit.kind.") + kUnitResourceKinds[k]);
    kind_pointers[k] = kind_labels[k].c_str();
  }
  for (std::size_t i = 0; i < v.resources.size(); ++i) {
    const UnitResourceView& r = v.resources[i];
    const int index = static_cast<int>(i);
    ImGui::PushID(index);
    int kind = std::clamp(r.kind, 0, kUnitResourceKindCount - 1);
    at(col);
    if (choice_list(ui, "##kind", kind_pointers, nullptr, kUnitResourceKindCount, kind, col.width)) {
      UiAction action = make(ActionKind::AdminEditResource, index);
      action.page = 0;
      action.question = kind;
      actions.push_back(action);
    }
    const struct {
      const char* key;
      const char* id;
      int field;
      const std::string& value;
      std::size_t max;
    } fields[] = {{"unit.resource_name", "##name", 1, r.name, 120},
                  {"unit.resource_phone", "##phone", 2, r.phone, 40},
                  {"unit.resource_description", "##description", 3, r.description, 400}};
    for (const auto& f : fields) {
      gap(ui, m.space_xs);
      at(col);
      text(ui, ui.fonts.small, p.text_muted, ui.tr(f.key));
      std::string value = f.value;
      at(col);
      if (text_field(ui, f.id, value, f.max, col.width)) {
        UiAction action = make(ActionKind::AdminEditResource, index, false, value);
        action.page = f.field;
        actions.push_back(action);
      }
    }
    gap(ui, m.space_xs);
    const std::string remove = ui.tr("unit.resource_remove") + "##remove";
    at(col);
    if (button(ui, remove.c_str(),
               ImVec2(button_width(ui, remove.c_str(), ButtonStyle::Quiet), t.px(m.touch_min)),
               ButtonStyle::Quiet))
      actions.push_back(make(ActionKind::AdminRemoveResource, index));
    gap(ui, m.space_m);
    ImGui::PopID();
  }
  const std::string add = ui.tr("unit.resource_add") + "##add-resource";
  at(col);
  if (button(ui, add.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary))
    actions.push_back(make(ActionKind::AdminEditResource, -1));
  gap(ui, m.space_s);
  const std::string save = ui.tr("unit.resource_save") + "##save-resources";
  at(col);
  if (button(ui, save.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Primary,
             v.resources_dirty))
    actions.push_back(make(ActionKind::AdminSaveResources));
}

}  // namespace

void draw_unit_admin(const Ui& ui, const UnitAdminView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##unit-admin", true);
  const Column col = page_column(ui);
  const std::string title = ui.tr("unit.title");
  TopBar bar;
  bar.title = title.c_str();
  top_bar(ui, col, bar, actions);
  if (v.loading) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("progress.loading"), col.width);
    end_page(ui, true);
    return;
  }
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("unit.intro"), col.width);
  gap(ui, m.space_l);
  if (!v.status.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, ui.words.has(v.status) ? ui.tr(v.status) : v.status, col.width);
    gap(ui, m.space_m);
  }

  idle_section(ui, col, v, actions);
  gap(ui, m.space_l);

  section_heading(ui, col, ui.tr("profiles.unit_week"));
  at(col);
  if (v.totals) {
    text_wrapped(ui, ui.fonts.body, p.text,
                 ui.trf("profiles.unit_totals",
                        {{"sessions", ui.tr_plural("progress.sessions", v.totals->sessions)},
                         {"minutes", ui.tr_plural("progress.minutes", std::round(v.totals->minutes))}}),
                 col.width);
  } else {
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("profiles.unit_totals_hidden"), col.width);
  }
  gap(ui, m.space_l);

  people_section(ui, col, v, actions);
  gap(ui, m.space_l);
  resources_section(ui, col, v, actions);
  gap(ui, m.space_l);

  section_heading(ui, col, ui.tr("unit.keys"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("unit.keys_help"), col.width);
  for (const std::string& key : v.trusted_keys) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, key, col.width);
  }
  if (v.trusted_keys.empty()) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("unit.keys_none"), col.width);
  }
  gap(ui, m.space_l);

  section_heading(ui, col, ui.tr("unit.turn_off"));
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("unit.turn_off_help"), col.width);
  gap(ui, m.space_s);
  const std::string off = ui.tr(v.confirm_disable ? "unit.turn_off_go" : "unit.turn_off") + "##turn-off";
  at(col);
  if (button(ui, off.c_str(), ImVec2(col.width, t.px(m.button_height)),
             v.confirm_disable ? ButtonStyle::Support : ButtonStyle::Secondary))
    actions.push_back(make(ActionKind::AdminDisableUnit, 0, v.confirm_disable));
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
