// IANA time-zone rules read from the system's compiled tz database (TZif files, RFC 8536, in
// /usr/share/zoneinfo or $TZDIR). Used where a zone is named explicitly: `respite log --zone` and
// the DST table tests. The app itself never needs it: it records the offset the platform reports.
//
// Why not Howard Hinnant's date/tz: Debian's 3.0.1 build (USE_OS_TZDB) ignores the POSIX rule at
// the end of TZif files, so it reports standard time all summer from 2038 on (checked:
// America/New_York in July 2038 came back as -05:00). This reader applies that rule, so offsets
// are right for any year, and it has no global state (unlike setenv("TZ") + localtime_r).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace respite::core {

class ZoneRules {
 public:
  // `name` is an IANA id such as "Australia/Lord_Howe". `zoneinfo_dir` defaults to $TZDIR or
  // /usr/share/zoneinfo. On failure returns nullopt and sets `error`.
  static std::optional<ZoneRules> load(const std::string& name, std::string& error,
                                       const std::string& zoneinfo_dir = {});
  // Parses TZif bytes directly (tests, or platforms that ship tzdata in another container).
  static std::optional<ZoneRules> from_tzif(const std::string& name, const std::string& bytes,
                                            std::string& error);

  const std::string& name() const { return name_; }
  // UTC offset in seconds in force at `instant` (local = UTC + offset).
  int offset_seconds_at(UtcInstant instant) const;
  int offset_minutes_at(UtcInstant instant) const;
  bool is_dst_at(UtcInstant instant) const;
  // Every instant whose local time is `local_ms` (milliseconds since 1970-01-01T00:00 local):
  // none in a spring-forward gap, two in a fall-back overlap (earlier first), else one.
  std::vector<UtcInstant> resolve_local(std::int64_t local_ms) const;

  static std::string default_zoneinfo_dir();
  // True for names made of [A-Za-z0-9_+-] components separated by '/', with no "." or ".."
  // component: such a name can never leave the zoneinfo directory.
  static bool is_safe_name(const std::string& name);

 private:
  struct LocalType {
    std::int32_t utoff = 0;
    bool is_dst = false;
  };
  // The POSIX TZ string at the end of a TZif file: how to go on after the last transition.
  struct Rule {
    enum class Kind { Julian1, Julian0, MonthWeekDay };
    Kind kind = Kind::MonthWeekDay;
    int day = 0, week = 0, month = 0;  // J/n: day; M: month.week.day
    std::int32_t time = 7200;          // seconds after local midnight (may be negative or > 24 h)
  };
  struct PosixTz {
    std::int32_t std_utoff = 0;
    bool has_dst = false;
    std::int32_t dst_utoff = 0;
    Rule start, end;
  };

  LocalType type_at(std::int64_t utc_seconds) const;
  static std::optional<PosixTz> parse_posix_tz(const std::string& text);
  static std::int64_t rule_utc(const Rule& rule, int year, std::int32_t utoff_before);

  std::string name_;
  std::vector<std::int64_t> transitions_;      // UTC seconds, ascending
  std::vector<std::uint8_t> transition_type_;  // index into types_
  std::vector<LocalType> types_;
  std::optional<PosixTz> footer_;
};

}  // namespace respite::core
