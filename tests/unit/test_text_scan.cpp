// The validator's fast text scans (core/byte_scan.h, pack_text::may_hold_special, the markup's
// marker search) against plain byte-by-byte definitions, on text built to put every interesting
// sequence at every position of an eight-byte word.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/byte_scan.h"
#include "core/markup.h"
#include "core/pack_text.h"

using namespace respite::core;

namespace {

// The characters may_hold_special must find: controls but tab and newline, DEL, C1 controls, and
// the direction marks U+202A-U+202E and U+2066-U+2069.
bool special_code_point(std::uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool has_special(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = b;
    std::size_t length = 1;
    if (b >= 0xF0) {
      length = 4;
      cp = b & 0x07u;
    } else if (b >= 0xE0) {
      length = 3;
      cp = b & 0x0Fu;
    } else if (b >= 0xC0) {
      length = 2;
      cp = b & 0x1Fu;
    }
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    if (special_code_point(cp)) return true;
    i += length;
  }
  return false;
}

std::string random_text(std::mt19937& random) {
  static const std::vector<std::string> pieces = {"a",
                                                  "word ",
                                                  "Breathe in. ",
                                                  "\n",
                                                  "\t",
                                                  "\xC3\xA9" /* é */,
                                                  "\xE2\x80\x94" /* — */,
                                                  "\xE2\x80\x9C" /* “ */,
                                                  "\xC2\xA0" /* no-break space */,
                                                  "\xE6\x97\xA5" /* 日 */,
                                                  "*",
                                                  "[",
                                                  "\\",
                                                  "\xF0\x9F\x98\x80" /* emoji */,
                                                  "\x07",
                                                  "\x7F",
                                                  "\xC2\x85" /* C1 */,
                                                  "\xE2\x80\xAE" /* RLO */,
                                                  "\xE2\x81\xA6" /* LRI */,
                                                  "\xE2\x81\xA9" /* PDI */,
                                                  "\xE2\x81\xAA" /* not a mark */};
  std::uniform_int_distribution<std::size_t> count(0, 24);
  // Mostly ordinary pieces, so that texts without anything special are common too.
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() * 4 - 1);
  std::string text;
  for (std::size_t n = count(random); n > 0; --n) {
    const std::size_t p = pick(random);
    text += pieces[p < pieces.size() ? p : p % 10];
  }
  return text;
}

}  // namespace

TEST_CASE("the exact byte masks mark exactly the matching bytes", "[unit][text-scan]") {
  std::mt19937_64 random(7);
  for (int round = 0; round < 20000; ++round) {
    const std::uint64_t word = random();
    const auto b = static_cast<unsigned char>(random());
    const auto n = static_cast<unsigned char>(1 + random() % 128);
    const std::uint64_t equal = byte_scan::bytes_equal(word, b);
    const std::uint64_t below = byte_scan::bytes_below(word, n);
    for (int k = 0; k < 8; ++k) {
      const auto byte = static_cast<unsigned char>(word >> (8 * k));
      const std::uint64_t bit = std::uint64_t{0x80} << (8 * k);
      CHECK(((equal & bit) != 0) == (byte == b));
      CHECK(((below & bit) != 0) == (byte < n));
    }
    if (equal != 0) CHECK(static_cast<unsigned char>(word >> (8 * byte_scan::first_byte(equal))) == b);
  }
}

TEST_CASE("may_hold_special is true exactly when a scan has something to report", "[unit][text-scan]") {
  std::mt19937 random(11);
  int special = 0;
  for (int round = 0; round < 20000; ++round) {
    // A prefix of 0-7 letters moves every piece through every position of an eight-byte word.
    const std::string text = std::string(static_cast<std::size_t>(round % 8), 'x') + random_text(random);
    INFO(text);
    REQUIRE(pack_text::may_hold_special(text) == has_special(text));
    special += has_special(text) ? 1 : 0;
  }
  CHECK(special > 2000);  // both answers were tried often
  CHECK(special < 18000);
}

TEST_CASE("page markup finds the same markers however the text is aligned", "[unit][text-scan]") {
  std::mt19937 random(5);
  for (int round = 0; round < 3000; ++round) {
    const std::string body =
        random_text(random) + "**strong** [link](item:two-minute-reset) " + random_text(random);
    const markup::Document reference = markup::parse(body);
    for (std::size_t shift = 1; shift < 8; ++shift) {
      // Leading spaces are trimmed from a paragraph, so the result must not change.
      const markup::Check shifted = markup::check(std::string(shift, ' ') + body);
      REQUIRE(shifted.issues.size() == reference.issues.size());
      REQUIRE(shifted.links.size() == reference.links().size());
    }
  }
}
