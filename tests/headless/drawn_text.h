// Reads back every piece of text a frame drew, from Dear ImGui's draw data, so tests can assert
// what a person could read on the screen (privacy: no other profile's alias ever; tone: "Welcome
// back", never a failure).
//
// How: ImGui draws each visible glyph as one textured quad (ImDrawList::PrimRectUV: four vertices
// in the order top-left, top-right, bottom-right, bottom-left) whose UV rectangle is exactly that
// glyph's rectangle in the font atlas (ImFontGlyph::U0,V0,U1,V1). Matching those four UVs against
// every glyph of every font in the atlas recovers the code point, and the glyph's offsets (X0, Y0)
// and advance recover the pen position, which joins glyphs into words and inserts spaces (a space
// draws no quad but moves the pen). This needs no hook in the widgets and catches text however it
// was drawn (ImGui::Text, ImDrawList::AddText, button labels, the screens' own drawing).
//
// Limits: a glyph cut by a CPU clip rectangle (ImDrawList::AddText with cpu_fine_clip) has its UVs
// shortened and is not recognised, so a partly clipped word may read short; text drawn but
// scrolled out of view (still in the draw data) IS reported, which errs on the strict side.
#pragma once

#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace respite::testing {

struct DrawnText {
  std::vector<std::string> runs;  // text runs in drawing order, one per line of text

  // Every run joined with newlines.
  std::string all() const {
    std::string out;
    for (const std::string& run : runs) out += run + "\n";
    return out;
  }
  // True when `needle` appears in one run, or across two runs of wrapped text (spaces ignored).
  bool contains(const std::string& needle) const {
    const std::string squeezed = squeeze(needle);
    std::string joined;
    for (const std::string& run : runs) {
      if (run.find(needle) != std::string::npos) return true;
      joined += squeeze(run);
    }
    return !squeezed.empty() && joined.find(squeezed) != std::string::npos;
  }

 private:
  static std::string squeeze(const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c != ' ') out += c;
    }
    return out;
  }
};

namespace detail {

inline void append_utf8(std::string& out, unsigned int cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline std::uint64_t uv_key(float u, float v) {
  std::uint32_t a = 0, b = 0;
  std::memcpy(&a, &u, 4);
  std::memcpy(&b, &v, 4);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

struct GlyphInfo {
  const ImFontGlyph* glyph;
  const ImFont* font;
};

}  // namespace detail

// Top-left UV -> the glyphs starting there (one per font and size; the bottom-right UV decides).
// Build it once per font atlas (the atlas changes only when the UI scale does).
class GlyphIndex {
 public:
  explicit GlyphIndex(const ImFontAtlas* atlas) : atlas_(atlas) {
    if (atlas == nullptr) return;
    for (const ImFont* font : atlas->Fonts) {
      for (const ImFontGlyph& g : font->Glyphs) {
        if (g.Visible) by_uv_.emplace(detail::uv_key(g.U0, g.V0), detail::GlyphInfo{&g, font});
      }
    }
  }
  const ImFontAtlas* atlas() const { return atlas_; }
  const std::multimap<std::uint64_t, detail::GlyphInfo>& map() const { return by_uv_; }

 private:
  const ImFontAtlas* atlas_;
  std::multimap<std::uint64_t, detail::GlyphInfo> by_uv_;
};

inline DrawnText read_drawn_text(const ImDrawData* data, const GlyphIndex& index) {
  DrawnText text;
  if (data == nullptr) return text;
  const std::multimap<std::uint64_t, detail::GlyphInfo>& by_uv = index.map();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    const ImVector<ImDrawVert>& vtx = list->VtxBuffer;
    std::string run;
    float pen_x = 0.0f, line_y = 0.0f, space = 0.0f;
    bool open = false;
    auto close = [&] {
      if (open && !run.empty()) text.runs.push_back(run);
      run.clear();
      open = false;
    };
    for (int i = 0; i + 3 < vtx.Size; ++i) {
      const ImDrawVert& a = vtx[i];
      auto range = by_uv.equal_range(detail::uv_key(a.uv.x, a.uv.y));
      const detail::GlyphInfo* found = nullptr;
      for (auto it = range.first; it != range.second; ++it) {
        const ImFontGlyph* g = it->second.glyph;
        if (vtx[i + 1].uv.x == g->U1 && vtx[i + 1].uv.y == g->V0 && vtx[i + 2].uv.x == g->U1 &&
            vtx[i + 2].uv.y == g->V1 && vtx[i + 3].uv.x == g->U0 && vtx[i + 3].uv.y == g->V1) {
          found = &it->second;
          break;
        }
      }
      if (found == nullptr) continue;
      const ImFontGlyph* g = found->glyph;
      const float x = a.pos.x - g->X0;
      const float y = a.pos.y - g->Y0;
      if (open) {
        const float gap = x - pen_x;
        if (std::fabs(y - line_y) > 1.0f || gap < -1.0f || gap > 2.5f * space + 1.0f) {
          close();
        } else if (gap > 0.5f * space) {
          run += ' ';
        }
      }
      if (!open) {
        open = true;
        line_y = y;
        const ImFontGlyph* blank = found->font->FindGlyphNoFallback(' ');
        space = blank != nullptr ? blank->AdvanceX : found->font->FontSize * 0.25f;
      }
      detail::append_utf8(run, g->Codepoint);
      pen_x = x + g->AdvanceX;
      i += 3;
    }
    close();
  }
  return text;
}

inline DrawnText read_drawn_text(const ImDrawData* data, const ImFontAtlas* atlas) {
  return read_drawn_text(data, GlyphIndex(atlas));
}

}  // namespace respite::testing
