// Reads the crisis and support resources (bundled defaults + a unit's additions), checks every value
// with the same diagnostics style as packs, and picks the entries for a region and language.
// docs/support-resources.md documents the format and each diagnostic code.
#include "core/support_resources.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "core/json_document.h"
#include "core/json_number.h"
#include "core/pack_files.h"
#include "core/pack_text.h"

// The build defines where the bundled file is (engine/core/CMakeLists.txt); a build without it has
// no default and relies on RESPITE_SUPPORT_FILE.
#ifndef RESPITE_DEFAULT_SUPPORT_FILE
#define RESPITE_DEFAULT_SUPPORT_FILE ""
#endif

namespace respite::core {
namespace {

using json::Type;
using json::Value;
using pack_text::closest;
using pack_text::is_valid_id;
using pack_text::is_valid_locale;
using pack_text::is_web_address;
using pack_text::join;
using pack_text::quoted_choices;

constexpr int kSupportFormatVersion = 1;

const std::vector<std::string> kBundledRootFields = {"$schema", "format_version", "default_locale",
                                                     "locales", "notice",         "resources"};
const std::vector<std::string> kUnitRootFields = {"$schema", "format_version", "default_locale", "locales",
                                                  "resources"};
const std::vector<std::string> kEntryFields = {"id",       "kind",    "name",       "description",
                                               "hours",    "regions", "languages",  "contacts",
                                               "verified", "sources", "review_note"};
const std::vector<std::string> kContactFields = {"type", "value", "message", "label"};
const std::vector<std::string> kKinds = {"emergency",  "crisis", "clinician_support", "peer_support", "eap",
                                         "chaplaincy", "other"};
const std::vector<std::string> kContactTypes = {"phone", "sms", "web", "email"};

// ---- Text helpers -------------------------------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || is_upper(c);
}
char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// "*", or an ISO 3166-1 alpha-2 code with an optional ISO 3166-2 subdivision: "US", "GB-ENG".
bool is_valid_region(const std::string& region) {
  if (region == "*") return true;
  if (region.size() < 2 || !is_upper(region[0]) || !is_upper(region[1])) return false;
  if (region.size() == 2) return true;
  if (region[2] != '-' || region.size() < 4 || region.size() > 6) return false;
  return std::all_of(region.begin() + 3, region.end(), [](char c) { return is_upper(c) || is_digit(c); });
}

// A number as people write it: digits with spaces, dots, hyphens or parentheses between them and an
// optional leading "+". Returns what a dialler needs ("+18884090141"), or nullopt.
std::optional<std::string> dial_string(const std::string& number) {
  std::string dial;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (is_digit(c)) {
      dial += c;
    } else if (c == '+' && i == 0) {
      dial += c;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  const auto digits = std::count_if(dial.begin(), dial.end(), is_digit);
  if (digits < 2 || digits > 15) return std::nullopt;  // E.164 numbers have at most 15 digits
  return dial;
}

bool is_email(const std::string& address) {
  const auto at = address.find('@');
  return at != std::string::npos && at > 0 && at + 1 < address.size() &&
         address.find('@', at + 1) == std::string::npos &&
         address.find_first_of(" \t\r\n") == std::string::npos;
}

// ---- One entry as read, before locale resolution and region filtering ---------------------------

struct RawContact {
  ContactType type = ContactType::Phone;
  std::string value;
  std::string dial;
  std::string message;
  LocalizedText label;
};

struct RawEntry {
  std::string id;
  SupportKind kind = SupportKind::Other;
  LocalizedText name;
  LocalizedText description;
  LocalizedText hours;
  std::vector<std::string> regions;
  std::vector<std::string> languages;
  std::vector<RawContact> contacts;
  std::optional<CivilDate> verified;
  std::vector<std::string> sources;
};

struct RawFile {
  std::string default_locale = "en";
  LocalizedText notice;
  std::vector<RawEntry> entries;
};

// ---- The reader ---------------------------------------------------------------------------------

enum class FileRole { Bundled, Unit };

class SupportReader {
 public:
  SupportReader(std::string_view text, std::string file, FileRole role, const SupportLoadOptions& options,
                Diagnostics& out)
      : lines_(text), file_(std::move(file)), role_(role), options_(options), out_(out) {}

  void report(Severity severity, const char* code, std::size_t offset, const std::string& path,
              std::string message) {
    if (severity == Severity::Error) ++errors_;
    if (shown_ >= options_.max_diagnostics) {
      ++(severity == Severity::Error ? dropped_errors_ : dropped_warnings_);
      return;
    }
    ++shown_;
    const json::LineMap::Position pos = lines_.at(offset);
    Diagnostic d;
    d.severity = severity;
    d.file = file_;
    d.line = pos.line;
    d.column = pos.column;
    d.code = code;
    d.json_path = path;
    d.message = std::move(message);
    found_.push_back(std::move(d));
  }
  void error(const char* code, std::size_t offset, const std::string& path, std::string message) {
    report(Severity::Error, code, offset, path, std::move(message));
  }
  void warning(const char* code, std::size_t offset, const std::string& path, std::string message) {
    report(Severity::Warning, code, offset, path, std::move(message));
  }

  RawFile read(const Value& root) {
    RawFile file;
    if (!root.is(Type::Object)) {
      error("E-TYPE", root.offset, "$",
            "expected the file to be an object {...}, found " + json::describe(root));
      return file;
    }
    check_fields(root, "$", role_ == FileRole::Bundled ? kBundledRootFields : kUnitRootFields);
    if (!read_format_version(root)) return file;
    if (const Value* v = root.find("default_locale")) {
      if (auto locale = read_locale(*v, "$.default_locale")) file.default_locale = *locale;
    }
    locale_ = file.default_locale;
    if (const Value* v = root.find("locales")) read_claimed_locales(*v);

    if (role_ == FileRole::Bundled) {
      if (const Value* v =
              require(root, "$", "notice", "the \"not medical advice\" text for the about screen")) {
        if (auto text = read_text(*v, "$.notice")) file.notice = *text;
      }
    }
    if (const Value* v = require(root, "$", "resources", "the list of support resources")) {
      read_entries(*v, file);
    }
    check_translations(file.default_locale);
    return file;
  }

  // Problems in document order, then a count of those not shown.
  void flush() {
    std::stable_sort(found_.begin(), found_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    for (Diagnostic& d : found_) out_.add(std::move(d));
    found_.clear();
    const std::size_t dropped = dropped_errors_ + dropped_warnings_;
    if (dropped == 0) return;
    Diagnostic d;
    d.severity = dropped_errors_ > 0 ? Severity::Error : Severity::Warning;
    d.file = file_;
    d.code = dropped_errors_ > 0 ? "E-LIMIT" : "W-LIMIT";
    d.json_path = "$";
    d.message = std::to_string(dropped) + " more problem" + (dropped == 1 ? " is" : "s are") +
                " not shown; fix the ones above and check again";
    out_.add(std::move(d));
  }

 private:
  struct TextRecord {
    std::string path;
    std::size_t offset = 0;
    std::set<std::string> locales;
  };

  // ---- Generic checks ----

  void check_fields(const Value& object, const std::string& path, const std::vector<std::string>& known) {
    for (const json::Member& member : object.members) {
      if (member.duplicate) continue;  // already an E-DUPLICATE-KEY
      if (std::find(known.begin(), known.end(), member.key) != known.end()) continue;
      const std::string field_path = json::path_member(path, member.key);
      if (role_ == FileRole::Unit && member.key == "notice") {
        warning("W-UNKNOWN-FIELD", member.key_offset, field_path,
                "a unit file cannot change the \"notice\"; it is ignored (the bundled notice is shown)");
      } else if (const auto guess = closest(member.key, known)) {
        warning(
            "W-UNKNOWN-FIELD", member.key_offset, field_path,
            "unknown field \"" + std::string(member.key) + "\" is ignored; did you mean \"" + *guess + "\"?");
      } else {
        warning("W-UNKNOWN-FIELD", member.key_offset, field_path,
                "unknown field \"" + std::string(member.key) + "\" is ignored (fields here: " + join(known) +
                    ")");
      }
    }
  }

  const Value* require(const Value& object, const std::string& path, const char* key,
                       const std::string& what) {
    const Value* v = object.find(key);
    if (!v) {
      error("E-MISSING", object.offset, path,
            std::string("missing the required field \"") + key + "\" (" + what + ")");
    }
    return v;
  }

  bool expect_type(const Value& v, Type type, const std::string& path, const std::string& expected) {
    if (v.is(type)) return true;
    error("E-TYPE", v.offset, path, "expected " + expected + ", found " + json::describe(v));
    return false;
  }

  std::optional<std::string> read_string(const Value& v, const std::string& path,
                                         const std::string& expected) {
    if (!expect_type(v, Type::String, path, expected)) return std::nullopt;
    if (v.text.empty()) {
      error("E-EMPTY", v.offset, path, "expected " + expected + ", found an empty string \"\"");
      return std::nullopt;
    }
    return std::string(v.text);
  }

  std::optional<std::string> read_locale(const Value& v, const std::string& path) {
    const std::string expected = "a language code like \"en\", \"es\" or \"pt-BR\"";
    auto locale = read_string(v, path, expected);
    if (!locale) return std::nullopt;
    if (!is_valid_locale(*locale)) {
      error("E-FORMAT", v.offset, path, "expected " + expected + ", found " + json::describe(v));
      return std::nullopt;
    }
    return locale;
  }

  std::optional<std::string> read_choice(const Value& v, const std::string& path,
                                         const std::vector<std::string>& choices) {
    const std::string expected = "one of " + quoted_choices(choices);
    auto value = read_string(v, path, expected);
    if (!value) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *value) != choices.end()) return value;
    const auto guess = closest(*value, choices);
    error("E-ENUM", v.offset, path,
          "expected " + expected + ", found " + json::describe(v) +
              (guess ? "; did you mean \"" + *guess + "\"?" : std::string()));
    return std::nullopt;
  }

  const Value* read_list(const Value& v, const std::string& path, const std::string& noun, bool allow_empty) {
    if (!expect_type(v, Type::Array, path, "a list [...] of " + noun + "s")) return nullptr;
    if (!allow_empty && v.elements.empty()) {
      error("E-EMPTY", v.offset, path, "expected at least one " + noun + ", found an empty list []");
      return nullptr;
    }
    return &v;
  }

  // LocalizedText: "text" (in the file's default language) or {"en": "text", "es": "texto"}.
  std::optional<LocalizedText> read_text(const Value& v, const std::string& path) {
    TextRecord record{path, v.offset, {}};
    LocalizedText text;
    bool ok = true;
    if (v.is(Type::String)) {
      if (v.text.empty()) {
        error("E-EMPTY", v.offset, path, "expected some text, found an empty string \"\"");
        return std::nullopt;
      }
      text.set(locale_, std::string(v.text));
      record.locales.insert(locale_);
    } else if (v.is(Type::Object)) {
      if (v.members.empty()) {
        error("E-EMPTY", v.offset, path,
              "expected text in at least one language, like {\"en\": \"...\"}, found an empty object {}");
        return std::nullopt;
      }
      for (const json::Member& member : v.members) {
        if (member.duplicate) continue;
        const std::string member_path = json::path_member(path, member.key);
        if (!is_valid_locale(member.key)) {
          error("E-FORMAT", member.key_offset, member_path,
                "expected a language code like \"en\", \"es\" or \"pt-BR\" as the key, found \"" +
                    std::string(member.key) + "\"");
          ok = false;
        } else if (!member.value.is(Type::String)) {
          error("E-TYPE", member.value.offset, member_path,
                "expected the \"" + std::string(member.key) + "\" text as a string, found " +
                    json::describe(member.value));
          ok = false;
        } else if (member.value.text.empty()) {
          error("E-EMPTY", member.value.offset, member_path,
                "expected some text, found an empty string \"\"");
          ok = false;
        } else {
          text.set(std::string(member.key), std::string(member.value.text));
          record.locales.emplace(member.key);
        }
      }
    } else {
      error("E-TYPE", v.offset, path,
            "expected a text: a string, or translations like {\"en\": \"...\", \"es\": \"...\"}, found " +
                json::describe(v));
      return std::nullopt;
    }
    texts_.push_back(std::move(record));
    if (!ok) return std::nullopt;
    return text;
  }

  // ---- File level ----

  bool read_format_version(const Value& root) {
    const Value* v = root.find("format_version");
    if (!v) {
      error("E-MISSING", root.offset, "$",
            "missing the required field \"format_version\" (write \"format_version\": 1)");
      return true;
    }
    if (!expect_type(*v, Type::Number, "$.format_version", "the number 1")) return true;
    const std::optional<double> version = json::number_value(v->text);
    if (version && *version == kSupportFormatVersion) return true;
    error("E-FORMAT-VERSION", v->offset, "$.format_version",
          "expected format_version " + std::to_string(kSupportFormatVersion) + ", found " +
              std::string(v->text) +
              "; this version of Respite reads only format 1 of the support resources");
    return false;
  }

  void read_claimed_locales(const Value& v) {
    if (!read_list(v, "$.locales", "language code", false)) return;
    claimed_locales_.emplace();
    for (std::size_t i = 0; i < v.elements.size(); ++i) {
      if (auto locale = read_locale(v.elements[i], json::path_index("$.locales", i))) {
        claimed_locales_->insert(*locale);
      }
    }
  }

  void read_entries(const Value& v, RawFile& file) {
    if (!read_list(v, "$.resources", "resource", role_ == FileRole::Unit)) return;
    std::map<std::string, std::string> seen;  // id -> path of its first entry
    for (std::size_t i = 0; i < v.elements.size(); ++i) {
      const std::string path = json::path_index("$.resources", i);
      const std::size_t errors_before = errors_;
      RawEntry entry = read_entry(v.elements[i], path);
      if (!entry.id.empty()) {
        auto [it, inserted] = seen.emplace(entry.id, path);
        if (!inserted) {
          const Value* id_v = v.elements[i].find("id");
          error("E-DUPLICATE-ID", id_v ? id_v->offset : v.elements[i].offset, path + ".id",
                "the id \"" + entry.id + "\" is already used by " + it->second +
                    "; give each resource its own id");
        }
      }
      if (errors_ == errors_before) file.entries.push_back(std::move(entry));
    }
  }

  // ---- Entries ----

  RawEntry read_entry(const Value& v, const std::string& path) {
    RawEntry entry;
    if (!expect_type(v, Type::Object, path, "a resource object {...}")) return entry;
    check_fields(v, path, kEntryFields);
    if (const Value* id_v = require(v, path, "id", "a short name for this entry, e.g. \"unit-eap\"")) {
      const std::string expected =
          "an id of 2 to 64 lowercase letters, digits and hyphens, starting with a letter or digit (like "
          "\"unit-eap\")";
      if (auto id = read_string(*id_v, path + ".id", expected)) {
        if (is_valid_id(*id)) {
          entry.id = *id;
        } else {
          error("E-FORMAT", id_v->offset, path + ".id",
                "expected " + expected + ", found " + json::describe(*id_v));
        }
      }
    }
    if (const Value* kind_v =
            require(v, path, "kind", "what the resource is for: " + quoted_choices(kKinds))) {
      if (auto kind = read_choice(*kind_v, path + ".kind", kKinds))
        entry.kind = *support_kind_from_string(*kind);
    }
    if (const Value* name_v = require(v, path, "name", "the name people see")) {
      if (auto text = read_text(*name_v, path + ".name")) entry.name = *text;
    }
    if (const Value* desc_v =
            require(v, path, "description", "one or two sentences: who it is for, what it offers")) {
      if (auto text = read_text(*desc_v, path + ".description")) entry.description = *text;
    }
    if (const Value* hours_v = v.find("hours")) {
      if (auto text = read_text(*hours_v, path + ".hours")) entry.hours = *text;
    }
    read_regions(v, path, entry);
    if (const Value* langs = v.find("languages")) {
      const std::string list_path = path + ".languages";
      if (read_list(*langs, list_path, "language code", false)) {
        for (std::size_t i = 0; i < langs->elements.size(); ++i) {
          if (auto locale = read_locale(langs->elements[i], json::path_index(list_path, i))) {
            entry.languages.push_back(*locale);
          }
        }
      }
    }
    if (const Value* contacts = v.find("contacts")) {
      const std::string list_path = path + ".contacts";
      if (read_list(*contacts, list_path, "contact", true)) {
        for (std::size_t i = 0; i < contacts->elements.size(); ++i) {
          if (auto contact = read_contact(contacts->elements[i], json::path_index(list_path, i))) {
            entry.contacts.push_back(std::move(*contact));
          }
        }
      }
    }
    read_verified(v, path, entry);
    read_sources(v, path, entry);
    if (const Value* note = v.find("review_note")) {
      read_string(*note, path + ".review_note", "a note for the people who maintain this file");
    }
    return entry;
  }

  void read_regions(const Value& v, const std::string& path, RawEntry& entry) {
    const std::string list_path = path + ".regions";
    const Value* regions =
        role_ == FileRole::Bundled
            ? require(v, path, "regions", "where it serves, e.g. [\"US\"], [\"GB-ENG\"] or [\"*\"]")
            : v.find("regions");
    if (!regions) {
      entry.regions.push_back("*");  // a unit's own resources serve the unit wherever it is
      return;
    }
    if (!read_list(*regions, list_path, "region", false)) return;
    const std::string expected =
        "a region code like \"US\", \"GB\" or \"GB-ENG\" (ISO 3166, upper case), or \"*\" for everywhere";
    for (std::size_t i = 0; i < regions->elements.size(); ++i) {
      const Value& r = regions->elements[i];
      const std::string item_path = json::path_index(list_path, i);
      if (auto region = read_string(r, item_path, expected)) {
        if (is_valid_region(*region)) {
          entry.regions.push_back(*region);
        } else {
          error("E-FORMAT", r.offset, item_path, "expected " + expected + ", found " + json::describe(r));
        }
      }
    }
  }

  std::optional<RawContact> read_contact(const Value& v, const std::string& path) {
    if (!expect_type(v, Type::Object, path, "a contact object {\"type\": ..., \"value\": ...}"))
      return std::nullopt;
    check_fields(v, path, kContactFields);
    RawContact contact;
    bool ok = true;
    if (const Value* type_v = require(v, path, "type", "how to reach it: " + quoted_choices(kContactTypes))) {
      if (auto type = read_choice(*type_v, path + ".type", kContactTypes)) {
        contact.type = type == std::string("phone") ? ContactType::Phone
                       : type == std::string("sms") ? ContactType::Sms
                       : type == std::string("web") ? ContactType::Web
                                                    : ContactType::Email;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    const Value* value_v = require(v, path, "value", "the number, address or link");
    if (value_v && ok) {
      const std::string value_path = path + ".value";
      // Each contact type has its own form of value; `well_formed` checks it and may keep a
      // normalised copy (the digits a dialler needs).
      std::string expected;
      std::function<bool(const std::string&)> well_formed;
      switch (contact.type) {
        case ContactType::Phone:
        case ContactType::Sms:
          expected =
              "a phone number of digits, optionally with spaces, hyphens, dots, parentheses and a leading + "
              "(like \"116 123\" or \"+1-888-409-0141\")";
          well_formed = [&contact](const std::string& value) {
            const std::optional<std::string> dial = dial_string(value);
            if (dial) contact.dial = *dial;
            return dial.has_value();
          };
          break;
        case ContactType::Web:
          expected = "a web address starting with https:// or http://";
          well_formed = [](const std::string& value) { return is_web_address(value); };
          break;
        case ContactType::Email:
          expected = "an email address like \"peer-support@example.org\"";
          well_formed = is_email;
          break;
      }
      if (auto value = read_string(*value_v, value_path, expected)) {
        if (well_formed(*value)) {
          contact.value = *value;
        } else {
          error("E-FORMAT", value_v->offset, value_path,
                "expected " + expected + ", found " + json::describe(*value_v));
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    if (const Value* message_v = v.find("message")) {
      if (ok && contact.type != ContactType::Sms) {
        warning("W-UNKNOWN-FIELD", message_v->offset, path + ".message",
                "\"message\" is used only by contacts of type \"sms\"; it is ignored here");
      } else if (auto message =
                     read_string(*message_v, path + ".message", "the word to text, like \"HOME\"")) {
        contact.message = *message;
      }
    }
    if (const Value* label_v = v.find("label")) {
      if (auto label = read_text(*label_v, path + ".label")) contact.label = *label;
    }
    if (!ok) return std::nullopt;
    return contact;
  }

  void read_verified(const Value& v, const std::string& path, RawEntry& entry) {
    const Value* date_v =
        require(v, path, "verified", "the date someone last checked this entry, \"YYYY-MM-DD\"");
    if (!date_v) return;
    const std::string date_path = path + ".verified";
    const std::string expected = "a date \"YYYY-MM-DD\" (the day someone last checked the entry)";
    auto text = read_string(*date_v, date_path, expected);
    if (!text) return;
    const std::optional<CivilDate> date = CivilDate::parse(*text);
    if (!date || !date->valid() || text->size() != 10) {
      error("E-FORMAT", date_v->offset, date_path,
            "expected " + expected + ", found " + json::describe(*date_v));
      return;
    }
    entry.verified = date;
    if (!options_.today) return;
    if (*date > *options_.today) {
      error("E-RANGE", date_v->offset, date_path,
            "the verification date " + date->to_string() + " is after today (" + options_.today->to_string() +
                "); write the day the entry was actually checked");
      return;
    }
    const std::int64_t age = options_.today->to_days() - date->to_days();
    if (age > options_.max_age_days) {
      warning("W-STALE", date_v->offset, date_path,
              "last verified " + date->to_string() + ", " + std::to_string(age) + " days ago (more than " +
                  std::to_string(options_.max_age_days) +
                  "); check the number and its source again, then update the date");
    }
  }

  void read_sources(const Value& v, const std::string& path, RawEntry& entry) {
    const std::string list_path = path + ".sources";
    const Value* sources = v.find("sources");
    // Every bundled number or address must say where it was checked; advice without contacts need not.
    const Value* contacts = v.find("contacts");
    const bool has_contacts = contacts && contacts->is(Type::Array) && !contacts->elements.empty();
    if (!sources && role_ == FileRole::Bundled && has_contacts) {
      error("E-MISSING", v.offset, path,
            "missing the required field \"sources\" (the web pages the numbers and addresses were checked "
            "against)");
    }
    if (!sources) return;
    if (!read_list(*sources, list_path, "web address", role_ == FileRole::Unit)) return;
    const std::string expected = "a web address starting with https:// or http://";
    for (std::size_t i = 0; i < sources->elements.size(); ++i) {
      const Value& s = sources->elements[i];
      const std::string item_path = json::path_index(list_path, i);
      if (auto url = read_string(s, item_path, expected)) {
        if (is_web_address(*url)) {
          entry.sources.push_back(*url);
        } else {
          error("E-FORMAT", s.offset, item_path, "expected " + expected + ", found " + json::describe(s));
        }
      }
    }
  }

  // Every text must have the default language; texts missing a claimed language get a warning.
  void check_translations(const std::string& default_locale) {
    for (const TextRecord& record : texts_) {
      if (record.locales.count(default_locale) == 0) {
        error("E-DEFAULT-LOCALE", record.offset, record.path,
              "no \"" + default_locale + "\" text; every text needs one in the default language \"" +
                  default_locale + "\", shown when a translation is missing");
      }
      if (!claimed_locales_) continue;
      std::vector<std::string> missing;
      for (const std::string& locale : *claimed_locales_) {
        if (record.locales.count(locale) == 0) missing.push_back(locale);
      }
      if (!missing.empty()) {
        warning("W-MISSING-TRANSLATION", record.offset, record.path,
                "no " + quoted_choices(missing) + " text, although the file lists " +
                    join({claimed_locales_->begin(), claimed_locales_->end()}) + " in \"locales\"; the \"" +
                    default_locale + "\" text is shown instead");
      }
    }
  }

  json::LineMap lines_;
  std::string file_;
  FileRole role_;
  const SupportLoadOptions& options_;
  Diagnostics& out_;
  std::vector<Diagnostic> found_;
  std::string locale_ = "en";
  std::optional<std::set<std::string>> claimed_locales_;
  std::vector<TextRecord> texts_;
  std::size_t errors_ = 0;
  std::size_t shown_ = 0;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

void add_file_error(Diagnostics& out, const std::string& file, const char* code, std::string message) {
  Diagnostic d;
  d.file = file;
  d.code = code;
  d.json_path = "$";
  d.message = std::move(message);
  out.add(std::move(d));
}

RawFile parse_file(const std::string& text, const std::string& name, FileRole role,
                   const SupportLoadOptions& options, Diagnostics& out) {
  if (text.size() > options.max_file_bytes) {
    add_file_error(out, name, "E-TOO-LARGE",
                   "the file is larger than the limit of " + std::to_string(options.max_file_bytes) +
                       " bytes; is this the right file?");
    return {};
  }
  json::ParseLimits limits;
  limits.max_depth = 16;
  limits.max_values = 50'000;
  const json::ParseResult parsed = json::parse(text, limits);
  SupportReader reader(text, name, role, options, out);
  for (const json::ParseIssue& issue : parsed.issues) {
    reader.error(issue.code.c_str(), issue.offset, issue.path, issue.message);
  }
  RawFile file;
  // A syntax error leaves a tree that may be cut short; nothing from it is trusted.
  const bool syntax_ok = std::none_of(parsed.issues.begin(), parsed.issues.end(),
                                      [](const json::ParseIssue& i) { return i.code != "E-DUPLICATE-KEY"; });
  if (parsed.root && syntax_ok) file = reader.read(*parsed.root);
  reader.flush();
  return file;
}

// Reads a whole file of at most `max_bytes`. Nullopt after reporting why not.
std::optional<std::string> read_capped(const std::string& path, const std::string& name,
                                       std::size_t max_bytes, Diagnostics& out) {
  FileRead read = read_file_capped(path, max_bytes);
  switch (read.status) {
    case FileRead::Status::Ok:
      return std::move(read.bytes);
    case FileRead::Status::Missing:
      add_file_error(out, name, "E-IO", "no such file");
      break;
    case FileRead::Status::NotAFile:
    case FileRead::Status::Symlink:
      add_file_error(out, name, "E-IO", "this is not a regular file");
      break;
    case FileRead::Status::TooLarge:
      add_file_error(out, name, "E-TOO-LARGE",
                     "the file is larger than the limit of " + std::to_string(max_bytes) +
                         " bytes; is this the right file?");
      break;
    case FileRead::Status::Unreadable:
      add_file_error(out, name, "E-IO", "the file could not be read (check its permissions)");
      break;
  }
  return std::nullopt;
}

// ---- Selection --------------------------------------------------------------------------------

std::string normalise_region(const std::string& region) {
  std::string out;
  for (char c : region) out += c == '_' ? '-' : upper(c);
  return out;
}

// The region subtag of a language tag: "es-ES" -> "ES", "zh-Hant-TW" -> "TW", "es-419" -> "".
std::string region_of_locale(const std::string& locale) {
  std::size_t start = locale.find_first_of("-_");
  while (start != std::string::npos) {
    const std::size_t end = locale.find_first_of("-_", start + 1);
    const std::string part =
        locale.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    if (part.size() == 2 && is_alpha(part[0]) && is_alpha(part[1])) return normalise_region(part);
    start = end;
  }
  return "";
}

// "GB" and "GB-ENG" match each other; "GB-ENG" and "GB-SCT" do not.
bool region_matches(const std::string& wanted, const std::string& entry) {
  if (wanted.empty() || entry == "*") return false;
  const std::string& shorter = wanted.size() <= entry.size() ? wanted : entry;
  const std::string& longer = wanted.size() <= entry.size() ? entry : wanted;
  if (longer.compare(0, shorter.size(), shorter) != 0) return false;
  return longer.size() == shorter.size() || longer[shorter.size()] == '-';
}

bool serves_everywhere(const RawEntry& entry) {
  return std::find(entry.regions.begin(), entry.regions.end(), "*") != entry.regions.end();
}

bool serves_region(const RawEntry& entry, const std::string& region) {
  return std::any_of(entry.regions.begin(), entry.regions.end(),
                     [&](const std::string& r) { return region_matches(region, r); });
}

int kind_rank(SupportKind kind) {
  switch (kind) {
    case SupportKind::Emergency:
      return 0;
    case SupportKind::Crisis:
      return 1;
    default:
      return 2;
  }
}

SupportResource resolve(const RawEntry& entry, SupportOrigin origin, const std::string& locale,
                        const std::string& fallback) {
  SupportResource out;
  out.id = entry.id;
  out.kind = entry.kind;
  out.origin = origin;
  out.name = entry.name.get(locale, fallback);
  out.description = entry.description.get(locale, fallback);
  out.hours = entry.hours.empty() ? std::string() : entry.hours.get(locale, fallback);
  out.regions = entry.regions;
  out.languages = entry.languages;
  for (const RawContact& c : entry.contacts) {
    SupportContact contact;
    contact.type = c.type;
    contact.value = c.value;
    contact.dial = c.dial;
    contact.message = c.message;
    contact.label = c.label.empty() ? std::string() : c.label.get(locale, fallback);
    out.contacts.push_back(std::move(contact));
  }
  out.verified = entry.verified;
  out.sources = entry.sources;
  return out;
}

}  // namespace

const char* to_string(SupportKind kind) {
  switch (kind) {
    case SupportKind::Emergency:
      return "emergency";
    case SupportKind::Crisis:
      return "crisis";
    case SupportKind::ClinicianSupport:
      return "clinician_support";
    case SupportKind::PeerSupport:
      return "peer_support";
    case SupportKind::Eap:
      return "eap";
    case SupportKind::Chaplaincy:
      return "chaplaincy";
    case SupportKind::Other:
      return "other";
  }
  return "other";
}

std::optional<SupportKind> support_kind_from_string(const std::string& name) {
  for (SupportKind kind :
       {SupportKind::Emergency, SupportKind::Crisis, SupportKind::ClinicianSupport, SupportKind::PeerSupport,
        SupportKind::Eap, SupportKind::Chaplaincy, SupportKind::Other}) {
    if (name == to_string(kind)) return kind;
  }
  return std::nullopt;
}

const char* to_string(ContactType type) {
  switch (type) {
    case ContactType::Phone:
      return "phone";
    case ContactType::Sms:
      return "sms";
    case ContactType::Web:
      return "web";
    case ContactType::Email:
      return "email";
  }
  return "phone";
}

namespace {

// Unit entries first, then the bundled entries for the region (see the header for the rules).
SupportResources choose_entries(const RawFile& bundled, const RawFile& unit, const std::string& locale,
                                const std::string& region) {
  SupportResources data;
  data.locale = locale.empty() ? bundled.default_locale : locale;
  data.region = region.empty() ? region_of_locale(data.locale) : normalise_region(region);
  data.notice =
      bundled.notice.empty() ? std::string() : bundled.notice.get(data.locale, bundled.default_locale);

  std::set<std::string> bundled_ids;
  for (const RawEntry& entry : bundled.entries) bundled_ids.insert(entry.id);
  std::set<std::string> unit_ids;
  std::set<SupportKind> kinds_matched;
  for (const RawEntry& entry : unit.entries) {
    const bool here = serves_region(entry, data.region);
    if (!here && !serves_everywhere(entry)) continue;
    if (here) kinds_matched.insert(entry.kind);
    SupportResource resource = resolve(entry, SupportOrigin::Unit, data.locale, unit.default_locale);
    resource.overrides_bundled = bundled_ids.count(entry.id) != 0;
    unit_ids.insert(entry.id);
    data.resources.push_back(std::move(resource));
  }

  std::vector<const RawEntry*> chosen;
  for (const RawEntry& entry : bundled.entries) {
    if (serves_region(entry, data.region)) {
      chosen.push_back(&entry);
      kinds_matched.insert(entry.kind);
    }
  }
  for (const RawEntry& entry : bundled.entries) {
    if (serves_everywhere(entry) && !serves_region(entry, data.region) &&
        kinds_matched.count(entry.kind) == 0) {
      chosen.push_back(&entry);
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const RawEntry* a, const RawEntry* b) {
    return kind_rank(a->kind) < kind_rank(b->kind);
  });
  for (const RawEntry* entry : chosen) {
    if (unit_ids.count(entry->id) != 0) continue;  // the unit's version replaces it (listed above)
    data.resources.push_back(resolve(*entry, SupportOrigin::Bundled, data.locale, bundled.default_locale));
  }
  return data;
}

}  // namespace

SupportLoadResult parse_support_resources(const std::string& bundled_json, const std::string& bundled_name,
                                          const std::string& unit_json, const std::string& unit_name,
                                          const std::string& locale, const std::string& region,
                                          const SupportLoadOptions& options) {
  SupportLoadResult result;
  const RawFile bundled =
      parse_file(bundled_json, bundled_name, FileRole::Bundled, options, result.diagnostics);
  RawFile unit;
  if (!unit_json.empty())
    unit = parse_file(unit_json, unit_name, FileRole::Unit, options, result.diagnostics);
  result.data = choose_entries(bundled, unit, locale, region);
  return result;
}

SupportLoadResult load_support_resources(const std::string& bundled_path, const std::string& unit_path,
                                         const std::string& locale, const std::string& region,
                                         const SupportLoadOptions& options) {
  SupportLoadResult result;
  RawFile bundled;
  if (auto text = read_capped(bundled_path, bundled_path, options.max_file_bytes, result.diagnostics)) {
    bundled = parse_file(*text, bundled_path, FileRole::Bundled, options, result.diagnostics);
  }
  RawFile unit;
  std::error_code ec;
  if (!unit_path.empty() && std::filesystem::exists(unit_path, ec)) {  // no unit file is the normal case
    if (auto text = read_capped(unit_path, unit_path, options.max_file_bytes, result.diagnostics)) {
      unit = parse_file(*text, unit_path, FileRole::Unit, options, result.diagnostics);
    }
  }
  result.data = choose_entries(bundled, unit, locale, region);
  return result;
}

std::string default_support_resources_path() {
  if (const char* env = std::getenv("RESPITE_SUPPORT_FILE"); env != nullptr && *env != '\0') return env;
  return RESPITE_DEFAULT_SUPPORT_FILE;
}

std::string unit_resources_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "unit-resources.json").string();
}

}  // namespace respite::core
