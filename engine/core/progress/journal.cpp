#include "core/progress/journal.h"

#include <algorithm>
#include <cstdlib>

#include "core/progress/ids.h"
#include "core/progress/progress_types.h"

namespace respite::core {
namespace {

bool has_control_chars(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

// Ids name things in packs: short, printable, and free of the characters the answer encoding uses.
std::string check_id(const char* field, const std::string& value, bool may_be_empty) {
  if (value.empty()) return may_be_empty ? std::string() : std::string(field) + " is empty";
  if (value.size() > 128) return std::string(field) + " is longer than 128 bytes";
  if (has_control_chars(value) || value.find_first_of("/=;") != std::string::npos)
    return std::string(field) + " '" + value + "' contains '/', '=', ';' or a control character";
  return {};
}

std::string check_when(UtcInstant at, int offset) {
  if (offset < -kMaxUtcOffsetMinutes || offset > kMaxUtcOffsetMinutes)
    return "UTC offset " + std::to_string(offset) + " min is outside ±18:00";
  constexpr std::int64_t kMsPerDay = 86'400'000;
  if (at.ms < CivilDate{1, 1, 2}.to_days() * kMsPerDay ||
      at.ms > CivilDate{9999, 12, 30}.to_days() * kMsPerDay)
    return "instant is outside the years 0001..9999";
  return {};
}

}  // namespace

std::string ReflectionEntry::validate() const {
  if (!is_uuid(entry_id)) return "entry id '" + entry_id + "' is not a lowercase UUID";
  if (auto e = check_id("pack id", pack_id, false); !e.empty()) return e;
  if (auto e = check_id("item id", item_id, false); !e.empty()) return e;
  if (auto e = check_id("prompt id", prompt_id, false); !e.empty()) return e;
  if (text.size() > kMaxReflectionBytes)
    return "reflection is longer than " + std::to_string(kMaxReflectionBytes) + " bytes";
  if (text.find('\0') != std::string::npos) return "reflection contains a NUL byte";
  return check_when(at, utc_offset_minutes);
}

bool operator==(const ReflectionEntry& a, const ReflectionEntry& b) {
  return a.entry_id == b.entry_id && a.pack_id == b.pack_id && a.item_id == b.item_id &&
         a.prompt_id == b.prompt_id && a.text == b.text && a.at == b.at &&
         a.utc_offset_minutes == b.utc_offset_minutes;
}

std::string CheckinEntry::validate() const {
  if (!is_uuid(entry_id)) return "entry id '" + entry_id + "' is not a lowercase UUID";
  if (auto e = check_id("pack id", pack_id, true); !e.empty()) return e;
  if (auto e = check_id("item id", item_id, pack_id.empty()); !e.empty()) return e;
  if (auto e = check_id("check-in id", checkin_id, false); !e.empty()) return e;
  if (answers.size() > kMaxCheckinAnswers)
    return "more than " + std::to_string(kMaxCheckinAnswers) + " answers";
  for (const auto& [question, value] : answers) {
    if (auto e = check_id("question id", question, false); !e.empty()) return e;
    if (value < -1'000'000 || value > 1'000'000) return "answer to '" + question + "' is out of range";
  }
  if (score < -1'000'000'000 || score > 1'000'000'000) return "score is out of range";
  return check_when(at, utc_offset_minutes);
}

bool operator==(const CheckinEntry& a, const CheckinEntry& b) {
  return a.entry_id == b.entry_id && a.pack_id == b.pack_id && a.item_id == b.item_id &&
         a.checkin_id == b.checkin_id && a.score == b.score && a.answers == b.answers && a.at == b.at &&
         a.utc_offset_minutes == b.utc_offset_minutes;
}

std::string encode_answers(const std::vector<std::pair<std::string, int>>& answers) {
  std::string out;
  for (const auto& [question, value] : answers) {
    if (!out.empty()) out += ';';
    out += question + '=' + std::to_string(value);
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, int>>> decode_answers(const std::string& text) {
  std::vector<std::pair<std::string, int>> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(start, end - start);
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 >= part.size()) return std::nullopt;
    const std::string number = part.substr(eq + 1);
    char* parsed_end = nullptr;
    const long value = std::strtol(number.c_str(), &parsed_end, 10);
    if (parsed_end != number.c_str() + number.size() || value < -1'000'000 || value > 1'000'000)
      return std::nullopt;
    out.emplace_back(part.substr(0, eq), static_cast<int>(value));
    start = end + 1;
  }
  return out;
}

}  // namespace respite::core
