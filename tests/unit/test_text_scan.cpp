// The validator's fast text scans (core/byte_scan.h, pack_text::may_hold_special, the markup's
// marker search) against what is known of the text they scan: byte masks against byte-by-byte
// comparison, and texts built from pieces known to hold (or not) a special character, shifted so
// that every piece lands at every position of an eight-byte word.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/byte_scan.h"
#include "core/markup.h"
#include "core/pack_text.h"

using namespace respite::core;

namespace {

// Pieces of text, each marked with whether it holds a character may_hold_special must find:
// controls but tab and newline, DEL, C1 controls, and the direction marks U+202A-U+202E and
// U+2066-U+2069.
struct Piece {
  const char* text;
  bool special;
};
const Piece kPieces[] = {{"a", false},
                         {"word ", false},
                         {"Breathe in. ", false},
                         {"\n", false},
                         {"\t", false},
                         {"\xC3\xA9", false} /* é */,
                         {"\xE2\x80\x94", false} /* — */,
                         {"\xE2\x80\x9C", false} /* “ */,
                         {"\xC2\xA0", false} /* no-break space */,
                         {"\xE6\x97\xA5", false} /* 日 */,
                         {"*", false},
                         {"[", false},
                         {"\\", false},
                         {"\xF0\x9F\x98\x80", false} /* emoji */,
                         {"\x07", true},
                         {"\x7F", true},
                         {"\xC2\x85", true} /* C1 */,
                         {"\xE2\x80\xAE", true} /* RLO */,
                         {"\xE2\x81\xA6", true} /* LRI */,
                         {"\xE2\x81\xA9", true} /* PDI */,
                         {"\xE2\x81\xAA", false} /* not a mark */};
constexpr std::size_t kOrdinaryPieces = 14;  // the first ones: special pieces stay a minority

struct Sample {
  std::string text;
  bool special = false;
};

Sample random_text(std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> count(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) * 4 - 1);
  Sample sample;
  for (std::size_t n = count(random); n > 0; --n) {
    const std::size_t p = pick(random);
    const Piece& piece = kPieces[p < std::size(kPieces) ? p : p % kOrdinaryPieces];
    sample.text += piece.text;
    sample.special = sample.special || piece.special;
  }
  return sample;
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
    const Sample sample = random_text(random);
    const std::string text = std::string(static_cast<std::size_t>(round % 8), 'x') + sample.text;
    INFO(text);
    REQUIRE(pack_text::may_hold_special(text) == sample.special);
    special += sample.special ? 1 : 0;
  }
  CHECK(special > 2000);  // both answers were tried often
  CHECK(special < 18000);
}

TEST_CASE("page markup finds the same markers however the text is aligned", "[unit][text-scan]") {
  std::mt19937 random(5);
  for (int round = 0; round < 3000; ++round) {
    const std::string body =
        random_text(random).text + "**strong** [link](item:two-minute-reset) " + random_text(random).text;
    const markup::Document reference = markup::parse(body);
    for (std::size_t shift = 1; shift < 8; ++shift) {
      // Leading spaces are trimmed from a paragraph, so the result must not change.
      const markup::Check shifted = markup::check(std::string(shift, ' ') + body);
      REQUIRE(shifted.issues.size() == reference.issues.size());
      REQUIRE(shifted.links.size() == reference.links().size());
    }
  }
}
