#include "ui/fonts.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace respite::ui {
namespace {

// Fonts are a few hundred KiB; anything far larger is not the file we expect.
constexpr std::streamoff kMaxFontBytes = 32 * 1024 * 1024;

bool looks_like_sfnt(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < 12) return false;
  const unsigned char* b = bytes.data();
  const bool truetype = b[0] == 0x00 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00;
  const bool opentype = b[0] == 'O' && b[1] == 'T' && b[2] == 'T' && b[3] == 'O';
  const bool apple = b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e';
  return truetype || opentype || apple;
}

bool read_file(const std::string& path, std::vector<unsigned char>& out, std::string& error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    error = path + ": font file not found";
    return false;
  }
  const std::streamoff size = in.tellg();
  if (size <= 0 || size > kMaxFontBytes) {
    error = path + ": font file is empty or too large (" + std::to_string(size) + " bytes)";
    return false;
  }
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(size))) {
    error = path + ": could not read the font file";
    return false;
  }
  if (!looks_like_sfnt(out)) {
    error = path + ": not a TrueType/OpenType font";
    return false;
  }
  return true;
}

ImFont* add_font(ImFontAtlas& atlas, std::vector<unsigned char>& bytes, float size_px, const ImWchar* ranges,
                 const char* name) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // FontData keeps the bytes for every rebuild
  // Horizontal oversampling gives sub-pixel glyph positioning for text sizes; above ~32 px the
  // gain is invisible and only costs atlas space.
  config.OversampleH = size_px <= 32.0f ? 2 : 1;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  std::snprintf(config.Name, sizeof config.Name, "%s %.0fpx", name, static_cast<double>(size_px));
  return atlas.AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()), size_px, &config, ranges);
}

// Sizes are rounded to whole pixels so glyph metrics, and hence layout, are identical on every run.
float pixels(const Theme& theme, float dp) {
  return std::max(6.0f, std::round(theme.px(dp)));
}

}  // namespace

const ImWchar* text_glyph_ranges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x017F,  // Basic Latin .. Latin Extended-A
      0x0218, 0x021B,  // Romanian S and T with comma below
      0x2013, 0x2014,  // en and em dash
      0x2018, 0x201E,  // curly quotes
      0x2022, 0x2022,  // bullet
      0x2026, 0x2026,  // ellipsis
      0x2039, 0x203A,  // single angle quotes
      0x20AC, 0x20AC,  // euro sign
      0x2212, 0x2212,  // minus sign
      0,
  };
  return kRanges;
}

bool read_font_data(const std::string& dir, FontData& out, std::string& error) {
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  std::string detail;
  if (!read_file(base + kRegularFontFile, out.regular, detail) ||
      !read_file(base + kBoldFontFile, out.bold, detail) ||
      !read_file(base + kItalicFontFile, out.italic, detail)) {
    error =
        detail +
        " (Respite needs Noto Sans Regular, Bold and Italic next to the program in assets/fonts; the build "
        "copies them "
        "from Debian's fonts-noto-core: apt-get install fonts-noto-core, then rebuild)";
    return false;
  }
  return true;
}

bool build_fonts(ImFontAtlas& atlas, FontData& data, const Theme& theme, Fonts& out, std::string& error) {
  static const ImWchar kDigits[] = {0x0020, 0x0020, 0x002C, 0x003A, 0};  // space , - . / 0-9 :
  atlas.Clear();
  // Thick-line textures assume bilinear sampling; see apply_style.
  atlas.Flags |=
      ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
  const TypeScale& type = theme.type;
  Fonts fonts;
  fonts.body = add_font(atlas, data.regular, pixels(theme, type.body), text_glyph_ranges(), "body");
  fonts.small = add_font(atlas, data.regular, pixels(theme, type.small), text_glyph_ranges(), "small");
  fonts.label = add_font(atlas, data.bold, pixels(theme, type.label), text_glyph_ranges(), "label");
  fonts.heading = add_font(atlas, data.bold, pixels(theme, type.heading), text_glyph_ranges(), "heading");
  fonts.title = add_font(atlas, data.bold, pixels(theme, type.title), text_glyph_ranges(), "title");
  fonts.display = add_font(atlas, data.regular, pixels(theme, type.display), kDigits, "display");
  fonts.strong = add_font(atlas, data.bold, pixels(theme, type.body), text_glyph_ranges(), "strong");
  fonts.emphasis = add_font(atlas, data.italic, pixels(theme, type.body), text_glyph_ranges(), "emphasis");
  fonts.scale = theme.scale;
  fonts.text_scale = theme.text_scale;
  if (!fonts.body || !fonts.small || !fonts.label || !fonts.heading || !fonts.title || !fonts.display ||
      !fonts.strong || !fonts.emphasis || !atlas.Build()) {
    atlas.Clear();
    error = "the font atlas could not be built (stb_truetype rejected a font)";
    return false;
  }
  out = fonts;
  return true;
}

}  // namespace respite::ui
