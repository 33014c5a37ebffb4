#include "core/i18n.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/json_document.h"

namespace respite::core {
namespace {

constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;

struct NamedCategory {
  const char* name;
  PluralCategory category;
};
constexpr NamedCategory kCategories[] = {
    {"zero", PluralCategory::Zero}, {"one", PluralCategory::One},   {"two", PluralCategory::Two},
    {"few", PluralCategory::Few},   {"many", PluralCategory::Many}, {"other", PluralCategory::Other},
};

void report(Diagnostics& diagnostics, const std::string& source, const json::LineMap* lines,
            std::size_t offset, std::string code, std::string path, std::string message) {
  Diagnostic d;
  d.severity = Severity::Error;
  d.file = source;
  if (lines != nullptr) {
    const json::LineMap::Position at = lines->at(offset);
    d.line = at.line;
    d.column = at.column;
  }
  d.code = std::move(code);
  d.json_path = std::move(path);
  d.message = std::move(message);
  diagnostics.add(std::move(d));
}

bool is_integer(double n) {
  return std::isfinite(n) && std::floor(n) == n;
}

}  // namespace

const char* to_string(PluralCategory category) {
  for (const NamedCategory& c : kCategories) {
    if (c.category == category) return c.name;
  }
  return "other";
}

std::optional<PluralCategory> plural_category_from_string(std::string_view name) {
  for (const NamedCategory& c : kCategories) {
    if (name == c.name) return c.category;
  }
  return std::nullopt;
}

PluralCategory plural_category(std::string_view language, double n) {
  const double magnitude = std::fabs(n);
  // English and Spanish share "one" = the integer 1 (CLDR: i = 1 and v = 0). Spanish adds "many"
  // for e = 0 and i != 0 and i % 1000000 = 0 and v = 0.
  if (language == "es" && is_integer(magnitude) && magnitude != 0.0 && std::fmod(magnitude, 1e6) == 0.0) {
    return PluralCategory::Many;
  }
  if (magnitude == 1.0) return PluralCategory::One;
  return PluralCategory::Other;
}

std::string language_of(std::string_view locale) {
  const std::size_t end = locale.find_first_of("-_.@");
  std::string language(locale.substr(0, end));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language;
}

std::string format_text(std::string_view pattern, FormatArgs args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '{') {
      const std::size_t close = pattern.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        const auto found =
            std::find_if(args.begin(), args.end(), [name](const auto& a) { return a.first == name; });
        if (found != args.end()) {
          out.append(found->second);
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

Translations Translations::parse(std::string_view text, const std::string& source, std::string language,
                                 Diagnostics& diagnostics) {
  Translations out;
  out.language_ = std::move(language);
  const json::ParseResult parsed = json::parse(text, json::ParseLimits{});
  const json::LineMap lines(text);
  for (const json::ParseIssue& issue : parsed.issues) {
    report(diagnostics, source, &lines, issue.offset, issue.code, issue.path, issue.message);
  }
  if (!parsed.root) return out;
  const json::Value& root = *parsed.root;
  if (!root.is(json::Type::Object)) {
    report(diagnostics, source, &lines, root.offset, "E-TYPE", "$",
           "a translation file must be an object of key -> text, found " + json::describe(root));
    return out;
  }
  const json::Path root_path = "$";
  for (const json::Member& member : root.members) {
    const json::Path path = root_path.member(member.key);  // written out only for a message
    if (member.duplicate) continue;  // already reported by the parser; the first one wins
    const json::Value& value = member.value;
    if (value.is(json::Type::String)) {
      out.texts_[std::string(member.key)] = value.text;
      continue;
    }
    if (!value.is(json::Type::Object)) {
      report(diagnostics, source, &lines, value.offset, "E-TYPE", path.str(),
             "expected a string or an object of plural forms, found " + json::describe(value));
      continue;
    }
    std::map<PluralCategory, std::string> forms;
    bool ok = true;
    for (const json::Member& form : value.members) {
      const json::Path form_path = path.member(form.key);
      const std::optional<PluralCategory> category = plural_category_from_string(form.key);
      if (!category) {
        report(diagnostics, source, &lines, form.key_offset, "E-PLURAL", form_path.str(),
               "unknown plural category '" + std::string(form.key) +
                   "' (expected zero, one, two, few, many or other)");
        ok = false;
      } else if (!form.value.is(json::Type::String)) {
        report(diagnostics, source, &lines, form.value.offset, "E-TYPE", form_path.str(),
               "expected a string, found " + json::describe(form.value));
        ok = false;
      } else {
        forms[*category] = form.value.text;
      }
    }
    if (forms.count(PluralCategory::Other) == 0) {
      report(diagnostics, source, &lines, value.offset, "E-PLURAL", path.str(),
             "plural forms need an \"other\" form");
      ok = false;
    }
    if (ok) out.plurals_[std::string(member.key)] = std::move(forms);
  }
  return out;
}

Translations Translations::load_file(const std::string& path, std::string language,
                                     Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(diagnostics, path, nullptr, 0, "E-FILE", "$", "translation file not found or not readable");
    Translations empty;
    empty.language_ = std::move(language);
    return empty;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > kMaxFileBytes) {
    report(diagnostics, path, nullptr, 0, "E-LIMIT", "$",
           "translation file is larger than " + std::to_string(kMaxFileBytes) + " bytes");
    Translations empty;
    empty.language_ = std::move(language);
    return empty;
  }
  return parse(text, path, std::move(language), diagnostics);
}

bool Translations::has(std::string_view key) const {
  const std::string k(key);
  return texts_.count(k) != 0 || plurals_.count(k) != 0;
}

const std::string& Translations::text(std::string_view key) const {
  const std::string k(key);
  if (const auto found = texts_.find(k); found != texts_.end()) return found->second;
  if (const auto found = plurals_.find(k); found != plurals_.end())
    return found->second.at(PluralCategory::Other);
  auto [echo, inserted] = missing_.try_emplace(k, k);
  if (inserted) missing_order_.push_back(k);
  return echo->second;
}

const std::string& Translations::plural(std::string_view key, double n) const {
  const auto found = plurals_.find(std::string(key));
  if (found == plurals_.end()) return text(key);
  const std::map<PluralCategory, std::string>& forms = found->second;
  const auto form = forms.find(plural_category(language_, n));
  return form != forms.end() ? form->second : forms.at(PluralCategory::Other);
}

std::string Translations::format(std::string_view key, FormatArgs args) const {
  return format_text(text(key), args);
}

std::vector<std::string> Translations::keys() const {
  std::vector<std::string> out;
  out.reserve(texts_.size() + plurals_.size() * 2);
  for (const auto& [key, value] : texts_) out.push_back(key);
  for (const auto& [key, forms] : plurals_) {
    for (const auto& [category, value] : forms) out.push_back(key + "#" + to_string(category));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TranslationSet TranslationSet::load(const std::string& dir, const std::vector<std::string>& languages,
                                    Diagnostics& diagnostics) {
  TranslationSet set;
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  for (const std::string& language : languages) {
    set.add(Translations::load_file(base + language + ".json", language, diagnostics));
  }
  return set;
}

void TranslationSet::add(Translations translations) {
  tables_.push_back(std::make_unique<Translations>(std::move(translations)));
}

const Translations& TranslationSet::for_locale(std::string_view locale) const {
  const std::string language = language_of(locale);
  for (const auto& table : tables_) {
    if (table->language() == language) return *table;
  }
  return tables_.empty() ? empty_ : *tables_.front();
}

std::vector<std::string> TranslationSet::languages() const {
  std::vector<std::string> out;
  for (const auto& table : tables_) out.push_back(table->language());
  return out;
}

const std::vector<std::string>& shipped_languages() {
  static const std::vector<std::string> kLanguages = {"en", "es"};
  return kLanguages;
}

}  // namespace respite::core
