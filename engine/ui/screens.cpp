#include "ui/screens.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/pacer.h"

namespace respite::ui {
namespace {

// ---- Page scaffolding ---------------------------------------------------------------------

// The horizontal band the content lives in: the whole width less margins on a phone, a centred
// readable column on a tablet.
struct Column {
  float x = 0.0f;
  float width = 0.0f;
};

ImVec2 display_size() {
  return ImGui::GetMainViewport()->Size;
}

Column column_in(const Ui& ui, float left, float width) {
  const Theme& t = ui.theme;
  const float margin = t.px(width / t.scale < 600.0f ? t.metrics.space_m : t.metrics.space_l);
  Column col;
  col.width = std::floor(std::min(width - 2.0f * margin, t.px(t.metrics.content_max_width)));
  col.x = std::floor(left + (width - col.width) / 2.0f);
  return col;
}

Column page_column(const Ui& ui) {
  return column_in(ui, 0.0f, display_size().x);
}

// A full-screen window with no title bar, border, resize grip or saved position: the screen itself.
void begin_page(const char* id, bool scrolls) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!scrolls) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin(id, nullptr, flags);
}

void end_page(const Ui& ui, bool scrolls) {
  if (scrolls) drag_scroll(ui);
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

// Back (top left) and the screen title under it.
void header_with_back(const Ui& ui, const Column& col, const char* title, UiActions& actions) {
  const Theme& t = ui.theme;
  gap(ui, t.metrics.space_s);
  const std::string back = std::string("\xE2\x80\xB9 ") + ui.text.back + "##back";
  // The quiet button's own padding sits in the margin so its label lines up with the column.
  ImGui::SetCursorPosX(col.x - t.px(t.metrics.space_s));
  if (button(ui, back.c_str(), ImVec2(button_width(ui, back.c_str(), ButtonStyle::Quiet), 0),
             ButtonStyle::Quiet)) {
    emit(actions, ActionKind::GoHome);
  }
  gap(ui, t.metrics.space_xs);
  at(col);
  text(ui, ui.fonts.title, t.palette.text, title);
  gap(ui, t.metrics.space_l);
}

void section_heading(const Ui& ui, const Column& col, const char* heading) {
  at(col);
  text(ui, ui.fonts.label, ui.theme.palette.text_muted, heading);
  gap(ui, ui.theme.metrics.space_s);
}

std::string formatted(const char* format, const std::string& value) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, format, value.c_str());
  return buffer;
}

std::string duration_or_empty(const Ui& ui, double seconds) {
  return seconds > 0.0 ? format_duration_short(ui.text, seconds) : std::string();
}

// `summary_lines` > 0 shortens summaries (the home list); the library shows them whole.
bool card(const Ui& ui, const Column& col, int index, const ItemCardView& item, int summary_lines) {
  ImGui::PushID(index);
  at(col);
  const bool pressed = item_card(ui, "##card", item.title, item.summary,
                                 duration_or_empty(ui, item.planned_seconds), col.width, item.startable,
                                 item.startable ? nullptr : ui.text.not_in_this_version, summary_lines);
  ImGui::PopID();
  return pressed;
}

void start(UiActions& actions, const core::ItemRef& ref) {
  UiAction action;
  action.kind = ActionKind::StartItem;
  action.item = ref;
  actions.push_back(action);
}

}  // namespace

// ---- Home ---------------------------------------------------------------------------------

void draw_home(const Ui& ui, const HomeView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page("##home", true);
  const Column col = page_column(ui);

  // Top bar: the name, then Support and Settings always in reach at the top right.
  gap(ui, m.space_s);
  const float bar_y = ImGui::GetCursorPosY();
  const float bar_h = t.px(m.touch_min);
  ImGui::SetCursorPos(ImVec2(col.x, bar_y + std::floor((bar_h - ui.fonts.title->FontSize) / 2.0f)));
  text(ui, ui.fonts.title, p.text, ui.text.app_name);
  const std::string settings = std::string(ui.text.settings) + "##settings";
  const std::string support = std::string(ui.text.support) + "##support";
  const float settings_w = button_width(ui, settings.c_str(), ButtonStyle::Quiet);
  const float support_w = button_width(ui, support.c_str(), ButtonStyle::Support);
  // The quiet button's padding hangs into the margin so its label aligns with the column edge.
  const float settings_x = col.x + col.width - settings_w + t.px(m.space_s);
  ImGui::SetCursorPos(ImVec2(settings_x, bar_y));
  if (button(ui, settings.c_str(), ImVec2(settings_w, bar_h), ButtonStyle::Quiet)) {
    emit(actions, ActionKind::OpenSettings);
  }
  ImGui::SetCursorPos(ImVec2(settings_x - t.px(m.space_xs) - support_w, bar_y));
  if (button(ui, support.c_str(), ImVec2(support_w, bar_h), ButtonStyle::Support)) {
    emit(actions, ActionKind::OpenSupport);
  }
  ImGui::SetCursorPos(ImVec2(col.x, bar_y + bar_h));
  gap(ui, m.space_xs);
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text_muted, ui.text.home_tagline, col.width);
  gap(ui, m.space_l);

  if (view.primary) {
    const ItemCardView& primary = *view.primary;
    const std::string label =
        (primary.planned_seconds > 0.0 ? formatted(ui.text.breathe_with_duration,
                                                   format_duration_short(ui.text, primary.planned_seconds))
                                       : std::string(ui.text.breathe)) +
        "##breathe";
    at(col);
    if (button(ui, label.c_str(), ImVec2(col.width, t.px(m.hero_height)), ButtonStyle::Primary)) {
      start(actions, primary.ref);
    }
    gap(ui, m.space_s);
    at(col);
    text_wrapped(ui, ui.fonts.small, p.text_muted, primary.title, col.width);
    gap(ui, m.space_xl);
  }

  if (view.breathing.empty() && !view.primary) {
    at(col);
    text_wrapped(ui, ui.fonts.body, p.text, ui.text.no_packs, col.width);
    gap(ui, m.space_l);
  }
  if (!view.breathing.empty()) {
    section_heading(ui, col, ui.text.section_breathing);
    for (std::size_t i = 0; i < view.breathing.size(); ++i) {
      if (card(ui, col, static_cast<int>(i), view.breathing[i], 2)) start(actions, view.breathing[i].ref);
      gap(ui, m.space_s);
    }
    gap(ui, m.space_m);
  }

  const std::string library = std::string(ui.text.browse_library) + "##library";
  at(col);
  if (button(ui, library.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Secondary)) {
    emit(actions, ActionKind::OpenLibrary);
  }
  gap(ui, m.space_xl);
  end_page(ui, true);
}

// ---- Library ------------------------------------------------------------------------------

void draw_library(const Ui& ui, const LibraryView& view, UiActions& actions) {
  const Metrics& m = ui.theme.metrics;
  begin_page("##library", true);
  const Column col = page_column(ui);
  header_with_back(ui, col, ui.text.library, actions);
  if (view.items.empty()) {
    at(col);
    text_wrapped(ui, ui.fonts.body, ui.theme.palette.text, ui.text.no_packs, col.width);
  }
  int index = 0;
  for (core::ItemKind kind : {core::ItemKind::Breathing, core::ItemKind::MicroBreak, core::ItemKind::Module,
                              core::ItemKind::Program}) {
    const bool any = std::any_of(view.items.begin(), view.items.end(),
                                 [kind](const ItemCardView& item) { return item.kind == kind; });
    if (!any) continue;
    section_heading(ui, col, kind_heading(ui.text, kind));
    for (const ItemCardView& item : view.items) {
      if (item.kind != kind) continue;
      if (card(ui, col, index++, item, 0) && item.startable) start(actions, item.ref);
      gap(ui, m.space_s);
    }
    gap(ui, m.space_l);
  }
  gap(ui, m.space_l);
  end_page(ui, true);
}

// ---- Player -------------------------------------------------------------------------------

namespace {

struct PlayerText {
  std::string headline;  // phase word, or the paused message
  std::string detail;    // caption, or the paused explanation
};

PlayerText player_text(const Ui& ui, const PlayerView& view) {
  const core::FrameState& f = view.frame;
  PlayerText out;
  if (f.state == core::RunState::Paused) {
    const bool interrupted = f.pause_reason == core::PauseReason::Interruption;
    out.headline = interrupted ? ui.text.interrupted_title : ui.text.paused;
    out.detail = interrupted ? ui.text.interrupted_body : "";
    return out;
  }
  out.headline = f.state == core::RunState::Finished ? ui.text.phase_end : phase_word(ui.text, f.phase);
  if (view.caption != out.headline) out.detail = view.caption;
  return out;
}

std::string countdown(const core::FrameState& f) {
  // Whole seconds, rounded up: "4 3 2 1", never "0" while the phase is still running.
  const double remaining = std::max(0.0, f.phase_remaining_seconds);
  return std::to_string(static_cast<long>(std::ceil(remaining - 1e-6)));
}

void draw_centered_number(const Ui& ui, ImDrawList* draw, ImVec2 center, const std::string& value) {
  ImFont* font = ui.fonts.display;
  const ImVec2 size = text_size(font, value);
  // Digits sit slightly high in their line box; nudge so they look optically centred.
  const ImVec2 pos(std::floor(center.x - size.x / 2.0f + 0.5f),
                   std::floor(center.y - size.y / 2.0f + font->FontSize * 0.04f + 0.5f));
  draw->AddText(font, font->FontSize, pos, ui.theme.palette.text, value.c_str());
}

// The pacer (or its reduced-motion stand-in) inside the square [top_left, top_left + side].
void draw_pacer_area(const Ui& ui, const PlayerView& view, ImVec2 center, float side) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const core::FrameState& f = view.frame;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string number = countdown(f);
  if (view.reduced_motion) {
    // Nothing moves but the fill of a bar and the numbers.
    const float bar_w = std::min(side, t.px(360.0f));
    const float bar_h = t.px(16.0f);
    draw_centered_number(ui, draw, ImVec2(center.x, center.y - t.px(36.0f)), number);
    const ImVec2 bar(center.x - bar_w / 2.0f, center.y + t.px(24.0f));
    draw_progress_bar(draw, bar, ImVec2(bar_w, bar_h), static_cast<float>(f.phase_progress), p.primary,
                      p.primary_soft);
    const ImVec2 session_bar(bar.x, bar.y + bar_h + t.px(16.0f));
    draw_progress_bar(draw, session_bar, ImVec2(bar_w, t.px(6.0f)), static_cast<float>(f.session_progress),
                      p.text_muted, p.outline);
    return;
  }
  if (view.plan->style == core::PacerStyle::Box) {
    const float box_side = side - t.px(44.0f);
    draw_box_pacer(draw, t, center, box_side, box_position(*view.plan, f.phase_index, f.phase_progress));
  } else {
    const float radius = side / 2.0f - t.px(18.0f);
    draw_circle_pacer(draw, t, center, radius, breath_level(*view.plan, f.phase_index, f.phase_progress));
  }
  draw_centered_number(ui, draw, center, number);
}

void player_controls(const Ui& ui, const PlayerView& view, float x, float y, float width,
                     UiActions& actions) {
  const Theme& t = ui.theme;
  const float h = t.px(t.metrics.button_height);
  const float half = std::floor((width - t.px(t.metrics.space_m)) / 2.0f);
  const bool paused = view.frame.state == core::RunState::Paused;
  ImGui::SetCursorPos(ImVec2(x, y));
  if (paused) {
    const std::string resume = std::string(ui.text.resume) + "##resume";
    if (button(ui, resume.c_str(), ImVec2(half, h), ButtonStyle::Primary)) emit(actions, ActionKind::Resume);
  } else {
    const std::string pause = std::string(ui.text.pause) + "##pause";
    if (button(ui, pause.c_str(), ImVec2(half, h), ButtonStyle::Secondary)) emit(actions, ActionKind::Pause);
  }
  ImGui::SetCursorPos(ImVec2(x + width - half, y));
  const std::string end = std::string(paused ? ui.text.end_session : ui.text.stop) + "##end";
  if (button(ui, end.c_str(), ImVec2(half, h), ButtonStyle::Secondary)) emit(actions, ActionKind::EndSession);
}

// Title on the left, time left on the right, on one line of `width` at (x, y).
void player_top_line(const Ui& ui, const PlayerView& view, float x, float y, float width) {
  const Palette& p = ui.theme.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string left = formatted(ui.text.time_left, format_clock(view.frame.remaining_seconds));
  const ImVec2 left_size = text_size(ui.fonts.body, left);
  const float title_w = width - left_size.x - ui.theme.px(ui.theme.metrics.space_m);
  const ImVec2 window = ImGui::GetWindowPos();
  // Long titles are clipped, not wrapped, so the top line keeps one height.
  const ImVec4 clip(window.x + x, window.y + y, window.x + x + title_w,
                    window.y + y + ui.fonts.label->FontSize * 2);
  draw->AddText(ui.fonts.label, ui.fonts.label->FontSize, ImVec2(window.x + x, window.y + y), p.text,
                view.title.c_str(), nullptr, 0.0f, &clip);
  const float baseline_fix = std::floor((ui.fonts.label->FontSize - ui.fonts.body->FontSize) / 2.0f);
  draw->AddText(ui.fonts.body, ui.fonts.body->FontSize,
                ImVec2(window.x + x + width - left_size.x, window.y + y + baseline_fix), p.text_muted,
                left.c_str());
}

// Headline and detail centred in [x, x + width] from y; returns the height used.
float player_words(const Ui& ui, const PlayerText& words, float x, float y, float width) {
  const Theme& t = ui.theme;
  ImGui::SetCursorPos(ImVec2(x, y));
  text_centered(ui, ui.fonts.title, t.palette.text, words.headline, x, width);
  if (!words.detail.empty()) {
    gap(ui, t.metrics.space_s);
    ImGui::SetCursorPosX(x);
    text_centered(ui, ui.fonts.body, t.palette.text_muted, words.detail, x, width);
  }
  return ImGui::GetCursorPosY() - y;
}

float words_height(const Ui& ui, const PlayerText& words, float width) {
  float h = text_size(ui.fonts.title, words.headline, width).y;
  if (!words.detail.empty())
    h += ui.theme.px(ui.theme.metrics.space_s) + text_size(ui.fonts.body, words.detail, width).y;
  return h;
}

}  // namespace

void draw_player(const Ui& ui, const PlayerView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Metrics& m = t.metrics;
  begin_page("##player", false);
  if (view.plan == nullptr) {
    end_page(ui, false);
    return;
  }
  const ImVec2 display = display_size();
  const PlayerText words = player_text(ui, view);
  const float button_h = t.px(m.button_height);
  // Landscape tablets and desktops: pacer on the left half, words and controls on the right.
  const bool wide = display.x > display.y * 1.15f && display.x >= t.px(720.0f);
  if (wide) {
    const float half = std::floor(display.x / 2.0f);
    const float side = std::min(half - t.px(2.0f * m.space_xl), display.y - t.px(2.0f * m.space_xl));
    draw_pacer_area(ui, view,
                    ImVec2(ImGui::GetWindowPos().x + half / 2.0f + t.px(m.space_l),
                           ImGui::GetWindowPos().y + display.y / 2.0f),
                    side);
    // The right half holds one block, centred: title and time left, the words, the controls.
    const Column col = column_in(ui, half, half - t.px(m.space_l));
    // Two caption lines are reserved so the words do not jump when a caption appears.
    const float reserve =
        std::max(words_height(ui, words, col.width),
                 ui.fonts.title->FontSize + t.px(m.space_s) + 2.0f * ui.fonts.body->FontSize);
    const float block_h = ui.fonts.label->FontSize + t.px(m.space_xl) + reserve + t.px(m.space_xl) + button_h;
    const float block_top = std::floor(std::max(t.px(m.space_l), (display.y - block_h) / 2.0f));
    player_top_line(ui, view, col.x, block_top, col.width);
    const float words_y = block_top + ui.fonts.label->FontSize + t.px(m.space_xl);
    player_words(ui, words, col.x, words_y, col.width);
    player_controls(ui, view, col.x, words_y + reserve + t.px(m.space_xl), col.width, actions);
  } else {
    // Portrait: the pacer and its words form one block, centred between the top line and the
    // controls; the pacer takes the width it can have.
    const Column col = page_column(ui);
    const float top = t.px(m.space_l);
    player_top_line(ui, view, col.x, top, col.width);
    const float controls_y = display.y - t.px(m.space_xl) - button_h;
    const float reserve =
        std::max(words_height(ui, words, col.width),
                 ui.fonts.title->FontSize + t.px(m.space_s) + 2.0f * ui.fonts.body->FontSize);
    const float area_top = top + ui.fonts.label->FontSize + t.px(m.space_l);
    const float area_h = controls_y - t.px(m.space_l) - area_top;
    const float side = std::max(t.px(120.0f), std::min(col.width, area_h - reserve - t.px(m.space_l)));
    const float block_h = side + t.px(m.space_l) + reserve;
    const float block_top = std::floor(area_top + std::max(0.0f, (area_h - block_h) / 2.0f));
    draw_pacer_area(
        ui, view,
        ImVec2(ImGui::GetWindowPos().x + display.x / 2.0f, ImGui::GetWindowPos().y + block_top + side / 2.0f),
        side);
    player_words(ui, words, col.x, block_top + side + t.px(m.space_l), col.width);
    player_controls(ui, view, col.x, controls_y, col.width, actions);
  }
  end_page(ui, false);
}

// ---- Completion ---------------------------------------------------------------------------

void draw_completion(const Ui& ui, const CompletionView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page("##completion", true);
  const Column col = page_column(ui);
  const ImVec2 display = display_size();
  const std::string title = view.complete ? ui.text.complete_title : ui.text.partial_title;
  std::string body = view.complete ? ui.text.complete_body : ui.text.partial_body;
  if (view.how == SessionEnd::Interrupted) body = std::string(ui.text.ended_in_background) + "\n" + body;
  const std::string active = format_clock(view.active_seconds);

  const float block = text_size(ui.fonts.title, title, col.width).y + t.px(m.space_s) +
                      text_size(ui.fonts.body, body, col.width).y + t.px(m.space_xl) +
                      ui.fonts.small->FontSize + ui.fonts.display->FontSize + t.px(m.space_xs) +
                      ui.fonts.small->FontSize + t.px(m.space_xl) + t.px(m.button_height);
  ImGui::SetCursorPosY(std::max(t.px(m.space_xl), std::floor((display.y - block) / 2.0f)));
  at(col);
  text_centered(ui, ui.fonts.title, p.text, title, col.x, col.width);
  gap(ui, m.space_s);
  at(col);
  text_centered(ui, ui.fonts.body, p.text_muted, body, col.x, col.width);
  gap(ui, m.space_xl);
  at(col);
  text_centered(ui, ui.fonts.small, p.text_muted, ui.text.active_time, col.x, col.width);
  at(col);
  text_centered(ui, ui.fonts.display, p.primary, active, col.x, col.width);
  gap(ui, m.space_xs);
  at(col);
  text_centered(ui, ui.fonts.small, p.text_muted, view.title, col.x, col.width);
  gap(ui, m.space_xl);
  const std::string done = std::string(ui.text.done) + "##done";
  at(col);
  if (button(ui, done.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Primary)) {
    emit(actions, ActionKind::GoHome);
  }
  end_page(ui, true);
}

// ---- Settings -----------------------------------------------------------------------------

void draw_settings(const Ui& ui, const SettingsView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page("##settings", true);
  const Column col = page_column(ui);
  header_with_back(ui, col, ui.text.settings, actions);

  section_heading(ui, col, ui.text.motion);
  bool reduced = view.reduced_motion;
  at(col);
  if (toggle_row(ui, "##reduced-motion", ui.text.reduced_motion, ui.text.reduced_motion_help, reduced,
                 col.width)) {
    UiAction action;
    action.kind = ActionKind::SetReducedMotion;
    action.flag = reduced;
    actions.push_back(action);
  }
  gap(ui, m.space_l);

  section_heading(ui, col, ui.text.theme);
  const char* themes[] = {ui.text.theme_light, ui.text.theme_dark};
  int theme = view.theme == ThemeName::Dark ? 1 : 0;
  at(col);
  if (segmented(ui, "##theme", themes, 2, theme, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetTheme;
    action.theme = theme == 1 ? ThemeName::Dark : ThemeName::Light;
    actions.push_back(action);
  }
  gap(ui, m.space_l);

  section_heading(ui, col, ui.text.sound);
  const char* modes[] = {ui.text.mode_sound, ui.text.mode_silent, ui.text.mode_with_patients};
  const core::SoundMode mode_values[] = {core::SoundMode::Sound, core::SoundMode::Silent,
                                         core::SoundMode::WithPatients};
  int mode = 0;
  for (int i = 0; i < 3; ++i) {
    if (mode_values[i] == view.sound.mode) mode = i;
  }
  at(col);
  if (segmented(ui, "##sound-mode", modes, 3, mode, col.width)) {
    UiAction action;
    action.kind = ActionKind::SetSoundMode;
    action.sound_mode = mode_values[mode];
    actions.push_back(action);
  }
  gap(ui, m.space_s);
  const char* help[] = {ui.text.mode_sound_help, ui.text.mode_silent_help, ui.text.mode_with_patients_help};
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, help[mode], col.width);
  gap(ui, m.space_l);

  const bool volume_enabled = view.sound.mode == core::SoundMode::Sound;
  at(col);
  text(ui, ui.fonts.label, volume_enabled ? p.text : p.text_muted, ui.text.volume);
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
    text_wrapped(ui, ui.fonts.small, p.text_muted, ui.text.no_audio_device, col.width);
  }
  gap(ui, m.space_xl);
  end_page(ui, true);
}

// ---- Support ------------------------------------------------------------------------------

void draw_support(const Ui& ui, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page("##support", true);
  const Column col = page_column(ui);
  header_with_back(ui, col, ui.text.support_title, actions);

  // The crisis lines sit in a card outlined in the support colour; its height is known only after
  // the text is laid out, so the text goes on a channel above the card drawn afterwards.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = t.px(m.space_m);
  const Column inner{col.x + pad, col.width - 2.0f * pad};
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  const ImVec2 card_min = ImGui::GetCursorScreenPos();
  gap(ui, m.space_m);
  at(inner);
  text_wrapped(ui, ui.fonts.label, p.text, ui.text.support_crisis, inner.width);
  for (const char* line : {ui.text.support_us, ui.text.support_uk, ui.text.support_elsewhere}) {
    gap(ui, m.space_s);
    at(inner);
    text_wrapped(ui, ui.fonts.body, p.text, line, inner.width);
  }
  gap(ui, m.space_m);
  const float card_bottom = ImGui::GetCursorScreenPos().y;
  draw->ChannelsSetCurrent(0);
  const ImVec2 min(ImGui::GetWindowPos().x + col.x, card_min.y);
  const ImVec2 max(min.x + col.width, card_bottom);
  draw->AddRectFilled(min, max, p.surface, t.px(m.radius));
  draw->AddRect(min, max, p.support, t.px(m.radius), 0, t.px(2.0f));
  draw->ChannelsMerge();

  gap(ui, m.space_l);
  at(col);
  text_wrapped(ui, ui.fonts.body, p.text, ui.text.support_work, col.width);
  gap(ui, m.space_m);
  at(col);
  text_wrapped(ui, ui.fonts.small, p.text_muted, ui.text.support_disclaimer, col.width);
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
