#include "ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>
#include <type_traits>
#include <vector>

namespace respite::ui {
namespace {

// Fonts are a few hundred KiB; anything far larger is not the file we expect.
constexpr std::size_t kMaxFontBytes = 32 * 1024 * 1024;

bool looks_like_sfnt(const FileBytes& bytes) {
  if (bytes.size() < 12) return false;
  const unsigned char* b = bytes.data();
  const bool truetype = b[0] == 0x00 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00;
  const bool opentype = b[0] == 'O' && b[1] == 'T' && b[2] == 'T' && b[3] == 'O';
  const bool apple = b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e';
  return truetype || opentype || apple;
}

bool read_file(const std::string& path, FileBytes& out, std::string& error) {
  std::string why;
  if (!out.open(path, kMaxFontBytes, why)) {
    error = "font file " + why;
    return false;
  }
  if (!looks_like_sfnt(out)) {
    error = path + ": not a TrueType/OpenType font";
    return false;
  }
  return true;
}

ImFont* add_font(ImFontAtlas& atlas, const FileBytes& bytes, float size_px, const ImWchar* ranges,
                 const char* name) {
  ImFontConfig config;
  // FontData keeps the bytes for every rebuild and the atlas only borrows them. Dear ImGui 1.86
  // copies the whole file into the atlas for every font added with FontDataOwnedByAtlas = false
  // (eight styles from three ~0.5 MB files: 4 MB of copies, most of the app's peak heap), so the
  // font is added as "owned" (no copy) and the flag is cleared at once below, before anything could
  // free the bytes (Clear, ClearInputData, the atlas's destructor).
  config.FontDataOwnedByAtlas = true;
  // Glyphs are rasterized once, at the size they are shown, and placed on whole pixels: sharp on
  // every renderer, and each glyph is a 1:1 copy of its atlas cell. (Horizontal oversampling would
  // buy sub-pixel placement on a GPU at twice the atlas; SDL's software renderer samples the
  // nearest texel, so there it only dropped every other column of the glyph.)
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  std::snprintf(config.Name, sizeof config.Name, "%s %.0fpx", name, static_cast<double>(size_px));
  // Dear ImGui takes the bytes as non-const but only reads them (stb_truetype never writes).
  void* font_bytes = const_cast<unsigned char*>(bytes.data());
  ImFont* font =
      atlas.AddFontFromMemoryTTF(font_bytes, static_cast<int>(bytes.size()), size_px, &config, ranges);
  if (!atlas.ConfigData.empty() && atlas.ConfigData.back().FontData == bytes.data())
    atlas.ConfigData.back().FontDataOwnedByAtlas = false;
  return font;
}

// ---- Atlas cache ---------------------------------------------------------------------------------
// Rasterizing eight styles of Noto Sans with stb_truetype is most of the app's start-up (tens of
// ms). Its output is a pure function of the font files, the sizes and the settings, so it is kept
// on disk: the alpha texture and every ImFont's output fields, read back verbatim. The file is
// named by a hash of everything the build depends on (Dear ImGui's version and struct layouts, the
// atlas flags, each font's configuration and glyph ranges, and a sample of each font file's bytes
// with its size), and ends with a checksum of its contents; a file that does not match is ignored
// and the atlas is built as before.

std::string& cache_dir() {
  static std::string dir;
  return dir;
}

constexpr char kCacheMagic[8] = {'R', 'S', 'P', 'A', 'T', 'L', 'S', '1'};
constexpr std::size_t kMaxCachedAtlases = 4;
constexpr std::uint64_t kMaxCacheBytes = 64u * 1024u * 1024u;

struct Fnv {
  std::uint64_t h = 1469598103934665603ull;
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
};

// The file's checksum: FNV-1a over 64-bit words (a byte-wise pass over a megabyte of pixels would
// cost more than the rest of reading the file). Catches truncation and stray writes, not attacks:
// the file is the app's own, in its own data folder.
std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    h = (h ^ word) * 1099511628211ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  return h;
}

// Every byte of a font file would cost a few ms to hash on each start (and fault in every page of
// the mapping). Its size, its first and last 4 KiB (tables directory, names) and its modification
// time tell two font files apart; where the time is unknown, every 61st byte in between does.
std::uint64_t font_digest(const void* data, int size, std::int64_t modified_ns) {
  Fnv fnv;
  const auto* p = static_cast<const unsigned char*>(data);
  const auto n = static_cast<std::size_t>(std::max(size, 0));
  fnv.value(n);
  fnv.value(modified_ns);
  const std::size_t edge = std::min<std::size_t>(n, 4096);
  fnv.bytes(p, edge);
  fnv.bytes(p + (n - edge), edge);
  if (modified_ns == 0) {
    for (std::size_t i = edge; i + edge < n; i += 61) fnv.value(p[i]);
  }
  return fnv.h;
}

// The key of what `atlas` (fonts added, not built from `files`) would build into.
std::uint64_t atlas_key(const ImFontAtlas& atlas, const FontData& files) {
  Fnv fnv;
  fnv.bytes(kCacheMagic, sizeof kCacheMagic);
  fnv.value(IMGUI_VERSION_NUM);
  fnv.value(sizeof(ImFont));
  fnv.value(sizeof(ImFontGlyph));
  fnv.value(sizeof(ImWchar));
  fnv.value(atlas.Flags);
  fnv.value(atlas.TexDesiredWidth);
  fnv.value(atlas.TexGlyphPadding);
  fnv.value(atlas.ConfigData.Size);
  // Eight styles share three files: each file is sampled once.
  std::vector<std::pair<const void*, std::uint64_t>> digests;
  for (const ImFontConfig& c : atlas.ConfigData) {
    auto known =
        std::find_if(digests.begin(), digests.end(), [&c](const auto& d) { return d.first == c.FontData; });
    if (known == digests.end()) {
      std::int64_t modified_ns = 0;
      for (const FileBytes* file : {&files.regular, &files.bold, &files.italic}) {
        if (file->data() == c.FontData) modified_ns = file->modified_ns();
      }
      known =
          digests.insert(digests.end(), {c.FontData, font_digest(c.FontData, c.FontDataSize, modified_ns)});
    }
    fnv.value(known->second);
    fnv.value(c.FontNo);
    fnv.value(c.SizePixels);
    fnv.value(c.OversampleH);
    fnv.value(c.OversampleV);
    fnv.value(c.PixelSnapH);
    fnv.value(c.GlyphExtraSpacing);
    fnv.value(c.GlyphOffset);
    fnv.value(c.GlyphMinAdvanceX);
    fnv.value(c.GlyphMaxAdvanceX);
    fnv.value(c.MergeMode);
    fnv.value(c.FontBuilderFlags);
    fnv.value(c.RasterizerMultiply);
    fnv.value(c.EllipsisChar);
    for (const ImWchar* r = c.GlyphRanges; r != nullptr && *r != 0; ++r) fnv.value(*r);
  }
  return fnv.h;
}

std::string cache_file(std::uint64_t key) {
  char name[48];
  std::snprintf(name, sizeof name, "font-atlas-%016llx.bin", static_cast<unsigned long long>(key));
  return (std::filesystem::path(cache_dir()) / name).string();
}

class Writer {
 public:
  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    raw(&v, sizeof v);
  }
  template <typename T>
  void vector(const ImVector<T>& v) {
    value(v.Size);
    raw(v.Data, sizeof(T) * static_cast<std::size_t>(v.Size));
  }
  void raw(const void* data, std::size_t size) {
    if (size > 0) out.append(static_cast<const char*>(data), size);
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool value(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return raw(&v, sizeof v);
  }
  template <typename T>
  bool vector(ImVector<T>& v) {
    int size = 0;
    if (!value(size) || size < 0 || static_cast<std::size_t>(size) > (in_.size() - at_) / sizeof(T))
      return false;
    v.resize(size);
    return raw(v.Data, sizeof(T) * static_cast<std::size_t>(size));
  }
  bool raw(void* data, std::size_t size) {
    if (size > in_.size() - at_) return false;
    if (size > 0) std::memcpy(data, in_.data() + at_, size);
    at_ += size;
    return true;
  }
  bool skip(std::size_t size) {
    if (size > in_.size() - at_) return false;
    at_ += size;
    return true;
  }
  std::size_t offset() const { return at_; }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

// True when every font of `atlas` came from exactly one configuration, in order: the only shape
// build_fonts makes, and the one the cache format assumes.
bool cacheable(const ImFontAtlas& atlas) {
  if (atlas.Fonts.Size != atlas.ConfigData.Size) return false;
  for (int i = 0; i < atlas.Fonts.Size; ++i) {
    if (atlas.ConfigData[i].DstFont != atlas.Fonts[i] || atlas.ConfigData[i].MergeMode) return false;
  }
  return true;
}

void save_atlas(const ImFontAtlas& atlas, std::uint64_t key) {
  if (atlas.TexPixelsAlpha8 == nullptr || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return;
  Writer w;
  w.raw(kCacheMagic, sizeof kCacheMagic);
  w.value(key);
  w.value(atlas.TexWidth);
  w.value(atlas.TexHeight);
  w.value(atlas.TexUvScale);
  w.value(atlas.TexUvWhitePixel);
  w.value(atlas.TexUvLines);
  w.raw(atlas.TexPixelsAlpha8,
        static_cast<std::size_t>(atlas.TexWidth) * static_cast<std::size_t>(atlas.TexHeight));
  for (const ImFont* f : atlas.Fonts) {
    w.value(f->FontSize);
    w.value(f->Scale);
    w.value(f->Ascent);
    w.value(f->Descent);
    w.value(f->FallbackAdvanceX);
    w.value(f->MetricsTotalSurface);
    w.value(f->FallbackChar);
    w.value(f->EllipsisChar);
    w.value(f->DotChar);
    w.value(f->Used4kPagesMap);
    const int fallback =
        f->FallbackGlyph != nullptr ? static_cast<int>(f->FallbackGlyph - f->Glyphs.Data) : -1;
    w.value(fallback);
    w.vector(f->Glyphs);
    w.vector(f->IndexAdvanceX);
    w.vector(f->IndexLookup);
  }
  w.value(checksum(w.out));

  // Written aside and renamed, so a reader never sees half a file; failures only cost the cache.
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string path = cache_file(key);
  const std::string temp = path + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file.write(w.out.data(), static_cast<std::streamsize>(w.out.size()))) {
      file.close();
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return;
  }
  // Keep the newest few: one per scale and text size a person actually uses.
  std::vector<std::pair<fs::file_time_type, fs::path>> cached;
  for (fs::directory_iterator it(cache_dir(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("font-atlas-", 0) == 0 && it->path().extension() == ".bin")
      cached.emplace_back(it->last_write_time(ec), it->path());
  }
  if (cached.size() <= kMaxCachedAtlases) return;
  std::sort(cached.begin(), cached.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kMaxCachedAtlases; i < cached.size(); ++i) {
    if (cached[i].second != fs::path(path)) fs::remove(cached[i].second, ec);
  }
}

// Fills `atlas` (fonts added, not built) from the cache; false, with the atlas untouched, when
// there is no matching, intact file.
bool load_atlas(ImFontAtlas& atlas, std::uint64_t key) {
  FileBytes file;
  std::string ignored;
  if (!file.open(cache_file(key), static_cast<std::size_t>(kMaxCacheBytes), ignored) ||
      file.size() <= sizeof kCacheMagic + 2 * sizeof key)
    return false;
  const std::string_view bytes(reinterpret_cast<const char*>(file.data()), file.size());
  const std::string_view body(bytes.data(), bytes.size() - sizeof(std::uint64_t));
  std::uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, bytes.data() + body.size(), sizeof stored_sum);
  if (checksum(body) != stored_sum) return false;

  Reader r(body);
  char magic[sizeof kCacheMagic];
  std::uint64_t stored_key = 0;
  int width = 0, height = 0;
  ImVec2 uv_scale, uv_white;
  std::vector<ImVec4> uv_lines(IM_ARRAYSIZE(atlas.TexUvLines));
  if (!r.raw(magic, sizeof magic) || std::memcmp(magic, kCacheMagic, sizeof magic) != 0 ||
      !r.value(stored_key) || stored_key != key || !r.value(width) || !r.value(height) || width <= 0 ||
      height <= 0 || width > 16384 || height > 16384 || !r.value(uv_scale) || !r.value(uv_white) ||
      !r.raw(uv_lines.data(), sizeof atlas.TexUvLines))
    return false;
  const std::size_t pixel_count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  const unsigned char* pixels = reinterpret_cast<const unsigned char*>(bytes.data()) + r.offset();
  if (!r.skip(pixel_count)) return false;

  // Read every font into scratch ImFonts first, so a bad file leaves the atlas as it was.
  const auto count = static_cast<std::size_t>(atlas.Fonts.Size);
  const std::unique_ptr<ImFont[]> fonts(new ImFont[count]);
  std::vector<int> fallbacks(count, -1);
  for (std::size_t i = 0; i < count; ++i) {
    ImFont& f = fonts[i];
    if (!r.value(f.FontSize) || !r.value(f.Scale) || !r.value(f.Ascent) || !r.value(f.Descent) ||
        !r.value(f.FallbackAdvanceX) || !r.value(f.MetricsTotalSurface) || !r.value(f.FallbackChar) ||
        !r.value(f.EllipsisChar) || !r.value(f.DotChar) || !r.value(f.Used4kPagesMap) ||
        !r.value(fallbacks[i]) || !r.vector(f.Glyphs) || !r.vector(f.IndexAdvanceX) ||
        !r.vector(f.IndexLookup))
      return false;
    if (fallbacks[i] < -1 || fallbacks[i] >= f.Glyphs.Size) return false;
    if (f.FontSize != atlas.ConfigData[static_cast<int>(i)].SizePixels) return false;
    // Lookups index Glyphs: an entry past the end would read outside it.
    for (const ImWchar index : f.IndexLookup) {
      if (index != static_cast<ImWchar>(-1) && static_cast<int>(index) >= f.Glyphs.Size) return false;
    }
  }
  if (!r.done()) return false;

  for (std::size_t i = 0; i < count; ++i) {
    ImFont& dst = *atlas.Fonts[static_cast<int>(i)];
    ImFont& src = fonts[i];
    dst.FontSize = src.FontSize;
    dst.Scale = src.Scale;
    dst.Ascent = src.Ascent;
    dst.Descent = src.Descent;
    dst.FallbackAdvanceX = src.FallbackAdvanceX;
    dst.MetricsTotalSurface = src.MetricsTotalSurface;
    dst.FallbackChar = src.FallbackChar;
    dst.EllipsisChar = src.EllipsisChar;
    dst.DotChar = src.DotChar;
    std::memcpy(dst.Used4kPagesMap, src.Used4kPagesMap, sizeof dst.Used4kPagesMap);
    dst.Glyphs.swap(src.Glyphs);
    dst.IndexAdvanceX.swap(src.IndexAdvanceX);
    dst.IndexLookup.swap(src.IndexLookup);
    dst.FallbackGlyph = fallbacks[i] >= 0 ? &dst.Glyphs[fallbacks[i]] : nullptr;
    dst.ContainerAtlas = &atlas;
    dst.ConfigData = &atlas.ConfigData[static_cast<int>(i)];
    dst.ConfigDataCount = 1;
    dst.DirtyLookupTables = false;
  }
  atlas.ClearTexData();
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixel_count));
  std::memcpy(atlas.TexPixelsAlpha8, pixels, pixel_count);
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = uv_scale;
  atlas.TexUvWhitePixel = uv_white;
  std::memcpy(atlas.TexUvLines, uv_lines.data(), sizeof atlas.TexUvLines);
  atlas.TexPixelsUseColors = false;
  atlas.TexReady = true;
  return true;
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

void set_font_atlas_cache_dir(std::string dir) {
  cache_dir() = std::move(dir);
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
  const bool added = fonts.body && fonts.small && fonts.label && fonts.heading && fonts.title &&
                     fonts.display && fonts.strong && fonts.emphasis;
  const bool use_cache = added && !cache_dir().empty() && cacheable(atlas);
  const std::uint64_t key = use_cache ? atlas_key(atlas, data) : 0;
  bool ready = use_cache && load_atlas(atlas, key);
  fonts.from_cache = ready;
  if (!ready && added) {
    ready = atlas.Build();
    if (ready && use_cache) save_atlas(atlas, key);
  }
  if (!ready) {
    atlas.Clear();
    error = "the font atlas could not be built (stb_truetype rejected a font)";
    return false;
  }
  out = fonts;
  return true;
}

}  // namespace respite::ui
