// The pack guide must not lie: every ```json block in docs/pack-format.md marked
// `<!-- example: valid -->` loads with no diagnostic, every block marked
// `<!-- example: invalid CODE... -->` produces exactly those codes, and every diagnostic code the
// loader can emit is documented there.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/pack_loader.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

const fs::path kSourceDir = fs::path(RESPITE_SOURCE_DIR);

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Example {
  int line = 0;                    // line of the marker in the guide
  std::vector<std::string> codes;  // empty: must be valid
  std::string json;
};

std::vector<Example> marked_examples(const std::string& doc) {
  std::vector<Example> examples;
  std::istringstream in(doc);
  std::string line;
  int number = 0;
  std::optional<Example> pending;
  bool in_block = false;
  while (std::getline(in, line)) {
    ++number;
    if (in_block) {
      if (line == "```") {
        examples.push_back(*pending);
        pending.reset();
        in_block = false;
      } else {
        pending->json += line + "\n";
      }
      continue;
    }
    if (line.rfind("<!-- example: ", 0) == 0) {
      Example example;
      example.line = number;
      std::istringstream words(line.substr(14));
      std::string kind;
      words >> kind;
      REQUIRE((kind == "valid" || kind == "invalid"));
      for (std::string word; words >> word && word != "-->";) example.codes.push_back(word);
      REQUIRE(example.codes.empty() == (kind == "valid"));
      pending = example;
      continue;
    }
    if (pending && line == "```json") in_block = true;
  }
  REQUIRE_FALSE(pending.has_value());  // a marker without its block
  return examples;
}

}  // namespace

TEST_CASE("the examples in docs/pack-format.md behave as marked", "[content][docs]") {
  const std::string doc = read_file(kSourceDir / "docs" / "pack-format.md");
  const std::vector<Example> examples = marked_examples(doc);
  int valid = 0;
  for (const Example& example : examples) {
    INFO("docs/pack-format.md example at line " << example.line);
    const PackLoadResult result =
        parse_pack_manifest(example.json, "example-" + std::to_string(example.line) + ".json", "docs");
    std::string all;
    std::set<std::string> found;
    for (const Diagnostic& d : result.diagnostics.items()) {
      all += d.format() + "\n";
      found.insert(d.code);
    }
    INFO(all);
    if (example.codes.empty()) {
      ++valid;
      CHECK(result.diagnostics.items().empty());
      CHECK(result.pack.has_value());
    } else {
      CHECK(found == std::set<std::string>(example.codes.begin(), example.codes.end()));
    }
  }
  CHECK(valid >= 2);
  CHECK(examples.size() >= 4);
}

TEST_CASE("every diagnostic code the loader emits is documented", "[content][docs]") {
  const std::string doc = read_file(kSourceDir / "docs" / "pack-format.md");
  std::set<std::string> codes;
  const std::regex literal("\"([EW]-[A-Z0-9-]+)\"");
  for (const char* source :
       {"engine/core/pack_loader.cpp", "engine/core/pack_reader.cpp", "engine/core/pack_reader_items.cpp",
        "engine/core/json_document.cpp", "engine/core/archive_reader.cpp", "engine/core/asset_probe.cpp"}) {
    const std::string text = read_file(kSourceDir / source);
    for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
      codes.insert((*it)[1]);
  }
  CHECK(codes.size() >= 20);
  for (const std::string& code : codes) {
    INFO(code);
    CHECK(doc.find("| `" + code + "` |") != std::string::npos);
  }
}
