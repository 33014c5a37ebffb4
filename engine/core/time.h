// Time types the whole engine shares. Three kinds of time are kept apart on purpose:
//  - UtcInstant: a point on the UTC timeline (what a completion happened at),
//  - CivilDate: a calendar day with no time zone (what a practice day is),
//  - MonoTime / Millis: durations on a monotonic clock (how long someone practised).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace respite::core {

using Millis = std::chrono::milliseconds;
// Monotonic time since an arbitrary origin; only differences are meaningful.
using MonoTime = std::chrono::nanoseconds;

// Milliseconds since 1970-01-01T00:00:00Z.
struct UtcInstant {
  std::int64_t ms = 0;
  friend bool operator==(UtcInstant a, UtcInstant b) { return a.ms == b.ms; }
  friend bool operator!=(UtcInstant a, UtcInstant b) { return a.ms != b.ms; }
  friend bool operator<(UtcInstant a, UtcInstant b) { return a.ms < b.ms; }
  friend bool operator<=(UtcInstant a, UtcInstant b) { return a.ms <= b.ms; }
  friend bool operator>(UtcInstant a, UtcInstant b) { return a.ms > b.ms; }
  friend bool operator>=(UtcInstant a, UtcInstant b) { return a.ms >= b.ms; }
};

// A proleptic Gregorian calendar date, valid for years 1..9999.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (negative before it).
  std::int64_t to_days() const;
  static CivilDate from_days(std::int64_t days);
  // ISO 8601 "YYYY-MM-DD".
  std::string to_string() const;
  static std::optional<CivilDate> parse(std::string_view text);
  // 0 = Monday ... 6 = Sunday (ISO weekday - 1).
  int weekday() const;
  bool valid() const;

  friend bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }
  friend bool operator<(const CivilDate& a, const CivilDate& b) { return a.to_days() < b.to_days(); }
  friend bool operator<=(const CivilDate& a, const CivilDate& b) { return !(b < a); }
  friend bool operator>(const CivilDate& a, const CivilDate& b) { return b < a; }
  friend bool operator>=(const CivilDate& a, const CivilDate& b) { return !(a < b); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Seconds (as written by people, e.g. 4.5) to whole milliseconds, rounding to nearest.
Millis seconds_to_millis(double seconds);
double millis_to_seconds(Millis ms);

}  // namespace respite::core
