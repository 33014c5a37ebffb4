// See asset_probe.h. Every length read from a file is checked against what is left of the file
// before it is used; nothing here trusts a size the file states about itself.
#include "core/asset_probe.h"

#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <vector>

#define STB_VORBIS_HEADER_ONLY
#include <stb_image.h>
#include <stb_vorbis.h>

namespace respite::core {
namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t be32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24);
}
std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}

const std::array<std::uint32_t, 256>& crc_table() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  return table;
}

// Ogg's CRC: polynomial 0x04C11DB7, not reflected, initial 0, no final xor.
std::uint32_t ogg_crc(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t r = n << 24;
      for (int k = 0; k < 8; ++k) r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
      t[n] = r;
    }
    return t;
  }();
  std::uint32_t crc = 0;
  for (char c : bytes) crc = (crc << 8) ^ table[((crc >> 24) ^ static_cast<unsigned char>(c)) & 0xFFu];
  return crc;
}

AssetCheck fail(const char* code, std::string problem) {
  AssetCheck check;
  check.code = code;
  check.problem = std::move(problem);
  return check;
}

std::string kib(std::size_t bytes) {
  return std::to_string((bytes + 1023) / 1024) + " KiB";
}

std::string seconds(Millis ms) {
  const long long tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " seconds";
}

// ---- PNG ----------------------------------------------------------------------------------------

int png_channels(int color_type) {
  switch (color_type) {
    case 0:
      return 1;  // grey
    case 2:
      return 3;  // RGB
    case 3:
      return 1;  // palette
    case 4:
      return 2;  // grey + alpha
    case 6:
      return 4;  // RGBA
    default:
      return 0;
  }
}

bool png_depth_ok(int color_type, int depth) {
  switch (color_type) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

// Bytes of filtered image data an image of this shape decompresses to (each row has a filter byte).
std::uint64_t png_raw_size(std::uint64_t width, std::uint64_t height, int channels, int depth,
                           bool interlaced) {
  const auto rows = [&](std::uint64_t w, std::uint64_t h) -> std::uint64_t {
    if (w == 0 || h == 0) return 0;
    return h * (1 + (w * static_cast<std::uint64_t>(channels) * static_cast<std::uint64_t>(depth) + 7) / 8);
  };
  if (!interlaced) return rows(width, height);
  // Adam7: the seven passes start at these offsets and step by these strides.
  static const int kX0[7] = {0, 4, 0, 2, 0, 1, 0}, kY0[7] = {0, 0, 4, 0, 2, 0, 1};
  static const int kDx[7] = {8, 8, 4, 4, 2, 2, 1}, kDy[7] = {8, 8, 8, 4, 4, 2, 2};
  std::uint64_t total = 0;
  for (int p = 0; p < 7; ++p) {
    const std::uint64_t w =
        width > static_cast<std::uint64_t>(kX0[p]) ? (width - kX0[p] + kDx[p] - 1) / kDx[p] : 0;
    const std::uint64_t h =
        height > static_cast<std::uint64_t>(kY0[p]) ? (height - kY0[p] + kDy[p] - 1) / kDy[p] : 0;
    total += rows(w, h);
  }
  return total;
}

// Inflates the zlib stream `data` and checks it yields exactly `expected` bytes. stb's decoder
// writes into a fixed buffer one byte larger than needed and fails rather than grow it, so a small
// file that would expand a thousandfold costs no more than the image it claims to be.
std::optional<std::string> inflate_exactly(std::string_view data, std::uint64_t expected) {
  if (data.size() > static_cast<std::size_t>(INT32_MAX) ||
      expected >= static_cast<std::uint64_t>(INT32_MAX)) {
    return std::string("the image data is too large");
  }
  std::vector<char> out(static_cast<std::size_t>(expected) + 1);
  const int produced = stbi_zlib_decode_buffer(out.data(), static_cast<int>(out.size()), data.data(),
                                               static_cast<int>(data.size()));
  if (produced < 0) {
    return std::string(
        "the image data is damaged, or decompresses to more bytes than an image of its size holds");
  }
  if (static_cast<std::uint64_t>(produced) > expected) {
    return std::string("the image data decompresses to more bytes than an image of its size holds");
  }
  if (static_cast<std::uint64_t>(produced) < expected) {
    return std::string("the image data is shorter than the image's size needs");
  }
  return std::nullopt;
}

AssetCheck check_png(const std::string& path, std::string_view b, const AssetLimits& limits) {
  if (b.size() > limits.max_image_bytes) {
    return fail("E-ASSET-LIMIT",
                "the image is " + kib(b.size()) + "; an image may be at most " + kib(limits.max_image_bytes));
  }
  const std::string corrupt = "not a valid PNG image: ";
  std::size_t at = kPngSignature.size();
  std::uint32_t width = 0, height = 0;
  int depth = 0, color_type = 0;
  bool interlaced = false;
  bool seen_ihdr = false, seen_plte = false, seen_iend = false, idat_done = false;
  std::string idat;
  int chunks = 0;
  while (at < b.size()) {
    if (seen_iend) return fail("E-ASSET-CORRUPT", corrupt + "there are bytes after its end (IEND)");
    if (b.size() - at < 12) return fail("E-ASSET-CORRUPT", corrupt + "the file is cut short");
    if (++chunks > 10'000) return fail("E-ASSET-CORRUPT", corrupt + "it has more than 10000 chunks");
    const std::uint32_t length = be32(b, at);
    if (length > b.size() - at - 12)
      return fail("E-ASSET-CORRUPT", corrupt + "a chunk is longer than the file");
    const std::string_view type = b.substr(at + 4, 4);
    const std::string_view data = b.substr(at + 8, length);
    const std::uint32_t stored_crc = be32(b, at + 8 + length);
    if (crc32(b.substr(at + 4, 4 + static_cast<std::size_t>(length))) != stored_crc) {
      return fail("E-ASSET-CORRUPT", corrupt + "the checksum of its \"" + std::string(type) +
                                         "\" chunk does not match (the file is damaged)");
    }
    at += 12 + static_cast<std::size_t>(length);
    if (!seen_ihdr) {
      if (type != "IHDR" || length != 13)
        return fail("E-ASSET-CORRUPT", corrupt + "it does not start with a header (IHDR)");
      seen_ihdr = true;
      width = be32(data, 0);
      height = be32(data, 4);
      depth = static_cast<unsigned char>(data[8]);
      color_type = static_cast<unsigned char>(data[9]);
      const int compression = static_cast<unsigned char>(data[10]);
      const int filter = static_cast<unsigned char>(data[11]);
      const int interlace = static_cast<unsigned char>(data[12]);
      if (width == 0 || height == 0) return fail("E-ASSET-CORRUPT", corrupt + "its width or height is 0");
      if (width > static_cast<std::uint32_t>(limits.max_image_side) ||
          height > static_cast<std::uint32_t>(limits.max_image_side)) {
        return fail("E-ASSET-LIMIT", "the image is " + std::to_string(width) + " x " +
                                         std::to_string(height) + " pixels; images may be at most " +
                                         std::to_string(limits.max_image_side) + " x " +
                                         std::to_string(limits.max_image_side));
      }
      if (!png_depth_ok(color_type, depth) || compression != 0 || filter != 0 || interlace > 1) {
        return fail("E-ASSET-CORRUPT",
                    corrupt + "its header names a colour type or bit depth that does not exist");
      }
      interlaced = interlace == 1;
      continue;
    }
    if (type == "IHDR") return fail("E-ASSET-CORRUPT", corrupt + "it has two headers (IHDR)");
    if (type == "PLTE") {
      if (length == 0 || length % 3 != 0 || length > 768)
        return fail("E-ASSET-CORRUPT", corrupt + "its palette is malformed");
      seen_plte = true;
    } else if (type == "IDAT") {
      if (idat_done)
        return fail("E-ASSET-CORRUPT", corrupt + "its image data (IDAT) is split by other chunks");
      idat.append(data);
    } else if (type == "IEND") {
      seen_iend = true;
    } else if (!(type[0] & 0x20)) {
      // A critical chunk we do not know: a decoder may not skip it.
      return fail("E-ASSET-CORRUPT",
                  corrupt + "it has an unknown critical chunk \"" + std::string(type) + "\"");
    }
    if (!idat.empty() && type != "IDAT") idat_done = true;
  }
  if (!seen_ihdr) return fail("E-ASSET-CORRUPT", corrupt + "the file is cut short");
  if (!seen_iend) return fail("E-ASSET-CORRUPT", corrupt + "it has no end (IEND); the file is cut short");
  if (idat.empty()) return fail("E-ASSET-CORRUPT", corrupt + "it has no image data (IDAT)");
  if (color_type == 3 && !seen_plte)
    return fail("E-ASSET-CORRUPT", corrupt + "a palette image without a palette (PLTE)");
  const std::uint64_t raw = png_raw_size(width, height, png_channels(color_type), depth, interlaced);
  if (auto problem = inflate_exactly(idat, raw)) return fail("E-ASSET-CORRUPT", corrupt + *problem);

  int w = 0, h = 0, n = 0;
  stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(b.data()),
                                          static_cast<int>(b.size()), &w, &h, &n, 4);
  if (!pixels) {
    const char* reason = stbi_failure_reason();
    return fail("E-ASSET-CORRUPT",
                corrupt + "the decoder refused it (" + (reason ? reason : "no reason given") + ")");
  }
  stbi_image_free(pixels);
  if (static_cast<std::uint32_t>(w) != width || static_cast<std::uint32_t>(h) != height) {
    return fail("E-ASSET-CORRUPT", corrupt + "it decodes to a different size than its header says");
  }
  AssetCheck check;
  Asset asset;
  asset.path = path;
  asset.type = AssetType::Png;
  asset.bytes = b.size();
  asset.width = w;
  asset.height = h;
  check.asset = std::move(asset);
  return check;
}

// ---- WAV ----------------------------------------------------------------------------------------

AssetCheck audio_limits(Asset asset, const AssetLimits& limits) {
  if (asset.channels < 1 || asset.channels > limits.max_channels) {
    return fail("E-ASSET-LIMIT", "the sound has " + std::to_string(asset.channels) +
                                     " channels; sounds may have 1 (mono) or 2 (stereo)");
  }
  if (asset.sample_rate < limits.min_sample_rate || asset.sample_rate > limits.max_sample_rate) {
    return fail("E-ASSET-LIMIT", "the sound's sample rate is " + std::to_string(asset.sample_rate) +
                                     " Hz; expected " + std::to_string(limits.min_sample_rate) + " to " +
                                     std::to_string(limits.max_sample_rate) + " Hz");
  }
  AssetCheck check;
  check.asset = std::move(asset);
  return check;
}

AssetCheck too_long(Millis duration, const AssetLimits& limits) {
  return fail("E-ASSET-LIMIT", "the sound lasts " + seconds(duration) + "; a sound may last at most " +
                                   seconds(limits.max_audio_duration));
}

AssetCheck check_wav(const std::string& path, std::string_view b, const AssetLimits& limits) {
  const std::string corrupt = "not a valid WAV sound: ";
  if (b.size() < 12) return fail("E-ASSET-CORRUPT", corrupt + "the file is cut short");
  const std::uint64_t riff_size = le32(b, 4);
  if (riff_size + 8 > b.size())
    return fail("E-ASSET-CORRUPT", corrupt + "the file is shorter than its header says");
  const std::string_view body = b.substr(0, static_cast<std::size_t>(riff_size) + 8);
  std::size_t at = 12;
  int format = 0, channels = 0, bits = 0, block_align = 0;
  std::uint32_t rate = 0, byte_rate = 0;
  bool seen_fmt = false;
  std::optional<std::uint64_t> data_size;
  int chunks = 0;
  while (at < body.size()) {
    if (body.size() - at < 8) return fail("E-ASSET-CORRUPT", corrupt + "a chunk header is cut short");
    if (++chunks > 1000) return fail("E-ASSET-CORRUPT", corrupt + "it has more than 1000 chunks");
    const std::string_view id = body.substr(at, 4);
    const std::uint64_t size = le32(body, at + 4);
    if (size > body.size() - at - 8)
      return fail("E-ASSET-CORRUPT",
                  corrupt + "the \"" + std::string(id) + "\" chunk is longer than the file");
    const std::string_view chunk = body.substr(at + 8, static_cast<std::size_t>(size));
    if (id == "fmt ") {
      if (seen_fmt) return fail("E-ASSET-CORRUPT", corrupt + "it has two format chunks");
      if (size < 16) return fail("E-ASSET-CORRUPT", corrupt + "its format chunk is too short");
      seen_fmt = true;
      format = le16(chunk, 0);
      channels = le16(chunk, 2);
      rate = le32(chunk, 4);
      byte_rate = le32(chunk, 8);
      block_align = le16(chunk, 12);
      bits = le16(chunk, 14);
      if (format == 0xFFFE) {  // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format's first word
        if (size < 40) return fail("E-ASSET-CORRUPT", corrupt + "its extensible format chunk is too short");
        format = le16(chunk, 24);
      }
    } else if (id == "data") {
      if (!seen_fmt) return fail("E-ASSET-CORRUPT", corrupt + "the sound data comes before its format chunk");
      if (data_size) return fail("E-ASSET-CORRUPT", corrupt + "it has two data chunks");
      data_size = size;
    }
    at += 8 + static_cast<std::size_t>(size) + (size & 1u);  // chunks are padded to an even length
  }
  if (!seen_fmt) return fail("E-ASSET-CORRUPT", corrupt + "it has no format chunk");
  if (!data_size) return fail("E-ASSET-CORRUPT", corrupt + "it has no sound data (data chunk)");
  if (format != 1 && format != 3) {
    return fail("E-ASSET-TYPE", "the WAV sound is compressed (format " + std::to_string(format) +
                                    "); use plain PCM WAV or Ogg Vorbis");
  }
  const bool bits_ok = format == 1 ? (bits == 8 || bits == 16 || bits == 24 || bits == 32) : bits == 32;
  if (!bits_ok)
    return fail("E-ASSET-CORRUPT", corrupt + std::to_string(bits) + "-bit samples are not supported");
  if (channels < 1 || rate == 0)
    return fail("E-ASSET-CORRUPT", corrupt + "it has no channels or a sample rate of 0");
  if (block_align != channels * bits / 8 || byte_rate != rate * static_cast<std::uint32_t>(block_align)) {
    return fail("E-ASSET-CORRUPT", corrupt + "its format chunk contradicts itself (block size or byte rate)");
  }
  if (*data_size == 0) return fail("E-ASSET-CORRUPT", corrupt + "its sound data is empty");
  if (*data_size % static_cast<std::uint64_t>(block_align) != 0) {
    return fail("E-ASSET-CORRUPT", corrupt + "its sound data ends in the middle of a sample");
  }
  Asset asset;
  asset.path = path;
  asset.type = AssetType::Wav;
  asset.bytes = b.size();
  asset.channels = channels;
  asset.sample_rate = static_cast<int>(std::min<std::uint32_t>(rate, 1u << 30));
  const std::uint64_t frames = *data_size / static_cast<std::uint64_t>(block_align);
  asset.duration = Millis(static_cast<std::int64_t>(frames * 1000 / rate));
  AssetCheck check = audio_limits(std::move(asset), limits);
  if (check.asset && check.asset->duration > limits.max_audio_duration)
    return too_long(check.asset->duration, limits);
  return check;
}

// ---- Ogg Vorbis ---------------------------------------------------------------------------------

AssetCheck check_ogg(const std::string& path, std::string_view b, const AssetLimits& limits) {
  const std::string corrupt = "not a valid Ogg sound: ";
  std::size_t at = 0;
  std::optional<std::uint32_t> serial;
  std::uint32_t expected_sequence = 0;
  bool seen_eos = false;
  std::string first_packet_start;
  int pages = 0;
  while (at < b.size()) {
    if (seen_eos)
      return fail("E-ASSET-CORRUPT",
                  corrupt + "there are bytes after its last page (only one stream is allowed)");
    if (b.size() - at < 27 || b.substr(at, 4) != "OggS")
      return fail("E-ASSET-CORRUPT", corrupt + "a page is cut short or misplaced");
    if (++pages > 100'000) return fail("E-ASSET-CORRUPT", corrupt + "it has too many pages");
    const int version = static_cast<unsigned char>(b[at + 4]);
    const int flags = static_cast<unsigned char>(b[at + 5]);
    const std::uint32_t page_serial = le32(b, at + 14);
    const std::uint32_t sequence = le32(b, at + 18);
    const std::uint32_t stored_crc = le32(b, at + 22);
    const std::size_t segments = static_cast<unsigned char>(b[at + 26]);
    if (version != 0 || (flags & ~0x07) != 0)
      return fail("E-ASSET-CORRUPT", corrupt + "a page header is malformed");
    if (b.size() - at - 27 < segments) return fail("E-ASSET-CORRUPT", corrupt + "a page is cut short");
    std::size_t body = 0;
    for (std::size_t s = 0; s < segments; ++s) body += static_cast<unsigned char>(b[at + 27 + s]);
    const std::size_t page_size = 27 + segments + body;
    if (page_size > b.size() - at) return fail("E-ASSET-CORRUPT", corrupt + "a page is cut short");
    std::string page(b.substr(at, page_size));
    page[22] = page[23] = page[24] = page[25] = '\0';
    if (ogg_crc(page) != stored_crc)
      return fail("E-ASSET-CORRUPT", corrupt + "the checksum of page " + std::to_string(pages) +
                                         " does not match (the file is damaged)");
    if (!serial) {
      if (!(flags & 0x02)) return fail("E-ASSET-CORRUPT", corrupt + "its first page does not start a stream");
      serial = page_serial;
      first_packet_start = std::string(b.substr(at + 27 + segments, std::min<std::size_t>(body, 8)));
    } else if (page_serial != *serial || (flags & 0x02)) {
      return fail("E-ASSET-CORRUPT",
                  corrupt + "it holds more than one stream; only a single Vorbis stream is supported");
    }
    if (sequence != expected_sequence++)
      return fail("E-ASSET-CORRUPT", corrupt + "its pages are out of order or missing");
    seen_eos = (flags & 0x04) != 0;
    at += page_size;
  }
  if (!seen_eos) return fail("E-ASSET-CORRUPT", corrupt + "it has no last page (the file is cut short)");
  if (first_packet_start.rfind("OpusHead", 0) == 0) {
    return fail("E-ASSET-TYPE", "the Ogg file holds Opus audio; Respite plays Ogg Vorbis and WAV");
  }
  if (first_packet_start.rfind(std::string("\x01vorbis", 7), 0) != 0) {
    return fail("E-ASSET-TYPE", "the Ogg file does not hold Vorbis audio; Respite plays Ogg Vorbis and WAV");
  }

  int error = 0;
  stb_vorbis* vorbis = stb_vorbis_open_memory(reinterpret_cast<const unsigned char*>(b.data()),
                                              static_cast<int>(b.size()), &error, nullptr);
  if (!vorbis)
    return fail("E-ASSET-CORRUPT", corrupt + "the decoder refused it (error " + std::to_string(error) + ")");
  const std::unique_ptr<stb_vorbis, void (*)(stb_vorbis*)> closer(vorbis, stb_vorbis_close);
  const stb_vorbis_info info = stb_vorbis_get_info(vorbis);
  Asset asset;
  asset.path = path;
  asset.type = AssetType::Ogg;
  asset.bytes = b.size();
  asset.channels = info.channels;
  asset.sample_rate = static_cast<int>(std::min<unsigned>(info.sample_rate, 1u << 30));
  AssetCheck check = audio_limits(asset, limits);
  if (!check.asset) return check;
  const std::uint64_t max_frames =
      static_cast<std::uint64_t>(limits.max_audio_duration.count()) * info.sample_rate / 1000;
  // The length the stream states (from its last page) says most files are too long without decoding.
  const std::uint64_t stated = stb_vorbis_stream_length_in_samples(vorbis);
  if (stated > max_frames)
    return too_long(Millis(static_cast<std::int64_t>(stated * 1000 / info.sample_rate)), limits);
  if (stb_vorbis_seek_start(vorbis) == 0)
    return fail("E-ASSET-CORRUPT", corrupt + "the decoder cannot read it from the start");
  // Decode the whole stream once, refusing it as soon as it runs past the duration cap.
  std::vector<short> buffer(4096 * 2);
  std::uint64_t frames = 0;
  for (;;) {
    const int got = stb_vorbis_get_samples_short_interleaved(vorbis, info.channels, buffer.data(),
                                                             static_cast<int>(buffer.size()));
    if (got <= 0) break;
    frames += static_cast<std::uint64_t>(got);
    if (frames > max_frames) {
      return fail("E-ASSET-LIMIT", "the sound lasts more than " + seconds(limits.max_audio_duration) +
                                       ", the most a sound may last (although its last page says less)");
    }
  }
  const int decode_error = stb_vorbis_get_error(vorbis);
  if (decode_error != VORBIS__no_error && decode_error != VORBIS_need_more_data) {
    return fail("E-ASSET-CORRUPT",
                corrupt + "its sound data is damaged (decoder error " + std::to_string(decode_error) + ")");
  }
  if (frames == 0) return fail("E-ASSET-CORRUPT", corrupt + "it holds no sound");
  check.asset->duration = Millis(static_cast<std::int64_t>(frames * 1000 / info.sample_rate));
  return check;
}

}  // namespace

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
  const auto& table = crc_table();
  crc = ~crc;
  for (char c : bytes) crc = table[(crc ^ static_cast<unsigned char>(c)) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

std::optional<AssetType> sniff_asset(std::string_view b) {
  if (b.substr(0, kPngSignature.size()) == kPngSignature) return AssetType::Png;
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WAVE") return AssetType::Wav;
  if (b.substr(0, 4) == "OggS") return AssetType::Ogg;
  return std::nullopt;
}

AssetCheck check_asset(const std::string& path, std::string_view bytes, const AssetLimits& limits) {
  const std::optional<AssetType> type = sniff_asset(bytes);
  if (!type) {
    std::string what = "it is not a PNG image, a WAV sound or an Ogg Vorbis sound";
    if (bytes.substr(0, 3) == "\xFF\xD8\xFF")
      what = "it is a JPEG image; use PNG";
    else if (bytes.substr(0, 3) == "ID3" ||
             (bytes.size() > 1 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
              (static_cast<unsigned char>(bytes[1]) & 0xE0) == 0xE0)) {
      what = "it looks like an MP3 sound; use Ogg Vorbis or WAV";
    } else if (bytes.substr(0, 4) == "GIF8")
      what = "it is a GIF image; use PNG";
    else if (bytes.empty())
      what = "the file is empty";
    return fail("E-ASSET-TYPE", "the file's content is not a supported type: " + what +
                                    " (the type is told by the content, not by the name)");
  }
  if (*type != AssetType::Png && bytes.size() > limits.max_audio_bytes) {
    return fail("E-ASSET-LIMIT", "the sound file is " + kib(bytes.size()) + "; a sound may be at most " +
                                     kib(limits.max_audio_bytes));
  }
  switch (*type) {
    case AssetType::Png:
      return check_png(path, bytes, limits);
    case AssetType::Wav:
      return check_wav(path, bytes, limits);
    case AssetType::Ogg:
      return check_ogg(path, bytes, limits);
  }
  return fail("E-ASSET-TYPE", "unknown type");
}

}  // namespace respite::core
