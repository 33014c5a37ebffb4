// Keeps docs/pack.schema.json honest: every pack the loader accepts cleanly must satisfy the
// schema, and invalid cases the schema can express must fail it. RapidJSON's validator speaks
// draft-04; the schema uses only keywords that mean the same there and in draft 2020-12 (plus
// "dependencies", which 2020-12 ignores, next to its "dependentRequired").
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kContentDir = fs::path(RESPITE_TEST_DATA_DIR) / "content";
const fs::path kSourceDir = fs::path(RESPITE_SOURCE_DIR);

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const rapidjson::SchemaDocument& pack_schema() {
  static const rapidjson::SchemaDocument schema = [] {
    rapidjson::Document doc;
    std::string text = read_file(kSourceDir / "docs" / "pack.schema.json");
    // RapidJSON 1.1 does not resolve references into "$defs" (2020-12's name for draft-04's
    // "definitions"); rename them for it.
    for (std::size_t at = text.find("$defs"); at != std::string::npos; at = text.find("$defs", at)) {
      text.replace(at, 5, "definitions");
    }
    doc.Parse(text.c_str(), text.size());
    if (doc.HasParseError()) FAIL("docs/pack.schema.json is not valid JSON");
    return rapidjson::SchemaDocument(doc);
  }();
  return schema;
}

// Empty when `manifest` satisfies the schema, else where it failed.
std::string schema_problem(const fs::path& manifest) {
  rapidjson::Document doc;
  std::string text = read_file(manifest);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) return "not JSON";
  rapidjson::SchemaValidator validator(pack_schema());
  if (doc.Accept(validator)) return "";
  rapidjson::StringBuffer where;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
  return std::string(validator.GetInvalidSchemaKeyword()) + " at " + where.GetString();
}

}  // namespace

TEST_CASE("the bundled pack and every valid case satisfy pack.schema.json", "[content][schema]") {
  CHECK(schema_problem(kSourceDir / "content" / "packs" / "clinician-essentials" / "pack.json") == "");
  int count = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kContentDir / "valid")) {
    INFO(entry.path().string());
    CHECK(schema_problem(entry.path() / "pack.json") == "");
    ++count;
  }
  CHECK(count >= 6);
  // Item files too.
  for (const char* file :
       {"valid/template-pack/items/learning.json", "valid/template-pack/items/micro-breaks.json"}) {
    INFO(file);
    CHECK(schema_problem(kContentDir / file) == "");
  }
}

TEST_CASE("pack.schema.json rejects what the loader rejects, where a schema can tell", "[content][schema]") {
  for (const char* name : {"both-cycles-and-duration",
                           "bad-ids-and-formats",
                           "cue-problems",
                           "cycles-out-of-range",
                           "empty-items",
                           "empty-phases",
                           "empty-texts",
                           "evidence-problems",
                           "format-version-future",
                           "format-version-missing",
                           "format-version-string",
                           "hold-without-caution",
                           "missing-fields",
                           "nan-like-strings",
                           "negative-seconds",
                           "no-length",
                           "not-an-item",
                           "phase-too-long",
                           "root-not-object",
                           "ten-hour-hold",
                           "too-many-phases",
                           "unknown-fields",
                           "unknown-phase-kind",
                           "unsupported-kinds",
                           "wrong-types",
                           "v1-with-v2-features",
                           "v2-breathing-units-rounds",
                           "v2-checkin-problems",
                           "v2-micro-break-problems",
                           "v2-module-problems",
                           "v2-program-days",
                           "v2-item-files-problems",
                           "v2-program-unknown-refs"}) {
    INFO(name);
    CHECK(schema_problem(kContentDir / "invalid" / name / "pack.json") != "");
  }
}
