// Scanning text eight bytes at a time: the validator looks at every byte of a pack's prose, and
// most bytes are ordinary letters that need no look at all.
#pragma once

#include <cstdint>
#include <cstring>

namespace respite::core::byte_scan {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

inline std::uint64_t load(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// Non-zero when some byte of `word` equals `b` (exact as a yes/no answer).
inline std::uint64_t has_byte(std::uint64_t word, unsigned char b) {
  const std::uint64_t x = word ^ (kOnes * b);
  return (x - kOnes) & ~x & kHigh;
}

// Non-zero when some byte of `word` is below `n` (n <= 128; exact as a yes/no answer).
inline std::uint64_t has_byte_below(std::uint64_t word, unsigned char n) {
  return (word - kOnes * n) & ~word & kHigh;
}

// Exact per-byte masks: the high bit of each byte of the result is set exactly for the bytes that
// match (no borrow crosses bytes), so the matches can be found one by one (first_byte).
inline std::uint64_t zero_bytes(std::uint64_t word) {
  constexpr std::uint64_t kLow7 = kOnes * 0x7F;
  return ~(((word & kLow7) + kLow7) | word) & kHigh;
}
inline std::uint64_t bytes_equal(std::uint64_t word, unsigned char b) {
  return zero_bytes(word ^ (kOnes * b));
}
inline std::uint64_t bytes_below(std::uint64_t word, unsigned char n) {  // n <= 128
  constexpr std::uint64_t kLow7 = kOnes * 0x7F;
  return ~(((word & kLow7) + kOnes * static_cast<unsigned char>(0x80 - n)) | word) & kHigh;
}
// Index of the first marked byte of a non-zero mask (words are loaded little-endian: byte 0 of the
// text is the lowest byte, as on every platform Respite builds for).
inline int first_byte(std::uint64_t mask) {
  return __builtin_ctzll(mask) / 8;
}

}  // namespace respite::core::byte_scan
