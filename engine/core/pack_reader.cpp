// The pack validator's generic checks, the pack level and the checks across items; the item kinds
// are in pack_reader_items.cpp. Every problem is collected with the file, line, column and JSON
// path of the value at fault; docs/pack-format.md documents each diagnostic code used here, and
// tests/content pins their exact wording.
#include "core/pack_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <tuple>

#include "core/json_number.h"
#include "core/pack_text.h"

namespace respite::core::detail {

using pack_text::closest;
using pack_text::join;
using pack_text::quoted_choices;

namespace {

const std::vector<std::string> kPackFieldsV1 = {"$schema", "format_version", "id",           "version",
                                                "title",   "default_locale", "default_item", "items"};
const std::vector<std::string> kPackFieldsV2 = {"$schema", "format_version", "id",      "version",
                                                "title",   "default_locale", "locales", "default_item",
                                                "items",   "item_files"};
const std::vector<std::string> kPackFieldsNew = {"locales", "item_files"};
const std::vector<std::string> kItemFileFields = {"$schema", "items"};

std::string file_read_problem(const FileRead& read, const std::string& relative, const std::string& what) {
  switch (read.status) {
    case FileRead::Status::Missing:
      return "no file \"" + relative + "\" in the pack (" + what +
             " paths are relative to the folder of pack.json)";
    case FileRead::Status::NotAFile:
      return "\"" + relative + "\" is a folder, not a file";
    case FileRead::Status::Symlink:
      return "\"" + relative +
             "\" is (or is inside) a symbolic link; a pack may only use plain files inside its own folder";
    case FileRead::Status::Unreadable:
      return "\"" + relative + "\" cannot be read (check its permissions)";
    case FileRead::Status::TooLarge:
    case FileRead::Status::Ok:
      break;
  }
  return "\"" + relative + "\" is larger than the limit";
}

const char* file_read_code(const FileRead& read) {
  switch (read.status) {
    case FileRead::Status::Symlink:
      return "E-SYMLINK";
    case FileRead::Status::TooLarge:
      return "E-TOO-LARGE";
    default:
      return "E-IO";
  }
}

}  // namespace

std::string seconds_text(Millis ms) {
  return json::format_seconds(ms);
}

std::string shown(const json::Value& number) {
  constexpr std::size_t kMax = 24;
  const std::string_view text = number.text;
  return text.size() <= kMax ? std::string(text) : std::string(text.substr(0, kMax)) + "...";
}

PackReader::PackReader(const PackFiles& files, const PackLimits& limits, PackLoadResult& out)
    : files_(files), limits_(limits), out_(out) {}

// ---- Reporting ------------------------------------------------------------------------------------

void PackReader::report(Severity severity, const char* code, Loc where, std::string path,
                        std::string message) {
  if (pending_.size() >= limits_.max_diagnostics) {
    ++(severity == Severity::Error ? dropped_errors_ : dropped_warnings_);
    return;
  }
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.json_path = std::move(path);
  d.message = std::move(message);
  if (where.file < sources_.size()) {
    const Source& source = sources_[where.file];
    const json::LineMap::Position pos = lines_of(where.file).at(where.offset);
    d.file = source.display;
    d.line = pos.line;
    d.column = pos.column;
  } else {
    d.file = out_.manifest;
  }
  if (severity == Severity::Error) ++pending_errors_;
  pending_.push_back(Pending{where.file, std::move(d)});
}

void PackReader::file_error(const char* code, std::string message) {
  Diagnostic d;
  d.file = out_.manifest;
  d.code = code;
  d.json_path = "$";
  d.message = std::move(message);
  ++pending_errors_;
  pending_.push_back(Pending{0, std::move(d)});
}

std::size_t PackReader::errors() const {
  return pending_errors_ + dropped_errors_;
}

void PackReader::finish() {
  // Diagnostics in the order a person reads the files; ties keep the order they were found in.
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.file, a.diagnostic.line, a.diagnostic.column) <
           std::tie(b.file, b.diagnostic.line, b.diagnostic.column);
  });
  for (Pending& p : pending_) out_.diagnostics.add(std::move(p.diagnostic));
  // Past max_diagnostics, problems are only counted (a damaged file could produce thousands).
  const std::size_t dropped = dropped_errors_ + dropped_warnings_;
  if (dropped > 0) {
    Diagnostic d;
    d.severity = dropped_errors_ > 0 ? Severity::Error : Severity::Warning;
    d.file = out_.manifest;
    d.code = dropped_errors_ > 0 ? "E-LIMIT" : "W-LIMIT";
    d.json_path = "$";
    const auto count = [](std::size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    d.message = count(dropped, "more problem") + " (" + count(dropped_errors_, "error") + ", " +
                count(dropped_warnings_, "warning") + ") are not shown; fix the ones above and check again";
    out_.diagnostics.add(std::move(d));
  }
  out_.bytes = bytes_read_;
  if (!out_.diagnostics.has_errors()) {
    std::sort(pack_.files.begin(), pack_.files.end());
    pack_.files.erase(std::unique(pack_.files.begin(), pack_.files.end()), pack_.files.end());
    out_.pack = std::move(pack_);
  }
}

// ---- Generic checks -------------------------------------------------------------------------------

void PackReader::check_fields(const Value& object, const Path& path, const std::vector<std::string>& known,
                              const std::vector<std::string>& newer) {
  for (const json::Member& member : object.members) {
    if (member.duplicate) continue;  // already an E-DUPLICATE-KEY
    if (std::find(known.begin(), known.end(), member.key) != known.end()) continue;
    const std::string key(member.key);
    const Path field_path = path.member(member.key);
    if (std::find(newer.begin(), newer.end(), member.key) != newer.end()) {
      warning("W-UNKNOWN-FIELD", at_key(member), field_path,
              "the field \"" + key + "\" needs \"format_version\": 2; it is ignored in this pack (format 1)");
    } else if (const auto guess = closest(member.key, known)) {
      warning("W-UNKNOWN-FIELD", at_key(member), field_path,
              "unknown field \"" + key + "\" is ignored; did you mean \"" + *guess + "\"?");
    } else {
      warning("W-UNKNOWN-FIELD", at_key(member), field_path,
              "unknown field \"" + key + "\" is ignored (fields here: " + join(known) + ")");
    }
  }
}

const json::Value* PackReader::require(const Value& object, const Path& path, const char* key,
                                       std::string_view what) {
  const Value* v = object.find(key);
  if (!v)
    error("E-MISSING", at(object), path,
          std::string("missing the required field \"") + key + "\" (" + std::string(what) + ")");
  return v;
}

// The "expected ..." texts below are built only when a message needs them: most values are fine.
bool PackReader::expect_type(const Value& v, Type type, const Path& path, std::string_view expected) {
  if (v.is(type)) return true;
  error("E-TYPE", at(v), path, "expected " + std::string(expected) + ", found " + json::describe(v));
  return false;
}

std::optional<std::string> PackReader::read_string(const Value& v, const Path& path,
                                                   std::string_view expected) {
  if (!expect_type(v, Type::String, path, expected)) return std::nullopt;
  return std::string(v.text);
}

std::optional<std::string> PackReader::read_id(const Value& v, const Path& path) {
  constexpr std::string_view expected =
      "an id of 2 to 64 lowercase letters, digits and hyphens, starting with a letter or digit (like "
      "\"two-minute-reset\")";
  auto id = read_string(v, path, expected);
  if (!id) return std::nullopt;
  if (!pack_text::is_valid_id(*id)) {
    error("E-FORMAT", at(v), path, "expected " + std::string(expected) + ", found " + json::describe(v));
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> PackReader::read_locale(const Value& v, const Path& path) {
  constexpr std::string_view expected = "a language code like \"en\", \"es\" or \"pt-BR\"";
  auto locale = read_string(v, path, expected);
  if (!locale) return std::nullopt;
  if (!pack_text::is_valid_locale(*locale)) {
    error("E-FORMAT", at(v), path, "expected " + std::string(expected) + ", found " + json::describe(v));
    return std::nullopt;
  }
  return locale;
}

std::optional<std::string> PackReader::read_choice(const Value& v, const Path& path,
                                                   const std::vector<std::string>& choices) {
  const auto expected = [&choices] { return "one of " + quoted_choices(choices); };
  if (!v.is(Type::String)) {
    error("E-TYPE", at(v), path, "expected " + expected() + ", found " + json::describe(v));
    return std::nullopt;
  }
  if (std::find(choices.begin(), choices.end(), v.text) != choices.end()) return std::string(v.text);
  const auto guess = closest(v.text, choices);
  error("E-ENUM", at(v), path,
        "expected " + expected() + ", found " + json::describe(v) +
            (guess ? "; did you mean \"" + *guess + "\"?" : std::string()));
  return std::nullopt;
}

std::optional<Millis> PackReader::read_seconds(const Value& v, const Path& path, Millis min, Millis max,
                                               std::string_view purpose) {
  const auto expected = [&] {
    return "a number of seconds between " + seconds_text(min) + " and " + seconds_text(max) +
           std::string(purpose);
  };
  if (!v.is(Type::Number)) {
    error("E-TYPE", at(v), path, "expected " + expected() + ", found " + json::describe(v));
    return std::nullopt;
  }
  const std::optional<double> seconds = json::number_value(v.text);
  if (!seconds || *seconds * 1000.0 < static_cast<double>(min.count()) ||
      *seconds * 1000.0 > static_cast<double>(max.count())) {
    error("E-RANGE", at(v), path, "expected " + expected() + ", found " + shown(v));
    return std::nullopt;
  }
  const double ms = *seconds * 1000.0;
  // Numbers within the limits are small, so a millisecond's rounding error is far below 1e-6.
  if (std::fabs(ms - std::round(ms)) > 1e-6) {
    error("E-RANGE", at(v), path,
          "expected seconds with at most 3 decimal places (whole milliseconds), found " + shown(v));
    return std::nullopt;
  }
  return Millis(std::llround(ms));
}

std::optional<int> PackReader::read_whole_number(const Value& v, const Path& path, int min, int max,
                                                 std::string_view unit) {
  const auto expected = [&] {
    return "a whole number" + (unit.empty() ? std::string() : " of " + std::string(unit)) + " between " +
           std::to_string(min) + " and " + std::to_string(max);
  };
  if (!v.is(Type::Number)) {
    error("E-TYPE", at(v), path, "expected " + expected() + ", found " + json::describe(v));
    return std::nullopt;
  }
  const std::optional<double> value = json::number_value(v.text);
  if (!value || std::floor(*value) != *value || *value < min || *value > max) {
    error("E-RANGE", at(v), path, "expected " + expected() + ", found " + shown(v));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<double> PackReader::read_number(const Value& v, const Path& path, double min, double max,
                                              std::string_view expected) {
  if (!expect_type(v, Type::Number, path, expected)) return std::nullopt;
  const std::optional<double> value = json::number_value(v.text);
  if (!value || *value < min || *value > max) {
    error("E-RANGE", at(v), path, "expected " + std::string(expected) + ", found " + shown(v));
    return std::nullopt;
  }
  return value;
}

const json::Value* PackReader::read_list(const Value& v, const Path& path, std::string_view noun,
                                         std::size_t max, bool allow_empty) {
  const auto nouns = [noun] { return std::string(noun) + "s"; };
  if (!v.is(Type::Array)) {
    error("E-TYPE", at(v), path, "expected a list [...] of " + nouns() + ", found " + json::describe(v));
    return nullptr;
  }
  if (!allow_empty && v.elements.empty()) {
    error("E-EMPTY", at(v), path, "expected at least one " + std::string(noun) + ", found an empty list []");
    return nullptr;
  }
  if (v.elements.size() > max) {
    error("E-LIMIT", at(v), path,
          "expected at most " + std::to_string(max) + " " + nouns() + ", found " +
              std::to_string(v.elements.size()));
    return nullptr;
  }
  return &v;
}

void PackReader::check_prose(std::string_view text, Loc where, const Path& path, const std::string& locale) {
  // Named only when there is something to say: most texts have no problem at all.
  const auto which = [&locale] {
    return locale.empty() ? std::string("the text") : "the \"" + locale + "\" text";
  };
  if (text.size() > limits_.max_text_bytes) {
    error("E-LIMIT", where, path,
          which() + " is " + std::to_string(text.size()) + " bytes long; one text may be at most " +
              std::to_string(limits_.max_text_bytes) + " bytes (split it into pages)");
  }
  if (!pack_text::may_hold_special(text)) return;  // see prose_may_need_report()
  const pack_text::BidiScan bidi = pack_text::scan_bidi(text);
  if (bidi.override_char) {
    error(
        "E-BIDI", where, path,
        which() + " contains the invisible character " + *bidi.override_char +
            " (a right-to-left or left-to-right override), which makes text display in another order than it "
            "is written; remove it");
  } else if (bidi.other_char) {
    warning("W-BIDI", where, path,
            which() + " contains the invisible direction character " + *bidi.other_char +
                "; check that the text reads as intended, or remove it");
  }
  if (const auto control = pack_text::find_control_char(text)) {
    warning("W-CONTROL-CHAR", where, path,
            which() + " contains the control character " + *control +
                ", which shows as a blank or a box; remove it");
  }
}

bool PackReader::prose_may_need_report(std::string_view text) const {
  // Ordinary prose holds no invisible or control character: one pre-check rules out both scans.
  return text.size() > limits_.max_text_bytes || pack_text::may_hold_special(text);
}

std::uint32_t PackReader::locale_index(std::string_view locale) {
  // A pack has a handful of languages: look through them before hashing (hostile packs with
  // thousands of language keys still get the map).
  constexpr std::size_t kScan = 8;
  for (std::size_t n = 0; n < locale_names_.size() && n < kScan; ++n) {
    if (locale_names_[n] == locale) return static_cast<std::uint32_t>(n);
  }
  const auto [it, added] =
      locale_numbers_.try_emplace(std::string(locale), static_cast<std::uint32_t>(locale_names_.size()));
  if (added) locale_names_.emplace_back(locale);
  return it->second;
}

bool PackReader::text_has_locale(const TextRecord& record, std::uint32_t locale) const {
  const auto begin = text_locales_.begin() + static_cast<std::ptrdiff_t>(record.locales_begin);
  return std::find(begin, begin + static_cast<std::ptrdiff_t>(record.locales_size), locale) !=
         begin + static_cast<std::ptrdiff_t>(record.locales_size);
}

std::vector<std::string> PackReader::text_locale_names(const TextRecord& record) const {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < record.locales_size; ++k) {
    names.push_back(locale_names_[text_locales_[record.locales_begin + k]]);
  }
  std::sort(names.begin(), names.end());
  return names;
}

const json::LineMap& PackReader::lines_of(std::size_t file) {
  Source& source = sources_[file];
  if (!source.lines) source.lines = std::make_unique<json::LineMap>(source.text);
  return *source.lines;
}

std::optional<LocalizedText> PackReader::read_text(const Value& v, const Path& path) {
  TextRecord record{at(v), text_paths_.size(), 0, text_locales_.size(), 0};
  path.append_to(text_paths_);
  record.path_size = text_paths_.size() - record.path_begin;
  LocalizedText text;
  if (v.is(Type::Object)) text.reserve(v.members.size());
  bool ok = true;
  if (v.is(Type::String)) {
    if (v.text.empty()) {
      error("E-EMPTY", at(v), path, "expected some text, found an empty string \"\"");
      return std::nullopt;
    }
    check_prose(v.text, at(v), path, "");
    text.set(locale_, std::string(v.text));
    text_locales_.push_back(locale_index(locale_));
  } else if (v.is(Type::Object)) {
    if (v.members.empty()) {
      error("E-EMPTY", at(v), path,
            "expected text in at least one language, like {\"en\": \"...\"}, found an empty object {}");
      return std::nullopt;
    }
    for (const json::Member& member : v.members) {
      if (member.duplicate) continue;
      // The member's JSON path is only needed for a diagnostic, which most texts never get.
      const auto member_path = [&path, &member] { return path.member(member.key); };
      if (!pack_text::is_valid_locale(member.key)) {
        error("E-FORMAT", at_key(member), member_path(),
              "expected a language code like \"en\", \"es\" or \"pt-BR\" as the key, found \"" +
                  std::string(member.key) + "\"");
        ok = false;
        continue;
      }
      if (!member.value.is(Type::String)) {
        error("E-TYPE", at(member.value), member_path(),
              "expected the \"" + std::string(member.key) + "\" text as a string, found " +
                  json::describe(member.value));
        ok = false;
        continue;
      }
      if (member.value.text.empty()) {
        error("E-EMPTY", at(member.value), member_path(), "expected some text, found an empty string \"\"");
        ok = false;
        continue;
      }
      if (prose_may_need_report(member.value.text)) {
        check_prose(member.value.text, at(member.value), member_path(), "");
      }
      text.set(member.key, std::string(member.value.text));
      text_locales_.push_back(locale_index(member.key));
    }
  } else {
    error("E-TYPE", at(v), path,
          "expected a text: a string, or translations like {\"en\": \"...\", \"es\": \"...\"}, found " +
              json::describe(v));
    return std::nullopt;
  }
  record.locales_size = text_locales_.size() - record.locales_begin;
  texts_.push_back(record);
  if (!ok) return std::nullopt;
  return text;
}

std::optional<std::string> PackReader::read_ref(const Value& v, const Path& path) {
  const std::string expected =
      "an item id like \"two-minute-reset\", or \"PACK_ID/ITEM_ID\" for an item of another pack";
  auto ref = read_string(v, path, expected);
  if (!ref) return std::nullopt;
  const std::size_t slash = ref->find('/');
  const bool ok = slash == std::string::npos
                      ? pack_text::is_valid_id(*ref)
                      : pack_text::is_valid_id(std::string_view(*ref).substr(0, slash)) &&
                            pack_text::is_valid_id(std::string_view(*ref).substr(slash + 1));
  if (!ok) {
    error("E-FORMAT", at(v), path, "expected " + expected + ", found " + json::describe(v));
    return std::nullopt;
  }
  return ref;
}

std::optional<std::string> PackReader::read_file_path(const Value& v, const Path& path, bool image) {
  const std::string expected = image ? "the path of a PNG image in the pack, like \"images/stretch.png\""
                                     : "the path of a sound in the pack, like \"audio/step1.ogg\"";
  auto file = read_string(v, path, expected);
  if (!file) return std::nullopt;
  if (auto problem = pack_text::relative_path_problem(*file)) {
    error("E-PATH", at(v), path, "expected " + expected + ", found " + json::describe(v) + ": " + *problem);
    return std::nullopt;
  }
  asset_uses_.push_back(AssetUse{at(v), path.str(), *file, image, std::nullopt});
  return file;
}

// ---- Pack level -----------------------------------------------------------------------------------

void PackReader::run(const std::string& manifest, std::optional<std::string_view> text,
                     const std::string& source) {
  Source main;
  main.relative = manifest;
  main.display = out_.manifest;
  if (text) {
    if (text->size() > limits_.max_manifest_bytes) {
      file_error("E-TOO-LARGE", "the manifest is larger than the limit of " +
                                    std::to_string(limits_.max_manifest_bytes) +
                                    " bytes; is this the right file?");
      finish();
      return;
    }
    main.text = std::string(*text);
  } else {
    FileRead read = files_.read(manifest, limits_.max_manifest_bytes);
    if (read.status == FileRead::Status::TooLarge) {
      file_error("E-TOO-LARGE", "the manifest is larger than the limit of " +
                                    std::to_string(limits_.max_manifest_bytes) +
                                    " bytes; is this the right file?");
      finish();
      return;
    }
    if (read.status != FileRead::Status::Ok) {
      file_error(file_read_code(read), read.status == FileRead::Status::Missing
                                           ? "there is no " + manifest + " (the pack's manifest)"
                                           : file_read_problem(read, manifest, "file"));
      finish();
      return;
    }
    main.text = std::move(read.bytes);
  }
  bytes_read_ += main.text.size();
  sources_.push_back(std::move(main));
  pack_.files.push_back(manifest);

  json::ParseLimits parse_limits;
  parse_limits.max_depth = limits_.max_nesting_depth;
  parse_limits.max_values = limits_.max_json_values;
  json::ParseResult parsed = json::parse(sources_[0].text, parse_limits);
  for (const json::ParseIssue& issue : parsed.issues)
    error_at(issue.code.c_str(), Loc{0, issue.offset}, issue.path, issue.message);
  if (parsed.root) {
    sources_[0].storage = std::move(parsed.storage);
    sources_[0].root = std::move(parsed.root);
    read_pack(*sources_[0].root, source);
  }
  finish();
}

bool PackReader::read_format_version(const Value& root) {
  const Value* v = root.find("format_version");
  if (!v) {
    error("E-MISSING", at(root), "$",
          "missing the required field \"format_version\" (write \"format_version\": 2 for this format)");
    pack_.format_version = kPackFormatVersion;
    return true;  // most likely a pack of the current format that forgot the line
  }
  if (!expect_type(*v, Type::Number, "$.format_version", "the number 1 or 2")) return true;
  const std::optional<double> version = json::number_value(v->text);
  if (version && std::floor(*version) == *version && *version >= kOldestPackFormatVersion &&
      *version <= kPackFormatVersion) {
    pack_.format_version = static_cast<int>(*version);
    out_.format_version = pack_.format_version;
    return true;
  }
  if (version && std::floor(*version) == *version && *version > kPackFormatVersion) {
    error("E-FORMAT-VERSION", at(*v), "$.format_version",
          "this pack uses format_version " + shown(*v) + ", but this version of Respite reads only 1 and 2" +
              "; update Respite to use this pack");
  } else {
    error("E-FORMAT-VERSION", at(*v), "$.format_version",
          "expected format_version 1 or 2, found " + shown(*v));
  }
  return false;
}

void PackReader::read_pack(const Value& root, const std::string& source) {
  if (!root.is(Type::Object)) {
    error("E-TYPE", at(root), "$", "expected the pack to be an object {...}, found " + json::describe(root));
    return;
  }
  const bool v1_known = [&] {
    const Value* v = root.find("format_version");
    const auto n = v && v->is(Type::Number) ? json::number_value(v->text) : std::nullopt;
    return n && *n == 1;
  }();
  check_fields(root, "$", v1_known ? kPackFieldsV1 : kPackFieldsV2,
               v1_known ? kPackFieldsNew : std::vector<std::string>{});
  if (!read_format_version(root)) return;
  const bool v2 = pack_.format_version >= 2;

  pack_.source = source;
  if (const Value* v = root.find("default_locale")) {
    if (auto locale = read_locale(*v, "$.default_locale")) pack_.default_locale = *locale;
  }
  locale_ = pack_.default_locale;
  if (v2) {
    if (const Value* v = root.find("locales")) read_locales(*v);
  }

  if (const Value* v = require(root, "$", "id", "the pack's id, e.g. \"clinician-essentials\"")) {
    if (auto id = read_id(*v, "$.id")) {
      pack_.id = *id;
      out_.pack_id = *id;
      const json::LineMap::Position pos = lines_of(0).at(v->offset);
      out_.id_line = pos.line;
      out_.id_column = pos.column;
    }
  }
  if (const Value* v = require(root, "$", "version", "the pack's version, e.g. \"1.0.0\"")) {
    if (auto version = read_string(*v, "$.version", "a version like \"1.0.0\"")) {
      if (pack_text::is_valid_version(*version)) {
        pack_.version = *version;
        out_.version = *version;
      } else {
        error("E-FORMAT", at(*v), "$.version",
              "expected a version like \"1.0.0\" (three whole numbers separated by dots), found " +
                  json::describe(*v));
      }
    }
  }
  if (const Value* v = require(root, "$", "title", "the pack's name as people will see it")) {
    title_locales_.emplace();
    if (auto title = read_text(*v, "$.title")) {
      pack_.title = *title;
      for (const auto& [locale, text] : title->all()) title_locales_->insert(locale);
    }
  }

  const Value* item_files = v2 ? root.find("item_files") : nullptr;
  if (const Value* v = item_files ? root.find("items")
                                  : require(root, "$", "items", "the list of practices in this pack")) {
    read_items(*v, "$.items");
  }
  if (item_files) read_item_files(*item_files);
  if (const Value* v = root.find("default_item")) {
    if (auto id = read_id(*v, "$.default_item")) {
      default_item_id_ = *id;
      default_item_at_ = at(*v);
    }
  }

  check_default_item();
  check_refs();
  check_program_cycles();
  check_assets();
  check_translations();
}

void PackReader::read_locales(const Value& v) {
  if (!read_list(v, "$.locales", "language code", 50, false)) return;
  declared_locales_ = true;
  std::vector<std::string> locales;
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    const Path locales_path = "$.locales";
    const Path path = locales_path.index(i);
    if (auto locale = read_locale(v.elements[i], path)) {
      if (std::find(locales.begin(), locales.end(), *locale) != locales.end()) {
        error("E-DUPLICATE-ID", at(v.elements[i]), path, "the language \"" + *locale + "\" is listed twice");
        continue;
      }
      locales.push_back(*locale);
    }
  }
  if (!locales.empty() && std::find(locales.begin(), locales.end(), pack_.default_locale) == locales.end()) {
    error("E-DEFAULT-LOCALE", at(v), "$.locales",
          "the pack's default language \"" + pack_.default_locale + "\" is not in \"locales\" (" +
              join(locales) + "); add it, or set \"default_locale\" to one of them");
  }
  pack_.locales = locales;
  pack_locales_.insert(locales.begin(), locales.end());
}

void PackReader::read_item_files(const Value& v) {
  if (!read_list(v, "$.item_files", "file path", limits_.max_item_files, false)) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    const Value& entry = v.elements[i];
    const Path files_path = "$.item_files";
    const Path path = files_path.index(i);
    const std::string expected = "the path of a JSON file in the pack, like \"items/micro-breaks.json\"";
    auto file = read_string(entry, path, expected);
    if (!file) continue;
    if (auto problem = pack_text::relative_path_problem(*file)) {
      error("E-PATH", at(entry), path,
            "expected " + expected + ", found " + json::describe(entry) + ": " + *problem);
      continue;
    }
    if (*file == sources_[0].relative) {
      error("E-PATH", at(entry), path,
            "\"" + *file + "\" is the manifest itself; item files hold {\"items\": [...]}");
      continue;
    }
    if (!seen.insert(*file).second) {
      error("E-DUPLICATE-FILE", at(entry), path,
            "\"" + *file + "\" is listed twice; each item file is read once");
      continue;
    }
    read_item_file(*file, at(entry), path);
  }
}

void PackReader::read_item_file(const std::string& relative, Loc where, const Path& path) {
  FileRead read = files_.read(relative, limits_.max_manifest_bytes);
  if (read.status == FileRead::Status::TooLarge) {
    error("E-TOO-LARGE", where, path,
          "\"" + relative + "\" is larger than the limit of " + std::to_string(limits_.max_manifest_bytes) +
              " bytes for one item file");
    return;
  }
  if (read.status != FileRead::Status::Ok) {
    error(file_read_code(read), where, path, file_read_problem(read, relative, "item file"));
    return;
  }
  bytes_read_ += read.bytes.size();
  if (bytes_read_ > limits_.max_pack_bytes) {
    error("E-LIMIT", where, path,
          "the pack's files add up to more than " + std::to_string(limits_.max_pack_bytes) + " bytes");
    return;
  }
  Source source;
  source.relative = relative;
  source.display = files_.display(relative);
  source.text = std::move(read.bytes);
  sources_.push_back(std::move(source));
  pack_.files.push_back(relative);
  const std::size_t saved = file_;
  file_ = sources_.size() - 1;
  Source& current = sources_.back();

  json::ParseLimits parse_limits;
  parse_limits.max_depth = limits_.max_nesting_depth;
  parse_limits.max_values = limits_.max_json_values;
  json::ParseResult parsed = json::parse(current.text, parse_limits);
  for (const json::ParseIssue& issue : parsed.issues)
    error_at(issue.code.c_str(), Loc{file_, issue.offset}, issue.path, issue.message);
  if (parsed.root) {
    current.storage = std::move(parsed.storage);
    current.root = std::move(parsed.root);
    const Value& root = *current.root;
    if (!root.is(Type::Object)) {
      error("E-TYPE", at(root), "$",
            "expected an item file to be an object {\"items\": [...]}, found " + json::describe(root));
    } else {
      check_fields(root, "$", kItemFileFields);
      if (const Value* items = require(root, "$", "items", "the list of items in this file")) {
        read_items(*items, "$.items");
      }
    }
  }
  file_ = saved;
}

void PackReader::read_items(const Value& v, const Path& path) {
  const bool in_manifest = file_ == 0;
  const bool may_be_empty =
      in_manifest && sources_[0].root && sources_[0].root->find("item_files") && pack_.format_version >= 2;
  if (!read_list(v, path, "item", limits_.max_items, may_be_empty)) return;
  if (item_count_ + v.elements.size() > limits_.max_items) {
    error(
        "E-LIMIT", at(v), path,
        "the pack has more than " + std::to_string(limits_.max_items) + " items with the ones in this list");
    return;
  }
  item_count_ += v.elements.size();
  pack_.items.reserve(item_count_);  // an Item is large: growing the list would move every one
  for (std::size_t i = 0; i < v.elements.size(); ++i) {
    if (auto item = read_item(v.elements[i], path.index(i))) pack_.items.push_back(std::move(*item));
  }
}

// ---- Across items ---------------------------------------------------------------------------------

void PackReader::check_default_item() {
  if (!default_item_id_) return;
  const std::string& id = *default_item_id_;
  if (item_ids_.count(id) != 0) {
    pack_.default_item = id;
    return;
  }
  std::vector<std::string> ids(item_ids_.begin(), item_ids_.end());
  const auto guess = closest(id, ids);
  if (ids.size() > 10) {
    ids.resize(10);
    ids.push_back("...");
  }
  error("E-UNKNOWN-REF", default_item_at_, "$.default_item",
        "no item in this pack has the id \"" + id + "\"" +
            (guess         ? "; did you mean \"" + *guess + "\"?"
             : ids.empty() ? std::string()
                           : " (item ids: " + join(ids) + ")"));
}

void PackReader::check_refs() {
  for (const RefUse& use : refs_) {
    const auto ref = ItemRef::resolve(use.ref, pack_.id);
    if (!ref || pack_.id.empty() || ref->pack_id != pack_.id)
      continue;  // another pack's: load_catalog checks it
    if (item_ids_.count(ref->item_id) != 0) continue;
    std::vector<std::string> ids(item_ids_.begin(), item_ids_.end());
    const auto guess = closest(ref->item_id, ids);
    error_at("E-UNKNOWN-REF", use.at, use.path,
             "the " + use.what + " names \"" + use.ref + "\", but no item in this pack has the id \"" +
                 ref->item_id + "\"" + (guess ? "; did you mean \"" + *guess + "\"?" : std::string()));
  }
}

void PackReader::check_program_cycles() {
  // Edges between this pack's programs, with where each was written.
  std::map<std::string, std::vector<std::pair<std::string, const RefUse*>>> edges;
  for (const RefUse& use : refs_) {
    if (!use.program_day) continue;
    const auto ref = ItemRef::resolve(use.ref, pack_.id);
    if (!ref || ref->pack_id != pack_.id || program_ids_.count(ref->item_id) == 0) continue;
    edges[use.from_item].emplace_back(ref->item_id, &use);
  }
  std::set<std::set<std::string>> reported;
  for (const auto& edge : edges) {
    const std::string& start = edge.first;  // (a structured binding cannot be captured in C++17)
    const auto& out = edge.second;
    // Depth-first search for a way back to `start`, remembering the path taken.
    std::vector<std::string> trail{start};
    std::set<std::string> visited;
    std::function<bool(const std::string&)> back_to_start = [&](const std::string& node) -> bool {
      const auto it = edges.find(node);
      if (it == edges.end()) return false;
      for (const auto& [next, use] : it->second) {
        if (next == start) {
          trail.push_back(next);
          return true;
        }
        if (!visited.insert(next).second) continue;
        trail.push_back(next);
        if (back_to_start(next)) return true;
        trail.pop_back();
      }
      return false;
    };
    if (!back_to_start(start)) continue;
    const std::set<std::string> members(trail.begin(), trail.end());
    if (!reported.insert(members).second) continue;
    // Report at the reference that leaves `start` along the loop.
    const RefUse* first = nullptr;
    for (const auto& [next, use] : out) {
      if (next == trail[1]) {
        first = use;
        break;
      }
    }
    if (!first) continue;
    error_at("E-CYCLE", first->at, first->path,
             trail.size() == 2
                 ? "the program \"" + start + "\" lists itself; a program may not include itself"
                 : "the program \"" + start + "\" includes itself through other programs (" +
                       join(trail, " -> ") + "); a program may not include itself, directly or indirectly");
  }
}

void PackReader::check_assets() {
  // Each file is read and checked once; its uses are checked against what it turned out to be.
  std::map<std::string, std::vector<const AssetUse*>> by_file;
  std::vector<std::string> order;
  for (const AssetUse& use : asset_uses_) {
    auto& uses = by_file[use.file];
    if (uses.empty()) order.push_back(use.file);
    uses.push_back(&use);
  }
  const std::size_t cap = std::max(limits_.assets.max_image_bytes, limits_.assets.max_audio_bytes);
  for (const std::string& file : order) {
    const std::vector<const AssetUse*>& uses = by_file[file];
    const AssetUse& first = *uses.front();
    FileRead read = files_.read(file, cap);
    if (read.status == FileRead::Status::TooLarge) {
      error_at("E-ASSET-LIMIT", first.at, first.path,
               "\"" + file + "\" is " + std::to_string(read.size) + " bytes; an image may be at most " +
                   std::to_string(limits_.assets.max_image_bytes) + " bytes and a sound " +
                   std::to_string(limits_.assets.max_audio_bytes));
      continue;
    }
    if (read.status != FileRead::Status::Ok) {
      error_at(read.status == FileRead::Status::Symlink ? "E-SYMLINK" : "E-ASSET-MISSING", first.at,
               first.path, file_read_problem(read, file, "file"));
      continue;
    }
    bytes_read_ += read.bytes.size();
    if (bytes_read_ > limits_.max_pack_bytes) {
      error_at("E-LIMIT", first.at, first.path,
               "the pack's files add up to more than " + std::to_string(limits_.max_pack_bytes) + " bytes");
      return;
    }
    AssetCheck check = check_asset(file, read.bytes, limits_.assets);
    if (!check.asset) {
      error_at(check.code.c_str(), first.at, first.path, "\"" + file + "\": " + check.problem);
      continue;
    }
    bool fits = true;
    for (const AssetUse* use : uses) {
      const bool is_image = check.asset->type == AssetType::Png;
      if (use->image && !is_image) {
        error_at("E-ASSET-TYPE", use->at, use->path,
                 "\"" + file + "\" is a " + (check.asset->type == AssetType::Wav ? "WAV" : "Ogg") +
                     " sound, but an image (PNG) belongs here");
        fits = false;
      } else if (!use->image && is_image) {
        error_at("E-ASSET-TYPE", use->at, use->path,
                 "\"" + file + "\" is a PNG image, but a sound (WAV or Ogg Vorbis) belongs here");
        fits = false;
      } else if (!use->image && use->plays_for && check.asset->duration > *use->plays_for) {
        warning_at("W-AUDIO-LONGER", use->at, use->path,
                   "\"" + file + "\" lasts " + seconds_text(check.asset->duration) +
                       " seconds, but its step lasts " + seconds_text(*use->plays_for) +
                       " seconds; the end will be cut off");
      }
    }
    if (!fits) continue;
    check.asset->data = std::make_shared<const std::string>(std::move(read.bytes));
    pack_.files.push_back(file);
    pack_.assets.emplace(file, std::move(*check.asset));
  }
}

void PackReader::check_translations() {
  std::set<std::string> locales = pack_locales_;
  if (!declared_locales_) {
    if (title_locales_) locales = *title_locales_;
    locales.insert(pack_.default_locale);
    pack_.locales.assign(locales.begin(), locales.end());
  }
  const std::string& fallback = pack_.default_locale;
  const std::string whose = declared_locales_ ? "the pack's locales are " : "the pack's title has ";
  // The checks compare language numbers; names are looked up only for a message.
  const std::uint32_t fallback_number = locale_index(fallback);
  std::vector<std::uint32_t> wanted;  // `locales` by number, in the same (sorted) order
  for (const std::string& locale : locales) wanted.push_back(locale_index(locale));
  std::vector<bool> is_wanted(locale_names_.size(), false);
  for (const std::uint32_t n : wanted) is_wanted[n] = true;
  for (const TextRecord& record : texts_) {
    if (record.locales_size == 0) continue;  // every entry was broken; already reported
    const auto path = [&] { return text_paths_.substr(record.path_begin, record.path_size); };
    if (!text_has_locale(record, fallback_number)) {
      error_at("E-DEFAULT-LOCALE", record.at, path(),
               "no text in the pack's default language \"" + fallback + "\" (found " +
                   join(text_locale_names(record)) + "); it is shown when a translation is missing");
      continue;
    }
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < wanted.size(); ++k) {
      if (!text_has_locale(record, wanted[k])) missing.push_back(locale_names_[wanted[k]]);
    }
    if (!missing.empty()) {
      warning_at("W-MISSING-TRANSLATION", record.at, path(),
                 "no " + quoted_choices(missing) + " text, although " + whose +
                     join({locales.begin(), locales.end()}) + "; the \"" + fallback +
                     "\" text is shown instead");
    }
    if (!declared_locales_) continue;
    bool any_extra = false;
    for (std::size_t k = 0; k < record.locales_size; ++k) {
      any_extra = any_extra || !is_wanted[text_locales_[record.locales_begin + k]];
    }
    if (any_extra) {
      std::vector<std::string> extra;
      for (const std::string& locale : text_locale_names(record)) {
        if (locales.count(locale) == 0) extra.push_back(locale);
      }
      warning_at("W-UNDECLARED-LOCALE", record.at, path(),
                 "text in \"" + join(extra, "\", \"") + "\", which " + (extra.size() == 1 ? "is" : "are") +
                     " not in the pack's \"locales\" (" + join({locales.begin(), locales.end()}) +
                     "); add the language there or remove the text");
    }
  }
}

}  // namespace respite::core::detail
