#include "core/progress/zone_rules.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/progress/progress_types.h"

namespace respite::core {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::size_t kMaxTzifBytes = 1 << 20;  // real files are < 4 KB

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  bool has(std::size_t n) const { return pos_ <= bytes_.size() && bytes_.size() - pos_ >= n; }
  std::size_t pos() const { return pos_; }
  bool skip(std::size_t n) {
    if (!has(n)) return false;
    pos_ += n;
    return true;
  }
  std::uint64_t big_endian(std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(bytes_[pos_ + i]);
    pos_ += n;
    return v;
  }
  std::string rest() const { return bytes_.substr(pos_); }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

struct Header {
  char version = 0;
  std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

bool read_header(Reader& in, Header& h) {
  if (!in.has(44)) return false;
  const std::string magic = {static_cast<char>(in.big_endian(1)), static_cast<char>(in.big_endian(1)),
                             static_cast<char>(in.big_endian(1)), static_cast<char>(in.big_endian(1))};
  if (magic != "TZif") return false;
  h.version = static_cast<char>(in.big_endian(1));
  in.skip(15);
  h.isutcnt = static_cast<std::uint32_t>(in.big_endian(4));
  h.isstdcnt = static_cast<std::uint32_t>(in.big_endian(4));
  h.leapcnt = static_cast<std::uint32_t>(in.big_endian(4));
  h.timecnt = static_cast<std::uint32_t>(in.big_endian(4));
  h.typecnt = static_cast<std::uint32_t>(in.big_endian(4));
  h.charcnt = static_cast<std::uint32_t>(in.big_endian(4));
  return h.typecnt > 0 && h.typecnt <= 256 && h.timecnt <= 100'000 && h.leapcnt <= 10'000 &&
         h.charcnt <= 100'000 && (h.isutcnt == 0 || h.isutcnt == h.typecnt) &&
         (h.isstdcnt == 0 || h.isstdcnt == h.typecnt);
}

std::size_t data_block_size(const Header& h, std::size_t time_size) {
  return h.timecnt * time_size + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (time_size + 4) +
         h.isstdcnt + h.isutcnt;
}

// A small cursor over a POSIX TZ string.
class TzText {
 public:
  explicit TzText(const std::string& text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool name() {
    if (accept('<')) {
      while (!done() && peek() != '>') ++pos_;
      return accept('>');
    }
    std::size_t n = 0;
    while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) {
      ++pos_;
      ++n;
    }
    return n >= 3;
  }
  bool number(int& value, int max_digits) {
    int n = 0;
    value = 0;
    while (!done() && peek() >= '0' && peek() <= '9' && n < max_digits) {
      value = value * 10 + (peek() - '0');
      ++pos_;
      ++n;
    }
    return n > 0;
  }
  // [+-]hh[:mm[:ss]] in seconds; hours up to 167 (RFC 8536 extension).
  bool hms(std::int32_t& seconds) {
    int sign = 1;
    if (accept('-')) {
      sign = -1;
    } else {
      accept('+');
    }
    int h = 0, m = 0, s = 0;
    if (!number(h, 3) || h > 167) return false;
    if (accept(':')) {
      if (!number(m, 2) || m > 59) return false;
      if (accept(':') && (!number(s, 2) || s > 59)) return false;
    }
    seconds = sign * (h * 3600 + m * 60 + s);
    return true;
  }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;
};

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
         c == '-';
}

}  // namespace

bool ZoneRules::is_safe_name(const std::string& name) {
  if (name.empty() || name.size() > 128 || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t slash = name.find('/', start);
    const std::string part =
        name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == ".." || !std::all_of(part.begin(), part.end(), is_name_char))
      return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

std::string ZoneRules::default_zoneinfo_dir() {
  if (const char* dir = std::getenv("TZDIR"); dir != nullptr && *dir != '\0') return dir;
  return "/usr/share/zoneinfo";
}

std::optional<ZoneRules> ZoneRules::load(const std::string& name, std::string& error,
                                         const std::string& zoneinfo_dir) {
  if (!is_safe_name(name)) {
    error = "'" + name + "' is not an IANA time zone name (e.g. Europe/London)";
    return std::nullopt;
  }
  const std::string dir = zoneinfo_dir.empty() ? default_zoneinfo_dir() : zoneinfo_dir;
  std::ifstream file(dir + "/" + name, std::ios::binary);
  if (!file) {
    error = "unknown time zone '" + name + "' (not found in " + dir + ")";
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(kMaxTzifBytes + 1);
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(file.gcount()));
  if (bytes.size() > kMaxTzifBytes) {
    error = "time zone file for '" + name + "' is too large";
    return std::nullopt;
  }
  return from_tzif(name, bytes, error);
}

std::optional<ZoneRules> ZoneRules::from_tzif(const std::string& name, const std::string& bytes,
                                              std::string& error) {
  const std::string bad = "time zone '" + name + "': not a valid TZif file";
  Reader in(bytes);
  Header h;
  if (!read_header(in, h)) {
    error = bad;
    return std::nullopt;
  }
  std::size_t time_size = 4;
  if (h.version >= '2') {
    // Skip the 32-bit block: the 64-bit block after it covers all instants.
    if (!in.skip(data_block_size(h, 4)) || !read_header(in, h)) {
      error = bad;
      return std::nullopt;
    }
    time_size = 8;
  }
  if (!in.has(data_block_size(h, time_size))) {
    error = bad;
    return std::nullopt;
  }
  ZoneRules rules;
  rules.name_ = name;
  rules.transitions_.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const std::uint64_t raw = in.big_endian(time_size);
    const std::int64_t t = time_size == 8 ? static_cast<std::int64_t>(raw)
                                          : static_cast<std::int64_t>(static_cast<std::int32_t>(raw));
    if (!rules.transitions_.empty() && t <= rules.transitions_.back()) {
      error = bad + " (transitions out of order)";
      return std::nullopt;
    }
    rules.transitions_.push_back(t);
  }
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const auto type = static_cast<std::uint8_t>(in.big_endian(1));
    if (type >= h.typecnt) {
      error = bad + " (transition type out of range)";
      return std::nullopt;
    }
    rules.transition_type_.push_back(type);
  }
  for (std::uint32_t i = 0; i < h.typecnt; ++i) {
    LocalType type;
    type.utoff = static_cast<std::int32_t>(static_cast<std::uint32_t>(in.big_endian(4)));
    type.is_dst = in.big_endian(1) != 0;
    in.skip(1);  // designation index: abbreviations are not needed here
    if (type.utoff <= -25 * 3600 || type.utoff >= 26 * 3600) {
      error = bad + " (offset out of range)";
      return std::nullopt;
    }
    rules.types_.push_back(type);
  }
  in.skip(h.charcnt + h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt);
  if (time_size == 8) {
    const std::string footer = in.rest();
    if (footer.size() < 2 || footer.front() != '\n') {
      error = bad + " (missing footer)";
      return std::nullopt;
    }
    const std::size_t end = footer.find('\n', 1);
    const std::string tz = footer.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    if (!tz.empty()) {
      rules.footer_ = parse_posix_tz(tz);
      if (!rules.footer_) {
        error = bad + " (unreadable rule '" + tz + "')";
        return std::nullopt;
      }
    }
  }
  return rules;
}

std::optional<ZoneRules::PosixTz> ZoneRules::parse_posix_tz(const std::string& text) {
  TzText in(text);
  PosixTz tz;
  std::int32_t std_offset = 0;
  if (!in.name() || !in.hms(std_offset)) return std::nullopt;
  tz.std_utoff = -std_offset;  // POSIX counts hours west of Greenwich
  if (in.done()) return tz;
  if (!in.name()) return std::nullopt;
  tz.has_dst = true;
  tz.dst_utoff = tz.std_utoff + 3600;
  if (in.peek() != ',' && !in.done()) {
    std::int32_t dst_offset = 0;
    if (!in.hms(dst_offset)) return std::nullopt;
    tz.dst_utoff = -dst_offset;
  }
  auto rule = [&](Rule& r) {
    if (!in.accept(',')) return false;
    int a = 0, b = 0, c = 0;
    if (in.accept('M')) {
      if (!in.number(a, 2) || !in.accept('.') || !in.number(b, 1) || !in.accept('.') || !in.number(c, 1))
        return false;
      if (a < 1 || a > 12 || b < 1 || b > 5 || c > 6) return false;
      r = Rule{Rule::Kind::MonthWeekDay, c, b, a, 7200};
    } else if (in.accept('J')) {
      if (!in.number(a, 3) || a < 1 || a > 365) return false;
      r = Rule{Rule::Kind::Julian1, a, 0, 0, 7200};
    } else {
      if (!in.number(a, 3) || a > 365) return false;
      r = Rule{Rule::Kind::Julian0, a, 0, 0, 7200};
    }
    if (in.accept('/') && !in.hms(r.time)) return false;
    return true;
  };
  if (in.done()) {
    // POSIX leaves the default rule to the implementation; TZif files always spell it out.
    tz.start = Rule{Rule::Kind::MonthWeekDay, 0, 2, 3, 7200};
    tz.end = Rule{Rule::Kind::MonthWeekDay, 0, 1, 11, 7200};
    return tz;
  }
  if (!rule(tz.start) || !rule(tz.end) || !in.done()) return std::nullopt;
  return tz;
}

std::int64_t ZoneRules::rule_utc(const Rule& rule, int year, std::int32_t utoff_before) {
  std::int64_t day = 0;
  switch (rule.kind) {
    case Rule::Kind::Julian1:
      day = CivilDate{year, 1, 1}.to_days() + rule.day - 1 + (is_leap_year(year) && rule.day >= 60 ? 1 : 0);
      break;
    case Rule::Kind::Julian0:
      day = CivilDate{year, 1, 1}.to_days() + rule.day;
      break;
    case Rule::Kind::MonthWeekDay: {
      const std::int64_t first = CivilDate{year, rule.month, 1}.to_days();
      const int first_weekday = (CivilDate{year, rule.month, 1}.weekday() + 1) % 7;  // 0 = Sunday
      std::int64_t dom = 1 + (rule.day - first_weekday + 7) % 7 + (rule.week - 1) * 7;
      while (dom > days_in_month(year, rule.month)) dom -= 7;
      day = first + dom - 1;
      break;
    }
  }
  return day * kSecondsPerDay + rule.time - utoff_before;
}

ZoneRules::LocalType ZoneRules::type_at(std::int64_t t) const {
  const bool after_table = transitions_.empty() || t >= transitions_.back();
  if (after_table && footer_) {
    const PosixTz& tz = *footer_;
    if (!tz.has_dst) return LocalType{tz.std_utoff, false};
    const int year = CivilDate::from_days(floor_div(t + tz.std_utoff, kSecondsPerDay)).year;
    const std::int64_t start = rule_utc(tz.start, year, tz.std_utoff);
    const std::int64_t end = rule_utc(tz.end, year, tz.dst_utoff);
    const bool dst = start < end ? (start <= t && t < end) : !(end <= t && t < start);
    return dst ? LocalType{tz.dst_utoff, true} : LocalType{tz.std_utoff, false};
  }
  if (transitions_.empty() || t < transitions_.front()) return types_.front();
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  const std::size_t index = static_cast<std::size_t>(it - transitions_.begin()) - 1;
  return types_[transition_type_[index]];
}

int ZoneRules::offset_seconds_at(UtcInstant instant) const {
  return type_at(floor_div(instant.ms, 1000)).utoff;
}

int ZoneRules::offset_minutes_at(UtcInstant instant) const {
  return static_cast<int>(floor_div(offset_seconds_at(instant), 60));
}

bool ZoneRules::is_dst_at(UtcInstant instant) const {
  return type_at(floor_div(instant.ms, 1000)).is_dst;
}

std::vector<UtcInstant> ZoneRules::resolve_local(std::int64_t local_ms) const {
  // Offsets in force within a day either side cover every candidate: real zones change offset at
  // most once in that window.
  std::vector<int> offsets;
  for (const std::int64_t probe :
       {local_ms - kSecondsPerDay * 1000, local_ms, local_ms + kSecondsPerDay * 1000}) {
    const int o = offset_seconds_at(UtcInstant{probe});
    if (std::find(offsets.begin(), offsets.end(), o) == offsets.end()) offsets.push_back(o);
  }
  std::vector<UtcInstant> out;
  for (const int o : offsets) {
    const UtcInstant candidate{local_ms - static_cast<std::int64_t>(o) * 1000};
    if (offset_seconds_at(candidate) == o) out.push_back(candidate);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace respite::core
