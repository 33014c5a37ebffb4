// `respite list`, `respite plan` and `respite pack validate` through cli::run, as a script sees
// them: output, errors and exit codes (0 ok, 1 invalid input, 2 usage).
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"

using respite::cli::run;
using namespace respite::core;

namespace {

const std::string kContentDir = std::string(RESPITE_TEST_DATA_DIR) + "/content";
const std::string kBundled = std::string(RESPITE_SOURCE_DIR) + "/content/packs/clinician-essentials";

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

Result run_respite(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  Result result;
  result.code = run(args, {}, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("respite list --json lists the bundled catalog", "[content][cli]") {
  const Result r = run_respite({"list", "--pack", kBundled, "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  const rapidjson::Document doc = parse_json(r.out);
  REQUIRE(doc["packs"].Size() == 1);
  CHECK(std::string(doc["packs"][0]["id"].GetString()) == "clinician-essentials");
  CHECK(std::string(doc["packs"][0]["version"].GetString()) == "1.0.0");
  CHECK(std::string(doc["packs"][0]["title"].GetString()) == "Clinician Essentials");
  CHECK(std::string(doc["packs"][0]["source"].GetString()) == kBundled);
  const auto& items = doc["items"];
  REQUIRE(items.Size() >= 7);
  const auto& first = items[0];
  CHECK(std::string(first["id"].GetString()) == "clinician-essentials/two-minute-reset");
  CHECK(std::string(first["pack"].GetString()) == "clinician-essentials");
  CHECK(std::string(first["kind"].GetString()) == "breathing");
  CHECK(std::string(first["title"].GetString()) == "Two-minute reset");
  CHECK(first["summary"].GetStringLength() > 0);
  CHECK(first["tags"].IsArray());
  CHECK(first["planned_seconds"].GetDouble() == 120.0);
  // Every length is the exact planned length, as make_plan gives it.
  const PackLoadResult loaded = load_pack(kBundled);
  REQUIRE(loaded.pack);
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const auto ref = ItemRef::parse(items[i]["id"].GetString());
    REQUIRE(ref);
    const Item* item = loaded.pack->find(ref->item_id);
    REQUIRE(item);
    const Millis expected = item->kind == ItemKind::Module ? item->duration.value_or(Millis(0))
                                                           : make_plan(*ref, *item, PlanSettings{}).planned;
    CHECK(std::llround(items[i]["planned_seconds"].GetDouble() * 1000) == expected.count());
  }
}

TEST_CASE("respite list without --pack uses the bundled packs; --locale picks a language", "[content][cli]") {
  if (std::getenv("RESPITE_PACKS_DIR") != nullptr) return;
  const Result r = run_respite({"list", "--json", "--locale", "es"});
  REQUIRE(r.code == 0);
  const rapidjson::Document doc = parse_json(r.out);
  bool found = false;
  for (const auto& item : doc["items"].GetArray()) {
    if (std::string(item["id"].GetString()) == "clinician-essentials/two-minute-reset") {
      found = true;
      CHECK(std::string(item["title"].GetString()) == "Pausa de dos minutos");
    }
  }
  CHECK(found);
}

TEST_CASE("respite list prints a table without --json", "[content][cli]") {
  const Result r = run_respite({"list", "--pack", kContentDir + "/valid/minimal"});
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "ITEM            KIND        TIME  TITLE\n"
        "test-pack/calm  breathing   1:00  Calm\n");
}

TEST_CASE("respite list reports broken packs, lists the rest and exits 1", "[content][cli]") {
  const Result r = run_respite({"list", "--pack", kContentDir + "/valid/minimal", "--pack",
                                kContentDir + "/invalid/bad-default-item", "--json"});
  CHECK(r.code == 1);
  CHECK(r.err.find("error[E-UNKNOWN-REF]: $.default_item: no item in this pack has the id \"clam\"") !=
        std::string::npos);
  const rapidjson::Document doc = parse_json(r.out);
  CHECK(doc["packs"].Size() == 1);
}

TEST_CASE("respite list usage errors exit 2", "[content][cli]") {
  CHECK(run_respite({"list", "--bogus"}).code == 2);
  CHECK(run_respite({"list", "extra"}).code == 2);
  CHECK(run_respite({"list", "--pack"}).code == 2);
  CHECK(run_respite({"list", "--json=yes"}).code == 2);
  CHECK(run_respite({"list", "--bogus"}).err ==
        "respite list: unknown option '--bogus' (see 'respite help')\n");
}

TEST_CASE("respite plan --json prints the deterministic timeline", "[content][cli]") {
  const std::vector<std::string> args = {"plan", "clinician-essentials/two-minute-reset", "--pack", kBundled,
                                         "--json"};
  const Result r = run_respite(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(run_respite(args).out == r.out);  // same input, same bytes
  const rapidjson::Document doc = parse_json(r.out);
  CHECK(std::string(doc["id"].GetString()) == "clinician-essentials/two-minute-reset");
  CHECK(doc["planned_seconds"].GetDouble() == 120.0);
  CHECK(doc["minimum_seconds"].GetDouble() == 90.0);
  CHECK(std::string(doc["pacer"].GetString()) == "circle");
  const auto& phases = doc["phases"];
  REQUIRE(phases.Size() == 24);
  CHECK(std::string(phases[0]["kind"].GetString()) == "inhale");
  CHECK(phases[0]["start"].GetDouble() == 0.0);
  CHECK(phases[0]["seconds"].GetDouble() == 4.0);
  CHECK(phases[0]["cycle"].GetInt() == 0);
  CHECK(std::string(phases[23]["kind"].GetString()) == "exhale");
  CHECK(phases[23]["start"].GetDouble() == 114.0);
  CHECK(phases[23]["cycle"].GetInt() == 11);
  const auto& cues = doc["cues"];
  REQUIRE(cues.Size() == 25);
  CHECK(cues[1]["at"].GetDouble() == 4.0);
  CHECK(std::string(cues[1]["phase"].GetString()) == "exhale");
  CHECK(std::string(cues[1]["sound"].GetString()) == "exhale");
  CHECK(std::string(cues[1]["haptic"].GetString()) == "fall");
  CHECK(std::string(cues[1]["caption"].GetString()) == "Breathe out slowly");
  CHECK(std::string(cues[24]["phase"].GetString()) == "end");
  CHECK(cues[24]["at"].GetDouble() == 120.0);
  // Integers print as integers.
  CHECK(r.out.find("\"planned_seconds\": 120,") != std::string::npos);
}

TEST_CASE("respite plan prints fractional seconds exactly", "[content][cli]") {
  const Result r = run_respite(
      {"plan", "full-featured/progression", "--pack", kContentDir + "/valid/full-featured", "--json"});
  REQUIRE(r.code == 0);
  // 10 cycles: the exhale grows from 6 s to 8.125 s in steps of 0.236111 s, rounded to whole ms.
  CHECK(r.out.find("\"seconds\": 8.125") != std::string::npos);
  CHECK(r.out.find("\"seconds\": 6.236,") != std::string::npos);
  CHECK(r.out.find("\"minimum_seconds\": 60.5,") != std::string::npos);
  CHECK(r.out.find("e-") == std::string::npos);
  CHECK(r.out.find("99999") == std::string::npos);
}

TEST_CASE("respite plan --locale es gives Spanish captions", "[content][cli]") {
  const Result r = run_respite(
      {"plan", "clinician-essentials/two-minute-reset", "--pack", kBundled, "--json", "--locale", "es"});
  REQUIRE(r.code == 0);
  const PackLoadResult loaded = load_pack(kBundled);
  REQUIRE(loaded.pack);
  const Item* item = loaded.pack->find("two-minute-reset");
  REQUIRE(item);
  REQUIRE(item->breathing.phases[0].cue);
  const LocalizedText& caption = item->breathing.phases[0].cue->caption;
  REQUIRE(caption.has("es"));
  CHECK(caption.get("es") != caption.get("en"));
  CHECK(r.out.find("\"caption\": \"" + caption.get("es") + "\"") != std::string::npos);
}

TEST_CASE("respite plan without --json prints a readable timeline", "[content][cli]") {
  const Result r = run_respite({"plan", "test-pack/calm", "--pack", kContentDir + "/valid/minimal"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("test-pack/calm: Calm\n  6 cycles, 60 s (complete after 60 s), pacer circle\n", 0) == 0);
  CHECK(r.out.find("      54 s  exhale   6 s\n") != std::string::npos);
  CHECK(r.out.find("      60 s  end\n") != std::string::npos);
}

TEST_CASE("respite plan rejects malformed and unknown ids", "[content][cli]") {
  const Result malformed = run_respite({"plan", "two-minute-reset", "--pack", kBundled});
  CHECK(malformed.code == 2);
  CHECK(malformed.err.find("expected PACK_ID/ITEM_ID") != std::string::npos);
  CHECK(run_respite({"plan", "a/b/c", "--pack", kBundled}).code == 2);
  CHECK(run_respite({"plan", "--pack", kBundled}).code == 2);
  CHECK(run_respite({"plan", "x/y", "z/w", "--pack", kBundled}).code == 2);
  const Result unknown = run_respite({"plan", "clinician-essentials/nope", "--pack", kBundled, "--json"});
  CHECK(unknown.code == 1);
  CHECK(unknown.out.empty());
  CHECK(unknown.err ==
        "respite plan: no item 'clinician-essentials/nope' in the loaded packs (see 'respite list')\n");
  CHECK(run_respite({"plan", "no-such-pack/x", "--pack", kBundled}).code == 1);
}

TEST_CASE("respite pack validate passes the bundled pack", "[content][cli]") {
  const Result r = run_respite({"pack", "validate", kBundled});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "clinician-essentials: 0 errors, 0 warnings\n");
}

TEST_CASE("respite pack validate prints every diagnostic and fails on errors", "[content][cli]") {
  const std::string dir = kContentDir + "/invalid/cue-problems";
  const Result r = run_respite({"pack", "validate", dir, kBundled});
  CHECK(r.code == 1);
  CHECK(r.out == "test-pack: 6 errors, 0 warnings\nclinician-essentials: 0 errors, 0 warnings\n");
  // The same lines as the case's expected.txt, with the path as given on the command line.
  std::string expected = read_file(dir + "/expected.txt");
  const std::string display = "invalid/cue-problems/pack.json";
  const std::string given = dir + "/pack.json";
  for (std::size_t at = expected.find(display); at != std::string::npos;
       at = expected.find(display, at + given.size())) {
    expected.replace(at, display.size(), given);
  }
  CHECK(r.err == expected);
}

TEST_CASE("respite pack validate: warnings alone pass", "[content][cli]") {
  const Result r = run_respite({"pack", "validate", kContentDir + "/invalid/unknown-fields"});
  CHECK(r.code == 0);
  CHECK(r.out == "test-pack: 0 errors, 8 warnings\n");
  CHECK(r.err.find(
            "warning[W-UNKNOWN-FIELD]: $.items[0].phases[0].secnds: unknown field \"secnds\" is ignored; "
            "did you mean \"seconds\"?") != std::string::npos);
}

TEST_CASE("respite pack validate names a pack it could not read by its path", "[content][cli]") {
  const std::string missing = kContentDir + "/no-such-pack";
  const Result r = run_respite({"pack", "validate", missing});
  CHECK(r.code == 1);
  CHECK(r.out == missing + ": 1 error, 0 warnings\n");
  CHECK(r.err == missing + ":0:0: error[E-IO]: $: no such file or folder\n");
}

TEST_CASE("respite pack usage errors exit 2", "[content][cli]") {
  CHECK(run_respite({"pack"}).code == 2);
  CHECK(run_respite({"pack", "validate"}).code == 2);
  CHECK(run_respite({"pack", "validate", "--strict", kBundled}).code == 2);
  CHECK(run_respite({"pack", "frobnicate"}).code == 2);
  CHECK(run_respite({"pack", "new"}).code == 2);
  CHECK(run_respite({"pack", "new", "a", "b"}).code == 2);
  CHECK(run_respite({"pack", "build", kBundled}).code == 2);                      // no -o
  CHECK(run_respite({"pack", "build", kBundled, "-o", "/tmp/x.zip"}).code == 2);  // not .respack
  CHECK(run_respite({"pack", "info"}).code == 2);
  CHECK(run_respite({"pack", "keygen"}).code == 2);
  CHECK(run_respite({"pack", "sign", "x.respack"}).code == 2);    // no --key
  CHECK(run_respite({"pack", "verify", "x.respack"}).code == 2);  // no --key
}
