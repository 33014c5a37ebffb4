// What the progress store records and what streaks are computed from (DESIGN §4): completion
// events, a profile's settings, and the small value types that keep instants, offsets, day starts
// and practice days apart. docs/progress.md explains the rules in plain words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace respite::core {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kDefaultDayStartMinutes = 4 * 60;
constexpr int kMaxDayStartMinutes = 12 * 60;
// Real zones span -12:00..+14:00; ISO 8601 allows more, we accept up to ±18:00 like most parsers.
constexpr int kMaxUtcOffsetMinutes = 18 * 60;
// An event whose instant is further behind the latest trusted instant than this was recorded with a
// clock that had been set back: it is kept, flagged, and cannot extend a streak.
constexpr std::int64_t kClockBehindToleranceMs = 5 * 60 * 1000;
// Sanity bound on recorded durations: nothing we ship plans a session longer than an hour.
constexpr std::int64_t kMaxSessionMs = 24LL * 60 * 60 * 1000;

// The practice day of an instant: the civil date of (UTC + offset − day start). Computed once, when
// an event is written, with the offset and day start in force then; never recomputed later.
CivilDate practice_day_at(UtcInstant at, int utc_offset_minutes, int day_start_minutes);

// Days of the week as a bit set, bit 0 = Monday ... bit 6 = Sunday (CivilDate::weekday()).
struct WeekdaySet {
  std::uint8_t bits = 0;

  bool has(int weekday) const { return weekday >= 0 && weekday < 7 && (bits >> weekday) & 1U; }
  void add(int weekday) { bits = static_cast<std::uint8_t>(bits | (1U << weekday)); }
  int count() const;
  // "mon,tue,sat" (any order, case-insensitive, no repeats) or "none".
  static std::optional<WeekdaySet> parse(std::string_view text);
  // "sat,sun" in weekday order; "none" when empty.
  std::string to_string() const;
  friend bool operator==(WeekdaySet a, WeekdaySet b) { return a.bits == b.bits; }
  friend bool operator!=(WeekdaySet a, WeekdaySet b) { return a.bits != b.bits; }
};

const char* weekday_name(int weekday);  // "mon" ... "sun"

// Per-profile settings that shape how the log is read (streaks, calendar).
struct ProfileSettings {
  int day_start_minutes = kDefaultDayStartMinutes;  // 0..720; the practice day starts at this local time
  WeekdaySet rest_weekdays;                         // weekly rest pattern; never all seven days
  std::vector<CivilDate> rest_dates;                // single days off, sorted, no repeats
  int weekly_goal = 0;        // 0: daily streaks; 1..7: days per week (weeks start Monday)
  bool hide_streaks = false;  // progress is kept; streak numbers are not shown

  // Empty when valid; otherwise names the field and the bad value.
  std::string validate() const;
  void normalize();  // sorts and de-duplicates rest_dates
  bool is_rest_day(const CivilDate& day) const;
  friend bool operator==(const ProfileSettings& a, const ProfileSettings& b);
};

enum class Anomaly : int {
  None = 0,
  ClockBehind = 1,  // recorded with an instant > 5 min behind the latest trusted instant
};
const char* to_string(Anomaly anomaly);  // "none", "clock_behind"

// What the caller (the app at the end of a session, or `respite log`) hands to the store.
struct CompletionInput {
  std::string event_id;  // UUID, made by the caller before the first attempt so retries are idempotent
  std::string pack_id;
  std::string item_id;
  std::string content_version;  // the pack's version string; may be empty
  UtcInstant at;                // when the session ended, from the wall clock
  int utc_offset_minutes = 0;   // offset in force at `at`
  std::string zone;             // IANA zone if known, else empty
  Millis active{0};             // active practice time, measured on the monotonic clock
  Millis planned{0};            // the plan's length
  Millis required{0};           // active time needed to count as complete (item minimum or plan length)

  // Empty when valid; otherwise a message naming the field.
  std::string validate() const;
};

// One completion event as stored. Append-only: never updated, never deleted (except with the
// whole profile).
struct CompletionRecord {
  std::int64_t seq = 0;  // local recording order (1, 2, ...); not exported
  std::string event_id;
  std::string pack_id;
  std::string item_id;
  std::string content_version;
  UtcInstant at;
  int utc_offset_minutes = 0;
  std::string zone;
  int day_start_minutes = kDefaultDayStartMinutes;  // the setting in force when it was written
  CivilDate practice_day;                           // computed at write time
  Millis active{0};
  Millis planned{0};
  Millis required{0};
  bool complete = false;
  Anomaly anomaly = Anomaly::None;

  // Same event: everything but `seq` is equal.
  bool same_event(const CompletionRecord& other) const;
  // Empty when the record is internally consistent (used to validate imports and salvage).
  std::string validate() const;
};

// The record the store would write for `input`, given the day start in force and the anomaly
// verdict. Pure: the store and the tests share it.
CompletionRecord make_record(const CompletionInput& input, int day_start_minutes, Anomaly anomaly);

// A wall-clock reading with its UTC offset, e.g. "2026-03-08T02:30:00-05:00".
struct OffsetDateTime {
  UtcInstant instant;
  int offset_minutes = 0;
};

// Strict ISO 8601 with a mandatory offset: YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM|±HHMM|±HH).
// On failure returns nullopt and sets `error` to a message naming what is wrong.
std::optional<OffsetDateTime> parse_iso8601_with_offset(std::string_view text, std::string& error);
// "2026-03-08T02:30:00-05:00" (milliseconds are shown only when not zero; "Z" for offset 0).
std::string format_iso8601(UtcInstant instant, int offset_minutes);
// "04:00" from 240; parse accepts "H:MM" and "HH:MM".
std::string format_hhmm(int minutes);
std::optional<int> parse_hhmm(std::string_view text);
// "+05:30", "-03:00", "+00:00".
std::string format_utc_offset(int offset_minutes);

// Days since 1970-01-01 and back, with floor semantics for negative values.
std::int64_t floor_div(std::int64_t a, std::int64_t b);

}  // namespace respite::core
