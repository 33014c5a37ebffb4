// Respite's widgets, drawn with ImDrawList over ImGui's invisible buttons so that they look the
// same on every platform and keep touch targets at least Metrics::touch_min (48 dp) in both
// directions. Every size is computed from the Theme; no widget owns state beyond ImGui's per-id
// interaction state. Labels wrap instead of overflowing: a button or a row grows taller at large
// text sizes rather than cutting its words (tests render every screen at 200 % and check).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/image_source.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace respite::ui {

// Records where text was drawn and the box it had to stay in, so tests can prove that nothing
// spills out at 200 % text on a small phone. Off (null) in the app.
struct LayoutAudit {
  struct Entry {
    std::string text;
    ImVec2 min, max;                      // the text's bounding box, pixels
    ImVec2 container_min, container_max;  // where it had to fit
    bool broken_word = false;             // a word was wider than the line and had to be split
  };
  std::vector<Entry> entries;
  void record(std::string_view text, ImVec2 min, ImVec2 max, ImVec2 container_min, ImVec2 container_max,
              bool broken_word = false);

  // Everything tappable, to check touch-target sizes. Links inside running text are marked: they
  // are exempt (WCAG 2.5.8) and every one also has a full-size card under the text.
  struct Target {
    ImVec2 min, max;
    bool inline_link = false;
  };
  std::vector<Target> targets;
};

// Everything a screen needs to draw: the look, the fonts and the words (see ui/strings.h).
struct Ui {
  const Theme& theme;
  const Fonts& fonts;
  const Strings& text;  // older named fields; prefer tr()
  const core::Translations& words;
  LayoutAudit* audit = nullptr;
  ImageSource* images = nullptr;  // pack pictures; null: screens leave them out

  const std::string& tr(std::string_view key) const { return words.text(key); }
  std::string tr_plural(std::string_view key, double n) const { return ui::tr_plural(words, key, n); }
  std::string trf(std::string_view key, core::FormatArgs args) const { return words.format(key, args); }
  std::string duration(double seconds) const { return format_duration_short(words, seconds); }
  std::string duration_long(double seconds) const { return core::format_duration_long(words, seconds); }
  std::string number(double value, int decimals = 0) const {
    return core::format_number(words, value, decimals);
  }
  std::string date_long(const core::CivilDate& date) const { return core::format_date_long(words, date); }
  std::string date_short(const core::CivilDate& date) const { return core::format_date_short(words, date); }
};

// An invisible tappable area of `size` at the cursor (recorded for the audit). Returns true on a tap
// (press and release inside, not a scroll drag). `held` / `hovered` report the pressed look.
bool tap_area(const Ui& ui, const char* id, ImVec2 size, bool enabled = true, bool* held = nullptr,
              bool* hovered = nullptr, bool inline_link = false);

// Small line icons, drawn as vector paths in the current colour (no icon font to license).
enum class Icon {
  None,
  Back,      // chevron left
  Forward,   // chevron right
  Support,   // a heart
  Settings,  // three sliders
  Info,      // "i" in a circle
  Play,
  Pause,
  Stop,
  Check,
  Breath,    // concentric rings
  Timer,     // a stopwatch: micro-breaks
  Book,      // modules
  Calendar,  // programs
  Close,
};
// Draws `icon` centred in a square of `size` pixels at `center`.
void draw_icon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 colour, float stroke);

enum class ButtonStyle {
  Primary,    // filled with the accent colour
  Secondary,  // surface with an outline
  Quiet,      // text only, for top-bar actions
  Support,    // outlined in the warm support colour
};

// A rounded button with a centred label (and an optional icon before it). `id_label` follows
// ImGui's "Label##id" convention. A label too long for the width wraps, and the button grows
// taller (size.y is a minimum). Returns true on a tap (press and release inside, not a drag).
bool button(const Ui& ui, const char* id_label, ImVec2 size, ButtonStyle style, bool enabled = true,
            Icon icon = Icon::None);
// The width a button needs for its label on one line, at least the touch minimum.
float button_width(const Ui& ui, const char* label, ButtonStyle style, Icon icon = Icon::None);
// The height button() will take at `width`.
float button_height(const Ui& ui, const char* label, float width, float min_height, ButtonStyle style,
                    Icon icon = Icon::None);

// A tappable card: bold title, wrapped summary (at most `summary_lines` lines when > 0), and a
// chip with `meta` (a duration) on the right, or under the title when the card is narrow or the
// text large. A disabled card shows `note` under the summary.
bool item_card(const Ui& ui, const char* id, const std::string& title, const std::string& summary,
               const std::string& meta, float width, bool enabled, const char* note = nullptr,
               int summary_lines = 0, Icon icon = Icon::None, float min_height = 0.0f);
// The height item_card() will take (before min_height).
float item_card_height(const Ui& ui, const std::string& title, const std::string& summary,
                       const std::string& meta, float width, const char* note = nullptr,
                       int summary_lines = 0, Icon icon = Icon::None);

// A compact square-ish tile for the home screen's quick actions: icon, title, one line of detail.
// `height` is a minimum; the tile grows with its text.
bool tile(const Ui& ui, const char* id, Icon icon, const std::string& title, const std::string& detail,
          ImVec2 size);
float tile_height(const Ui& ui, const std::string& title, const std::string& detail, float width);

// A pill that is on or off (library filters). Returns true on a tap.
bool chip(const Ui& ui, const char* id, const std::string& label, bool selected);
float chip_width(const Ui& ui, const std::string& label);

// A one-tap scale of `count` points (circles growing from one end to the other) with the words of
// its two ends under it. `selected` is 0-based. Returns true when the selection changed.
bool scale_picker(const Ui& ui, const char* id, int count, std::optional<int>& selected,
                  const std::string& low, const std::string& high, float width);

// `value` cut to at most `max_lines` lines of `width` pixels, ending in an ellipsis when cut.
std::string clamp_lines(ImFont* font, const std::string& value, float width, int max_lines);

// One-of-N choice. Drawn as joined pills when every label fits on one line of its segment;
// otherwise (long words, large text, narrow screens) as a list of radio rows. Returns true when
// the selection changed.
bool segmented(const Ui& ui, const char* id, const char* const* labels, int count, int& selected,
               float width);
// A list of radio rows, each with an optional help line under its label (`helps` may be null).
bool choice_list(const Ui& ui, const char* id, const char* const* labels, const char* const* helps, int count,
                 int& selected, float width);

// A label with a help line and an on/off switch; the whole row is the touch target.
bool toggle_row(const Ui& ui, const char* id, const char* label, const char* help, bool& value, float width);

// A horizontal 0..1 slider with a large thumb. Returns true while the value changes.
bool slider(const Ui& ui, const char* id, float& value, float width, bool enabled);

// "−  150 %  +": steps through `steps` (sorted). Returns true when the index changed.
bool stepper(const Ui& ui, const char* id, const std::string& value_label, int& index, int count,
             float width);

// Text helpers. Wrapped text advances the cursor; centred text is centred in [x, x + width]
// (window coordinates) and wraps.
void text(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value);
void text_wrapped(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float width);
void text_centered(const Ui& ui, ImFont* font, ImU32 colour, const std::string& value, float x, float width);
ImVec2 text_size(ImFont* font, const std::string& value, float wrap_width = -1.0f);
// The widest word of `value` (between spaces, or after a hyphen or slash): a column narrower than
// this would have to split a word.
float longest_word_width(ImFont* font, const std::string& value);
// Draws wrapped text at `pos` (screen pixels) within `width`, and records it for the audit against
// [container_min, container_max]. Returns its size.
ImVec2 draw_text(const Ui& ui, ImDrawList* draw, ImFont* font, ImU32 colour, ImVec2 pos,
                 const std::string& value, float width, ImVec2 container_min, ImVec2 container_max);

// Vertical space in dp.
void gap(const Ui& ui, float dp);

// Lets a finger (or a held mouse button) drag the current window's content up and down; taps that
// turned into drags do not activate buttons (see was_tap). Call once per scrolling window.
void drag_scroll(const Ui& ui);
// False when the press that just ended moved further than a tap may.
bool was_tap(const Ui& ui);
// A horizontal swipe that just ended on the current window: -1 (towards the left: next), +1
// (towards the right: previous), 0 none. At least 64 dp, mostly horizontal.
int swipe(const Ui& ui);

// The keyboard-focus ring around the last item, when keyboard navigation is in use.
void focus_ring(const Ui& ui, float rounding);

}  // namespace respite::ui
