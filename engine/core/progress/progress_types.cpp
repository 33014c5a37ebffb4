#include "core/progress/progress_types.h"

#include <algorithm>
#include <cstdio>

#include "core/progress/ids.h"

namespace respite::core {
namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;

bool has_control_chars(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

std::string check_id(std::string_view field, std::string_view value, std::size_t max_bytes) {
  if (value.empty()) return std::string(field) + " is empty";
  if (value.size() > max_bytes)
    return std::string(field) + " is longer than " + std::to_string(max_bytes) + " bytes";
  if (has_control_chars(value) || value.find('/') != std::string_view::npos)
    return std::string(field) + " '" + std::string(value) + "' contains '/' or a control character";
  return {};
}

bool is_zone_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
         c == '+' || c == '-';
}

std::string check_common(const std::string& event_id, const std::string& pack_id, const std::string& item_id,
                         const std::string& content_version, UtcInstant at, int offset,
                         const std::string& zone, Millis active, Millis planned, Millis required) {
  if (!is_uuid(event_id)) return "event id '" + event_id + "' is not a lowercase UUID";
  if (auto e = check_id("pack id", pack_id, 128); !e.empty()) return e;
  if (auto e = check_id("item id", item_id, 128); !e.empty()) return e;
  if (content_version.size() > 64 || has_control_chars(content_version))
    return "content version is longer than 64 bytes or contains a control character";
  if (offset < -kMaxUtcOffsetMinutes || offset > kMaxUtcOffsetMinutes)
    return "UTC offset " + std::to_string(offset) + " min is outside ±18:00";
  if (zone.size() > 64 || !std::all_of(zone.begin(), zone.end(), is_zone_char))
    return "zone '" + zone + "' is not an IANA zone name";
  // Keep every derived date inside the years CivilDate represents (0001..9999).
  const std::int64_t min_ms = (CivilDate{1, 1, 2}.to_days()) * kMsPerDay;
  const std::int64_t max_ms = (CivilDate{9999, 12, 30}.to_days()) * kMsPerDay;
  if (at.ms < min_ms || at.ms > max_ms) return "instant is outside the years 0001..9999";
  for (auto [name, value] : {std::pair{"active time", active}, std::pair{"planned time", planned},
                             std::pair{"required time", required}}) {
    if (value.count() < 0 || value.count() > kMaxSessionMs)
      return std::string(name) + " " + std::to_string(value.count()) + " ms is outside 0..24 h";
  }
  return {};
}

}  // namespace

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

CivilDate practice_day_at(UtcInstant at, int utc_offset_minutes, int day_start_minutes) {
  const std::int64_t shifted =
      at.ms + static_cast<std::int64_t>(utc_offset_minutes - day_start_minutes) * kMsPerMinute;
  return CivilDate::from_days(floor_div(shifted, kMsPerDay));
}

// --- WeekdaySet --------------------------------------------------------------------------------

namespace {
constexpr const char* kWeekdayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
}

const char* weekday_name(int weekday) {
  return weekday >= 0 && weekday < 7 ? kWeekdayNames[weekday] : "?";
}

int WeekdaySet::count() const {
  int n = 0;
  for (int d = 0; d < 7; ++d) n += has(d) ? 1 : 0;
  return n;
}

std::optional<WeekdaySet> WeekdaySet::parse(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  WeekdaySet set;
  if (lower == "none") return set;
  std::size_t start = 0;
  while (start <= lower.size()) {
    const std::size_t comma = lower.find(',', start);
    const std::string word =
        lower.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int found = -1;
    for (int d = 0; d < 7; ++d) {
      if (word == kWeekdayNames[d]) found = d;
    }
    if (found < 0 || set.has(found)) return std::nullopt;
    set.add(found);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return set;
}

std::string WeekdaySet::to_string() const {
  std::string out;
  for (int d = 0; d < 7; ++d) {
    if (!has(d)) continue;
    if (!out.empty()) out += ',';
    out += kWeekdayNames[d];
  }
  return out.empty() ? "none" : out;
}

// --- ProfileSettings ---------------------------------------------------------------------------

std::string ProfileSettings::validate() const {
  if (day_start_minutes < 0 || day_start_minutes > kMaxDayStartMinutes)
    return "day start " + std::to_string(day_start_minutes) + " min is outside 00:00..12:00";
  if (rest_weekdays.bits > 0x7F) return "rest weekdays has bits beyond Sunday";
  if (rest_weekdays.count() == 7) return "rest days cover the whole week; keep at least one practice day";
  if (weekly_goal < 0 || weekly_goal > 7)
    return "weekly goal " + std::to_string(weekly_goal) + " is outside 1..7 (or off)";
  for (const CivilDate& d : rest_dates) {
    if (!d.valid()) return "rest date " + d.to_string() + " is not a valid date";
  }
  return {};
}

void ProfileSettings::normalize() {
  std::sort(rest_dates.begin(), rest_dates.end());
  rest_dates.erase(std::unique(rest_dates.begin(), rest_dates.end()), rest_dates.end());
}

bool ProfileSettings::is_rest_day(const CivilDate& day) const {
  return rest_weekdays.has(day.weekday()) || std::binary_search(rest_dates.begin(), rest_dates.end(), day);
}

bool operator==(const ProfileSettings& a, const ProfileSettings& b) {
  return a.day_start_minutes == b.day_start_minutes && a.rest_weekdays == b.rest_weekdays &&
         a.rest_dates == b.rest_dates && a.weekly_goal == b.weekly_goal && a.hide_streaks == b.hide_streaks;
}

const char* to_string(Anomaly anomaly) {
  switch (anomaly) {
    case Anomaly::None:
      return "none";
    case Anomaly::ClockBehind:
      return "clock_behind";
  }
  return "unknown";
}

// --- Completions -------------------------------------------------------------------------------

std::string CompletionInput::validate() const {
  return check_common(event_id, pack_id, item_id, content_version, at, utc_offset_minutes, zone, active,
                      planned, required);
}

bool CompletionRecord::same_event(const CompletionRecord& o) const {
  return event_id == o.event_id && pack_id == o.pack_id && item_id == o.item_id &&
         content_version == o.content_version && at == o.at && utc_offset_minutes == o.utc_offset_minutes &&
         zone == o.zone && day_start_minutes == o.day_start_minutes && practice_day == o.practice_day &&
         active == o.active && planned == o.planned && required == o.required && complete == o.complete &&
         anomaly == o.anomaly;
}

std::string CompletionRecord::validate() const {
  if (auto e = check_common(event_id, pack_id, item_id, content_version, at, utc_offset_minutes, zone, active,
                            planned, required);
      !e.empty())
    return e;
  if (day_start_minutes < 0 || day_start_minutes > kMaxDayStartMinutes)
    return "day start " + std::to_string(day_start_minutes) + " min is outside 00:00..12:00";
  const CivilDate expected = practice_day_at(at, utc_offset_minutes, day_start_minutes);
  if (practice_day != expected)
    return "practice day " + practice_day.to_string() +
           " does not match its instant, offset and day start (" + expected.to_string() + ")";
  if (complete != (active >= required))
    return std::string("complete is ") + (complete ? "true" : "false") + " but active time " +
           std::to_string(active.count()) + " ms vs required " + std::to_string(required.count()) +
           " ms says " + (active >= required ? "complete" : "partial");
  if (anomaly != Anomaly::None && anomaly != Anomaly::ClockBehind) return "unknown anomaly kind";
  return {};
}

CompletionRecord make_record(const CompletionInput& input, int day_start_minutes, Anomaly anomaly) {
  CompletionRecord r;
  r.event_id = input.event_id;
  r.pack_id = input.pack_id;
  r.item_id = input.item_id;
  r.content_version = input.content_version;
  r.at = input.at;
  r.utc_offset_minutes = input.utc_offset_minutes;
  r.zone = input.zone;
  r.day_start_minutes = day_start_minutes;
  r.practice_day = practice_day_at(input.at, input.utc_offset_minutes, day_start_minutes);
  r.active = input.active;
  r.planned = input.planned;
  r.required = input.required;
  r.complete = input.active >= input.required;
  r.anomaly = anomaly;
  return r;
}

// --- ISO 8601 ----------------------------------------------------------------------------------

std::optional<OffsetDateTime> parse_iso8601_with_offset(std::string_view text, std::string& error) {
  const std::string quoted = "'" + std::string(text) + "'";
  std::size_t pos = 0;
  auto digits = [&](std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
  };
  auto expect = [&](char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (!digits(4, year) || !expect('-') || !digits(2, month) || !expect('-') || !digits(2, day)) {
    error = quoted + " does not start with a date YYYY-MM-DD";
    return std::nullopt;
  }
  const CivilDate date{year, month, day};
  if (!date.valid()) {
    error = quoted + ": " + date.to_string() + " is not a calendar date";
    return std::nullopt;
  }
  if (!(expect('T') || expect('t'))) {
    error = quoted + " has no time: expected 'T' and HH:MM[:SS] after the date";
    return std::nullopt;
  }
  if (!digits(2, hour) || !expect(':') || !digits(2, minute)) {
    error = quoted + ": expected the time as HH:MM[:SS]";
    return std::nullopt;
  }
  if (expect(':')) {
    if (!digits(2, second)) {
      error = quoted + ": expected two digits of seconds";
      return std::nullopt;
    }
    if (expect('.') || expect(',')) {
      int scale = 100;
      std::size_t count = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        millis += (text[pos] - '0') * scale;
        scale /= 10;
        ++pos;
        ++count;
      }
      if (count == 0 || count > 9) {
        error = quoted + ": expected 1 to 9 digits of fractional seconds";
        return std::nullopt;
      }
    }
  }
  if (hour > 23 || minute > 59 || second > 59) {
    error = quoted + ": time of day out of range (00:00:00..23:59:59)";
    return std::nullopt;
  }
  int offset = 0;
  if (expect('Z') || expect('z')) {
    offset = 0;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!digits(2, oh)) {
      error = quoted + ": UTC offset must be ±HH:MM, ±HHMM or ±HH";
      return std::nullopt;
    }
    if (expect(':')) {
      if (!digits(2, om)) {
        error = quoted + ": UTC offset must be ±HH:MM, ±HHMM or ±HH";
        return std::nullopt;
      }
    } else if (pos < text.size()) {
      if (!digits(2, om)) {
        error = quoted + ": UTC offset must be ±HH:MM, ±HHMM or ±HH";
        return std::nullopt;
      }
    }
    if (om > 59 || oh * 60 + om > kMaxUtcOffsetMinutes) {
      error = quoted + ": UTC offset out of range (at most ±18:00)";
      return std::nullopt;
    }
    offset = sign * (oh * 60 + om);
  } else {
    error = quoted + " has no UTC offset: add 'Z' or ±HH:MM (e.g. 2026-03-08T07:30:00-05:00)";
    return std::nullopt;
  }
  if (pos != text.size()) {
    error = quoted + ": unexpected text after the UTC offset";
    return std::nullopt;
  }
  const std::int64_t local_ms = date.to_days() * kMsPerDay +
                                ((static_cast<std::int64_t>(hour) * 60 + minute) * 60 + second) * 1000 +
                                millis;
  return OffsetDateTime{UtcInstant{local_ms - static_cast<std::int64_t>(offset) * kMsPerMinute}, offset};
}

std::string format_utc_offset(int offset_minutes) {
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return buffer;
}

std::string format_iso8601(UtcInstant instant, int offset_minutes) {
  const std::int64_t local = instant.ms + static_cast<std::int64_t>(offset_minutes) * kMsPerMinute;
  const std::int64_t days = floor_div(local, kMsPerDay);
  const std::int64_t in_day = local - days * kMsPerDay;
  const CivilDate date = CivilDate::from_days(days);
  const int ms = static_cast<int>(in_day % 1000);
  const int s = static_cast<int>(in_day / 1000);
  char buffer[48];
  if (ms != 0) {
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03d", date.to_string().c_str(), s / 3600,
                  (s / 60) % 60, s % 60, ms);
  } else {
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d", date.to_string().c_str(), s / 3600,
                  (s / 60) % 60, s % 60);
  }
  return std::string(buffer) + (offset_minutes == 0 ? "Z" : format_utc_offset(offset_minutes));
}

std::string format_hhmm(int minutes) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
  return buffer;
}

std::optional<int> parse_hhmm(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    h = h * 10 + (text[i] - '0');
  }
  for (std::size_t i = colon + 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    m = m * 10 + (text[i] - '0');
  }
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

}  // namespace respite::core
