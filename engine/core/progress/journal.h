// A profile's private journal: answers to a module's reflection prompts and the results of its
// check-ins (and of the app's own "how do you feel" question). Stored in the profile's own
// progress.db (schema 2, docs/progress.md), so they live and die with the profile: they are never
// shown while another profile is active, exported only with the profile's PIN, and removed with
// "delete my data". Entries are appended (a changed answer is a new entry; the newest counts), each
// with a UUID made by the caller so a retried write is idempotent.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"

namespace respite::core {

// At most this many bytes of UTF-8 per reflection answer: a few paragraphs, not a diary dump.
constexpr std::size_t kMaxReflectionBytes = 16 * 1024;
// A check-in has at most this many answers (the pack loader caps questions lower).
constexpr std::size_t kMaxCheckinAnswers = 64;

struct ReflectionEntry {
  std::string entry_id;  // UUID
  std::string pack_id;
  std::string item_id;
  std::string prompt_id;  // ModulePrompt::id
  std::string text;       // what the person wrote (UTF-8)
  UtcInstant at;
  int utc_offset_minutes = 0;

  // Empty when valid; otherwise a message naming the field.
  std::string validate() const;
  friend bool operator==(const ReflectionEntry& a, const ReflectionEntry& b);
};

struct CheckinEntry {
  std::string entry_id;  // UUID
  std::string pack_id;   // empty for the app's own check-ins (e.g. "how do you feel")
  std::string item_id;
  std::string checkin_id;  // Checkin::id, or the app's own id ("app.mood")
  int score = 0;
  std::vector<std::pair<std::string, int>> answers;  // question id -> value, in question order
  UtcInstant at;
  int utc_offset_minutes = 0;

  std::string validate() const;
  friend bool operator==(const CheckinEntry& a, const CheckinEntry& b);
};

// "q1=3;q2=0": how answers are stored (ids are checked to hold no '=' or ';').
std::string encode_answers(const std::vector<std::pair<std::string, int>>& answers);
std::optional<std::vector<std::pair<std::string, int>>> decode_answers(const std::string& text);

}  // namespace respite::core
