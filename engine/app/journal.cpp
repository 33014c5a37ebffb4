#include "app/journal.h"

#include <algorithm>
#include <chrono>

#include "core/progress/ids.h"

namespace respite::app {
namespace {

template <class T>
bool ready(const std::future<T>& future) {
  return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// The length of the UTF-8 sequence starting with `lead`, or 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence (no overlongs, no surrogates, at most U+10FFFF) at `i`.
bool decode(std::string_view s, std::size_t i, std::size_t n, char32_t& cp) {
  if (i + n > s.size()) return false;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return false;
  }
  switch (n) {
    case 1:
      cp = byte(0);
      return true;
    case 2:
      cp = (char32_t(byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
      return true;
    case 3:
      cp = (char32_t(byte(0) & 0x0F) << 12) | (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
      return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
    case 4:
      cp = (char32_t(byte(0) & 0x07) << 18) | (char32_t(byte(1) & 0x3F) << 12) |
           (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
      return cp >= 0x10000 && cp <= 0x10FFFF;
    default:
      return false;
  }
}

}  // namespace

CleanedText clean_reflection(std::string_view text, std::size_t max_chars) {
  CleanedText out;
  out.text.reserve(std::min(text.size(), max_chars * 4));
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t n = sequence_length(lead);
    char32_t cp = 0;
    if (n == 0 || !decode(text, i, n, cp)) {
      out.repaired = true;  // a stray byte: dropped, the rest is kept
      ++i;
      continue;
    }
    std::string_view piece = text.substr(i, n);
    i += n;
    if (cp == '\r') {
      // Windows and old Mac line ends become one line break.
      if (i < text.size() && text[i] == '\n') ++i;
      piece = "\n";
    } else if (cp == '\t') {
      piece = " ";
    } else if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F)) {
      out.repaired = true;
      continue;
    }
    if (out.chars == max_chars) {
      out.truncated = true;
      break;
    }
    out.text += piece;
    ++out.chars;
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string ModuleJournal::reflection_key(const core::ItemRef& module, const std::string& prompt_id) {
  return module.to_string() + "#" + prompt_id;
}

std::string ModuleJournal::page_key(const core::ItemRef& module, int page) {
  return module.to_string() + "#" + std::to_string(page);
}

void ModuleJournal::set_owner(Storage* storage, bool guest) {
  // Writes already queued still reach the previous owner's own store (its writer finishes its
  // queue); only their results, and everything shown, are dropped here.
  storage_ = storage;
  guest_ = storage == nullptr && guest;
  ++generation_;
  drafts_.clear();
  saved_.clear();
  failed_.clear();
  writes_pending_.clear();
  answers_.clear();
  recorded_.clear();
  checkins_pending_.clear();
  loaded_.clear();
  loading_.clear();
}

void ModuleJournal::load(const core::ItemRef& module) {
  if (storage_ == nullptr) return;
  const std::string key = module.to_string();
  if (std::find(loaded_.begin(), loaded_.end(), key) != loaded_.end()) return;
  loaded_.push_back(key);
  loading_.push_back(storage_->journal(module.pack_id, module.item_id));
}

bool ModuleJournal::poll() {
  bool changed = false;
  for (auto it = loading_.begin(); it != loading_.end();) {
    if (!ready(*it)) {
      ++it;
      continue;
    }
    const JournalRead read = it->get();
    it = loading_.erase(it);
    // In recording order: the last entry for a prompt is the answer to show.
    for (const core::ReflectionEntry& entry : read.reflections) {
      Saved& saved = saved_[reflection_key(core::ItemRef{entry.pack_id, entry.item_id}, entry.prompt_id)];
      if (!saved.local) saved.text = entry.text;
    }
    changed = true;
  }
  for (auto it = writes_pending_.begin(); it != writes_pending_.end();) {
    if (!ready(it->future)) {
      ++it;
      continue;
    }
    const core::RecordStatus status = it->future.get();
    if (status == core::RecordStatus::Recorded || status == core::RecordStatus::AlreadyRecorded) {
      saved_[it->key] = Saved{it->text, true};
      failed_.erase(it->key);
      // The draft is done with, unless the person kept typing while it was written.
      const auto draft = drafts_.find(it->key);
      if (draft != drafts_.end() && draft->second == it->text) drafts_.erase(draft);
    } else {
      failed_[it->key] = true;  // the draft stays on screen: Save can be tapped again
    }
    it = writes_pending_.erase(it);
    changed = true;
  }
  for (auto it = checkins_pending_.begin(); it != checkins_pending_.end();) {
    if (ready(*it)) {
      it->get();  // a failed check-in write is not retried: the person can answer again
      it = checkins_pending_.erase(it);
    } else {
      ++it;
    }
  }
  return changed;
}

bool ModuleJournal::busy() const {
  return !loading_.empty() || !writes_pending_.empty() || !checkins_pending_.empty();
}

ModuleJournal::Reflection ModuleJournal::reflection(const core::ItemRef& module,
                                                    const std::string& prompt_id) const {
  const std::string key = reflection_key(module, prompt_id);
  Reflection out;
  const auto saved = saved_.find(key);
  const std::string* saved_text = saved != saved_.end() ? &saved->second.text : nullptr;
  const auto draft = drafts_.find(key);
  out.text = draft != drafts_.end() ? draft->second : saved_text != nullptr ? *saved_text : std::string();
  out.chars = utf8_length(out.text);
  out.saved = saved_text != nullptr && !saved_text->empty() && *saved_text == out.text;
  out.saving = std::any_of(writes_pending_.begin(), writes_pending_.end(),
                           [&](const PendingWrite& w) { return w.key == key; });
  out.failed = failed_.count(key) > 0;
  // An empty field can be saved only to clear an answer that was kept.
  const bool differs = saved_text != nullptr ? *saved_text != out.text : !out.text.empty();
  out.can_save = storage_ != nullptr && differs && !out.saving;
  return out;
}

void ModuleJournal::edit(const core::ItemRef& module, const std::string& prompt_id, std::string_view text) {
  const std::string key = reflection_key(module, prompt_id);
  drafts_[key] = clean_reflection(text).text;
  failed_.erase(key);
}

bool ModuleJournal::save(const core::ItemRef& module, const std::string& prompt_id) {
  if (storage_ == nullptr || !writes_) return false;
  const Reflection shown = reflection(module, prompt_id);
  if (!shown.can_save) return false;
  core::ReflectionEntry entry;
  entry.entry_id = core::make_uuid_v4();
  entry.pack_id = module.pack_id;
  entry.item_id = module.item_id;
  entry.prompt_id = prompt_id;
  entry.text = shown.text;
  entry.at = clock_.utc_now();
  entry.utc_offset_minutes = clock_.zone_at(entry.at).offset_minutes;
  const std::string key = reflection_key(module, prompt_id);
  failed_.erase(key);
  if (!entry.validate().empty()) {
    failed_[key] = true;  // ids a pack should never have; nothing is written
    return false;
  }
  writes_pending_.push_back({key, entry.text, storage_->add_reflection(entry)});
  return true;
}

const std::vector<std::optional<int>>* ModuleJournal::answers(const core::ItemRef& module, int page) const {
  const auto found = answers_.find(page_key(module, page));
  return found != answers_.end() ? &found->second : nullptr;
}

bool ModuleJournal::answer(const core::ItemRef& module, int page, int question, int value) {
  if (question < 0 || static_cast<std::size_t>(question) >= core::kMaxCheckinAnswers) return false;
  std::vector<std::optional<int>>& answers = answers_[page_key(module, page)];
  if (answers.size() <= static_cast<std::size_t>(question))
    answers.resize(static_cast<std::size_t>(question) + 1);
  std::optional<int>& slot = answers[static_cast<std::size_t>(question)];
  if (slot == value) return false;
  slot = value;
  return true;
}

void ModuleJournal::reset(const core::ItemRef& module, int page) {
  const std::string key = page_key(module, page);
  answers_.erase(key);
  recorded_.erase(key);
}

bool ModuleJournal::record(const core::ItemRef& module, int page, core::CheckinEntry entry) {
  if (storage_ == nullptr || !writes_) return false;
  const std::string key = page_key(module, page);
  const std::string answers = core::encode_answers(entry.answers);
  const auto last = recorded_.find(key);
  if (last != recorded_.end() && last->second == answers) return false;
  if (!entry.validate().empty()) return false;
  recorded_[key] = answers;
  checkins_pending_.push_back(storage_->add_checkin(std::move(entry)));
  return true;
}

bool ModuleJournal::recorded(const core::ItemRef& module, int page) const {
  const auto found = recorded_.find(page_key(module, page));
  return found != recorded_.end();
}

}  // namespace respite::app
