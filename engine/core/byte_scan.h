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

}  // namespace respite::core::byte_scan
