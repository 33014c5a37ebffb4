#include "core/locale_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace respite::core {
namespace {

// Inserts `group` every three digits from the right of `digits` (ASCII digits only).
std::string group_digits(const std::string& digits, const std::string& group, int min_grouping) {
  if (group.empty() || static_cast<int>(digits.size()) < std::max(min_grouping, 4)) return digits;
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[i]);
    const std::size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += group;
  }
  return out;
}

int min_grouping(const Translations& t) {
  const std::string& value = t.text("number.min_grouping");
  const int parsed = std::atoi(value.c_str());
  return parsed > 0 ? parsed : 4;
}

std::string fill_date(const Translations& t, const char* pattern_key, const CivilDate& date) {
  const int weekday = date.weekday();
  const std::string day = std::to_string(date.day);
  const std::string year = std::to_string(date.year);
  return t.format(pattern_key, {{"weekday", weekday_name(t, weekday)},
                                {"weekday_short", weekday_short(t, weekday)},
                                {"month", month_name(t, date.month)},
                                {"month_short", t.text("date.month_short." + std::to_string(date.month))},
                                {"day", day},
                                {"year", year}});
}

}  // namespace

std::string format_number(const Translations& t, double value, int decimals) {
  decimals = std::clamp(decimals, 0, 9);
  if (!std::isfinite(value)) return value != value ? "NaN" : (value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E");
  const double scale = std::pow(10.0, decimals);
  const double scaled = std::round(std::fabs(value) * scale);  // half away from zero
  std::string integer;
  std::string fraction;
  if (scaled < 1e18) {
    const auto n = static_cast<unsigned long long>(scaled);
    const auto p = static_cast<unsigned long long>(scale);
    integer = std::to_string(n / p);
    if (decimals > 0) {
      fraction = std::to_string(n % p);
      fraction.insert(0, static_cast<std::size_t>(decimals) - fraction.size(), '0');
    }
  } else {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    const std::string text(buffer);
    const std::size_t dot = text.find('.');
    integer = text.substr(0, dot);
    fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  }
  const bool negative = value < 0 && scaled != 0.0;
  std::string out = negative ? "-" : "";
  out += group_digits(integer, t.text("number.group"), min_grouping(t));
  if (!fraction.empty()) out += t.text("number.decimal") + fraction;
  return out;
}

std::string format_count(const Translations& t, long long value) {
  const unsigned long long magnitude =
      value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
  const std::string digits = std::to_string(magnitude);
  return (value < 0 ? "-" : "") + group_digits(digits, t.text("number.group"), min_grouping(t));
}

const std::string& weekday_name(const Translations& t, int weekday) {
  return t.text("date.weekday." + std::to_string(std::clamp(weekday, 0, 6)));
}

const std::string& weekday_short(const Translations& t, int weekday) {
  return t.text("date.weekday_short." + std::to_string(std::clamp(weekday, 0, 6)));
}

const std::string& month_name(const Translations& t, int month) {
  return t.text("date.month." + std::to_string(std::clamp(month, 1, 12)));
}

std::string format_date_long(const Translations& t, const CivilDate& date) {
  return fill_date(t, "date.long", date);
}

std::string format_date_short(const Translations& t, const CivilDate& date) {
  return fill_date(t, "date.short", date);
}

std::string format_duration_long(const Translations& t, double seconds) {
  const long long total = std::llround(std::max(0.0, seconds));
  const long long minutes = total / 60;
  const long long rest = total % 60;
  const auto part = [&t](const char* key, long long n) {
    return format_text(t.plural(key, static_cast<double>(n)), {{"n", format_count(t, n)}});
  };
  if (minutes == 0) return part("duration.seconds", rest);
  if (rest == 0) return part("duration.minutes", minutes);
  return t.format("duration.minutes_seconds", {{"minutes", part("duration.minutes", minutes)},
                                               {"seconds", part("duration.seconds", rest)}});
}

std::string format_duration_compact(const Translations& t, double seconds) {
  const long long total = std::llround(std::max(0.0, seconds));
  const long long minutes = total / 60;
  const long long rest = total % 60;
  const std::string m = format_count(t, minutes);
  const std::string s = format_count(t, rest);
  if (minutes == 0) return t.format("duration.s_short", {{"n", s}});
  if (rest == 0) return t.format("duration.min_short", {{"n", m}});
  return t.format("duration.min_s_short", {{"minutes", m}, {"seconds", s}});
}

std::string format_clock(double seconds) {
  const long long total = static_cast<long long>(std::ceil(std::max(0.0, seconds) - 1e-9));
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  return text;
}

}  // namespace respite::core
