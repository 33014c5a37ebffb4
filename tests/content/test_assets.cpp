// Images and sounds inside packs: told by their content, checked structurally by our own code,
// decoded once, and refused with a clear message when damaged, hostile or over a cap. Every hostile
// file is made here from a known-good one.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/asset_probe.h"
#include "core/pack_template.h"
#include "zip_builder.h"

using namespace respite::core;
using respite::test::put16;
using respite::test::put32;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kOgg =
    std::string(RESPITE_TEST_DATA_DIR) + "/content/valid/full-featured/sounds/soft-bell.ogg";

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::string chunk(const std::string& type, const std::string& data) {
  std::string out;
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  out += type + data;
  put_be32(out, crc32(type + data));
  return out;
}

std::string ihdr(std::uint32_t w, std::uint32_t h, int depth = 8, int colour = 2, int interlace = 0) {
  std::string data;
  put_be32(data, w);
  put_be32(data, h);
  data += static_cast<char>(depth);
  data += static_cast<char>(colour);
  data += '\0';
  data += '\0';
  data += static_cast<char>(interlace);
  return chunk("IHDR", data);
}

// A zlib stream of `raw` in stored blocks, with its Adler-32.
std::string zlib_stored(const std::string& raw) {
  std::string z = "\x78\x01";
  z += '\x01';
  put16(z, static_cast<std::uint32_t>(raw.size()));
  put16(z, static_cast<std::uint32_t>(~raw.size() & 0xFFFF));
  z += raw;
  std::uint32_t a = 1, b = 0;
  for (char c : raw) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  put_be32(z, (b << 16) | a);
  return z;
}

const std::string kSignature("\x89PNG\r\n\x1a\n", 8);

// A 2 x 2 RGB image whose image data holds `raw_bytes` bytes (14 is the right amount).
std::string png_with_raw(std::size_t raw_bytes) {
  return kSignature + ihdr(2, 2) + chunk("IDAT", zlib_stored(std::string(raw_bytes, '\0'))) +
         chunk("IEND", "");
}

std::string wav(std::uint16_t format, std::uint16_t channels, std::uint32_t rate, std::uint16_t bits,
                std::uint32_t data_bytes, bool fmt_first = true) {
  const std::uint16_t align = static_cast<std::uint16_t>(channels * bits / 8);
  std::string fmt = "fmt ";
  put32(fmt, 16);
  put16(fmt, format);
  put16(fmt, channels);
  put32(fmt, rate);
  put32(fmt, rate * align);
  put16(fmt, align);
  put16(fmt, bits);
  std::string data = "data";
  put32(data, data_bytes);
  data += std::string(data_bytes, '\x10');
  if (data_bytes & 1) data += '\0';
  std::string out = "RIFF";
  put32(out, static_cast<std::uint32_t>(4 + fmt.size() + data.size()));
  out += "WAVE" + (fmt_first ? fmt + data : data + fmt);
  return out;
}

// Ogg's page CRC, to make pages whose damage is past the checksum.
std::uint32_t ogg_crc(const std::string& page) {
  std::uint32_t crc = 0;
  for (unsigned char c : page) {
    crc ^= static_cast<std::uint32_t>(c) << 24;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
  }
  return crc;
}

std::string ogg_page(std::uint8_t flags, std::uint32_t serial, std::uint32_t sequence,
                     const std::string& body) {
  std::string page = "OggS";
  page += '\0';
  page += static_cast<char>(flags);
  put32(page, 0);
  put32(page, 0);  // granule position
  put32(page, serial);
  put32(page, sequence);
  put32(page, 0);  // CRC, filled in below
  page += static_cast<char>(1);
  page += static_cast<char>(body.size());
  page += body;
  const std::uint32_t crc = ogg_crc(page);
  for (int i = 0; i < 4; ++i) page[22 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  return page;
}

struct Case {
  const char* name;
  std::string bytes;
  const char* code;     // "" when the file must be accepted
  const char* problem;  // the exact message, or "" to check only the code
  AssetLimits limits = {};
};

std::vector<Case> cases() {
  const std::string png = make_template_png(16);
  const std::string good_wav = make_template_wav(200, 8000);
  const std::string ogg = read_file(kOgg);
  REQUIRE(ogg.size() > 1000);
  std::vector<Case> out;
  // PNG
  out.push_back({"a good PNG", png, "", ""});
  out.push_back({"an interlaced PNG is sized per pass",
                 kSignature + ihdr(3, 3, 8, 0, 1) + chunk("IDAT", zlib_stored(std::string(9 + 6, '\0'))) +
                     chunk("IEND", ""),
                 "", ""});
  out.push_back({"truncated PNG", png.substr(0, png.size() / 2), "E-ASSET-CORRUPT",
                 "not a valid PNG image: a chunk is longer than the file"});
  {
    std::string damaged = png;
    damaged[60] = static_cast<char>(damaged[60] ^ 0x55);
    out.push_back(
        {"PNG with a damaged byte", damaged, "E-ASSET-CORRUPT",
         "not a valid PNG image: the checksum of its \"IDAT\" chunk does not match (the file is damaged)"});
  }
  out.push_back({"giant PNG dimensions", kSignature + ihdr(100000, 100000) + chunk("IEND", ""),
                 "E-ASSET-LIMIT", "the image is 100000 x 100000 pixels; images may be at most 2048 x 2048"});
  out.push_back({"PNG wider than the cap", kSignature + ihdr(4096, 10) + chunk("IEND", ""), "E-ASSET-LIMIT",
                 "the image is 4096 x 10 pixels; images may be at most 2048 x 2048"});
  out.push_back({"PNG of width 0", kSignature + ihdr(0, 10) + chunk("IEND", ""), "E-ASSET-CORRUPT",
                 "not a valid PNG image: its width or height is 0"});
  out.push_back({"PNG with an impossible depth", kSignature + ihdr(2, 2, 4, 2) + chunk("IEND", ""),
                 "E-ASSET-CORRUPT",
                 "not a valid PNG image: its header names a colour type or bit depth that does not exist"});
  out.push_back({"PNG whose data expands past its size", png_with_raw(60000), "E-ASSET-CORRUPT",
                 "not a valid PNG image: the image data is damaged, or decompresses to more bytes than an "
                 "image of its size holds"});
  out.push_back({"PNG whose data is too short", png_with_raw(10), "E-ASSET-CORRUPT",
                 "not a valid PNG image: the image data is shorter than the image's size needs"});
  out.push_back({"PNG without an end",
                 kSignature + ihdr(2, 2) + chunk("IDAT", zlib_stored(std::string(14, '\0'))),
                 "E-ASSET-CORRUPT", "not a valid PNG image: it has no end (IEND); the file is cut short"});
  out.push_back({"PNG with bytes after its end", png + "trailing", "E-ASSET-CORRUPT",
                 "not a valid PNG image: there are bytes after its end (IEND)"});
  out.push_back({"PNG without image data", kSignature + ihdr(2, 2) + chunk("IEND", ""), "E-ASSET-CORRUPT",
                 "not a valid PNG image: it has no image data (IDAT)"});
  out.push_back({"PNG with an unknown critical chunk",
                 kSignature + ihdr(2, 2) + chunk("ABCD", "x") + chunk("IEND", ""), "E-ASSET-CORRUPT",
                 "not a valid PNG image: it has an unknown critical chunk \"ABCD\""});
  out.push_back({"PNG not starting with its header", kSignature + chunk("IEND", ""), "E-ASSET-CORRUPT",
                 "not a valid PNG image: it does not start with a header (IHDR)"});
  out.push_back(
      {"palette PNG without a palette",
       kSignature + ihdr(2, 2, 8, 3) + chunk("IDAT", zlib_stored(std::string(6, '\0'))) + chunk("IEND", ""),
       "E-ASSET-CORRUPT", "not a valid PNG image: a palette image without a palette (PLTE)"});
  {
    AssetLimits small;
    small.max_image_bytes = 100;
    out.push_back({"PNG over the file size cap", png, "E-ASSET-LIMIT", "", small});
  }
  // WAV
  out.push_back({"a good WAV", good_wav, "", ""});
  out.push_back({"a good float WAV", wav(3, 2, 44100, 32, 8 * 100), "", ""});
  out.push_back({"truncated WAV", good_wav.substr(0, good_wav.size() - 100), "E-ASSET-CORRUPT",
                 "not a valid WAV sound: the file is shorter than its header says"});
  out.push_back({"WAV without sound data", good_wav.substr(0, 36), "E-ASSET-CORRUPT", ""});
  out.push_back({"WAV with data before its format", wav(1, 1, 8000, 16, 100, false), "E-ASSET-CORRUPT",
                 "not a valid WAV sound: the sound data comes before its format chunk"});
  out.push_back({"compressed (ADPCM) WAV", wav(2, 1, 8000, 16, 100), "E-ASSET-TYPE",
                 "the WAV sound is compressed (format 2); use plain PCM WAV or Ogg Vorbis"});
  out.push_back({"WAV with three channels", wav(1, 3, 8000, 16, 600), "E-ASSET-LIMIT",
                 "the sound has 3 channels; sounds may have 1 (mono) or 2 (stereo)"});
  out.push_back({"WAV at 1000 Hz", wav(1, 1, 1000, 16, 100), "E-ASSET-LIMIT",
                 "the sound's sample rate is 1000 Hz; expected 8000 to 96000 Hz"});
  out.push_back({"WAV ending mid-sample", wav(1, 2, 8000, 16, 102), "E-ASSET-CORRUPT",
                 "not a valid WAV sound: its sound data ends in the middle of a sample"});
  out.push_back({"WAV with 12-bit samples", wav(1, 1, 8000, 12, 100), "E-ASSET-CORRUPT",
                 "not a valid WAV sound: 12-bit samples are not supported"});
  {
    std::string liar = wav(1, 1, 8000, 16, 100);
    liar[28] = '\x01';  // byte rate no longer matches rate x block size
    out.push_back({"WAV contradicting itself", liar, "E-ASSET-CORRUPT",
                   "not a valid WAV sound: its format chunk contradicts itself (block size or byte rate)"});
    std::string long_chunk = wav(1, 1, 8000, 16, 100);
    long_chunk[40] = '\x7f';  // the data chunk claims more than the file holds
    out.push_back({"WAV chunk longer than the file", long_chunk, "E-ASSET-CORRUPT",
                   "not a valid WAV sound: the \"data\" chunk is longer than the file"});
    AssetLimits short_cap;
    short_cap.max_audio_duration = Millis(100);
    out.push_back({"WAV over the duration cap", good_wav, "E-ASSET-LIMIT",
                   "the sound lasts 0.2 seconds; a sound may last at most 0.1 seconds", short_cap});
  }
  // Ogg
  out.push_back({"a good Ogg Vorbis", ogg, "", ""});
  {
    std::string damaged = ogg;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
    out.push_back({"Ogg with a damaged byte", damaged, "E-ASSET-CORRUPT", ""});
    out.push_back({"truncated Ogg", ogg.substr(0, ogg.size() - 50), "E-ASSET-CORRUPT",
                   "not a valid Ogg sound: a page is cut short"});
    out.push_back(
        {"two Ogg streams one after the other", ogg + ogg, "E-ASSET-CORRUPT",
         "not a valid Ogg sound: there are bytes after its last page (only one stream is allowed)"});
    out.push_back({"Ogg Opus", ogg_page(0x06, 7, 0, "OpusHead\x01\x01\x38\x01\x80\xbb\0\0\0\0\0"),
                   "E-ASSET-TYPE", "the Ogg file holds Opus audio; Respite plays Ogg Vorbis and WAV"});
    out.push_back({"Ogg holding something else", ogg_page(0x06, 7, 0, "\x80theora"), "E-ASSET-TYPE",
                   "the Ogg file does not hold Vorbis audio; Respite plays Ogg Vorbis and WAV"});
    out.push_back({"Ogg without a last page", ogg_page(0x02, 7, 0, "\x01vorbis"), "E-ASSET-CORRUPT",
                   "not a valid Ogg sound: it has no last page (the file is cut short)"});
    out.push_back({"Ogg whose first packet is not a Vorbis header",
                   ogg_page(0x06, 7, 0, "\x01vorbis-but-short"), "E-ASSET-CORRUPT", ""});
    AssetLimits short_cap;
    short_cap.max_audio_duration = Millis(100);
    out.push_back({"Ogg over the duration cap", ogg, "E-ASSET-LIMIT",
                   "the sound lasts 1.0 seconds; a sound may last at most 0.1 seconds", short_cap});
  }
  // Not images or sounds at all
  out.push_back({"a JPEG", std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10), "E-ASSET-TYPE",
                 "the file's content is not a supported type: it is a JPEG image; use PNG (the type is told "
                 "by the content, not by the name)"});
  out.push_back({"an MP3", "ID3\x04" + std::string(20, '\0'), "E-ASSET-TYPE",
                 "the file's content is not a supported type: it looks like an MP3 sound; use Ogg Vorbis or "
                 "WAV (the type is told by the content, not by the name)"});
  out.push_back({"a GIF", "GIF89a", "E-ASSET-TYPE",
                 "the file's content is not a supported type: it is a GIF image; use PNG (the type is told "
                 "by the content, not by the name)"});
  out.push_back({"an empty file", "", "E-ASSET-TYPE",
                 "the file's content is not a supported type: the file is empty (the type is told by the "
                 "content, not by the name)"});
  out.push_back(
      {"text named like an image", "<svg xmlns='http://www.w3.org/2000/svg'/>", "E-ASSET-TYPE", ""});
  return out;
}

}  // namespace

TEST_CASE("pack images and sounds are checked by content, structure and caps", "[content][assets]") {
  int hostile = 0;
  for (const Case& c : cases()) {
    INFO(c.name);
    const AssetCheck check = check_asset("file", c.bytes, c.limits);
    INFO(check.code << ": " << check.problem);
    if (std::string(c.code).empty()) {
      CHECK(check.asset.has_value());
      continue;
    }
    ++hostile;
    CHECK_FALSE(check.asset.has_value());
    CHECK(check.code == c.code);
    if (!std::string(c.problem).empty()) CHECK(check.problem == c.problem);
  }
  CHECK(hostile >= 35);
}

TEST_CASE("a good asset's properties are read from its content", "[content][assets]") {
  const AssetCheck png = check_asset("images/a.png", make_template_png(16));
  REQUIRE(png.asset);
  CHECK(png.asset->type == AssetType::Png);
  CHECK(png.asset->width == 16);
  CHECK(png.asset->height == 16);
  const AssetCheck wav = check_asset("a.wav", make_template_wav(600, 16000));
  REQUIRE(wav.asset);
  CHECK(wav.asset->type == AssetType::Wav);
  CHECK(wav.asset->duration == Millis(600));
  CHECK(wav.asset->sample_rate == 16000);
  CHECK(wav.asset->channels == 1);
  const AssetCheck ogg = check_asset("a.ogg", read_file(kOgg));
  REQUIRE(ogg.asset);
  CHECK(ogg.asset->type == AssetType::Ogg);
  CHECK(ogg.asset->sample_rate == 22050);
  CHECK(ogg.asset->duration == Millis(1000));
  CHECK(sniff_asset("OggS") == AssetType::Ogg);
  CHECK_FALSE(sniff_asset("PNG").has_value());
}

// Damage past the Ogg checksums reaches the Vorbis decoder itself: it must refuse or decode, never crash.
TEST_CASE("Vorbis data damaged behind valid checksums never crashes the decoder", "[content][assets]") {
  const std::string ogg = read_file(kOgg);
  // Walk the pages; damage one byte of each page's body and repair the page's CRC.
  std::vector<std::size_t> page_starts;
  for (std::size_t at = ogg.find("OggS"); at != std::string::npos; at = ogg.find("OggS", at + 4))
    page_starts.push_back(at);
  REQUIRE(page_starts.size() >= 3);
  int refused = 0;
  for (std::size_t p = 0; p < page_starts.size(); ++p) {
    for (int variant = 0; variant < 8; ++variant) {
      std::string damaged = ogg;
      const std::size_t start = page_starts[p];
      const std::size_t end = p + 1 < page_starts.size() ? page_starts[p + 1] : ogg.size();
      const std::size_t segments = static_cast<unsigned char>(damaged[start + 26]);
      const std::size_t body = start + 27 + segments;
      if (body >= end) continue;
      damaged[body + (variant * 37) % (end - body)] ^= static_cast<char>(1 << variant);
      std::string page = damaged.substr(start, end - start);
      for (int i = 0; i < 4; ++i) page[22 + static_cast<std::size_t>(i)] = '\0';
      const std::uint32_t crc = ogg_crc(page);
      for (int i = 0; i < 4; ++i)
        damaged[start + 22 + static_cast<std::size_t>(i)] = static_cast<char>((crc >> (8 * i)) & 0xFF);
      const AssetCheck check = check_asset("a.ogg", damaged);
      if (!check.asset) {
        ++refused;
        CHECK((check.code == "E-ASSET-CORRUPT" || check.code == "E-ASSET-TYPE" ||
               check.code == "E-ASSET-LIMIT"));
      }
    }
  }
  CHECK(refused > 0);
}
