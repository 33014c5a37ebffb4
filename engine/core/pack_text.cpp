// See pack_text.h.
#include "core/pack_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/byte_scan.h"

namespace respite::core::pack_text {
namespace {

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string code_point_name(std::uint32_t cp) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
  return text;
}

// Calls f(code_point) for each code point of UTF-8 `text` (assumed valid; bad bytes are skipped).
template <typename F>
void for_each_code_point(std::string_view text, F f) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    std::uint32_t cp = b;
    if (b >= 0xF0) {
      length = 4;
      cp = b & 0x07u;
    } else if (b >= 0xE0) {
      length = 3;
      cp = b & 0x0Fu;
    } else if (b >= 0xC0) {
      length = 2;
      cp = b & 0x1Fu;
    }
    if (i + length > text.size()) return;
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    if (!f(cp)) return;
    i += length;
  }
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 64 || !is_lower_alnum(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

bool is_valid_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 32 || !is_lower_alnum(tag[0])) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

bool is_valid_version(std::string_view version) {
  int parts = 0;
  std::size_t i = 0;
  for (;;) {
    const std::size_t start = i;
    while (i < version.size() && is_digit(version[i])) ++i;
    const std::size_t length = i - start;
    if (length == 0 || length > 9 || (length > 1 && version[start] == '0')) return false;
    ++parts;
    if (i == version.size()) break;
    if (version[i] != '.' || parts == 3) return false;
    ++i;
  }
  return parts == 3;
}

int compare_versions(std::string_view a, std::string_view b) {
  const auto parts = [](std::string_view v) {
    std::vector<long> out;
    long n = 0;
    for (char c : v) {
      if (c == '.') {
        out.push_back(n);
        n = 0;
      } else if (is_digit(c)) {
        n = n * 10 + (c - '0');
      }
    }
    out.push_back(n);
    return out;
  };
  const std::vector<long> x = parts(a);
  const std::vector<long> y = parts(b);
  if (x < y) return -1;
  return x == y ? 0 : 1;
}

bool is_valid_locale(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const std::size_t start = ++i;
    while (i < tag.size() && (is_alpha(tag[i]) || is_digit(tag[i]))) ++i;
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

bool is_web_address(std::string_view url) {
  for (std::string_view prefix : {std::string_view("https://"), std::string_view("http://")}) {
    if (url.size() > prefix.size() && url.compare(0, prefix.size(), prefix) == 0) {
      return std::none_of(url.begin(), url.end(),
                          [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
    }
  }
  return false;
}

std::optional<std::string> relative_path_problem(std::string_view path) {
  if (path.empty()) return std::string("the path is empty");
  if (path.size() > 255) return std::string("the path is longer than 255 characters");
  if (path.front() == '/')
    return std::string("absolute paths are not allowed; give the path from the pack folder");
  if (path.find('\\') != std::string_view::npos) return std::string("use \"/\" between folders, not \"\\\"");
  if (path.size() >= 2 && path[1] == ':')
    return std::string("drive letters are not allowed; give the path from the pack folder");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part.empty()) return std::string("the path has an empty folder name (\"//\" or a trailing \"/\")");
    if (part == "..")
      return std::string("\"..\" is not allowed: a pack may only use files inside its own folder");
    if (part == ".") return std::string("\".\" is not allowed in a path; leave it out");
    if (part.front() == '.' || part.front() == '-') {
      return std::string("file and folder names may not start with \".\" or \"-\" (\"") + std::string(part) +
             "\")";
    }
    for (char c : part) {
      if (!(is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '-')) {
        return std::string(
            "file and folder names may use only letters a-z and A-Z, digits, \".\", \"_\" and \"-\"");
      }
    }
    if (end == path.size()) break;
    start = end + 1;
  }
  return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return std::nullopt;  // not a typo; and keeps the distance table small
  std::optional<std::string> best;
  std::size_t best_distance = word.size() <= 4 ? 2 : 3;  // accept at most 1 (short words) or 2 edits
  for (const std::string& candidate : candidates) {
    if (candidate.size() > 64) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  if (!best && word.size() >= 4) {
    for (const std::string& candidate : candidates) {
      if (candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0) return candidate;
    }
  }
  return best;
}

std::string join(const std::vector<std::string>& names, const char* separator) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : separator) + name;
  return out;
}

std::string quoted_choices(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += '"' + names[i] + '"';
  }
  return out;
}

// True when `text` (valid UTF-8) may hold a character that scan_bidi or find_control_char
// reports: a control character below U+0020 but tab and newline, U+007F, a C1
// control (U+0080-U+009F: C2 80..C2 9F), or a direction mark U+202A-U+202E (E2 80 AA..AE) or
// U+2066-U+2069 (E2 81 A6..A9). When it is false both scans would find nothing, so they return at once.
// Eight bytes are checked at a time; only the C2 and E2 lead bytes are looked at one by one, and
// curly quotes and dashes (which share the E2 lead byte) are ruled out there by their next bytes,
// so ordinary prose costs a few operations per word.
bool may_hold_special(std::string_view text) {
  const auto byte = [&text](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  const auto special_at = [&](std::size_t k) {
    const unsigned b = byte(k);
    if (b < 0x80) return (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
    if (b == 0xC2) return byte(k + 1) < 0xA0;  // C2 80..9F (a continuation byte is >= 0x80)
    if (b == 0xE2) {
      const unsigned b1 = byte(k + 1), b2 = byte(k + 2);
      return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
    }
    return false;
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t w = byte_scan::load(text.data() + i);
    // Printable ASCII, the bulk of prose, passes at once.
    if ((byte_scan::has_byte_below(w, 0x20) | (w & byte_scan::kHigh) | byte_scan::has_byte(w, 0x7F)) == 0)
      continue;
    // A control byte (but tab and newline) or DEL is special by itself; only the lead bytes C2
    // and E2 need their next bytes looked at. Everything else (accents, newlines) passes.
    const std::uint64_t controls =
        byte_scan::bytes_below(w, 0x20) & ~byte_scan::bytes_equal(w, '\n') & ~byte_scan::bytes_equal(w, '\t');
    if ((controls | byte_scan::bytes_equal(w, 0x7F)) != 0) return true;
    for (std::uint64_t leads = byte_scan::bytes_equal(w, 0xC2) | byte_scan::bytes_equal(w, 0xE2); leads != 0;
         leads &= leads - 1) {
      if (special_at(i + static_cast<std::size_t>(byte_scan::first_byte(leads)))) return true;
    }
  }
  for (; i < text.size(); ++i) {
    if (special_at(i)) return true;
  }
  return false;
}

BidiScan scan_bidi(std::string_view text) {
  BidiScan scan;
  if (!may_hold_special(text)) return scan;
  for_each_code_point(text, [&](std::uint32_t cp) {
    if (cp == 0x202D || cp == 0x202E) {
      scan.override_char = code_point_name(cp);
      return false;
    }
    if (!scan.other_char && ((cp >= 0x202A && cp <= 0x202C) || (cp >= 0x2066 && cp <= 0x2069))) {
      scan.other_char = code_point_name(cp);
    }
    return true;
  });
  return scan;
}

std::optional<std::string> find_control_char(std::string_view text) {
  std::optional<std::string> found;
  if (!may_hold_special(text)) return found;
  for_each_code_point(text, [&](std::uint32_t cp) {
    if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      found = code_point_name(cp);
      return false;
    }
    return true;
  });
  return found;
}

}  // namespace respite::core::pack_text
