// See json_number.h.
#include "core/json_number.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <locale>
#include <sstream>
#include <string>

namespace respite::core::json {

std::optional<double> number_value(std::string_view text) {
  double value = 0.0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  // from_chars, unlike strtod, ignores the C locale (a German locale would read "4.5" as 4).
#if defined(__cpp_lib_to_chars)
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
#else
  // libc++ before LLVM 17 (emscripten's, for the web build) has no floating-point from_chars; a
  // stream with the classic locale reads the same text the same way.
  // Only what from_chars reads: no leading '+', hex, "inf" or "nan".
  if (begin == end || *begin == '+' || text.find_first_not_of("0123456789+-.eE") != std::string_view::npos) {
    return std::nullopt;
  }
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  in >> std::noskipws >> value;
  if (in.fail() || !in.eof() || !std::isfinite(value)) return std::nullopt;
#endif
  return value;
}

std::string format_seconds(Millis ms) {
  const std::int64_t count = ms.count();
  // Work on the magnitude as unsigned so that the most negative value cannot overflow.
  const std::uint64_t magnitude =
      count < 0 ? static_cast<std::uint64_t>(-(count + 1)) + 1 : static_cast<std::uint64_t>(count);
  std::string out = count < 0 ? "-" : "";
  out += std::to_string(magnitude / 1000);
  std::uint64_t fraction = magnitude % 1000;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

}  // namespace respite::core::json
