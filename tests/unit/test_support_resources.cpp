// Crisis and support resources: the bundled defaults load cleanly, entries are chosen by region
// (with subdivisions and an "everywhere" fallback) and texts by locale (with fallback), a unit's own
// file adds and overrides entries without hiding the bundled ones, and broken input gets exact
// diagnostics without ever costing the bundled crisis lines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "core/support_resources.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

const std::string kBundledFile = std::string(RESPITE_SOURCE_DIR) + "/content/support/resources.json";
const std::string kUnitExample =
    std::string(RESPITE_SOURCE_DIR) + "/content/support/unit-resources.example.json";
const std::vector<std::string> kAllRegions = {"US", "GB-ENG", "GB-WLS", "IE", "ES", "ZZ"};  // every entry

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("respite-support-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::vector<std::string> ids(const SupportResources& data) {
  std::vector<std::string> out;
  for (const SupportResource& r : data.resources) out.push_back(r.id);
  return out;
}

std::string all_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += d.format() + "\n";
  return out;
}

const SupportResource* find(const SupportResources& data, const std::string& id) {
  for (const SupportResource& r : data.resources) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// The most recent `verified` date in the bundled file: "today" for tests that need a clean load,
// so that re-verifying an entry never breaks them.
CivilDate latest_verified() {
  CivilDate latest{1970, 1, 1};
  for (const std::string& region : kAllRegions) {
    for (const SupportResource& r : load_support_resources(kBundledFile, "", "en", region).data.resources) {
      if (r.verified && *r.verified > latest) latest = *r.verified;
    }
  }
  return latest;
}

SupportLoadOptions on_verified_day() {
  SupportLoadOptions options;
  options.today = latest_verified();
  return options;
}

// A small bundled file for tests that need to control every entry.
const std::string kSmallBundled = R"json({
  "format_version": 1,
  "locales": ["en", "es"],
  "notice": {"en": "Not medical advice.", "es": "No es consejo médico."},
  "resources": [
    {"id": "x-emergency", "kind": "emergency", "name": {"en": "Call 000", "es": "Llama al 000"},
     "description": {"en": "Danger", "es": "Peligro"}, "regions": ["XA"],
     "contacts": [{"type": "phone", "value": "000"}], "verified": "2026-11-01", "sources": ["https://example.org/x"]},
    {"id": "x-crisis", "kind": "crisis", "name": {"en": "X line", "es": "Línea X"},
     "description": {"en": "Talk", "es": "Habla"}, "regions": ["XA"],
     "contacts": [{"type": "phone", "value": "+99 (0) 12-34"}], "verified": "2026-11-01", "sources": ["https://example.org/x"]},
    {"id": "anywhere-emergency", "kind": "emergency", "name": {"en": "Emergency", "es": "Emergencia"},
     "description": {"en": "Local number", "es": "Número local"}, "regions": ["*"], "verified": "2026-11-01"}
  ]
})json";

}  // namespace

TEST_CASE("the bundled support resources load with no diagnostics", "[unit][support]") {
  const SupportLoadResult result = load_support_resources(kBundledFile, "", "en", "US", on_verified_day());
  INFO(all_diagnostics(result.diagnostics));
  CHECK(result.diagnostics.items().empty());
  CHECK_FALSE(result.data.notice.empty());
  CHECK(result.data.notice.find("not a medical device") != std::string::npos);
  CHECK(result.data.notice.find("not a crisis service") != std::string::npos);
}

TEST_CASE("every bundled entry names when and where it was verified, in both languages", "[unit][support]") {
  // Every region the defaults cover, so every entry is seen at least once.
  std::set<std::string> seen;
  for (const std::string& region : kAllRegions) {
    for (const char* locale : {"en", "es"}) {
      const SupportLoadResult result =
          load_support_resources(kBundledFile, "", locale, region, on_verified_day());
      REQUIRE(result.diagnostics.items().empty());
      for (const SupportResource& r : result.data.resources) {
        INFO(r.id << " " << locale);
        seen.insert(r.id);
        REQUIRE(r.verified);
        CHECK_FALSE(r.name.empty());
        CHECK_FALSE(r.description.empty());
        if (!r.contacts.empty()) CHECK_FALSE(r.sources.empty());
        for (const std::string& url : r.sources) CHECK(url.rfind("http", 0) == 0);
        for (const SupportContact& c : r.contacts) {
          if (c.type == ContactType::Phone || c.type == ContactType::Sms) CHECK_FALSE(c.dial.empty());
        }
      }
    }
  }
  CHECK(seen.size() == 11);  // every entry in content/support/resources.json
  // Spanish and English texts differ (a missing translation would repeat the English).
  const auto en = load_support_resources(kBundledFile, "", "en", "US", on_verified_day());
  const auto es = load_support_resources(kBundledFile, "", "es", "US", on_verified_day());
  REQUIRE(en.data.resources.size() == es.data.resources.size());
  for (std::size_t i = 0; i < en.data.resources.size(); ++i) {
    CHECK(en.data.resources[i].description != es.data.resources[i].description);
  }
  CHECK(en.data.notice != es.data.notice);
}

TEST_CASE("the defaults per region: emergency first, then crisis, then clinician lines", "[unit][support]") {
  const auto pick = [](const char* locale, const char* region) {
    return ids(load_support_resources(kBundledFile, "", locale, region, on_verified_day()).data);
  };
  CHECK(pick("en", "US") ==
        std::vector<std::string>{"us-emergency-911", "us-988-lifeline", "us-physician-support-line"});
  CHECK(pick("en", "GB-ENG") == std::vector<std::string>{"gb-emergency-999", "samaritans",
                                                         "gb-nhs-111-mental-health",
                                                         "gb-eng-practitioner-health"});
  // Scotland routes NHS 111 differently and has no Practitioner Health: only the UK-wide entries.
  CHECK(pick("en", "GB-SCT") == std::vector<std::string>{"gb-emergency-999", "samaritans"});
  // A region given without its nation shows the nation-specific entries too (their texts name the nation).
  CHECK(pick("en", "GB") == pick("en", "GB-ENG"));
  // Ireland has Samaritans but no bundled emergency entry: the generic one fills the gap.
  CHECK(pick("en", "IE") == std::vector<std::string>{"everywhere-emergency", "samaritans"});
  CHECK(pick("es", "ES") == std::vector<std::string>{"es-emergency-112", "es-024"});
  // A region with no entries of its own gets the generic advice only, never another country's numbers.
  CHECK(pick("es", "MX") == std::vector<std::string>{"everywhere-emergency", "everywhere-support"});
  // Region codes are accepted in any case and with "_" (as some platforms write them).
  CHECK(pick("en", "gb_eng") == pick("en", "GB-ENG"));
}

TEST_CASE("the region comes from the locale when none is given", "[unit][support]") {
  const auto es_es = load_support_resources(kBundledFile, "", "es-ES", "", on_verified_day());
  CHECK(es_es.data.region == "ES");
  CHECK(ids(es_es.data) == std::vector<std::string>{"es-emergency-112", "es-024"});
  const auto en_us = load_support_resources(kBundledFile, "", "en-US", "", on_verified_day());
  CHECK(en_us.data.region == "US");
  // "es-419" (Latin America) names no single country: generic entries only.
  const auto es_419 = load_support_resources(kBundledFile, "", "es-419", "", on_verified_day());
  CHECK(es_419.data.region.empty());
  CHECK(ids(es_419.data) == std::vector<std::string>{"everywhere-emergency", "everywhere-support"});
  // An explicit region wins over the locale's.
  CHECK(load_support_resources(kBundledFile, "", "es-ES", "US", on_verified_day()).data.region == "US");
}

TEST_CASE("texts fall back from the full locale to the language to the default", "[unit][support]") {
  const auto es_us = load_support_resources(kBundledFile, "", "es-US", "", on_verified_day());
  const SupportResource* line = find(es_us.data, "us-988-lifeline");
  REQUIRE(line);
  CHECK(line->description.find("AYUDA") != std::string::npos);  // Spanish text for es-US
  CHECK(line->hours == "Las 24 horas, todos los días");
  REQUIRE(line->contacts.size() == 3);
  CHECK(line->contacts[0].label == "Llamar al 988 (marca 2 para español)");
  CHECK(es_us.data.notice.rfind("Respite apoya", 0) == 0);

  const auto fr = load_support_resources(kBundledFile, "", "fr-FR", "US", on_verified_day());
  const SupportResource* english = find(fr.data, "us-988-lifeline");
  REQUIRE(english);
  CHECK(english->hours == "24 hours a day, 7 days a week");
  CHECK(fr.data.notice.rfind("Respite supports", 0) == 0);
}

TEST_CASE("contacts keep what people read and what a dialler needs", "[unit][support]") {
  const auto us = load_support_resources(kBundledFile, "", "en", "US", on_verified_day());
  const SupportResource* psl = find(us.data, "us-physician-support-line");
  REQUIRE(psl);
  REQUIRE_FALSE(psl->contacts.empty());
  CHECK(psl->contacts[0].value == "1-888-409-0141");
  CHECK(psl->contacts[0].dial == "18884090141");
  const auto gb = load_support_resources(kBundledFile, "", "en", "GB", on_verified_day());
  const SupportResource* samaritans = find(gb.data, "samaritans");
  REQUIRE(samaritans);
  CHECK(samaritans->contacts[0].value == "116 123");
  CHECK(samaritans->contacts[0].dial == "116123");
  CHECK(samaritans->contacts[1].type == ContactType::Web);
  CHECK(samaritans->contacts[1].dial.empty());

  const auto small = parse_support_resources(kSmallBundled, "resources.json", "", "", "en", "XA", {});
  REQUIRE(small.diagnostics.items().empty());
  const SupportResource* x = find(small.data, "x-crisis");
  REQUIRE(x);
  CHECK(x->contacts[0].dial == "+9901234");
}

TEST_CASE("a unit's entries come first and can replace a bundled entry", "[unit][support]") {
  TempDir dir;
  const std::string unit = dir.write("unit-resources.json", R"json({
  "format_version": 1,
  "locales": ["en", "es"],
  "resources": [
    {"id": "unit-eap", "kind": "eap", "name": {"en": "EAP", "es": "PAE"},
     "description": {"en": "Counselling", "es": "Orientación"},
     "contacts": [{"type": "phone", "value": "555 0100"}], "verified": "2026-11-20"},
    {"id": "samaritans", "kind": "crisis", "name": {"en": "Samaritans (local branch)", "es": "Samaritans (sede local)"
}
, "description" : {"en" : "Our local branch", "es" : "Nuestra sede local"},
                  "regions" : ["GB"],
                              "contacts" : [ {"type" : "phone", "value" : "116 123"} ],
                                           "verified" : "2026-11-20"
},
    {"id": "unit-spain-only", "kind": "other", "name": {"en": "Madrid office", "es": "Oficina de Madrid"},
     "description": {"en": "Only in Spain", "es": "Solo en España"}, "regions": ["ES"], "verified": "2026-11-20"}
  ]
})json");
  const SupportLoadResult gb = load_support_resources(kBundledFile, unit, "en", "GB-ENG", on_verified_day());
  INFO(all_diagnostics(gb.diagnostics));
  CHECK(gb.diagnostics.items().empty());
  CHECK(ids(gb.data) == std::vector<std::string>{"unit-eap", "samaritans", "gb-emergency-999",
                                                 "gb-nhs-111-mental-health", "gb-eng-practitioner-health"});
  const SupportResource* samaritans = find(gb.data, "samaritans");
  REQUIRE(samaritans);
  CHECK(samaritans->origin == SupportOrigin::Unit);
  CHECK(samaritans->overrides_bundled);
  CHECK(samaritans->name == "Samaritans (local branch)");
  const SupportResource* eap = find(gb.data, "unit-eap");
  REQUIRE(eap);
  CHECK(eap->origin == SupportOrigin::Unit);
  CHECK_FALSE(eap->overrides_bundled);
  CHECK(eap->regions == std::vector<std::string>{"*"});  // no regions: the unit's own, shown everywhere

  // In the US, the GB override does not apply: the unit's EAP, then the US defaults.
  const SupportLoadResult us = load_support_resources(kBundledFile, unit, "es", "US", on_verified_day());
  CHECK(ids(us.data) == std::vector<std::string>{"unit-eap", "us-emergency-911", "us-988-lifeline",
                                                 "us-physician-support-line"});
  CHECK(find(us.data, "unit-eap")->name == "PAE");
  // A region-specific unit entry counts for the "everywhere" fallback of its kind.
  const SupportLoadResult es = load_support_resources(kBundledFile, unit, "es", "ES", on_verified_day());
  CHECK(ids(es.data) ==
        std::vector<std::string>{"unit-eap", "unit-spain-only", "es-emergency-112", "es-024"});
}

TEST_CASE("the example unit file is valid", "[unit][support]") {
  const SupportLoadResult result =
      load_support_resources(kBundledFile, kUnitExample, "es", "ES", on_verified_day());
  INFO(all_diagnostics(result.diagnostics));
  CHECK(result.diagnostics.items().empty());
  CHECK(ids(result.data) == std::vector<std::string>{"unit-eap", "unit-peer-support", "unit-chaplaincy",
                                                     "es-emergency-112", "es-024"});
}

TEST_CASE("a missing unit file is normal; a missing bundled file is reported", "[unit][support]") {
  TempDir dir;
  const SupportLoadResult no_unit =
      load_support_resources(kBundledFile, dir.path("unit-resources.json"), "en", "US", on_verified_day());
  CHECK(no_unit.diagnostics.items().empty());
  CHECK(no_unit.data.resources.size() == 3);

  const std::string unit = dir.write("unit.json", R"json({"format_version": 1, "resources": [
    {"id": "unit-eap", "kind": "eap", "name": "EAP", "description": "Counselling", "verified": "2026-11-20"}]})json");
  const SupportLoadResult no_bundled = load_support_resources(dir.path("missing.json"), unit, "en", "US", {});
  REQUIRE(no_bundled.diagnostics.items().size() == 1);
  const Diagnostic& d = no_bundled.diagnostics.items()[0];
  CHECK(d.format() == dir.path("missing.json") + ":0:0: error[E-IO]: $: no such file");
  // The unit's entries are still there to show.
  CHECK(ids(no_bundled.data) == std::vector<std::string>{"unit-eap"});
  CHECK(no_bundled.data.notice.empty());
  CHECK(unit_resources_path("/data") == "/data/unit-resources.json");
}

TEST_CASE("a broken unit file is reported exactly and never hides the bundled lines", "[unit][support]") {
  // Line numbers below count from this raw string's first line.
  const std::string unit = R"json({
  "format_version": 1,
  "locales": ["en", "es"],
  "notice": "Our own notice",
  "resources": [
    {"id": "Bad Id", "kind": "crisys", "name": "X", "description": {"en": "Y", "es": "Z"}, "verified": "2026-11-20"},
    {"id": "unit-eap", "kind": "eap", "name": {"en": "EAP", "es": "PAE"}, "description": {"en": "D", "es": "D"},
     "contacts": [{"type": "phone", "value": "call us"}], "verified": "20-11-2026"},
    {"id": "unit-ok", "kind": "other", "name": {"en": "OK", "es": "Vale"}, "description": {"en": "D", "es": "D"},
     "contacts": [{"type": "email", "value": "help@example.org", "mesage": "x"}], "verified": "2026-11-20"},
    {"id": "unit-ok", "kind": "other", "name": {"en": "Again", "es": "Otra vez"},
     "description": {"en": "D", "es": "D"}, "verified": "2026-11-20"},
    {"kind": "peer_support", "description": {"en": "D", "es": "D"}}
  ]
})json";
  const SupportLoadResult result =
      parse_support_resources(kSmallBundled, "resources.json", unit, "unit-resources.json", "en", "XA", {});
  std::vector<std::string> lines;
  for (const Diagnostic& d : result.diagnostics.items()) lines.push_back(d.format());
  CHECK(
      lines ==
      std::vector<std::string>{
          "unit-resources.json:4:3: warning[W-UNKNOWN-FIELD]: $.notice: a unit file cannot change the "
          "\"notice\"; it is ignored (the bundled notice is shown)",
          "unit-resources.json:6:12: error[E-FORMAT]: $.resources[0].id: expected an id of 2 to 64 "
          "lowercase letters, digits and hyphens, starting with a letter or digit (like \"unit-eap\"), "
          "found the text \"Bad Id\"",
          "unit-resources.json:6:30: error[E-ENUM]: $.resources[0].kind: expected one of \"emergency\", "
          "\"crisis\", \"clinician_support\", \"peer_support\", \"eap\", \"chaplaincy\" or \"other\", found "
          "the text \"crisys\"; did you mean \"crisis\"?",
          "unit-resources.json:6:48: warning[W-MISSING-TRANSLATION]: $.resources[0].name: no \"es\" text, "
          "although the file lists en, es in \"locales\"; the \"en\" text is shown instead",
          "unit-resources.json:8:46: error[E-FORMAT]: $.resources[1].contacts[0].value: expected a phone "
          "number of digits, optionally with spaces, hyphens, dots, parentheses and a leading + (like "
          "\"116 123\" or \"+1-888-409-0141\"), found the text \"call us\"",
          "unit-resources.json:8:71: error[E-FORMAT]: $.resources[1].verified: expected a date "
          "\"YYYY-MM-DD\" (the day someone last checked the entry), found the text \"20-11-2026\"",
          "unit-resources.json:10:66: warning[W-UNKNOWN-FIELD]: $.resources[2].contacts[0].mesage: unknown "
          "field \"mesage\" is ignored; did you mean \"message\"?",
          "unit-resources.json:11:12: error[E-DUPLICATE-ID]: $.resources[3].id: the id \"unit-ok\" is "
          "already used by $.resources[2]; give each resource its own id",
          "unit-resources.json:13:5: error[E-MISSING]: $.resources[4]: missing the required field \"id\" "
          "(a short name for this entry, e.g. \"unit-eap\")",
          "unit-resources.json:13:5: error[E-MISSING]: $.resources[4]: missing the required field \"name\" "
          "(the name people see)",
          "unit-resources.json:13:5: error[E-MISSING]: $.resources[4]: missing the required field "
          "\"verified\" (the date someone last checked this entry, \"YYYY-MM-DD\")",
      });
  // Entries with errors are left out; the valid unit entry and every bundled entry remain.
  CHECK(ids(result.data) == std::vector<std::string>{"unit-ok", "x-emergency", "x-crisis"});
  CHECK(result.data.notice == "Not medical advice.");
}

TEST_CASE("a unit file that is not JSON is reported with its position", "[unit][support]") {
  const SupportLoadResult result =
      parse_support_resources(kSmallBundled, "resources.json",
                              "{\"format_version\": 1,\n \"resources\": [,]}", "unit.json", "en", "XA", {});
  REQUIRE(result.diagnostics.items().size() == 1);
  const Diagnostic& d = result.diagnostics.items()[0];
  CHECK(d.code == "E-JSON");
  CHECK(d.file == "unit.json");
  CHECK(d.line == 2);
  CHECK(d.column == 16);
  CHECK(ids(result.data) == std::vector<std::string>{"x-emergency", "x-crisis"});
}

TEST_CASE("the bundled file must carry the notice, sources and the default language", "[unit][support]") {
  const std::string bundled = R"json({
  "format_version": 1,
  "default_locale": "en",
  "resources": [
    {"id": "a-line", "kind": "crisis", "name": {"es": "Línea"}, "description": "Talk", "regions": ["us"],
     "contacts": [{"type": "web", "value": "www.example.org"}], "verified": "2026-11-20"},
    {"id": "b-line", "kind": "crisis", "name": "B", "description": "Talk", "regions": ["US"],
     "contacts": [{"type": "phone", "value": "123"}], "verified": "2026-11-20"}
  ]
})json";
  const SupportLoadResult result = parse_support_resources(bundled, "resources.json", "", "", "en", "US", {});
  std::vector<std::string> lines;
  for (const Diagnostic& d : result.diagnostics.items()) lines.push_back(d.format());
  CHECK(lines ==
        std::vector<std::string>{
            "resources.json:1:1: error[E-MISSING]: $: missing the required field \"notice\" (the \"not "
            "medical advice\" text for the about screen)",
            "resources.json:5:5: error[E-MISSING]: $.resources[0]: missing the required field \"sources\" "
            "(the web pages the numbers and addresses were checked against)",
            "resources.json:5:48: error[E-DEFAULT-LOCALE]: $.resources[0].name: no \"en\" text; every text "
            "needs one in the default language \"en\", shown when a translation is missing",
            "resources.json:5:100: error[E-FORMAT]: $.resources[0].regions[0]: expected a region code like "
            "\"US\", \"GB\" or \"GB-ENG\" (ISO 3166, upper case), or \"*\" for everywhere, found the "
            "text \"us\"",
            "resources.json:6:44: error[E-FORMAT]: $.resources[0].contacts[0].value: expected a web address "
            "starting with https:// or http://, found the text \"www.example.org\"",
            "resources.json:7:5: error[E-MISSING]: $.resources[1]: missing the required field \"sources\" "
            "(the web pages the numbers and addresses were checked against)",
        });
  CHECK(result.data.resources.empty());
}

TEST_CASE("verification dates older than a quarter are flagged; future dates are refused",
          "[unit][support]") {
  SupportLoadOptions options;
  options.today = CivilDate{2026, 11, 25};
  const auto fresh = parse_support_resources(kSmallBundled, "resources.json", "", "", "en", "XA", options);
  CHECK(fresh.diagnostics.items().empty());

  options.today = CivilDate{2027, 3, 1};  // 120 days after 2026-11-01
  const auto stale = parse_support_resources(kSmallBundled, "resources.json", "", "", "en", "XA", options);
  REQUIRE(stale.diagnostics.items().size() == 3);
  for (const Diagnostic& d : stale.diagnostics.items()) {
    CHECK(d.code == "W-STALE");
    CHECK(
        d.message ==
        "last verified 2026-11-01, 120 days ago (more than 92); check the number and its source again, then "
        "update the date");
  }
  CHECK(stale.data.resources.size() == 2);  // stale entries are still shown: an old number beats none

  options.today = CivilDate{2026, 10, 31};
  const auto future = parse_support_resources(kSmallBundled, "resources.json", "", "", "en", "XA", options);
  REQUIRE(future.diagnostics.items().size() == 3);
  CHECK(future.diagnostics.items()[0].code == "E-RANGE");
  CHECK(future.diagnostics.items()[0].message ==
        "the verification date 2026-11-01 is after today (2026-10-31); write the day the entry was actually "
        "checked");
  CHECK(future.data.resources.empty());
}

TEST_CASE("the bundled file needs re-verification once a quarter", "[unit][support]") {
  SupportLoadOptions options;
  options.today = CivilDate::from_days(latest_verified().to_days() + 93);
  const auto result = load_support_resources(kBundledFile, "", "en", "US", options);
  CHECK(result.diagnostics.warning_count() == 11);  // every entry
  CHECK_FALSE(result.diagnostics.has_errors());
}

TEST_CASE("the default bundled path is the source tree's file", "[unit][support]") {
  if (std::getenv("RESPITE_SUPPORT_FILE") != nullptr) return;
  CHECK(fs::equivalent(default_support_resources_path(), kBundledFile));
}
