// Page scaffolding shared by every screen, so they all look and behave alike: a full-screen,
// chrome-less ImGui window; a content column that stays readable on tablets and keeps out of the
// safe-area insets; the top bar (back, title, Support always in reach); section headings. Screens
// written by other parts of the app (progress, profiles, ...) should use these too.
#pragma once

#include <string>

#include "ui/views.h"
#include "ui/widgets.h"

namespace respite::ui {

// A horizontal band in window coordinates.
struct Column {
  float x = 0.0f;
  float width = 0.0f;
};

// The viewport size in pixels.
ImVec2 display_size();
// The display less the safe-area insets, in pixels: (left, top, right, bottom).
ImVec4 safe_rect(const Ui& ui);
// True when the screen is wide enough (in dp) for two-column layouts.
bool is_wide(const Ui& ui);

// The page's content column: the safe width less margins on a phone, a centred readable column
// (at most Metrics::content_max_width, or `max_width_dp` when given) on a tablet.
Column page_column(const Ui& ui, float max_width_dp = 0.0f);
// A column centred in [left, left + width] (window coordinates) with the page margins.
Column column_in(const Ui& ui, float left, float width, float max_width_dp = 0.0f);

// A full-screen window with no title bar, border, resize grip or saved position: the screen itself.
// Scrolling pages are dragged with a finger (drag_scroll in end_page).
void begin_page(const Ui& ui, const char* id, bool scrolls);
void end_page(const Ui& ui, bool scrolls);

// Moves the cursor to the column's left edge.
void at(const Column& col);

void emit(UiActions& actions, ActionKind kind);
void emit_item(UiActions& actions, ActionKind kind, const core::ItemRef& ref, int value = 0);

struct TopBar {
  bool back = true;             // "‹ Back" on the left (else the app's name)
  const char* title = nullptr;  // the screen title, under the bar; null: none
  bool settings = false;        // a Settings button next to Support (home)
};
// Draws the top bar from the cursor's current y and advances below it (and the title). Support
// is always there, top right: the one control every screen has.
void top_bar(const Ui& ui, const Column& col, const TopBar& bar, UiActions& actions);

// A muted bold heading over a group of controls or cards.
void section_heading(const Ui& ui, const Column& col, const std::string& heading);

// Lays chips left to right, wrapping to the next line; call next() before each chip with its width.
class Flow {
 public:
  Flow(const Ui& ui, const Column& col);
  void next(float width);
  void finish();  // moves the cursor below the last line

 private:
  const Ui& ui_;
  Column col_;
  float x_;
  float y_;
  float line_h_;
  bool first_ = true;
};

// The icon that stands for an item kind.
Icon kind_icon(core::ItemKind kind);

}  // namespace respite::ui
