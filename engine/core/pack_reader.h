// Internal to the pack loader: the validator that walks a pack's JSON files, checks every value it
// reads and builds the Pack as it goes. pack_reader.cpp holds the generic checks, the pack level
// and the checks across items; pack_reader_items.cpp the four kinds of item. Not a public API:
// use core/pack_loader.h.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/json_document.h"
#include "core/pack_loader.h"

namespace respite::core::detail {

// Where something was written: a file of the pack (index into PackReader's sources) and a byte offset.
struct Loc {
  std::size_t file = 0;
  std::size_t offset = 0;
};

// Shared by both files: seconds as a message shows them ("4.5"), and a number as written,
// shortened if someone wrote hundreds of digits.
std::string seconds_text(Millis ms);
std::string shown(const json::Value& number);

class PackReader {
 public:
  PackReader(const PackFiles& files, const PackLimits& limits, PackLoadResult& out);
  PackReader(const PackReader&) = delete;
  PackReader& operator=(const PackReader&) = delete;

  // Reads the manifest (`text` when given, else read from the files) and everything it names;
  // fills out.pack when there is no error.
  void run(const std::string& manifest, std::optional<std::string_view> text, const std::string& source);

 private:
  using Value = json::Value;
  using Type = json::Type;
  using Path = json::Path;

  struct Source {
    std::string relative;
    std::string display;
    std::string text;
    std::unique_ptr<json::LineMap> lines;    // see lines_of()
    std::unique_ptr<json::Storage> storage;  // what root points into; outlives it
    std::optional<json::Value> root;         // kept while the pack is read: checks at the end point into it
  };

  // A LocalizedText as written, for the translation check at the end.
  struct TextRecord {
    Loc at;
    // Its JSON path, kept in text_paths_, and its languages, kept in text_locales_ (shared
    // storage: a pack has hundreds of texts, and this way they cost no allocation each).
    std::size_t path_begin = 0;
    std::size_t path_size = 0;
    std::size_t locales_begin = 0;
    std::size_t locales_size = 0;
  };

  // A reference to an item, checked once every item is known.
  struct RefUse {
    Loc at;
    std::string path;
    std::string ref;           // as written: "ITEM_ID" or "PACK_ID/ITEM_ID"
    std::string from_item;     // the item that holds the reference
    bool program_day = false;  // a program's day: part of the include graph
    std::string what;          // "link", "suggestion", "program day"
  };

  // A file the pack uses (an image or a sound).
  struct AssetUse {
    Loc at;
    std::string path;  // JSON path of the field
    std::string file;  // pack-relative
    bool image = false;
    std::optional<Millis> plays_for;  // a narration: how long its step lasts
  };

  // ---- Reporting (pack_reader.cpp) ----
  void report(Severity severity, const char* code, Loc at, std::string path, std::string message);
  void error(const char* code, Loc at, const Path& path, std::string message) {
    report(Severity::Error, code, at, path.str(), std::move(message));
  }
  void warning(const char* code, Loc at, const Path& path, std::string message) {
    report(Severity::Warning, code, at, path.str(), std::move(message));
  }
  // For paths kept as text (checks across items, after the values' own paths are gone).
  void error_at(const char* code, Loc at, std::string path, std::string message) {
    report(Severity::Error, code, at, std::move(path), std::move(message));
  }
  void warning_at(const char* code, Loc at, std::string path, std::string message) {
    report(Severity::Warning, code, at, std::move(path), std::move(message));
  }
  void file_error(const char* code, std::string message);  // no position: line and column 0
  Loc at(const Value& v) const { return Loc{file_, v.offset}; }
  Loc at_key(const json::Member& m) const { return Loc{file_, m.key_offset}; }
  std::size_t errors() const;
  void finish();

  // ---- Generic checks ----
  void check_fields(const Value& object, const Path& path, const std::vector<std::string>& known,
                    const std::vector<std::string>& newer = {});
  const Value* require(const Value& object, const Path& path, const char* key, std::string_view what);
  bool expect_type(const Value& v, Type type, const Path& path, std::string_view expected);
  std::optional<std::string> read_string(const Value& v, const Path& path, std::string_view expected);
  std::optional<std::string> read_id(const Value& v, const Path& path);
  std::optional<std::string> read_locale(const Value& v, const Path& path);
  std::optional<std::string> read_choice(const Value& v, const Path& path,
                                         const std::vector<std::string>& choices);
  std::optional<Millis> read_seconds(const Value& v, const Path& path, Millis min, Millis max,
                                     std::string_view purpose = "");
  std::optional<int> read_whole_number(const Value& v, const Path& path, int min, int max,
                                       std::string_view unit);
  std::optional<double> read_number(const Value& v, const Path& path, double min, double max,
                                    std::string_view expected);
  const Value* read_list(const Value& v, const Path& path, std::string_view noun, std::size_t max,
                         bool allow_empty);
  std::optional<LocalizedText> read_text(const Value& v, const Path& path);
  std::optional<std::string> read_ref(const Value& v, const Path& path);
  std::optional<std::string> read_file_path(const Value& v, const Path& path, bool image);
  void check_prose(std::string_view text, Loc where, const Path& path, const std::string& locale);
  // False when check_prose(text, ...) cannot report anything (lets a caller skip building a path).
  bool prose_may_need_report(std::string_view text) const;
  // Languages of texts by number: locale_names_[n] is language n.
  std::uint32_t locale_index(std::string_view locale);
  bool text_has_locale(const TextRecord& record, std::uint32_t locale) const;
  std::vector<std::string> text_locale_names(const TextRecord& record) const;  // sorted
  const json::LineMap& lines_of(std::size_t file);  // made when a message first needs it

  // ---- Pack level ----
  bool read_format_version(const Value& root);
  void read_pack(const Value& root, const std::string& source);
  void read_locales(const Value& v);
  void read_item_files(const Value& v);
  void read_item_file(const std::string& relative, Loc where, const Path& path);
  void read_items(const Value& v, const Path& path);

  // ---- Items (pack_reader_items.cpp) ----
  std::optional<Item> read_item(const Value& v, const Path& path);
  void read_common(const Value& v, const Path& path, Item& item);
  void read_tags(const Value& v, const Path& path, Item& item);
  void read_evidence(const Value& v, const Path& path, Item& item);
  void read_breathing(const Value& v, const Path& path, Item& item);
  void read_phases(const Value& v, const Path& path, BreathingSpec& spec, bool& has_hold,
                   std::optional<double> seconds_per_unit);
  std::optional<PhaseSpec> read_phase(const Value& v, const Path& path, bool& has_hold,
                                      std::optional<double> seconds_per_unit, bool retention);
  std::optional<Cue> read_cue(const Value& v, const Path& path);
  const Value* read_length(const Value& v, const Path& path, BreathingSpec& spec);
  void read_rounds(const Value& v, const Path& path, BreathingSpec& spec, bool& has_hold,
                   std::optional<double> seconds_per_unit);
  void read_micro_break(const Value& v, const Path& path, Item& item);
  void read_module(const Value& v, const Path& path, Item& item);
  std::optional<ModulePage> read_page(const Value& v, const Path& path, std::set<std::string>& ids);
  void read_body(const Value& v, const Path& path, const LocalizedText& body);
  std::optional<Checkin> read_checkin(const Value& v, const Path& path, std::set<std::string>& ids);
  std::optional<CheckinQuestion> read_question(const Value& v, const Path& path);
  void check_bands(const Value& v, const Path& path, const Checkin& checkin,
                   const std::vector<std::size_t>& band_index);
  void read_program(const Value& v, const Path& path, Item& item);

  // ---- Across items (pack_reader.cpp) ----
  void check_default_item();
  void check_refs();
  void check_program_cycles();
  void check_assets();
  void check_translations();

  const PackFiles& files_;
  const PackLimits& limits_;
  PackLoadResult& out_;
  std::deque<Source> sources_;  // a deque: the trees being read stay put as files are added
  std::size_t file_ = 0;        // the source being read
  Pack pack_;
  std::string locale_ = "en";      // the language of plain strings
  bool declared_locales_ = false;  // format 2 "locales" was given
  std::set<std::string> pack_locales_;
  std::optional<std::set<std::string>> title_locales_;
  std::vector<TextRecord> texts_;
  std::string text_paths_;
  std::vector<std::uint32_t> text_locales_;  // each record's languages (a record's keys are unique)
  std::vector<std::string> locale_names_;
  std::unordered_map<std::string, std::uint32_t> locale_numbers_;
  std::vector<RefUse> refs_;
  std::vector<AssetUse> asset_uses_;
  std::set<std::string> item_ids_;
  struct FirstUse {  // where an item id was first used; its line is looked up only for a message
    Loc at;
    std::string path;
  };
  std::map<std::string, FirstUse> first_use_;
  std::map<std::string, Loc> program_ids_;  // program item id -> where its id is
  std::size_t item_count_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::optional<std::string> default_item_id_;
  Loc default_item_at_;

  // Diagnostics with the file they belong to, sorted at the end.
  struct Pending {
    std::size_t file;
    Diagnostic diagnostic;
  };
  std::vector<Pending> pending_;
  std::size_t pending_errors_ = 0;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

}  // namespace respite::core::detail
