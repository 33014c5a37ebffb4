// The player (breathing pacer or micro-break steps) and the completion screen that follows it.
// Portrait: title and time at the top, the pacer and its words in the middle, the controls at the
// bottom within thumb reach. Landscape at 720 dp and wider: the pacer on the left half, the rest
// as one block on the right. When the text is too large for the page (200 % on a small phone) the
// pacer shrinks to its minimum and the page scrolls, so nothing is ever cut.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/pacer.h"
#include "ui/screens.h"

namespace respite::ui {
namespace {

struct PlayerText {
  std::string step;      // micro-break: "Step 2 of 4"
  std::string headline;  // phase word, the step's text, or the paused message
  std::string detail;    // caption, the next step, or the paused explanation
};

PlayerText player_text(const Ui& ui, const PlayerView& view) {
  const core::FrameState& f = view.frame;
  PlayerText out;
  const int step =
      view.micro_break && f.phase_index >= 0 && static_cast<std::size_t>(f.phase_index) < view.steps.size()
          ? f.phase_index
          : -1;
  if (step >= 0) {
    out.step = ui.trf("player.step_of", {{"step", ui.number(step + 1)},
                                         {"steps", ui.number(static_cast<double>(view.steps.size()))}});
  }
  if (f.state == core::RunState::Paused) {
    const bool interrupted = f.pause_reason == core::PauseReason::Interruption;
    out.headline = ui.tr(interrupted ? "player.interrupted_title" : "player.paused");
    out.detail = interrupted ? ui.tr("player.interrupted_body") : "";
    return out;
  }
  if (f.state == core::RunState::Finished) {
    out.headline = ui.tr("phase.end");
    return out;
  }
  if (step >= 0) {
    out.headline = view.steps[static_cast<std::size_t>(step)];
    // A narrated step shows what the narration says (its caption), so nothing is sound-only.
    if (!view.caption.empty() && view.caption != out.headline) {
      out.detail = view.caption;
    } else if (static_cast<std::size_t>(step) + 1 < view.steps.size())
      out.detail = ui.trf("player.next_step", {{"text", view.steps[static_cast<std::size_t>(step) + 1]}});
    return out;
  }
  out.headline = ui.tr(phase_key(f.phase));
  if (view.caption != out.headline) out.detail = view.caption;
  return out;
}

ImFont* headline_font(const Ui& ui, const PlayerView& view) {
  return view.micro_break && view.frame.state == core::RunState::Running ? ui.fonts.heading : ui.fonts.title;
}

std::string countdown(const core::FrameState& f) {
  // Whole seconds, rounded up: "4 3 2 1", never "0" while the phase is still running.
  const double remaining = std::max(0.0, f.phase_remaining_seconds);
  return std::to_string(static_cast<long>(std::ceil(remaining - 1e-6)));
}

void draw_centered_number(const Ui& ui, ImDrawList* draw, ImVec2 center, const std::string& value,
                          ImVec2 box_min, ImVec2 box_max) {
  ImFont* font = ui.fonts.display;
  const ImVec2 size = text_size(font, value);
  // Digits sit slightly high in their line box; nudge so they look optically centred.
  const ImVec2 pos(std::floor(center.x - size.x / 2.0f + 0.5f),
                   std::floor(center.y - size.y / 2.0f + font->FontSize * 0.04f + 0.5f));
  draw->AddText(font, font->FontSize, pos, ui.theme.palette.text, value.c_str());
  if (ui.audit != nullptr)
    ui.audit->record(value, pos, ImVec2(pos.x + size.x, pos.y + size.y), box_min, box_max);
}

// A ring that fills clockwise from the top: the micro-break step's progress.
void draw_ring(ImDrawList* draw, const Theme& t, ImVec2 center, float radius, float fraction) {
  const Palette& p = t.palette;
  const float thickness = t.px(10.0f);
  draw->AddCircle(center, radius, p.primary_soft, circle_segments(radius), thickness);
  const float f = std::clamp(fraction, 0.0f, 1.0f);
  if (f <= 0.0f) return;
  const float start = -1.5707963f;
  const float end = start + f * 6.2831853f;
  const int segments = std::max(8, static_cast<int>(static_cast<float>(circle_segments(radius, 0.1f)) * f));
  draw->PathArcTo(center, radius, start, end, segments);
  draw->PathStroke(p.primary, ImDrawFlags_None, thickness);
  // Round caps.
  draw->AddCircleFilled(ImVec2(center.x + radius * std::cos(start), center.y + radius * std::sin(start)),
                        thickness / 2.0f, p.primary, 16);
  draw->AddCircleFilled(ImVec2(center.x + radius * std::cos(end), center.y + radius * std::sin(end)),
                        thickness / 2.0f, p.primary, 16);
}

// The current micro-break step's picture, when it has one and the host can show it.
struct StepPicture {
  ImTextureID texture = nullptr;
  float width = 0.0f;  // the image's own pixels, for its aspect ratio
  float height = 0.0f;
};

StepPicture step_picture(const Ui& ui, const PlayerView& view) {
  StepPicture picture;
  const int step = view.frame.phase_index;
  if (!view.micro_break || ui.images == nullptr || step < 0 ||
      static_cast<std::size_t>(step) >= view.step_images.size())
    return picture;
  const core::Asset* asset = view.step_images[static_cast<std::size_t>(step)];
  if (asset == nullptr || asset->width <= 0 || asset->height <= 0) return picture;
  picture.texture = ui.images->texture(*asset);
  picture.width = static_cast<float>(asset->width);
  picture.height = static_cast<float>(asset->height);
  return picture;
}

// Draws `picture` as large as fits a `box`-pixel square around `center`, keeping its proportions.
// Returns the bottom edge.
float draw_picture(const Ui& ui, ImDrawList* draw, const StepPicture& picture, ImVec2 center, float box) {
  const float fit = std::min(box / picture.width, box / picture.height);
  const float w = std::floor(picture.width * fit);
  const float h = std::floor(picture.height * fit);
  const ImVec2 min(std::floor(center.x - w / 2.0f), std::floor(center.y - h / 2.0f));
  draw->AddImageRounded(picture.texture, min, ImVec2(min.x + w, min.y + h), ImVec2(0, 0), ImVec2(1, 1),
                        IM_COL32_WHITE, ui.theme.px(ui.theme.metrics.radius_small));
  return min.y + h;
}

// The pacer (or its reduced-motion stand-in) in a square of `side` pixels around `center`.
void draw_pacer_area(const Ui& ui, const PlayerView& view, ImVec2 center, float side) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const core::FrameState& f = view.frame;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string number = countdown(f);
  const ImVec2 box_min(center.x - side / 2.0f, center.y - side / 2.0f);
  const ImVec2 box_max(center.x + side / 2.0f, center.y + side / 2.0f);
  const StepPicture picture = step_picture(ui, view);
  if (view.reduced_motion && picture.texture != nullptr) {
    // The picture above, the numbers and bar below; still nothing moves.
    draw_picture(ui, draw, picture, ImVec2(center.x, center.y - side / 4.0f), side * 0.45f);
    center.y += side / 4.0f;
  }
  if (view.reduced_motion) {
    // Nothing moves but the fill of a bar and the numbers.
    const float bar_w = std::min(side, t.px(360.0f));
    const float bar_h = t.px(16.0f);
    const float number_h = ui.fonts.display->FontSize;
    const float block = number_h + t.px(12.0f) + bar_h + t.px(16.0f) + t.px(6.0f);
    const float top = center.y - block / 2.0f;
    draw_centered_number(ui, draw, ImVec2(center.x, top + number_h / 2.0f), number, box_min, box_max);
    const ImVec2 bar(center.x - bar_w / 2.0f, top + number_h + t.px(12.0f));
    draw_progress_bar(draw, bar, ImVec2(bar_w, bar_h), static_cast<float>(f.phase_progress), p.primary,
                      p.primary_soft);
    const ImVec2 session_bar(bar.x, bar.y + bar_h + t.px(16.0f));
    draw_progress_bar(draw, session_bar, ImVec2(bar_w, t.px(6.0f)), static_cast<float>(f.session_progress),
                      p.text_muted, p.outline);
    return;
  }
  if (view.micro_break) {
    // A step timer needs no more than a hand's width, even on a tablet.
    const float radius = std::min(side / 2.0f, t.px(170.0f)) - t.px(8.0f);
    draw_ring(draw, t, center, radius, static_cast<float>(f.phase_progress));
    if (picture.texture != nullptr) {
      // The picture fills the ring (a square of 1.3 r stays inside it); the seconds move under it.
      const float bottom = draw_picture(ui, draw, picture, center, radius * 1.3f);
      ImFont* font = ui.fonts.label;
      const ImVec2 size = text_size(font, number);
      const float room = center.y + radius - t.px(5.0f) - bottom;
      const ImVec2 pos(std::floor(center.x - size.x / 2.0f), std::floor(bottom + (room - size.y) / 2.0f));
      draw->AddText(font, font->FontSize, pos, p.text, number.c_str());
      if (ui.audit != nullptr)
        ui.audit->record(number, pos, ImVec2(pos.x + size.x, pos.y + size.y), box_min, box_max);
      return;
    }
  } else if (view.plan->style == core::PacerStyle::Box) {
    const float box_side = side - t.px(44.0f);
    draw_box_pacer(draw, t, center, box_side, box_position(*view.plan, f.phase_index, f.phase_progress));
  } else {
    const float radius = side / 2.0f - t.px(18.0f);
    draw_circle_pacer(draw, t, center, radius, breath_level(*view.plan, f.phase_index, f.phase_progress));
  }
  draw_centered_number(ui, draw, center, number, box_min, box_max);
}

// The controls' height at `width`: side by side when both labels fit, else stacked.
struct Controls {
  std::string first;   // Pause or Resume
  std::string second;  // Stop or End
  bool stacked = false;
  float height = 0.0f;
};

Controls layout_controls(const Ui& ui, const PlayerView& view, float width) {
  const Theme& t = ui.theme;
  const bool paused = view.frame.state == core::RunState::Paused;
  Controls c;
  c.first = ui.tr(paused ? "player.resume" : "player.pause") + "##first";
  c.second = ui.tr(paused ? "player.end" : "player.stop") + "##second";
  const float half = std::floor((width - t.px(t.metrics.space_m)) / 2.0f);
  const Icon first_icon = paused ? Icon::Play : Icon::Pause;
  c.stacked = button_width(ui, c.first.c_str(), ButtonStyle::Secondary, first_icon) > half ||
              button_width(ui, c.second.c_str(), ButtonStyle::Secondary, Icon::Stop) > half;
  const float h = t.px(t.metrics.button_height);
  if (c.stacked) {
    c.height = button_height(ui, c.first.c_str(), width, h, ButtonStyle::Secondary, first_icon) +
               t.px(t.metrics.space_s) +
               button_height(ui, c.second.c_str(), width, h, ButtonStyle::Secondary, Icon::Stop);
  } else {
    c.height = std::max(button_height(ui, c.first.c_str(), half, h, ButtonStyle::Secondary, first_icon),
                        button_height(ui, c.second.c_str(), half, h, ButtonStyle::Secondary, Icon::Stop));
  }
  return c;
}

void player_controls(const Ui& ui, const PlayerView& view, const Controls& c, float x, float y, float width,
                     UiActions& actions) {
  const Theme& t = ui.theme;
  const float h = t.px(t.metrics.button_height);
  const bool paused = view.frame.state == core::RunState::Paused;
  const ButtonStyle first_style = paused ? ButtonStyle::Primary : ButtonStyle::Secondary;
  const Icon first_icon = paused ? Icon::Play : Icon::Pause;
  const float half = c.stacked ? width : std::floor((width - t.px(t.metrics.space_m)) / 2.0f);
  ImGui::SetCursorPos(ImVec2(x, y));
  if (button(ui, c.first.c_str(), ImVec2(half, h), first_style, true, first_icon))
    emit(actions, paused ? ActionKind::Resume : ActionKind::Pause);
  if (c.stacked) {
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + t.px(t.metrics.space_s)));
  } else {
    ImGui::SetCursorPos(ImVec2(x + width - half, y));
  }
  if (button(ui, c.second.c_str(), ImVec2(half, h), ButtonStyle::Secondary, true, Icon::Stop))
    emit(actions, ActionKind::EndSession);
}

// Title (wrapping, up to its whole length) with Support at the right, then the time left and the
// quiet-mode note. Returns the height used.
float player_header(const Ui& ui, const PlayerView& view, float x, float y, float width, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const std::string support = ui.tr("nav.support") + "##support";
  const float support_w = button_width(ui, support.c_str(), ButtonStyle::Support, Icon::Support);
  const float bar_h = t.px(t.metrics.touch_min);
  ImGui::SetCursorPos(ImVec2(x + width - support_w, y));
  if (button(ui, support.c_str(), ImVec2(support_w, bar_h), ButtonStyle::Support, true, Icon::Support))
    emit(actions, ActionKind::OpenSupport);
  const float support_bottom = ImGui::GetCursorPosY();
  // The title sits beside Support when it has room for its words, else on its own line under it.
  float title_w = width - support_w - t.px(t.metrics.space_m);
  const bool beside = title_w >= width * 0.45f && longest_word_width(ui.fonts.label, view.title) <= title_w;
  float bottom = 0.0f;
  if (beside) {
    const float title_h = text_size(ui.fonts.label, view.title, title_w).y;
    ImGui::SetCursorPos(ImVec2(x, y + std::max(0.0f, std::floor((bar_h - std::min(title_h, bar_h)) / 2.0f))));
    text_wrapped(ui, ui.fonts.label, p.text, view.title, title_w);
    bottom = std::max(support_bottom, ImGui::GetCursorPosY());
  } else {
    title_w = width;
    ImGui::SetCursorPos(ImVec2(x, support_bottom + t.px(t.metrics.space_s)));
    text_wrapped(ui, ui.fonts.label, p.text, view.title, title_w);
    bottom = ImGui::GetCursorPosY();
  }
  std::string left = ui.trf("player.time_left", {{"time", format_clock(view.frame.remaining_seconds)}});
  if (view.sound_mode == core::SoundMode::WithPatients) left += " \xC2\xB7 " + ui.tr("player.quiet");
  ImGui::SetCursorPos(ImVec2(x, bottom + t.px(t.metrics.space_xs)));
  text_wrapped(ui, ui.fonts.body, p.text_muted, left, width);
  bottom = ImGui::GetCursorPosY();
  return bottom - y;
}

float words_height(const Ui& ui, const PlayerView& view, const PlayerText& words, float width) {
  const Theme& t = ui.theme;
  float h = 0.0f;
  if (!words.step.empty()) h += ui.fonts.small->FontSize + t.px(t.metrics.space_s);
  h += text_size(headline_font(ui, view), words.headline, width).y;
  if (!words.detail.empty()) h += t.px(t.metrics.space_s) + text_size(ui.fonts.body, words.detail, width).y;
  return h;
}

// Step label, headline and detail centred in [x, x + width] from y.
void player_words(const Ui& ui, const PlayerView& view, const PlayerText& words, float x, float y,
                  float width) {
  const Theme& t = ui.theme;
  ImGui::SetCursorPos(ImVec2(x, y));
  if (!words.step.empty()) {
    text_centered(ui, ui.fonts.small, t.palette.text_muted, words.step, x, width);
    gap(ui, t.metrics.space_s);
    ImGui::SetCursorPosX(x);
  }
  text_centered(ui, headline_font(ui, view), t.palette.text, words.headline, x, width);
  if (!words.detail.empty()) {
    gap(ui, t.metrics.space_s);
    ImGui::SetCursorPosX(x);
    text_centered(ui, ui.fonts.body, t.palette.text_muted, words.detail, x, width);
  }
}

// Room kept for the words so they do not jump when a caption comes and goes.
float words_reserve(const Ui& ui, const PlayerView& view, const PlayerText& words, float width) {
  const Theme& t = ui.theme;
  float steady = headline_font(ui, view)->FontSize + t.px(t.metrics.space_s) + 2.0f * ui.fonts.body->FontSize;
  if (!words.step.empty()) steady += ui.fonts.small->FontSize + t.px(t.metrics.space_s);
  return std::max(words_height(ui, view, words, width), steady);
}

}  // namespace

void draw_player(const Ui& ui, const PlayerView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Metrics& m = t.metrics;
  if (view.plan == nullptr) {
    begin_page(ui, "##player", false);
    end_page(ui, false);
    return;
  }
  const ImVec4 safe = safe_rect(ui);
  const PlayerText words = player_text(ui, view);
  if (is_wide(ui)) {
    begin_page(ui, "##player", false);
    const float half = std::floor((safe.x + safe.z) / 2.0f);
    const float height = safe.w - safe.y;
    const float side = std::min(half - safe.x - t.px(2.0f * m.space_xl), height - t.px(2.0f * m.space_xl));
    const ImVec2 window = ImGui::GetWindowPos();
    draw_pacer_area(
        ui, view,
        ImVec2(window.x + (safe.x + half) / 2.0f + t.px(m.space_l), window.y + (safe.y + safe.w) / 2.0f),
        std::max(t.px(120.0f), side));
    // The right half holds one block, centred: title and time left, the words, the controls.
    const Column col = column_in(ui, half, safe.z - half - t.px(m.space_l));
    const Controls controls = layout_controls(ui, view, col.width);
    const float reserve = words_reserve(ui, view, words, col.width);
    // Measure the header by drawing it off-screen first would draw twice; estimate it instead.
    const float header_h = t.px(m.touch_min) + t.px(m.space_xs) + ui.fonts.body->FontSize;
    const float block_h = header_h + t.px(m.space_xl) + reserve + t.px(m.space_xl) + controls.height;
    const float block_top =
        std::floor(std::max(safe.y + t.px(m.space_l), safe.y + (height - block_h) / 2.0f));
    const float used = player_header(ui, view, col.x, block_top, col.width, actions);
    const float words_y = block_top + used + t.px(m.space_xl);
    player_words(ui, view, words, col.x, words_y, col.width);
    player_controls(ui, view, controls, col.x,
                    std::max(words_y + reserve, ImGui::GetCursorPosY()) + t.px(m.space_xl), col.width,
                    actions);
    end_page(ui, false);
    return;
  }

  // Portrait: the pacer and its words form one block, centred between the header and the
  // controls; the pacer takes the room that is left, from 120 dp up to the column's width.
  const Column col = page_column(ui);
  const Controls controls = layout_controls(ui, view, col.width);
  const float reserve = words_reserve(ui, view, words, col.width);
  const float min_side = t.px(120.0f);
  // A first estimate of the header, to decide whether the page must scroll.
  const float title_w = col.width - t.px(120.0f);
  const float header_estimate =
      std::max(t.px(m.touch_min), text_size(ui.fonts.label, view.title, title_w).y) + t.px(m.space_xs) +
      ui.fonts.body->FontSize * 2.0f;
  const float fixed = t.px(m.space_l) + header_estimate + t.px(m.space_l) + t.px(m.space_l) + reserve +
                      t.px(m.space_l) + controls.height + t.px(m.space_xl);
  const bool scrolls = fixed + min_side > safe.w - safe.y;
  begin_page(ui, "##player", scrolls);
  const float top = safe.y + t.px(m.space_l);
  const float header_h = player_header(ui, view, col.x, top, col.width, actions);
  const float area_top = top + header_h + t.px(m.space_l);
  if (scrolls) {
    const float side = std::max(min_side, std::min(col.width * 0.6f, t.px(200.0f)));
    const ImVec2 window = ImGui::GetWindowPos();
    draw_pacer_area(
        ui, view,
        ImVec2(window.x + col.x + col.width / 2.0f, window.y - ImGui::GetScrollY() + area_top + side / 2.0f),
        side);
    player_words(ui, view, words, col.x, area_top + side + t.px(m.space_l), col.width);
    const float controls_y = ImGui::GetCursorPosY() + t.px(m.space_l);
    player_controls(ui, view, controls, col.x, controls_y, col.width, actions);
    gap(ui, m.space_xl);
    end_page(ui, true);
    return;
  }
  const float controls_y = safe.w - t.px(m.space_xl) - controls.height;
  const float area_h = controls_y - t.px(m.space_l) - area_top;
  const float side =
      std::max(min_side, std::min({col.width, t.px(440.0f), area_h - reserve - t.px(m.space_l)}));
  const float block_h = side + t.px(m.space_l) + reserve;
  const float block_top = std::floor(area_top + std::max(0.0f, (area_h - block_h) / 2.0f));
  const ImVec2 window = ImGui::GetWindowPos();
  draw_pacer_area(ui, view, ImVec2(window.x + col.x + col.width / 2.0f, window.y + block_top + side / 2.0f),
                  side);
  player_words(ui, view, words, col.x, block_top + side + t.px(m.space_l), col.width);
  player_controls(ui, view, controls, col.x, controls_y, col.width, actions);
  end_page(ui, false);
}

// ---- Completion ---------------------------------------------------------------------------

void draw_completion(const Ui& ui, const CompletionView& view, UiActions& actions) {
  const Theme& t = ui.theme;
  const Palette& p = t.palette;
  const Metrics& m = t.metrics;
  begin_page(ui, "##completion", true);
  const Column col = page_column(ui);
  TopBar bar;
  bar.back = false;
  top_bar(ui, col, bar, actions);
  const std::string title = ui.tr(view.complete ? "completion.complete_title" : "completion.partial_title");
  std::string body = ui.tr(view.complete ? "completion.complete_body" : "completion.partial_body");
  if (view.how == SessionEnd::Interrupted) body = ui.tr("completion.ended_in_background") + "\n" + body;
  const std::string active = format_clock(view.active_seconds);

  gap(ui, m.space_xl);
  at(col);
  text_centered(ui, ui.fonts.title, p.text, title, col.x, col.width);
  gap(ui, m.space_s);
  at(col);
  text_centered(ui, ui.fonts.body, p.text_muted, body, col.x, col.width);
  gap(ui, m.space_xl);
  at(col);
  text_centered(ui, ui.fonts.small, p.text_muted, ui.tr("completion.active_time"), col.x, col.width);
  at(col);
  text_centered(ui, ui.fonts.display, p.primary, active, col.x, col.width);
  gap(ui, m.space_xs);
  at(col);
  text_centered(ui, ui.fonts.small, p.text_muted, view.title, col.x, col.width);
  gap(ui, m.space_xl);

  if (view.ask_feeling) {
    // One tap, optional: how the person feels now. Kept by the app for the progress store.
    at(col);
    text_centered(ui, ui.fonts.label, p.text, ui.tr(view.feeling ? "feel.thanks" : "feel.question"), col.x,
                  col.width);
    gap(ui, m.space_s);
    std::optional<int> selected;
    if (view.feeling) selected = *view.feeling - 1;
    at(col);
    const float width = std::min(col.width, t.px(360.0f));
    ImGui::SetCursorPosX(col.x + std::floor((col.width - width) / 2.0f));
    if (scale_picker(ui, "##feel", 5, selected, ui.tr("feel.1"), ui.tr("feel.5"), width) && selected) {
      UiAction action;
      action.kind = ActionKind::AnswerFeeling;
      action.value = *selected + 1;
      actions.push_back(action);
    }
    if (view.feeling) {
      gap(ui, m.space_s);
      at(col);
      text_centered(ui, ui.fonts.label, p.primary, ui.tr("feel." + std::to_string(*view.feeling)), col.x,
                    col.width);
    }
    gap(ui, m.space_xl);
  }

  const std::string done = ui.tr("completion.done") + "##done";
  at(col);
  if (button(ui, done.c_str(), ImVec2(col.width, t.px(m.button_height)), ButtonStyle::Primary, true,
             Icon::Check)) {
    emit(actions, ActionKind::GoHome);
  }
  gap(ui, m.space_xl);
  end_page(ui, true);
}

}  // namespace respite::ui
