// The UI's translation files (assets/i18n) and the locale formats built on them: both shipped
// languages have the same keys, plural rules pick the right form, numbers and dates follow each
// language, and a broken translation file is reported with its position.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/i18n.h"
#include "core/locale_format.h"

using namespace respite;

namespace {

const std::string kI18nDir = std::string(RESPITE_SOURCE_DIR) + "/assets/i18n";

core::TranslationSet shipped() {
  core::Diagnostics problems;
  core::TranslationSet set = core::TranslationSet::load(kI18nDir, core::shipped_languages(), problems);
  for (const auto& d : problems.items()) UNSCOPED_INFO(d.format());
  REQUIRE_FALSE(problems.has_errors());
  return set;
}

// Keys with plural forms reduced to their base ("duration.minutes#one" -> "duration.minutes#").
std::set<std::string> base_keys(const core::Translations& t) {
  std::set<std::string> out;
  for (const std::string& key : t.keys())
    out.insert(key.substr(0, key.find('#') + (key.find('#') != std::string::npos)));
  return out;
}

}  // namespace

TEST_CASE("every shipped language has exactly the same keys", "[i18n]") {
  const core::TranslationSet set = shipped();
  const core::Translations& en = set.for_locale("en");
  REQUIRE_FALSE(en.empty());
  const std::set<std::string> reference = base_keys(en);
  for (const std::string& language : core::shipped_languages()) {
    const core::Translations& t = set.for_locale(language);
    REQUIRE(t.language() == language);
    const std::set<std::string> keys = base_keys(t);
    std::vector<std::string> only_en, only_here;
    std::set_difference(reference.begin(), reference.end(), keys.begin(), keys.end(),
                        std::back_inserter(only_en));
    std::set_difference(keys.begin(), keys.end(), reference.begin(), reference.end(),
                        std::back_inserter(only_here));
    INFO(language << ": missing " << only_en.size() << ", extra " << only_here.size());
    for (const auto& k : only_en) UNSCOPED_INFO("missing in " << language << ": " << k);
    for (const auto& k : only_here) UNSCOPED_INFO("only in " << language << ": " << k);
    CHECK(only_en.empty());
    CHECK(only_here.empty());
    // Every plural key has the forms its language's rule can pick for small counts.
    const std::vector<std::string> all = t.keys();
    for (const std::string& key : all) {
      if (key.find('#') == std::string::npos) continue;
      const std::string base = key.substr(0, key.find('#'));
      CHECK(t.has(base));
      CHECK(std::count(all.begin(), all.end(), base + "#one") == 1);
      CHECK(std::count(all.begin(), all.end(), base + "#other") == 1);
    }
    CHECK(t.missing().empty());
  }
}

TEST_CASE("placeholders survive translation", "[i18n]") {
  // A translated text must use the same {names} as English, or a value would silently vanish.
  const core::TranslationSet set = shipped();
  const core::Translations& en = set.for_locale("en");
  const auto names = [](const std::string& text) {
    std::multiset<std::string> out;
    for (std::size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1)) {
      const std::size_t close = text.find('}', i);
      if (close != std::string::npos) out.insert(text.substr(i, close - i + 1));
    }
    return std::set<std::string>(out.begin(), out.end());
  };
  for (const std::string& language : core::shipped_languages()) {
    const core::Translations& t = set.for_locale(language);
    for (const std::string& key : en.keys()) {
      if (key.find('#') != std::string::npos) continue;
      INFO(language << " " << key);
      CHECK(names(t.text(key)) == names(en.text(key)));
    }
  }
}

TEST_CASE("a missing key shows as itself and is remembered", "[i18n]") {
  const core::TranslationSet set = shipped();
  const core::Translations& es = set.for_locale("es");
  CHECK(es.text("no.such.key") == "no.such.key");
  CHECK(es.plural("no.such.plural", 2) == "no.such.plural");
  REQUIRE(es.missing().size() == 2);
  CHECK(es.missing().front() == "no.such.key");
  CHECK(es.text("nav.back") == "Volver");
}

TEST_CASE("locales resolve by language and fall back to English", "[i18n]") {
  const core::TranslationSet set = shipped();
  CHECK(set.for_locale("es-MX").language() == "es");
  CHECK(set.for_locale("es_ES.UTF-8").language() == "es");
  CHECK(set.for_locale("ES").language() == "es");
  CHECK(set.for_locale("fr-FR").language() == "en");
  CHECK(set.for_locale("").language() == "en");
  CHECK(core::language_of("pt-BR") == "pt");
  core::TranslationSet none;
  CHECK(none.for_locale("en").text("home.tagline") == "home.tagline");
}

TEST_CASE("plural rules: English and Spanish", "[i18n]") {
  using core::PluralCategory;
  CHECK(core::plural_category("en", 1) == PluralCategory::One);
  CHECK(core::plural_category("en", 0) == PluralCategory::Other);
  CHECK(core::plural_category("en", 2) == PluralCategory::Other);
  CHECK(core::plural_category("en", 1.5) == PluralCategory::Other);
  CHECK(core::plural_category("es", 1) == PluralCategory::One);
  CHECK(core::plural_category("es", 5) == PluralCategory::Other);
  CHECK(core::plural_category("es", 1000000) == PluralCategory::Many);
  CHECK(core::plural_category("es", 2000000) == PluralCategory::Many);
  CHECK(core::plural_category("es", 1000001) == PluralCategory::Other);

  const core::TranslationSet set = shipped();
  const core::Translations& en = set.for_locale("en");
  const core::Translations& es = set.for_locale("es");
  CHECK(core::format_duration_long(en, 60) == "1 minute");
  CHECK(core::format_duration_long(en, 120) == "2 minutes");
  CHECK(core::format_duration_long(en, 1) == "1 second");
  CHECK(core::format_duration_long(en, 90) == "1 minute 30 seconds");
  CHECK(core::format_duration_long(es, 60) == "1 minuto");
  CHECK(core::format_duration_long(es, 120) == "2 minutos");
  CHECK(core::format_duration_long(es, 61) == "1 minuto y 1 segundo");
  CHECK(core::format_duration_long(es, 60e6) == "1.000.000 de minutos");
  CHECK(core::format_duration_compact(es, 45) == "45 s");
}

TEST_CASE("numbers: decimal comma and grouping per language", "[i18n][format]") {
  const core::TranslationSet set = shipped();
  const core::Translations& en = set.for_locale("en");
  const core::Translations& es = set.for_locale("es");
  CHECK(core::format_number(en, 1.5, 1) == "1.5");
  CHECK(core::format_number(es, 1.5, 1) == "1,5");
  CHECK(core::format_number(en, 1234.5, 1) == "1,234.5");
  CHECK(core::format_number(es, 1234.5, 1) == "1234,5");  // Spanish groups from five digits
  CHECK(core::format_number(es, 12345.25, 2) == "12.345,25");
  CHECK(core::format_number(en, 1234567, 0) == "1,234,567");
  CHECK(core::format_number(en, -0.04, 1) == "0.0");
  CHECK(core::format_number(en, -2.5, 0) == "-3");
  CHECK(core::format_count(es, -12345) == "-12.345");
  CHECK(core::format_count(en, 999) == "999");
}

TEST_CASE("dates: day and month names per language", "[i18n][format]") {
  const core::TranslationSet set = shipped();
  const core::Translations& en = set.for_locale("en");
  const core::Translations& es = set.for_locale("es");
  const core::CivilDate date{2025, 3, 3};  // a Monday
  CHECK(core::format_date_long(en, date) == "Monday, March 3, 2025");
  CHECK(core::format_date_long(es, date) == "lunes, 3 de marzo de 2025");
  CHECK(core::format_date_short(en, date) == "Mar 3");
  CHECK(core::format_date_short(es, date) == "3 mar");
  CHECK(core::weekday_name(es, core::CivilDate{2025, 3, 5}.weekday()) == "mi\xC3\xA9rcoles");
  CHECK(core::month_name(en, 12) == "December");
}

TEST_CASE("broken translation files are reported with positions", "[i18n]") {
  core::Diagnostics problems;
  const core::Translations t = core::Translations::parse(
      "{\n  \"a\": \"A\",\n  \"b\": 3,\n  \"c\": {\"one\": \"x\"},\n  \"d\": {\"few\": \"y\", \"lots\": "
      "\"z\", \"other\": \"w\"},\n  \"a\": \"again\"\n}",
      "xx.json", "xx", problems);
  std::vector<std::string> lines;
  for (const auto& d : problems.items()) lines.push_back(d.format());
  INFO(lines.size());
  for (const auto& l : lines) UNSCOPED_INFO(l);
  REQUIRE(problems.error_count() == 4);
  CHECK(problems.items()[0].code == "E-DUPLICATE-KEY");
  const auto has = [&](int line, const std::string& code) {
    return std::any_of(problems.items().begin(), problems.items().end(),
                       [&](const core::Diagnostic& d) { return d.line == line && d.code == code; });
  };
  CHECK(has(3, "E-TYPE"));    // "b": 3
  CHECK(has(4, "E-PLURAL"));  // no "other"
  CHECK(has(5, "E-PLURAL"));  // "lots"
  CHECK(t.text("a") == "A");  // the first of duplicates wins
  CHECK_FALSE(t.has("b"));
  CHECK_FALSE(t.has("d"));

  core::Diagnostics missing;
  core::Translations::load_file("/nonexistent/zz.json", "zz", missing);
  REQUIRE(missing.error_count() == 1);
  CHECK(missing.items()[0].code == "E-FILE");
}

TEST_CASE("format_text fills names and leaves the rest", "[i18n]") {
  CHECK(core::format_text("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
  CHECK(core::format_text("{a} {unknown} {", {{"a", "x"}}) == "x {unknown} {");
  CHECK(core::format_text("", {}) == "");
}
