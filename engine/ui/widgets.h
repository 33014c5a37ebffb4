// Respite's widgets, drawn with ImDrawList over ImGui's invisible buttons so that they look the
// same on every platform and keep touch targets at least Metrics::touch_min tall. Every size is
// computed from the Theme; no widget owns state beyond ImGui's per-id interaction state.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace respite::ui {

// Everything a screen needs to draw: the look, the fonts and the words.
struct Ui {
  const Theme& theme;
  const Fonts& fonts;
  const Strings& text;
};

enum class ButtonStyle {
  Primary,    // filled with the accent colour
  Secondary,  // surface with an outline
  Quiet,      // text only, for top-bar actions
  Support,    // filled with the warm support colour
};

// A rounded button with a centred label. `id_label` follows ImGui's "Label##id" convention.
// Returns true on a tap (press and release inside, not a scroll drag).
bool button(const Ui& ui, const char* id_label, ImVec2 size, ButtonStyle style, bool enabled = true);
// The width a button needs for its label, at least the touch minimum.
float button_width(const Ui& ui, const char* label, ButtonStyle style);

// A tappable card: bold title, wrapped summary (at most `summary_lines` lines when > 0), and a
// chip with `meta` (a duration) on the right. A disabled card shows `note` under the summary.
bool item_card(const Ui& ui, const char* id, const std::string& title, const std::string& summary,
               const std::string& meta, float width, bool enabled, const char* note = nullptr,
               int summary_lines = 0);

// `value` cut to at most `max_lines` lines of `width` pixels, ending in an ellipsis when cut.
std::string clamp_lines(ImFont* font, const std::string& value, float width, int max_lines);

// One-of-N choice drawn as joined pills. Returns true when the selection changed.
bool segmented(const Ui& ui, const char* id, const char* const* labels, int count, int& selected,
               float width);

// A label with a help line and an on/off switch; the whole row is the touch target.
bool toggle_row(const Ui& ui, const char* id, const char* label, const char* help, bool& value, float width);

// A horizontal 0..1 slider with a large thumb. Returns true while the value changes.
bool slider(const Ui& ui, const char* id, float& value, float width, bool enabled);

// Text helpers. Wrapped text advances the cursor; centred text is centred in [x, x + width].
void text(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value);
void text_wrapped(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float width);
void text_centered(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float x, float width);
ImVec2 text_size(ImFont* font, const std::string& value, float wrap_width = -1.0f);

// Vertical space in dp.
void gap(const Ui& ui, float dp);

// Lets a finger (or a held mouse button) drag the current window's content up and down; taps that
// turned into drags do not activate buttons (see was_tap). Call once per scrolling window.
void drag_scroll(const Ui& ui);
// False when the press that just ended moved further than a tap may.
bool was_tap(const Ui& ui);

}  // namespace respite::ui
