// The app's own words in several languages (assets/i18n/<language>.json), and the plural rules that
// pick "1 minute" or "2 minutes". Pack texts are not here: packs carry their own translations
// (core::LocalizedText). Pure: no SDL, no ImGui; the files are read with the same positioned JSON
// parser as packs, so a translator's mistake is reported as FILE:LINE:COL.
//
// A translation file is one JSON object of key -> text. A text may be a string, or an object of
// plural forms ({"one": "{n} minute", "other": "{n} minutes"}; CLDR category names, "other"
// required). Placeholders are written {name} and filled by format(). Keys are dotted
// ("home.title"); a missing key shows as the key itself, so it is visible on screen and in tests.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace respite::core {

// CLDR plural categories.
enum class PluralCategory { Zero, One, Two, Few, Many, Other };
const char* to_string(PluralCategory category);  // "zero", "one", ...
std::optional<PluralCategory> plural_category_from_string(std::string_view name);

// The category of `n` in `language` ("en", "es", ...). English and Spanish: "one" for exactly 1
// (integer), "other" otherwise; Spanish also has "many" for exact multiples of a million
// ("1 millón de minutos"), which falls back to "other" when a text gives no "many" form. Unknown
// languages use the English rule.
PluralCategory plural_category(std::string_view language, double n);

// The language subtag of a locale: "es" for "es-MX", "es_ES.UTF-8" or "ES". Lower case.
std::string language_of(std::string_view locale);

// Named values for {placeholders}.
using FormatArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Replaces each {name} in `pattern` with its value from `args`. Unknown names, and braces that do
// not enclose a name, are left as written (so a translator's typo is visible, not swallowed).
std::string format_text(std::string_view pattern, FormatArgs args);

class Translations {
 public:
  Translations() = default;

  // Parses a translation file's text. `source` names it in diagnostics. Problems (syntax, a value
  // that is neither a string nor a plural object, an unknown plural category, no "other", a
  // duplicate key) are appended to `diagnostics`; the entries that are well-formed are kept.
  static Translations parse(std::string_view json, const std::string& source, std::string language,
                            Diagnostics& diagnostics);
  // Reads and parses `path`. A missing or unreadable file is one error diagnostic.
  static Translations load_file(const std::string& path, std::string language, Diagnostics& diagnostics);

  const std::string& language() const { return language_; }
  bool empty() const { return texts_.empty() && plurals_.empty(); }
  bool has(std::string_view key) const;

  // The text for `key`; for a missing key, the key itself. References stay valid for the life of
  // this object (missing keys are remembered so their echo has storage; UI thread only).
  const std::string& text(std::string_view key) const;
  // The plural form of `key` for `n` (falls back to "other"). A plain string key serves every n.
  const std::string& plural(std::string_view key, double n) const;

  // text() / plural() with {placeholders} filled.
  std::string format(std::string_view key, FormatArgs args) const;

  // Every key, with plural keys listed as "key#category" for each form given; sorted. Lets a test
  // compare two languages.
  std::vector<std::string> keys() const;
  // Keys asked for that do not exist, in the order first asked.
  const std::vector<std::string>& missing() const { return missing_order_; }

 private:
  std::string language_;
  std::unordered_map<std::string, std::string> texts_;
  std::unordered_map<std::string, std::map<PluralCategory, std::string>> plurals_;
  // Echoes of missing keys, node-based so references stay valid as it grows.
  mutable std::unordered_map<std::string, std::string> missing_;
  mutable std::vector<std::string> missing_order_;
};

// Every language the app ships, loaded together so the language can change at run time.
class TranslationSet {
 public:
  // Loads every `<language>.json` of `languages` from `dir`. `languages.front()` is the fallback
  // for locales with no file. Problems go to `diagnostics` (a missing file is an error).
  static TranslationSet load(const std::string& dir, const std::vector<std::string>& languages,
                             Diagnostics& diagnostics);
  void add(Translations translations);

  // The table for `locale` by language ("es-MX" -> es), else the fallback (first added). Never
  // fails: with nothing loaded it returns an empty table, which echoes keys.
  const Translations& for_locale(std::string_view locale) const;
  // Languages loaded, in load order ("en", "es").
  std::vector<std::string> languages() const;

 private:
  std::vector<std::unique_ptr<Translations>> tables_;  // unique_ptr: references handed out stay valid
  Translations empty_;
};

// The languages the app ships translation files for, fallback first.
const std::vector<std::string>& shipped_languages();

}  // namespace respite::core
