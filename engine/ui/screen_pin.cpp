#include "ui/screen_pin.h"

#include <algorithm>
#include <cmath>

#include "ui/layout.h"

namespace respite::ui {
namespace {

void emit_value(UiActions& actions, ActionKind kind, int value = 0) {
  UiAction action;
  action.kind = kind;
  action.value = value;
  actions.push_back(action);
}

const char* title_key(PinPurpose purpose) {
  switch (purpose) {
    case PinPurpose::UnlockProfile:
      return "pin.unlock_title";
    case PinPurpose::UnlockAdmin:
      return "pin.admin_title";
    case PinPurpose::ChooseProfilePin:
      return "pin.choose_title";
    case PinPurpose::ConfirmProfilePin:
      return "pin.confirm_title";
    case PinPurpose::ChooseAdminPin:
      return "pin.choose_admin_title";
    case PinPurpose::ConfirmAdminPin:
      return "pin.confirm_admin_title";
    case PinPurpose::ConfirmExport:
      return "pin.export_title";
    case PinPurpose::ConfirmDelete:
      return "pin.delete_title";
  }
  return "pin.unlock_title";
}

const char* help_key(PinPurpose purpose) {
  switch (purpose) {
    case PinPurpose::ChooseProfilePin:
    case PinPurpose::ConfirmProfilePin:
      return "pin.choose_help";
    case PinPurpose::ChooseAdminPin:
    case PinPurpose::ConfirmAdminPin:
      return "pin.choose_admin_help";
    case PinPurpose::UnlockAdmin:
      return "pin.admin_help";
    case PinPurpose::ConfirmDelete:
      return "pin.delete_help";
    default:
      return "pin.unlock_help";
  }
}

}  // namespace

void draw_pin(const Ui& ui, const PinView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##pin", true);
  const Column col = page_column(ui, 480.0f);
  TopBar bar;
  top_bar(ui, col, bar, actions);

  const bool locked = view.wait_seconds > 0;
  const bool keys_on = !locked && !view.busy;
  at(col);
  text_centered(ui, ui.fonts.title, p.text, ui.trf(title_key(view.purpose), {{"name", view.alias}}), col.x,
                col.width);
  gap(ui, m.space_xs);
  at(col);
  text_centered(ui, ui.fonts.body, p.text_muted, ui.tr(help_key(view.purpose)), col.x, col.width);
  gap(ui, m.space_l);

  // The digits typed, as dots; hollow ones show how many more are needed at least.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float dot = t.px(14.0f);
  const float dot_gap = t.px(14.0f);
  const int shown = std::max(view.entered, view.min_length);
  const float dots_w = static_cast<float>(shown) * dot + static_cast<float>(shown - 1) * dot_gap;
  at(col);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int i = 0; i < shown; ++i) {
    const ImVec2 c(std::floor(origin.x + (col.width - dots_w) / 2.0f) +
                       static_cast<float>(i) * (dot + dot_gap) + dot / 2.0f,
                   origin.y + dot / 2.0f);
    if (i < view.entered) {
      draw->AddCircleFilled(c, dot / 2.0f, p.primary, 24);
    } else {
      draw->AddCircle(c, dot / 2.0f - t.px(1.0f), p.control, 24, t.px(1.5f));
    }
  }
  ImGui::Dummy(ImVec2(col.width, dot));
  gap(ui, m.space_m);

  // One line for what went wrong or how long to wait; always reserved so the keys never jump.
  std::string message;
  if (locked) {
    message = ui.trf("pin.wait", {{"seconds", ui.number(view.wait_seconds)}});
  } else if (view.busy) {
    message = ui.tr("pin.checking");
  } else if (!view.message.empty()) {
    message = ui.tr(view.message);
  }
  at(col);
  const float message_y = ImGui::GetCursorPosY();
  text_centered(ui, ui.fonts.body, locked || !view.message.empty() ? p.support : p.text_muted, message, col.x,
                col.width);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), message_y + 2.0f * ui.fonts.body->FontSize));
  gap(ui, m.space_m);

  // The keys: 72 dp or more, with room between them for a gloved finger.
  const float spacing = t.px(m.space_m);
  const float key_w = std::floor(std::min((col.width - 2.0f * spacing) / 3.0f, t.px(112.0f)));
  const float key_h = std::max(t.px(72.0f), std::floor(key_w * 0.7f));
  const float pad_w = 3.0f * key_w + 2.0f * spacing;
  const float left = col.x + std::floor((col.width - pad_w) / 2.0f);
  const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", nullptr, "0", nullptr};
  const float top = ImGui::GetCursorPosY();
  for (int i = 0; i < 12; ++i) {
    const float x = left + static_cast<float>(i % 3) * (key_w + spacing);
    const float y = top + static_cast<float>(i / 3) * (key_h + spacing);
    ImGui::SetCursorPos(ImVec2(x, y));
    ImGui::PushID(i);
    if (i == 9) {
      const std::string erase = ui.tr("pin.erase") + "##erase";
      if (button(ui, erase.c_str(), ImVec2(key_w, key_h), ButtonStyle::Quiet, keys_on && view.entered > 0))
        emit_value(actions, ActionKind::PinErase);
    } else if (i == 11) {
      const std::string ok = ui.tr("pin.ok") + "##ok";
      if (button(ui, ok.c_str(), ImVec2(key_w, key_h), ButtonStyle::Primary,
                 keys_on && view.entered >= view.min_length, Icon::Check))
        emit_value(actions, ActionKind::PinSubmit);
    } else {
      const bool enabled = keys_on && view.entered < view.max_length;
      if (button(ui, "##digit", ImVec2(key_w, key_h), ButtonStyle::Secondary, enabled))
        emit_value(actions, ActionKind::PinDigit, labels[i][0] - '0');
      // The digit itself in the title size: easy to read at arm's length.
      const ImVec2 min = ImGui::GetItemRectMin();
      const ImVec2 max = ImGui::GetItemRectMax();
      const ImVec2 size = text_size(ui.fonts.title, labels[i]);
      draw->AddText(
          ui.fonts.title, ui.fonts.title->FontSize,
          ImVec2(std::floor((min.x + max.x - size.x) / 2.0f), std::floor((min.y + max.y - size.y) / 2.0f)),
          enabled ? p.text : p.text_muted, labels[i]);
    }
    ImGui::PopID();
  }
  ImGui::SetCursorPos(ImVec2(col.x, top + 4.0f * key_h + 3.0f * spacing));
  gap(ui, m.space_l);

  // A keyboard works too (desktops, tablets with a case): digits, Backspace, Enter.
  if (keys_on) {
    const ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
      const ImWchar c = io.InputQueueCharacters[i];
      if (c >= '0' && c <= '9') emit_value(actions, ActionKind::PinDigit, static_cast<int>(c - '0'));
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
      emit_value(actions, ActionKind::PinErase);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
      emit_value(actions, ActionKind::PinSubmit);
  }
  end_page(ui, true);
}

}  // namespace respite::ui
