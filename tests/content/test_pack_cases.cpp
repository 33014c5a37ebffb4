// Runs every pack under tests/content: each valid/<case>/pack.json must load with no diagnostic at
// all and describe exactly its summary.txt (load -> model -> summary), also when packed into a
// .respack; each invalid/<case>/pack.json must produce exactly the lines of its expected.txt. The
// manifests are named "invalid/<case>/pack.json" in diagnostics, so the expected text is the same
// on every machine. See tests/content/README.md for how to add a case.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/pack_build.h"
#include "core/pack_loader.h"
#include "core/pack_summary.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

const fs::path kContentDir = fs::path(RESPITE_TEST_DATA_DIR) / "content";

std::vector<std::string> case_names(const std::string& kind) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(kContentDir / kind)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string formatted(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += d.format() + "\n";
  return out;
}

}  // namespace

TEST_CASE("every valid pack loads with no diagnostics and round-trips to its summary", "[content][pack]") {
  const auto names = case_names("valid");
  REQUIRE(names.size() >= 6);
  const bool update = std::getenv("RESPITE_UPDATE_EXPECTED") != nullptr;
  for (const std::string& name : names) {
    INFO("valid/" << name);
    const fs::path dir = kContentDir / "valid" / name;
    const PackLoadResult result = load_pack_named(dir.string(), "valid/" + name + "/pack.json");
    CHECK(formatted(result.diagnostics) == "");
    REQUIRE(result.pack.has_value());
    const std::string summary = describe_pack(*result.pack);
    if (update) std::ofstream(dir / "summary.txt", std::ios::binary) << summary;
    REQUIRE(fs::exists(dir / "summary.txt"));
    CHECK(summary == read_text(dir / "summary.txt"));

    // The same pack packed into a .respack reads back as the same model.
    const PackBuildResult built = build_pack(dir.string());
    INFO(built.error);
    REQUIRE(built.archive);
    const PackLoadResult archived = load_pack_archive(*built.archive, name + ".respack", name + ".respack");
    CHECK(formatted(archived.diagnostics) == "");
    REQUIRE(archived.pack);
    CHECK(describe_pack(*archived.pack) == summary);
  }
}

TEST_CASE("every invalid pack produces exactly its expected diagnostics", "[content][pack]") {
  const auto names = case_names("invalid");
  REQUIRE(names.size() >= 25);
  // RESPITE_UPDATE_EXPECTED=1 rewrites the expected files; review the diff before committing it.
  const bool update = std::getenv("RESPITE_UPDATE_EXPECTED") != nullptr;
  for (const std::string& name : names) {
    INFO("invalid/" << name);
    const fs::path dir = kContentDir / "invalid" / name;
    const PackLoadResult result = load_pack_named(dir.string(), "invalid/" + name + "/pack.json");
    const std::string actual = formatted(result.diagnostics);
    if (update) std::ofstream(dir / "expected.txt", std::ios::binary) << actual;
    REQUIRE(fs::exists(dir / "expected.txt"));
    const std::string expected = read_text(dir / "expected.txt");
    CHECK(actual == expected);
    CHECK_FALSE(actual.empty());
    // A pack with errors never reaches the catalog; warnings alone do not stop it.
    CHECK(result.pack.has_value() == !result.diagnostics.has_errors());
  }
}
