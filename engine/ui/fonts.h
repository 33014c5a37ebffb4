// The UI's fonts: Noto Sans Regular and Bold (Debian fonts-noto-core, SIL OFL 1.1; see
// assets/fonts/README.md), rasterized by ImGui's stb_truetype at the exact pixel size each type
// style needs for the current UI scale. A scale change rebuilds the atlas; text is never scaled
// after rasterization (no FontGlobalScale), so it stays sharp at 1x, 2x and fractional scales.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/file_bytes.h"
#include "ui/theme.h"

namespace respite::ui {

inline constexpr const char* kRegularFontFile = "NotoSans-Regular.ttf";
inline constexpr const char* kBoldFontFile = "NotoSans-Bold.ttf";
inline constexpr const char* kItalicFontFile = "NotoSans-Italic.ttf";

// The font files' bytes, opened once (mapped: a start whose atlas is cached reads little of them);
// the atlas borrows them on every rebuild.
struct FontData {
  FileBytes regular;
  FileBytes bold;
  FileBytes italic;  // module text's *emphasis*
};

// Reads the three fonts from `dir`. On failure returns false and `error` names the missing or broken
// file and what to do about it.
bool read_font_data(const std::string& dir, FontData& out, std::string& error);

// One ImFont per type style of the theme, at the theme's scale and text size.
struct Fonts {
  ImFont* small = nullptr;
  ImFont* body = nullptr;
  ImFont* label = nullptr;     // bold
  ImFont* heading = nullptr;   // bold
  ImFont* title = nullptr;     // bold
  ImFont* display = nullptr;   // digits, ':', '.' and space only
  ImFont* strong = nullptr;    // bold at body size (**strong** in module text)
  ImFont* emphasis = nullptr;  // italic at body size (*emphasis*)
  float scale = 0.0f;          // the scale they were built for
  float text_scale = 0.0f;     // and the text size
  bool from_cache = false;     // the atlas was read back from the cache folder, not rasterized
};

// Clears `atlas` and adds every style; builds the atlas pixels. `data` must outlive the atlas
// contents. Returns false (with `error`) if stb_truetype rejects a font. With a cache folder set
// (below), an atlas built before from the same fonts, sizes and settings is read back instead of
// rasterized again: identical glyphs and pixels, in about a hundredth of the time.
bool build_fonts(ImFontAtlas& atlas, FontData& data, const Theme& theme, Fonts& out, std::string& error);

// Where build_fonts keeps the atlases it built (a few files of ~0.2-2 MB, named font-atlas-*.bin;
// at most four are kept). Empty, the default, builds every time (tests, `respite shot`). The app
// sets `cache/` in its data folder once at start-up, before the first build_fonts.
void set_font_atlas_cache_dir(std::string dir);

// Latin (Basic, Latin-1, Extended-A, and the Romanian comma-below letters: Spanish, French,
// Portuguese, German, Polish, Romanian, Turkish, ...) plus the punctuation the UI uses (en/em
// dash, curly quotes, ellipsis). Kept to what European languages need: at 3x and 200 % text every
// glyph costs atlas memory.
const ImWchar* text_glyph_ranges();

}  // namespace respite::ui
