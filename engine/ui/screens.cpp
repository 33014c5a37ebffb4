// Home, library, settings, about and support. The player and completion screens are in
// screens_player.cpp, the module reader and program overview in screens_reader.cpp.
#include "ui/screens.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/pacer.h"

namespace respite::ui {

bool passes(const LibraryFilter& filter, const ItemCardView& item) {
  if (filter.kind && item.kind != *filter.kind) return false;
  const double s = item.planned_seconds;
  switch (filter.length) {
    case LengthFilter::Any:
      return true;
    case LengthFilter::UnderTwo:
      return s > 0.0 && s < 120.0;
    case LengthFilter::TwoToFive:
      return s >= 120.0 && s <= 300.0;
    case LengthFilter::OverFive:
      return s > 300.0;
  }
  return true;
}

namespace {

std::string duration_or_empty(const Ui& ui, double seconds) {
  return seconds > 0.0 ? ui.duration(seconds) : std::string();
}

// The widest word of `value` in `font`: a column narrower than this would break a word.
float longest_word(ImFont* font, const std::string& value) {
  float widest = 0.0f;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = value.find_first_of(" \n", start);
    if (end == std::string::npos) end = value.size();
    widest = std::max(
        widest,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, value.c_str() + start, value.c_str() + end).x);
    start = end + 1;
  }
  return widest;
}

// How many tiles fit across `width` without breaking any title's words.
int tile_columns(const Ui& ui, float width, const std::vector<std::string>& titles, int most,
                 float min_dp = 140.0f, ImFont* font = nullptr) {
  const Theme& t = ui.theme;
  const float pad = t.px(t.metrics.space_m);
  const float spacing = t.px(t.metrics.space_s);
  if (font == nullptr) font = ui.fonts.label;
  float needed = t.px(min_dp);
  for (const std::string& title : titles) needed = std::max(needed, longest_word(font, title) + 2.0f * pad);
  for (int columns = most; columns > 1; --columns) {
    const float w = (width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    if (w >= needed) return columns;
  }
  return 1;
}

const char* kind_filter_key(const std::optional<core::ItemKind>& kind) {
  return kind ? kind_key(*kind) : "library.all_kinds";
}

const char* length_key(LengthFilter length) {
  switch (length) {
    case LengthFilter::Any:
      return "library.any_length";
    case LengthFilter::UnderTwo:
      return "library.under_2";
    case LengthFilter::TwoToFive:
      return "library.from_2_to_5";
    case LengthFilter::OverFive:
      return "library.over_5";
  }
  return "library.any_length";
}

// The one-tap hero: a large primary panel with the practice's name under the verb.
bool hero_button(const Ui& ui, const char* id, const std::string& label, const std::string& detail,
                 float width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_l);
  const float ring = std::round(ui.fonts.title->FontSize * 1.6f);
  const float text_w = width - 3.0f * pad - ring;
  const float label_h = text_size(ui.fonts.title, label, text_w).y;
  const float detail_h =
      detail.empty() ? 0.0f : t.px(t.metrics.space_xs) + text_size(ui.fonts.body, detail, text_w).y;
  const float height = std::max(t.px(t.metrics.hero_height), label_h + detail_h + 2.0f * pad);
  bool held = false;
  bool hovered = false;
  const bool pressed = tap_area(ui, id, ImVec2(width, height), true, &held, &hovered);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = t.px(t.metrics.radius + 6.0f);
  draw->AddRectFilled(min, max,
                      mix(p.primary, p.primary_down,
                          held      ? 1.0f
                          : hovered ? 0.5f
                                    : 0.0f),
                      rounding);
  focus_ring(ui, rounding);
  // A still breath mark: two rings and a disc, in the label's colour.
  const ImVec2 centre(min.x + pad + ring / 2.0f, (min.y + max.y) / 2.0f);
  draw->AddCircle(centre, ring / 2.0f, with_alpha(p.on_primary, 0.45f), circle_segments(ring / 2.0f),
                  t.px(2.0f));
  draw->AddCircleFilled(centre, ring * 0.3f, p.on_primary, circle_segments(ring * 0.3f));
  draw_icon(draw, Icon::Play, ImVec2(centre.x + ring * 0.03f, centre.y), ring * 0.3f, p.primary, t.px(2.0f));
  const float x = min.x + 2.0f * pad + ring;
  const float top = std::floor((min.y + max.y - label_h - detail_h) / 2.0f);
  const ImVec2 inner_min(min.x + pad, min.y);
  const ImVec2 inner_max(max.x - pad, max.y);
  draw_text(ui, draw, ui.fonts.title, p.on_primary, ImVec2(x, top), label, text_w, inner_min, inner_max);
  if (!detail.empty()) {
    draw_text(ui, draw, ui.fonts.body, p.on_primary, ImVec2(x, top + label_h + t.px(t.metrics.space_xs)),
              detail, text_w, inner_min, inner_max);
  }
  return pressed;
}

// The size status_pill() takes for `label`.
ImVec2 status_pill_size(const Ui& ui, const std::string& label, float max_width) {
  const Theme& t = ui.theme;
  const float pad = t.px(t.metrics.space_m);
  const float icon_s = std::round(ui.fonts.small->FontSize * 1.1f);
  const float text_max = max_width - 2.0f * pad - icon_s - t.px(t.metrics.space_s);
  const ImVec2 text = text_size(ui.fonts.small, label, text_max);
  return ImVec2(std::min(max_width, text.x + 2.0f * pad + icon_s + t.px(t.metrics.space_s)),
                std::max(t.px(t.metrics.touch_min), text.y + t.px(16.0f)));
}

// A small, quiet status pill (the streak, "with patients"). Tappable when `id` is not null.
bool status_pill(const Ui& ui, const char* id, Icon icon, const std::string& label, float max_width) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_m);
  const float icon_s = std::round(ui.fonts.small->FontSize * 1.1f);
  const float text_max = max_width - 2.0f * pad - icon_s - t.px(t.metrics.space_s);
  const ImVec2 size_text = text_size(ui.fonts.small, label, text_max);
  const ImVec2 size(std::min(max_width, size_text.x + 2.0f * pad + icon_s + t.px(t.metrics.space_s)),
                    std::max(t.px(t.metrics.touch_min), size_text.y + t.px(16.0f)));
  bool pressed = false;
  if (id != nullptr) {
    pressed = tap_area(ui, id, size);
  } else {
    ImGui::Dummy(size);
  }
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, p.primary_soft, std::min(size.y / 2.0f, t.px(t.metrics.radius)));
  if (id != nullptr) focus_ring(ui, size.y / 2.0f);
  draw_icon(draw, icon, ImVec2(min.x + pad + icon_s / 2.0f, (min.y + max.y) / 2.0f), icon_s, p.on_soft,
            t.px(1.75f));
  draw_text(ui, draw, ui.fonts.small, p.on_soft,
            ImVec2(min.x + pad + icon_s + t.px(t.metrics.space_s),
                   std::floor((min.y + max.y - size_text.y) / 2.0f)),
            label, text_max, min, max);
  return pressed;
}

std::string streak_text(const Ui& ui, const StreakView& streak) {
  if (streak.current <= 0) return ui.tr("home.streak_start");
  const std::string count =
      ui.tr_plural(streak.weekly ? "home.streak_weeks" : "home.streak_days", streak.current);
  return streak.today_done ? count : ui.trf("home.streak_keep", {{"streak", count}});
}

void draw_cards(const Ui& ui, const Column& col, const std::vector<ItemCardView>& items, int summary_lines,
                bool icons, int columns, const char* id, UiActions& actions) {
  const Theme& t = ui.theme;
  const float spacing = t.px(t.metrics.space_s);
  const float w =
      std::floor((col.width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns));
  ImGui::PushID(id);
  std::size_t i = 0;
  while (i < items.size()) {
    const float row_y = ImGui::GetCursorPosY();
    float row_bottom = row_y;
    // Cards in one row share the tallest height.
    float row_h = 0.0f;
    for (std::size_t j = i; j < std::min(items.size(), i + static_cast<std::size_t>(columns)); ++j) {
      const ItemCardView& item = items[j];
      const char* note = item.startable ? nullptr : ui.tr("library.not_available").c_str();
      row_h = std::max(
          row_h, item_card_height(ui, item.title, item.summary, duration_or_empty(ui, item.planned_seconds),
                                  w, note, summary_lines, icons ? kind_icon(item.kind) : Icon::None));
    }
    for (int c = 0; c < columns && i < items.size(); ++c, ++i) {
      const ItemCardView& item = items[i];
      ImGui::SetCursorPos(ImVec2(col.x + static_cast<float>(c) * (w + spacing), row_y));
      ImGui::PushID(static_cast<int>(i));
      const char* note = item.startable ? nullptr : ui.tr("library.not_available").c_str();
      if (item_card(ui, "##card", item.title, item.summary, duration_or_empty(ui, item.planned_seconds), w,
                    item.startable, note, summary_lines, icons ? kind_icon(item.kind) : Icon::None,
                    columns > 1 ? row_h : 0.0f) &&
          item.startable) {
        emit_item(actions, ActionKind::StartItem, item.ref);
      }
      ImGui::PopID();
      row_bottom = std::max(row_bottom, ImGui::GetCursorPosY());
    }
    ImGui::SetCursorPosY(row_bottom);
    gap(ui, t.metrics.space_s);
  }
  ImGui::PopID();
}

}  // namespace

// ---- Home ---------------------------------------------------------------------------------

void draw_home(const Ui& ui, const HomeView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##home", true);
  const bool two_columns = is_wide(ui) && display_size().x >= t.px(900.0f);
  const Column page = page_column(ui, two_columns ? 1120.0f : 0.0f);
  TopBar bar;
  bar.back = false;
  bar.settings = true;
  top_bar(ui, page, bar, actions);

  const float gutter = t.px(m.space_xl);
  const float half = std::floor((page.width - gutter) / 2.0f);
  const Column left = two_columns ? Column{page.x, half} : page;
  const Column right = two_columns ? Column{page.x + half + gutter, page.width - half - gutter} : page;

  at(left);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.tr("home.tagline"), left.width);
  gap(ui, m.space_m);

  // Status: the streak (when the profile shows one) and the way into progress, on one row when
  // both fit; then quiet mode. "Your progress" is there for every signed-in profile, so hiding
  // streaks or having no session yet never hides the progress screen.
  if (view.streak || view.can_open_progress) {
    const std::string streak = view.streak ? streak_text(ui, *view.streak) : std::string();
    const std::string progress = ui.tr("progress.title") + "##progress";
    const float progress_w =
        view.can_open_progress
            ? std::min(left.width, button_width(ui, progress.c_str(), ButtonStyle::Secondary, Icon::Calendar))
            : 0.0f;
    const float spacing = t.px(m.space_s);
    const ImVec2 pill = view.streak ? status_pill_size(ui, streak, left.width) : ImVec2(0.0f, 0.0f);
    const float progress_h = view.can_open_progress
                                 ? button_height(ui, progress.c_str(), progress_w, t.px(m.touch_min),
                                                 ButtonStyle::Secondary, Icon::Calendar)
                                 : 0.0f;
    const bool one_row =
        !view.streak || !view.can_open_progress || pill.x + spacing + progress_w <= left.width;
    // On one row both are centred on the taller of the two.
    const float row_h = std::max(pill.y, progress_h);
    const float row_y = ImGui::GetCursorPosY();
    float row_bottom = row_y;
    if (view.streak) {
      ImGui::SetCursorPos(ImVec2(left.x, one_row ? row_y + std::floor((row_h - pill.y) / 2.0f) : row_y));
      if (status_pill(ui, "##streak", Icon::Check, streak,
                      one_row ? left.width - progress_w - spacing : left.width))
        emit(actions, ActionKind::OpenProgress);
      row_bottom = ImGui::GetCursorPosY();
      if (!one_row) {
        gap(ui, m.space_s);
        row_bottom = ImGui::GetCursorPosY();
      }
    }
    if (view.can_open_progress) {
      // Beside the streak at the row's end; alone, where the streak would start.
      const float x = view.streak && one_row ? left.x + left.width - progress_w : left.x;
      ImGui::SetCursorPos(
          ImVec2(x, view.streak && one_row ? row_y + std::floor((row_h - progress_h) / 2.0f) : row_bottom));
      if (button(ui, progress.c_str(), ImVec2(progress_w, t.px(m.touch_min)), ButtonStyle::Secondary, true,
                 Icon::Calendar))
        emit(actions, ActionKind::OpenProgress);
      row_bottom = std::max(row_bottom, ImGui::GetCursorPosY());
    }
    ImGui::SetCursorPosY(row_bottom);
    gap(ui, m.space_s);
  }
  if (view.sound_mode == core::SoundMode::WithPatients) {
    at(left);
    if (status_pill(ui, "##quiet", Icon::Info, ui.tr("home.quiet_on"), left.width))
      emit(actions, ActionKind::OpenSettings);
    gap(ui, m.space_s);
  }
  if (view.streak || view.can_open_progress || view.sound_mode == core::SoundMode::WithPatients)
    gap(ui, m.space_s);

  if (view.primary) {
    const ItemCardView& primary = *view.primary;
    const std::string label =
        primary.planned_seconds > 0.0
            ? ui.trf("home.breathe_for", {{"duration", ui.duration(primary.planned_seconds)}})
            : ui.tr("home.breathe");
    at(left);
    if (hero_button(ui, "##breathe", label, primary.title, left.width))
      emit_item(actions, ActionKind::StartItem, primary.ref);
    gap(ui, m.space_l);
  }
  if (!view.primary && view.breathing.empty() && view.micro_breaks.empty()) {
    at(left);
    text_wrapped(ui, ui.fonts.body, p.text, ui.tr("home.no_packs"), left.width);
    gap(ui, m.space_l);
  }

  if (!view.micro_breaks.empty()) {
    section_heading(ui, left, ui.tr("home.quick_breaks"));
    const std::size_t shown = std::min<std::size_t>(view.micro_breaks.size(), 4);
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < shown; ++i) titles.push_back(view.micro_breaks[i].title);
    const int columns = tile_columns(ui, left.width, titles, 2);
    const float spacing = t.px(m.space_s);
    const float w =
        std::floor((left.width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    ImGui::PushID("##breaks");
    for (std::size_t i = 0; i < shown; i += static_cast<std::size_t>(columns)) {
      float row_h = 0.0f;
      for (std::size_t j = i; j < std::min(shown, i + static_cast<std::size_t>(columns)); ++j) {
        const ItemCardView& item = view.micro_breaks[j];
        row_h = std::max(row_h, tile_height(ui, item.title, duration_or_empty(ui, item.planned_seconds), w));
      }
      const float row_y = ImGui::GetCursorPosY();
      for (std::size_t j = i; j < std::min(shown, i + static_cast<std::size_t>(columns)); ++j) {
        const ItemCardView& item = view.micro_breaks[j];
        ImGui::SetCursorPos(ImVec2(left.x + static_cast<float>(j - i) * (w + spacing), row_y));
        ImGui::PushID(static_cast<int>(j));
        if (tile(ui, "##tile", Icon::Timer, item.title, duration_or_empty(ui, item.planned_seconds),
                 ImVec2(w, row_h)))
          emit_item(actions, ActionKind::StartItem, item.ref);
        ImGui::PopID();
      }
      ImGui::SetCursorPos(ImVec2(left.x, row_y + row_h));
      gap(ui, m.space_s);
    }
    ImGui::PopID();
    gap(ui, m.space_m);
  }

  if (view.next_step) {
    const ProgramStepView& step = *view.next_step;
    section_heading(ui, left, ui.tr("home.your_program"));
    at(left);
    const std::string summary = ui.trf(
        "home.program_day",
        {{"program", step.program_title}, {"day", ui.number(step.day)}, {"days", ui.number(step.days)}});
    if (item_card(ui, "##next-step", step.item.title, summary,
                  duration_or_empty(ui, step.item.planned_seconds), left.width, step.item.startable, nullptr,
                  0, kind_icon(step.item.kind)))
      emit_item(actions, ActionKind::StartItem, step.item.ref);
    gap(ui, m.space_l);
  }

  float left_bottom = ImGui::GetCursorPosY();
  if (two_columns)
    ImGui::SetCursorPosY(safe_rect(ui).y + t.px(m.space_s) + t.px(m.touch_min) + t.px(m.space_s));

  if (!view.breathing.empty()) {
    section_heading(ui, right, ui.tr("home.section_breathing"));
    draw_cards(ui, right, view.breathing, 2, false, 1, "##breathing", actions);
    gap(ui, m.space_m);
  }
  const std::string library = ui.tr("home.browse_library") + "##library";
  at(right);
  if (button(ui, library.c_str(), ImVec2(right.width, t.px(m.button_height)), ButtonStyle::Secondary, true,
             Icon::Book))
    emit(actions, ActionKind::OpenLibrary);
  gap(ui, m.space_s);
  const std::string about = ui.tr("nav.about") + "##about";
  at(right);
  if (button(ui, about.c_str(), ImVec2(right.width, t.px(m.touch_min)), ButtonStyle::Quiet, true, Icon::Info))
    emit(actions, ActionKind::OpenAbout);
  ImGui::SetCursorPosY(std::max(left_bottom, ImGui::GetCursorPosY()));
  gap(ui, m.space_xl);
  end_page(ui, true);
}

// ---- Library ------------------------------------------------------------------------------

void draw_library(const Ui& ui, const LibraryView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Metrics& m = t.metrics;
  begin_page(ui, "##library", true);
  const bool grid = is_wide(ui) && display_size().x >= t.px(900.0f);
  const Column col = page_column(ui, grid ? 1120.0f : 0.0f);
  TopBar bar;
  bar.title = ui.tr("nav.library").c_str();
  top_bar(ui, col, bar, actions);

  // Filters: what kind, how long. Each row of chips wraps on a narrow screen.
  const auto set_filter = [&actions](const LibraryFilter& filter) {
    UiAction action;
    action.kind = ActionKind::SetLibraryFilter;
    action.filter = filter;
    actions.push_back(action);
  };
  ImGui::PushID("##kinds");
  {
    Flow flow(ui, col);
    const std::optional<core::ItemKind> kinds[] = {std::nullopt, core::ItemKind::Breathing,
                                                   core::ItemKind::MicroBreak, core::ItemKind::Module,
                                                   core::ItemKind::Program};
    int i = 0;
    for (const auto& kind : kinds) {
      const std::string& label = ui.tr(kind_filter_key(kind));
      flow.next(std::min(col.width, chip_width(ui, label)));
      ImGui::PushID(i++);
      if (chip(ui, "##kind", label, view.filter.kind == kind)) {
        LibraryFilter next = view.filter;
        next.kind = kind;
        set_filter(next);
      }
      ImGui::PopID();
    }
    flow.finish();
  }
  ImGui::PopID();
  gap(ui, m.space_s);
  ImGui::PushID("##lengths");
  {
    Flow flow(ui, col);
    int i = 0;
    for (LengthFilter length :
         {LengthFilter::Any, LengthFilter::UnderTwo, LengthFilter::TwoToFive, LengthFilter::OverFive}) {
      const std::string& label = ui.tr(length_key(length));
      flow.next(std::min(col.width, chip_width(ui, label)));
      ImGui::PushID(i++);
      if (chip(ui, "##length", label, view.filter.length == length)) {
        LibraryFilter next = view.filter;
        next.length = length;
        set_filter(next);
      }
      ImGui::PopID();
    }
    flow.finish();
  }
  ImGui::PopID();
  gap(ui, m.space_l);

  if (view.items.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, t.palette.text, ui.tr("home.no_packs"), col.width);
  }
  bool any_shown = false;
  for (core::ItemKind kind : {core::ItemKind::Breathing, core::ItemKind::MicroBreak, core::ItemKind::Module,
                              core::ItemKind::Program}) {
    std::vector<ItemCardView> shown;
    for (const ItemCardView& item : view.items) {
      if (item.kind == kind && passes(view.filter, item)) shown.push_back(item);
    }
    if (shown.empty()) continue;
    any_shown = true;
    section_heading(ui, col,
                    ui.trf("library.group", {{"kind", ui.tr(kind_key(kind))},
                                             {"count", ui.number(static_cast<double>(shown.size()))}}));
    draw_cards(ui, col, shown, 0, true, grid ? 2 : 1, kind_key(kind), actions);
    gap(ui, m.space_m);
  }
  if (!any_shown && !view.items.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, t.palette.text, ui.tr("library.nothing_matches"), col.width);
    gap(ui, m.space_m);
    const std::string clear = ui.tr("library.clear_filters") + "##clear";
    at(col);
    if (button(ui, clear.c_str(), ImVec2(button_width(ui, clear.c_str(), ButtonStyle::Secondary), 0),
               ButtonStyle::Secondary))
      set_filter(LibraryFilter{});
  }
  // Where the packs behind these items are listed, installed and removed.
  gap(ui, m.space_m);
  const std::string packs = ui.tr("library.manage_packs") + "##packs";
  at(col);
  if (button(ui, packs.c_str(), ImVec2(std::min(col.width, t.px(420.0f)), t.px(m.button_height)),
             ButtonStyle::Secondary))
    emit(actions, ActionKind::OpenPacks);
  gap(ui, m.space_xl);
  end_page(ui, true);
}

// ---- Settings -----------------------------------------------------------------------------

namespace {

constexpr float kTextScales[] = {1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f};

const char* theme_key(ThemeName name) {
  switch (name) {
    case ThemeName::Light:
      return "theme.light";
    case ThemeName::Dark:
      return "theme.dark";
    case ThemeName::Black:
      return "theme.black";
    case ThemeName::HighContrast:
      return "theme.high_contrast";
  }
  return "theme.light";
}

// One theme choice: a small preview of its page, accent and text, with the name under it.
bool theme_tile(const Ui& ui, const char* id, const std::string& label, const Palette& look,
                const Palette* second, bool selected, ImVec2 size) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const float pad = t.px(t.metrics.space_s);
  const ImVec2 label_size = text_size(ui.fonts.small, label, size.x - 2.0f * pad);
  const float swatch_h = t.px(44.0f);
  size.y = std::max(size.y, pad + swatch_h + t.px(t.metrics.space_xs) + label_size.y + pad);
  bool held = false;
  const bool pressed = tap_area(ui, id, size, true, &held);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = t.px(t.metrics.radius_small + 4.0f);
  draw->AddRectFilled(min, max, held ? p.surface_down : p.surface, rounding);
  draw->AddRect(min, max, selected ? p.primary : p.outline, rounding, 0,
                selected ? t.px(3.0f) : t.outline_px());
  focus_ring(ui, rounding);
  // The preview: the theme's page with a line of its text and a dot of its accent; "system" shows
  // its two possible looks side by side.
  const ImVec2 s_min(min.x + pad, min.y + pad);
  const ImVec2 s_max(max.x - pad, min.y + pad + swatch_h);
  const auto preview = [&](const Palette& look_at, ImVec2 a, ImVec2 b, ImDrawFlags corners) {
    draw->AddRectFilled(a, b, look_at.background, t.px(t.metrics.radius_small), corners);
    const float cy = (a.y + b.y) / 2.0f;
    const float r = t.px(9.0f);
    draw->AddCircleFilled(ImVec2(a.x + t.px(8.0f) + r, cy), r, look_at.primary, circle_segments(r));
    const float line_x = a.x + t.px(16.0f) + 2.0f * r;
    if (b.x - line_x > t.px(12.0f))
      draw->AddRectFilled(ImVec2(line_x, cy - t.px(3.0f)), ImVec2(b.x - t.px(8.0f), cy + t.px(3.0f)),
                          look_at.text, t.px(3.0f));
  };
  if (second != nullptr) {
    const float mid = std::floor((s_min.x + s_max.x) / 2.0f);
    preview(look, s_min, ImVec2(mid, s_max.y), ImDrawFlags_RoundCornersLeft);
    preview(*second, ImVec2(mid, s_min.y), s_max, ImDrawFlags_RoundCornersRight);
  } else {
    preview(look, s_min, s_max, ImDrawFlags_RoundCornersAll);
  }
  draw->AddRect(s_min, s_max, p.outline, t.px(t.metrics.radius_small), 0, t.px(1.0f));
  draw_text(ui, draw, ui.fonts.small, p.text,
            ImVec2(std::floor((min.x + max.x - label_size.x) / 2.0f), s_max.y + t.px(t.metrics.space_xs)),
            label, size.x - 2.0f * pad, ImVec2(min.x + pad - 0.5f, min.y), ImVec2(max.x - pad + 0.5f, max.y));
  return pressed;
}

}  // namespace

void draw_settings(const Ui& ui, const SettingsView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##settings", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.title = ui.tr("nav.settings").c_str();
  top_bar(ui, col, bar, actions);

  // Appearance: five looks, the first following the system.
  section_heading(ui, col, ui.tr("settings.theme"));
  {
    struct Choice {
      std::string label;
      bool system;
      ThemeName name;
    };
    std::vector<Choice> choices;
    choices.push_back({ui.tr("theme.system"), true, view.system_theme});
    for (ThemeName name : kAllThemes) choices.push_back({ui.tr(theme_key(name)), false, name});
    std::vector<std::string> labels;
    for (const Choice& c : choices) labels.push_back(c.label);
    const int columns = tile_columns(ui, col.width, labels, 3, 100.0f, ui.fonts.small);
    const float spacing = t.px(m.space_s);
    const float w =
        std::floor((col.width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    ImGui::PushID("##themes");
    for (std::size_t i = 0; i < choices.size(); i += static_cast<std::size_t>(columns)) {
      const float row_y = ImGui::GetCursorPosY();
      float row_bottom = row_y;
      for (std::size_t j = i; j < std::min(choices.size(), i + static_cast<std::size_t>(columns)); ++j) {
        const Choice& c = choices[j];
        ImGui::SetCursorPos(ImVec2(col.x + static_cast<float>(j - i) * (w + spacing), row_y));
        ImGui::PushID(static_cast<int>(j));
        const Palette look = palette_for(c.system ? ThemeName::Light : c.name);
        const Palette dark = palette_for(ThemeName::Dark);
        const bool selected = c.system ? view.follow_system : (!view.follow_system && view.theme == c.name);
        if (theme_tile(ui, "##theme", c.label, look, c.system ? &dark : nullptr, selected, ImVec2(w, 0))) {
          UiAction action;
          if (c.system) {
            action.kind = ActionKind::SetFollowSystemTheme;
            action.flag = true;
          } else {
            action.kind = ActionKind::SetTheme;
            action.theme = c.name;
          }
          actions.push_back(action);
        }
        ImGui::PopID();
        row_bottom = std::max(row_bottom, ImGui::GetCursorPosY());
      }
      ImGui::SetCursorPosY(row_bottom + spacing);
    }
    ImGui::PopID();
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("settings.theme_system_help"), col.width);
    gap(ui, m.space_l);
  }

  // Text size, with a live sample in the size it gives.
  section_heading(ui, col, ui.tr("settings.text_size"));
  {
    int index = 0;
    for (int i = 0; i < static_cast<int>(std::size(kTextScales)); ++i) {
      if (std::fabs(kTextScales[i] - view.text_scale) < std::fabs(kTextScales[index] - view.text_scale))
        index = i;
    }
    at(col);
    const std::string value =
        ui.trf("settings.text_size_value", {{"n", ui.number(std::round(view.text_scale * 100.0f))}});
    if (stepper(ui, "##text-size", value, index, static_cast<int>(std::size(kTextScales)), col.width)) {
      UiAction action;
      action.kind = ActionKind::SetTextScale;
      action.volume = kTextScales[index];
      actions.push_back(action);
    }
    gap(ui, m.space_s);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, ui.tr("settings.text_size_sample"), col.width);
    gap(ui, m.space_l);
  }

  section_heading(ui, col, ui.tr("settings.motion"));
  bool reduced = view.reduced_motion;
  at(col);
  if (toggle_row(ui, "##reduced-motion", ui.tr("settings.reduced_motion").c_str(),
                 ui.tr("settings.reduced_motion_help").c_str(), reduced, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetReducedMotion;
    action.flag = reduced;
    actions.push_back(action);
  }
  gap(ui, m.space_l);

  if (view.languages.size() > 1) {
    section_heading(ui, col, ui.tr("settings.language"));
    std::vector<const char*> names;
    int selected = 0;
    for (std::size_t i = 0; i < view.languages.size(); ++i) {
      names.push_back(view.languages[i].name.c_str());
      if (core::language_of(view.locale) == view.languages[i].code) selected = static_cast<int>(i);
    }
    at(col);
    if (segmented(ui, "##language", names.data(), static_cast<int>(names.size()), selected, col.width)) {
      UiAction action;
      action.kind = ActionKind::SetLocale;
      action.text = view.languages[static_cast<std::size_t>(selected)].code;
      actions.push_back(action);
    }
    gap(ui, m.space_l);
  }

  // Sound: "with patients" is the quiet mode for clinical areas; it can never make a sound.
  section_heading(ui, col, ui.tr("settings.sound"));
  const core::SoundMode mode_values[] = {core::SoundMode::Sound, core::SoundMode::Silent,
                                         core::SoundMode::WithPatients};
  const char* modes[] = {ui.tr("sound.mode_sound").c_str(), ui.tr("sound.mode_silent").c_str(),
                         ui.tr("sound.mode_with_patients").c_str()};
  const char* helps[] = {ui.tr("sound.mode_sound_help").c_str(), ui.tr("sound.mode_silent_help").c_str(),
                         ui.tr("sound.mode_with_patients_help").c_str()};
  int mode = 0;
  for (int i = 0; i < 3; ++i) {
    if (mode_values[i] == view.sound.mode) mode = i;
  }
  at(col);
  if (choice_list(ui, "##sound-mode", modes, helps, 3, mode, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetSoundMode;
    action.sound_mode = mode_values[mode];
    actions.push_back(action);
  }
  gap(ui, m.space_m);
  bool vibration = view.sound.vibration;
  at(col);
  if (toggle_row(ui, "##vibration", ui.tr("settings.vibration").c_str(),
                 ui.tr("settings.vibration_help").c_str(), vibration, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetVibration;
    action.flag = vibration;
    actions.push_back(action);
  }
  gap(ui, m.space_m);
  const bool volume_enabled = view.sound.mode == core::SoundMode::Sound;
  at(col);
  text_wrapped(ui, ui.fonts.label, volume_enabled ? p.text : p.text_muted, ui.tr("settings.volume"),
               col.width);
  float volume = view.sound.volume();
  at(col);
  if (slider(ui, "##volume", volume, col.width, volume_enabled)) {
    UiAction action;
    action.kind = ActionKind::SetVolume;
    action.volume = volume;
    actions.push_back(action);
  }
  if (!view.audio_available) {
    gap(ui, m.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, ui.tr("settings.no_audio_device"), col.width);
  }
  gap(ui, m.space_l);

  section_heading(ui, col, ui.tr("settings.after_session"));
  bool ask = view.ask_feeling;
  at(col);
  if (toggle_row(ui, "##ask-feeling", ui.tr("settings.ask_feeling").c_str(),
                 ui.tr("settings.ask_feeling_help").c_str(), ask, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetAskFeeling;
    action.flag = ask;
    actions.push_back(action);
  }
  gap(ui, m.space_l);

  const std::string about = ui.tr("nav.about") + "##about";
  at(col);
  if (button(ui, about.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary, true,
             Icon::Info))
    emit(actions, ActionKind::OpenAbout);
  gap(ui, m.space_xl);
  end_page(ui, true);
}

// ---- About --------------------------------------------------------------------------------

namespace {

// The software Respite is made of and the licence each is used under (SPDX identifiers).
struct Component {
  const char* name;
  const char* licence;
};
constexpr Component kComponents[] = {
    {"Noto Sans", "OFL-1.1"},
    {"Dear ImGui", "MIT"},
    {"SDL2", "Zlib"},
    {"SDL_mixer", "Zlib"},
    {"RapidJSON", "MIT"},
    {"cereal", "BSD-3-Clause"},
    {"SQLite", "blessing (public domain)"},
    {"libsodium", "ISC"},
    {"libzip", "BSD-3-Clause"},
    {"stb_image, stb_image_write, stb_truetype", "MIT / Unlicense"},
};

void paragraph(const Ui& ui, const Column& col, const std::string& value, bool muted = false) {
  at(col);
  text_wrapped(ui, ui.fonts.body, muted ? ui.theme.palette.text_muted : ui.theme.palette.text, value,
               col.width);
  gap(ui, ui.theme.metrics.space_m);
}

// A card whose height follows its text: the text goes on a channel above the card, drawn after.
class Card {
 public:
  Card(const Ui& ui, const Column& col, ImU32 edge) : ui_(ui), col_(col), edge_(edge) {
    draw_ = ImGui::GetWindowDrawList();
    draw_->ChannelsSplit(2);
    draw_->ChannelsSetCurrent(1);
    top_ = ImGui::GetCursorScreenPos().y;
    gap(ui, ui.theme.metrics.space_m);
    const float pad = ui.theme.px(ui.theme.metrics.space_m);
    inner_ = Column{col.x + pad, col.width - 2.0f * pad};
  }
  const Column& inner() const { return inner_; }
  void end() {
    const Theme& t = ui_.theme;
    gap(ui_, t.metrics.space_m);
    const float bottom = ImGui::GetCursorScreenPos().y;
    draw_->ChannelsSetCurrent(0);
    const float x = ImGui::GetWindowPos().x - ImGui::GetScrollX() + col_.x;
    draw_->AddRectFilled(ImVec2(x, top_), ImVec2(x + col_.width, bottom), t.palette.surface,
                         t.px(t.metrics.radius));
    draw_->AddRect(ImVec2(x, top_), ImVec2(x + col_.width, bottom), edge_, t.px(t.metrics.radius), 0,
                   t.px(2.0f));
    draw_->ChannelsMerge();
  }

 private:
  const Ui& ui_;
  Column col_;
  ImU32 edge_;
  ImDrawList* draw_;
  float top_ = 0.0f;
  Column inner_;
};

}  // namespace

void draw_about(const Ui& ui, const AboutView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##about", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.title = ui.tr("about.title").c_str();
  top_bar(ui, col, bar, actions);

  at(col);
  text_wrapped(ui, ui.fonts.label, p.text, ui.trf("about.version", {{"version", view.version}}), col.width);
  gap(ui, m.space_s);
  paragraph(ui, col, ui.tr("about.what"));

  {
    Card card(ui, col, p.support);
    at(card.inner());
    text_wrapped(ui, ui.fonts.label, p.text, ui.tr("about.not_medical_title"), card.inner().width);
    gap(ui, m.space_s);
    at(card.inner());
    text_wrapped(ui, ui.fonts.body, p.text, ui.tr("about.not_medical"), card.inner().width);
    card.end();
  }
  gap(ui, m.space_l);

  section_heading(ui, col, ui.tr("about.evidence_title"));
  paragraph(ui, col, ui.tr("about.evidence_breathing"));
  paragraph(ui, col, ui.tr("about.evidence_brief"));
  paragraph(ui, col, ui.tr("about.evidence_limits"));
  for (const PackCredit& pack : view.packs) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text_muted,
                 ui.trf("about.pack_line", {{"title", pack.title},
                                            {"version", pack.version},
                                            {"items", ui.tr_plural("about.items", pack.items)},
                                            {"citations", ui.tr_plural("about.citations", pack.citations)}}),
                 col.width);
    gap(ui, m.space_s);
  }
  gap(ui, m.space_m);

  section_heading(ui, col, ui.tr("about.privacy_title"));
  paragraph(ui, col, ui.tr("about.privacy"));

  section_heading(ui, col, ui.tr("about.licences_title"));
  paragraph(ui, col, ui.tr("about.licences_intro"), true);
  for (const Component& c : kComponents) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text,
                 ui.trf("about.licence_line", {{"component", c.name}, {"licence", c.licence}}), col.width);
    gap(ui, m.space_xs);
  }
  gap(ui, m.space_m);
  paragraph(ui, col, ui.tr("about.screen_readers"), true);
  gap(ui, m.space_l);
  end_page(ui, true);
}

// ---- Support ------------------------------------------------------------------------------

namespace {

const char* contact_key(core::ContactType type) {
  switch (type) {
    case core::ContactType::Phone:
      return "support.call";
    case core::ContactType::Sms:
      return "support.text";
    case core::ContactType::Web:
      return "support.web";
    case core::ContactType::Email:
      return "support.email";
  }
  return "support.call";
}

struct Region {
  const char* code;
  const char* key;
};
constexpr Region kRegions[] = {{"US", "support.region_us"},
                               {"GB", "support.region_gb"},
                               {"IE", "support.region_ie"},
                               {"ES", "support.region_es"},
                               {"", "support.region_other"}};

void resource_block(const Ui& ui, const Column& col, const core::SupportResource& r) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  at(col);
  text_wrapped(ui, ui.fonts.label, p.text, r.name, col.width);
  if (!r.description.empty()) {
    gap(ui, t.metrics.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, r.description, col.width);
  }
  for (const core::SupportContact& c : r.contacts) {
    gap(ui, t.metrics.space_xs);
    at(col);
    std::string line = ui.trf("support.contact", {{"how", ui.tr(contact_key(c.type))}, {"value", c.value}});
    if (!c.label.empty()) line += " \xE2\x80\x94 " + c.label;
    text_wrapped(ui, ui.fonts.label, c.type == core::ContactType::Web ? p.primary : p.support, line,
                 col.width);
  }
  if (!r.hours.empty()) {
    gap(ui, t.metrics.space_xs);
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, r.hours, col.width);
  }
}

}  // namespace

void draw_support(const Ui& ui, UiActions& actions) {
  draw_support(ui, SupportView{}, actions);
}

void draw_support(const Ui& ui, const SupportView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##support", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.title = ui.tr("support.title").c_str();
  top_bar(ui, col, bar, actions);

  // The most urgent line first, in its own card outlined in the support colour.
  {
    Card card(ui, col, p.support);
    const Column& inner = card.inner();
    at(inner);
    text_wrapped(ui, ui.fonts.label, p.text, ui.tr("support.crisis"), inner.width);
    if (view.resources.empty()) {
      for (const char* key : {"support.us", "support.uk", "support.elsewhere"}) {
        gap(ui, m.space_s);
        at(inner);
        text_wrapped(ui, ui.fonts.body, p.text, ui.tr(key), inner.width);
      }
    } else {
      for (const core::SupportResource& r : view.resources) {
        if (r.kind != core::SupportKind::Emergency && r.kind != core::SupportKind::Crisis) continue;
        gap(ui, m.space_m);
        resource_block(ui, inner, r);
      }
    }
    card.end();
  }
  gap(ui, m.space_l);

  if (!view.resources.empty()) {
    bool any_other = false;
    for (const core::SupportResource& r : view.resources) {
      if (r.kind == core::SupportKind::Emergency || r.kind == core::SupportKind::Crisis) continue;
      if (!any_other) section_heading(ui, col, ui.tr("support.more"));
      any_other = true;
      resource_block(ui, col, r);
      gap(ui, m.space_m);
    }
    section_heading(ui, col, ui.tr("support.region"));
    ImGui::PushID("##regions");
    Flow flow(ui, col);
    int i = 0;
    for (const Region& region : kRegions) {
      const std::string& label = ui.tr(region.key);
      flow.next(std::min(col.width, chip_width(ui, label)));
      ImGui::PushID(i++);
      if (chip(ui, "##region", label, view.region == region.code)) {
        UiAction action;
        action.kind = ActionKind::SetSupportRegion;
        action.text = region.code;
        actions.push_back(action);
      }
      ImGui::PopID();
    }
    flow.finish();
    ImGui::PopID();
    gap(ui, m.space_l);
  }

  at(col);
  text_wrapped(ui, ui.fonts.body, p.text, ui.tr("support.work"), col.width);
  gap(ui, m.space_m);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted,
               view.notice.empty() ? ui.tr("support.disclaimer") : view.notice, col.width);
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
