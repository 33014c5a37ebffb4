#include "ui/screen_packs.h"

#include <algorithm>
#include <cmath>

#include "ui/layout.h"

namespace respite::ui {
namespace {

UiAction make(ActionKind kind, const std::string& text = {}, bool flag = false) {
  UiAction action;
  action.kind = kind;
  action.text = text;
  action.flag = flag;
  return action;
}

const char* count_key(core::ItemKind kind) {
  switch (kind) {
    case core::ItemKind::Breathing:
      return "packs.count.breathing";
    case core::ItemKind::MicroBreak:
      return "packs.count.micro_break";
    case core::ItemKind::Module:
      return "packs.count.module";
    case core::ItemKind::Program:
      return "packs.count.program";
  }
  return "packs.count.breathing";
}

const char* origin_key(PackOrigin origin) {
  switch (origin) {
    case PackOrigin::Bundled:
      return "packs.origin.bundled";
    case PackOrigin::Opened:
      return "packs.origin.opened";
    case PackOrigin::Installed:
      return "packs.origin.installed";
  }
  return "packs.origin.installed";
}

const char* signature_key(PackSignatureState state) {
  switch (state) {
    case PackSignatureState::None:
      return "";
    case PackSignatureState::Unsigned:
      return "packs.signature.unsigned";
    case PackSignatureState::Trusted:
      return "packs.signature.trusted";
    case PackSignatureState::Untrusted:
      return "packs.signature.untrusted";
    case PackSignatureState::Invalid:
      return "packs.signature.invalid";
  }
  return "";
}

// "3 breathing exercises · 1 module"
std::string kinds_line(const Ui& ui, const std::vector<std::pair<core::ItemKind, int>>& kinds) {
  std::string out;
  for (const auto& [kind, n] : kinds) {
    if (!out.empty()) out += " · ";
    out += ui.tr_plural(count_key(kind), n);
  }
  return out.empty() ? ui.tr("packs.no_items") : out;
}

// Diagnostics as the checker prints them, in the small font, wrapped at any width (paths are long).
void diagnostics_block(const Ui& ui, const Column& col, const std::vector<std::string>& lines) {
  const Theme& t = ui.theme;
  for (const std::string& line : lines) {
    gap(ui, t.metrics.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.small, t.palette.text, line, col.width);
  }
}

void pack_entry(const Ui& ui, const Column& col, const PacksView& v, const PackEntryView& e, int index,
                UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  ImGui::PushID(index);
  at(col);
  text_wrapped(ui, ui.fonts.label, p.text, e.title, col.width);
  std::string meta = ui.tr(origin_key(e.origin));
  if (!e.version.empty()) meta = ui.trf("packs.version", {{"version", e.version}}) + " · " + meta;
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, meta, col.width);
  if (!e.broken) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, kinds_line(ui, e.kinds), col.width);
  }
  if (const char* key = signature_key(e.signature); *key != '\0') {
    at(col);
    // The key id lets an admin match the signer against the trusted keys the admin screen lists.
    const std::string line = e.signer.empty() ? ui.tr(key) : ui.tr(key) + " · " + e.signer;
    text_wrapped(ui, ui.fonts.small, p.text_muted, line, col.width);
    if (v.unit_mode && e.origin == PackOrigin::Installed && e.signature != PackSignatureState::Trusted &&
        !e.broken) {
      at(col);
      text_wrapped(ui, ui.fonts.small, p.support, ui.tr("packs.left_out_unit"), col.width);
    }
  }
  if (e.broken) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.support,
                 ui.trf("packs.broken", {{"errors", ui.tr_plural("packs.errors", e.errors)}}), col.width);
    diagnostics_block(ui, col, e.diagnostics);
  }
  if (e.origin == PackOrigin::Installed && !e.id.empty()) {
    gap(ui, m.space_s);
    if (v.confirm_remove == e.id) {
      at(col);
      text_wrapped(ui, ui.fonts.body, p.text, ui.trf("packs.remove_confirm", {{"title", e.title}}),
                   col.width);
      gap(ui, m.space_xs);
      const float half = std::floor((col.width - t.px(m.space_s)) / 2.0f);
      const float y = ImGui::GetCursorPosY();
      const std::string keep = ui.tr("packs.keep") + "##keep";
      const std::string go = ui.tr("packs.remove_go") + "##remove-go";
      ImGui::SetCursorPos(ImVec2(col.x, y));
      if (button(ui, keep.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Secondary))
        actions.push_back(make(ActionKind::RemovePack));
      ImGui::SetCursorPos(ImVec2(col.x + col.width - half, y));
      if (button(ui, go.c_str(), ImVec2(half, t.px(m.button_height)), ButtonStyle::Support, !v.busy))
        actions.push_back(make(ActionKind::RemovePack, e.id, true));
    } else {
      const std::string remove = ui.tr("packs.remove") + "##remove";
      at(col);
      if (button(ui, remove.c_str(),
                 ImVec2(button_width(ui, remove.c_str(), ButtonStyle::Secondary), t.px(m.touch_min)),
                 ButtonStyle::Secondary, !v.busy))
        actions.push_back(make(ActionKind::RemovePack, e.id));
    }
  }
  gap(ui, m.space_l);
  ImGui::PopID();
}

void import_entry(const Ui& ui, const Column& col, const PacksView& v, const PackImportView& e, int index,
                  UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  ImGui::PushID(1000 + index);
  at(col);
  text_wrapped(ui, ui.fonts.label, p.text, e.title, col.width);
  std::string meta = e.file;
  if (!e.version.empty()) meta = ui.trf("packs.version", {{"version", e.version}}) + " · " + meta;
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, meta, col.width);
  if (const char* key = signature_key(e.signature); *key != '\0' && e.valid) {
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr(key), col.width);
  }
  if (!e.valid) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.support, ui.tr("packs.import_broken"), col.width);
    diagnostics_block(ui, col, e.diagnostics);
  } else {
    if (!e.installed_version.empty()) {
      at(col);
      text_wrapped(ui, ui.fonts.small, p.text_muted,
                   ui.trf("packs.installed_version", {{"version", e.installed_version}}), col.width);
    }
    gap(ui, m.space_s);
    const bool update = !e.installed_version.empty();
    const std::string label = (update ? ui.trf("packs.update_to", {{"version", e.version}})
                                      : ui.tr(v.unit_mode ? "packs.install_admin" : "packs.install")) +
                              "##install";
    at(col);
    if (button(ui, label.c_str(), ImVec2(col.width, t.px(m.button_height)),
               update ? ButtonStyle::Secondary : ButtonStyle::Primary, !v.busy))
      actions.push_back(make(ActionKind::InstallPack, e.path));
  }
  gap(ui, m.space_l);
  ImGui::PopID();
}

}  // namespace

void draw_packs(const Ui& ui, const PacksView& v, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##packs", true);
  const Column col = page_column(ui);
  const std::string title = ui.tr("packs.title");
  TopBar bar;
  bar.title = title.c_str();
  top_bar(ui, col, bar, actions);
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr(v.unit_mode ? "packs.intro_unit" : "packs.intro"),
               col.width);
  gap(ui, m.space_l);

  if (v.busy) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, ui.tr("packs.working"), col.width);
    gap(ui, m.space_m);
  } else if (!v.status.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, v.status_failed ? p.support : p.text,
                 ui.trf(v.status, {{"title", v.status_title},
                                   {"version", v.status_version},
                                   {"installed", v.status_installed},
                                   {"detail", v.status_detail}}),
                 col.width);
    diagnostics_block(ui, col, v.status_diagnostics);
    gap(ui, m.space_l);
  }

  section_heading(ui, col, ui.tr("packs.on_device"));
  int index = 0;
  for (const PackEntryView& e : v.packs) pack_entry(ui, col, v, e, index++, actions);
  if (v.loading) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("progress.loading"), col.width);
    gap(ui, m.space_l);
  }

  if (!v.import_dir.empty()) {
    section_heading(ui, col, ui.tr("packs.to_install"));
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, ui.trf("packs.import_help", {{"folder", v.import_dir}}),
                 col.width);
    gap(ui, m.space_m);
    index = 0;
    for (const PackImportView& e : v.imports) import_entry(ui, col, v, e, index++, actions);
    if (v.imports.empty() && !v.loading) {
      at(col);
      text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("packs.none_to_install"), col.width);
    }
  }
  gap(ui, m.space_xl);
  end_page(ui, true);
}

void draw_pack_diagnostics_panel(const Ui& ui, const PackDiagnosticsView& v) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  const ImVec2 display = display_size();
  const ImVec4 safe = safe_rect(ui);
  const Column col = page_column(ui, 900.0f);
  const float bottom = safe.w > 0.0f ? safe.w : display.y;
  const float top = safe.y;
  const float pad = t.px(m.space_m);
  const float inner = col.width - 2.0f * pad;
  const std::string title = ui.tr("packs.watch_title");
  const std::string help = ui.trf("packs.watch_help", {{"errors", ui.tr_plural("packs.errors", v.errors)}});
  // As tall as the messages, at most the lower half of the screen (more on a short landscape
  // one): the screen behind stays usable above it, and longer lists scroll inside.
  float content = 2.0f * pad + text_size(ui.fonts.label, title, inner).y +
                  text_size(ui.fonts.small, help, inner).y + t.px(m.space_s);
  for (const std::string& line : v.lines)
    content += t.px(m.space_s) + text_size(ui.fonts.small, line, inner).y;
  const float limit = std::min(bottom - top - t.px(m.space_m), std::max((bottom - top) * 0.5f, t.px(320.0f)));
  const float height = std::min(content, limit);
  const ImVec2 pos(col.x, bottom - height - t.px(m.space_s));
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(col.width, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.px(m.radius));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(p.surface));
  ImGui::Begin("##pack-diagnostics", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetWindowPos();
  const ImVec2 max(min.x + col.width, min.y + height);
  draw->PushClipRectFullScreen();
  draw->AddRect(min, max, p.support, t.px(m.radius), 0, t.px(2.0f));
  draw->PopClipRect();
  drag_scroll(ui);
  ImGui::SetCursorPosX(pad);
  text_wrapped(ui, ui.fonts.label, p.text, title, inner);
  ImGui::SetCursorPosX(pad);
  text_wrapped(ui, ui.fonts.small, p.text_muted, help, inner);
  for (const std::string& line : v.lines) {
    gap(ui, m.space_s);
    ImGui::SetCursorPosX(pad);
    text_wrapped(ui, ui.fonts.small, p.text, line, inner);
  }
  gap(ui, m.space_s);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(3);
}

}  // namespace respite::ui
