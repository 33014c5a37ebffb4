// The font atlas cache (ui/fonts.h): an atlas read back from the cache folder must be exactly the
// atlas stb_truetype builds (pixels, metrics, every glyph and lookup), and a damaged or foreign
// cache file must be ignored, never trusted.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "app_test_support.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace respite::testing {
namespace {

namespace fs = std::filesystem;

struct CacheDir {
  CacheDir() {
    path = fs::temp_directory_path() / ("respite-font-cache-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
    ui::set_font_atlas_cache_dir(path.string());
  }
  ~CacheDir() {
    ui::set_font_atlas_cache_dir("");
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::vector<fs::path> files() const {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(path)) out.push_back(entry.path());
    return out;
  }
  fs::path path;
};

void require_same_atlas(const ImFontAtlas& a, const ImFontAtlas& b) {
  REQUIRE(a.TexWidth == b.TexWidth);
  REQUIRE(a.TexHeight == b.TexHeight);
  REQUIRE(a.TexPixelsAlpha8 != nullptr);
  REQUIRE(b.TexPixelsAlpha8 != nullptr);
  CHECK(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8,
                    static_cast<std::size_t>(a.TexWidth * a.TexHeight)) == 0);
  CHECK(a.TexUvWhitePixel.x == b.TexUvWhitePixel.x);
  CHECK(a.TexUvWhitePixel.y == b.TexUvWhitePixel.y);
  CHECK(a.TexUvScale.x == b.TexUvScale.x);
  CHECK(a.TexUvScale.y == b.TexUvScale.y);
  CHECK(b.IsBuilt());
  REQUIRE(a.Fonts.Size == b.Fonts.Size);
  for (int i = 0; i < a.Fonts.Size; ++i) {
    const ImFont& fa = *a.Fonts[i];
    const ImFont& fb = *b.Fonts[i];
    INFO("font " << i);
    CHECK(fa.FontSize == fb.FontSize);
    CHECK(fa.Ascent == fb.Ascent);
    CHECK(fa.Descent == fb.Descent);
    CHECK(fa.FallbackChar == fb.FallbackChar);
    CHECK(fa.EllipsisChar == fb.EllipsisChar);
    CHECK(fa.DotChar == fb.DotChar);
    CHECK(fa.FallbackAdvanceX == fb.FallbackAdvanceX);
    CHECK(fb.IsLoaded());
    CHECK(fb.ContainerAtlas == &b);
    REQUIRE(fb.FallbackGlyph != nullptr);
    CHECK(fa.FallbackGlyph->Codepoint == fb.FallbackGlyph->Codepoint);
    REQUIRE(fa.Glyphs.Size == fb.Glyphs.Size);
    CHECK(std::memcmp(fa.Glyphs.Data, fb.Glyphs.Data,
                      sizeof(ImFontGlyph) * static_cast<std::size_t>(fa.Glyphs.Size)) == 0);
    REQUIRE(fa.IndexAdvanceX.Size == fb.IndexAdvanceX.Size);
    CHECK(std::memcmp(fa.IndexAdvanceX.Data, fb.IndexAdvanceX.Data,
                      sizeof(float) * static_cast<std::size_t>(fa.IndexAdvanceX.Size)) == 0);
    REQUIRE(fa.IndexLookup.Size == fb.IndexLookup.Size);
    CHECK(std::memcmp(fa.IndexLookup.Data, fb.IndexLookup.Data,
                      sizeof(ImWchar) * static_cast<std::size_t>(fa.IndexLookup.Size)) == 0);
    // What a screen asks of a font works on the restored one (the display font has digits only).
    if (fa.FindGlyphNoFallback(0x00E9) != nullptr) {
      const ImFontGlyph* e_acute = fb.FindGlyphNoFallback(0x00E9);
      REQUIRE(e_acute != nullptr);
      CHECK(e_acute->Codepoint == 0x00E9);
    }
    CHECK(fa.GetCharAdvance('7') == fb.GetCharAdvance('7'));
  }
}

}  // namespace

TEST_CASE("a cached font atlas is exactly the atlas stb_truetype builds", "[headless][fonts]") {
  ui::FontData data;
  std::string error;
  REQUIRE(ui::read_font_data(font_dir(), data, error));
  const ui::Theme theme = ui::make_theme(ui::ThemeName::Light, 2.0f, 1.0f);

  ImFontAtlas reference;
  ui::Fonts reference_fonts;
  REQUIRE(ui::build_fonts(reference, data, theme, reference_fonts, error));
  CHECK_FALSE(reference_fonts.from_cache);

  CacheDir cache;
  ImFontAtlas first;
  ui::Fonts first_fonts;
  REQUIRE(ui::build_fonts(first, data, theme, first_fonts, error));
  CHECK_FALSE(first_fonts.from_cache);  // nothing cached yet: built, then saved
  REQUIRE(cache.files().size() == 1);

  ImFontAtlas second;
  ui::Fonts second_fonts;
  REQUIRE(ui::build_fonts(second, data, theme, second_fonts, error));
  CHECK(second_fonts.from_cache);
  require_same_atlas(reference, second);
  CHECK(second_fonts.body->FontSize == reference_fonts.body->FontSize);

  // Another scale is another atlas, and another file.
  ImFontAtlas other;
  ui::Fonts other_fonts;
  REQUIRE(ui::build_fonts(other, data, ui::make_theme(ui::ThemeName::Light, 1.0f, 1.0f), other_fonts, error));
  CHECK_FALSE(other_fonts.from_cache);
  CHECK(cache.files().size() == 2);
}

TEST_CASE("a damaged font atlas cache file is ignored and the atlas is built", "[headless][fonts]") {
  ui::FontData data;
  std::string error;
  REQUIRE(ui::read_font_data(font_dir(), data, error));
  const ui::Theme theme = ui::make_theme(ui::ThemeName::Light, 1.0f, 1.0f);
  ImFontAtlas reference;
  ui::Fonts reference_fonts;
  REQUIRE(ui::build_fonts(reference, data, theme, reference_fonts, error));

  CacheDir cache;
  {
    ImFontAtlas atlas;
    ui::Fonts fonts;
    REQUIRE(ui::build_fonts(atlas, data, theme, fonts, error));
  }
  const std::vector<fs::path> files = cache.files();
  REQUIRE(files.size() == 1);

  SECTION("a flipped byte") {
    std::fstream file(files[0], std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(5000);
    const int byte = file.get();
    file.seekp(5000);
    file.put(static_cast<char>(~byte));
  }
  SECTION("cut short") {
    fs::resize_file(files[0], fs::file_size(files[0]) / 2);
  }
  SECTION("not a cache file at all") {
    std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "hello";
  }
  ImFontAtlas atlas;
  ui::Fonts fonts;
  REQUIRE(ui::build_fonts(atlas, data, theme, fonts, error));
  CHECK_FALSE(fonts.from_cache);
  require_same_atlas(reference, atlas);

  // The rebuilt atlas replaced the damaged file, and the next start reads it back.
  ImFontAtlas again;
  ui::Fonts again_fonts;
  REQUIRE(ui::build_fonts(again, data, theme, again_fonts, error));
  CHECK(again_fonts.from_cache);
  require_same_atlas(reference, again);
}

TEST_CASE("a font file that changed is not matched with the atlas of the old one", "[headless][fonts]") {
  // A copy of the fonts whose Regular file is then touched: same bytes, a new modification time,
  // which is all the cache key reads of the middle of a file.
  const fs::path dir = fs::temp_directory_path() / ("respite-font-files-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* name : {ui::kRegularFontFile, ui::kBoldFontFile, ui::kItalicFontFile})
    fs::copy_file(fs::path(font_dir()) / name, dir / name);
  CacheDir cache;
  // Reads the fonts of `dir` and builds the atlas; true when it came from the cache.
  const auto build_from_cache = [&dir] {
    std::string error;
    ui::FontData data;
    REQUIRE(ui::read_font_data(dir.string(), data, error));
    ImFontAtlas atlas;
    ui::Fonts fonts;
    REQUIRE(ui::build_fonts(atlas, data, ui::make_theme(ui::ThemeName::Light, 1.0f, 1.0f), fonts, error));
    return fonts.from_cache;
  };
  CHECK_FALSE(build_from_cache());
  CHECK(build_from_cache());
  const fs::path regular = dir / ui::kRegularFontFile;
  fs::last_write_time(regular, fs::last_write_time(regular) + std::chrono::seconds(5));
  CHECK_FALSE(build_from_cache());
  CHECK(cache.files().size() == 2);
  fs::remove_all(dir);
}

}  // namespace respite::testing
