// What a person writes and answers in the module reader: reflection answers and check-in answers,
// held in memory while they are on the page and kept in the signed-in profile's own journal
// (core/progress/journal.h) when they save a reflection or finish a check-in.
//
// Rules it keeps (docs/privacy.md):
//  - Only a signed-in profile keeps anything, and only in its own store on this device. A guest,
//    or an app without profiles, can write and answer for the moment; nothing is written.
//  - Everything held in memory (drafts, check-in answers, answers read back from the store)
//    belongs to one owner. A new owner (sign-in, sign-out, guest, profile switch) drops all of it
//    first: on a shared tablet nothing of one person is ever shown to the next.
//  - Entries are appended: saving a changed reflection, or finishing a check-in with different
//    answers, adds a new entry; the newest one is shown. Nothing is ever overwritten in place.
//  - A reflection is at most kMaxReflectionChars characters of UTF-8 text (see clean_reflection).
// No SDL and no ImGui here; Storage's futures are polled between frames, never waited for.
#pragma once

#include <cstddef>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/storage.h"
#include "core/clock.h"
#include "core/content.h"
#include "core/progress/journal.h"

namespace respite::app {

// The most characters (Unicode code points) one reflection answer may hold: a few paragraphs.
// Well under the store's byte limit (core::kMaxReflectionBytes) even in 4-byte characters.
constexpr std::size_t kMaxReflectionChars = 2000;
static_assert(kMaxReflectionChars * 4 <= core::kMaxReflectionBytes, "a full answer must fit the store");

struct CleanedText {
  std::string text;
  std::size_t chars = 0;   // code points in `text`
  bool truncated = false;  // characters past the limit were dropped
  bool repaired = false;   // invalid UTF-8 or control characters were dropped
};
// `text` as a reflection keeps it: valid UTF-8 only (invalid bytes dropped), no control characters
// but line breaks ("\r\n" and "\r" become "\n", a tab becomes a space), at most `max_chars` code
// points (cut at a character boundary, never inside one).
CleanedText clean_reflection(std::string_view text, std::size_t max_chars = kMaxReflectionChars);
// Code points in valid UTF-8 `text` (continuation bytes are not counted).
std::size_t utf8_length(std::string_view text);

class ModuleJournal {
 public:
  explicit ModuleJournal(const core::Clock& clock) : clock_(clock) {}

  // Who keeps what is written from now on: a signed-in profile's storage (its writer is open), or
  // nobody (nullptr: guest, or no profile). Drops everything held for the previous owner.
  void set_owner(Storage* storage, bool guest);
  bool keeps() const { return storage_ != nullptr; }
  // Changes at every set_owner: the UI gives its text fields new ids, so nothing typed by one
  // person (not even an undo step) is there for the next.
  int generation() const { return generation_; }
  bool guest() const { return guest_; }
  // `writes` false: reads only (screenshots draw, they never write).
  void set_writes(bool writes) { writes_ = writes; }

  // Reads the owner's saved answers for a module, once per owner (the reader shows them again).
  void load(const core::ItemRef& module);
  // Takes finished storage results; true when something shown changed.
  bool poll();
  bool busy() const;

  // ---- Reflections, by module and ModulePrompt::id
  struct Reflection {
    std::string text;  // the draft, else the latest saved answer
    std::size_t chars = 0;
    bool saved = false;  // `text` is the saved answer (and not empty)
    bool saving = false;
    bool failed = false;
    bool can_save = false;  // kept, and the text differs from the saved answer
  };
  Reflection reflection(const core::ItemRef& module, const std::string& prompt_id) const;
  // The person typed: the draft becomes `text`, cleaned (clean_reflection).
  void edit(const core::ItemRef& module, const std::string& prompt_id, std::string_view text);
  // Appends the draft to the owner's journal. False when nothing is written (no owner, nothing
  // changed, or the owner reads only).
  bool save(const core::ItemRef& module, const std::string& prompt_id);

  // ---- Check-ins, by module page: the answers given so far (scale value or option index).
  const std::vector<std::optional<int>>* answers(const core::ItemRef& module, int page) const;
  // Sets one answer; false when it was already that (nothing changed).
  bool answer(const core::ItemRef& module, int page, int question, int value);
  void reset(const core::ItemRef& module, int page);
  // Appends a finished check-in to the owner's journal and remembers it as the page's recorded
  // result. False (nothing written) without an owner or when the same answers were recorded last.
  bool record(const core::ItemRef& module, int page, core::CheckinEntry entry);
  // True when the answers now on the page are the ones last recorded.
  bool recorded(const core::ItemRef& module, int page) const;

 private:
  struct PendingWrite {
    std::string key;
    std::string text;
    std::future<core::RecordStatus> future;
  };
  struct Saved {
    std::string text;
    bool local = false;  // saved here since the owner signed in: answers read back never replace it
  };
  static std::string reflection_key(const core::ItemRef& module, const std::string& prompt_id);
  static std::string page_key(const core::ItemRef& module, int page);

  const core::Clock& clock_;
  Storage* storage_ = nullptr;
  bool guest_ = false;
  bool writes_ = true;
  int generation_ = 0;
  std::map<std::string, std::string> drafts_;  // edited and not saved yet
  std::map<std::string, Saved> saved_;         // the owner's latest answers
  std::map<std::string, bool> failed_;
  std::vector<PendingWrite> writes_pending_;
  std::map<std::string, std::vector<std::optional<int>>> answers_;
  std::map<std::string, std::string> recorded_;  // page -> encoded answers last recorded
  std::vector<std::future<core::RecordStatus>> checkins_pending_;
  std::vector<std::string> loaded_;  // modules read back for this owner
  std::vector<std::future<JournalRead>> loading_;
};

}  // namespace respite::app
