// The pack loader beyond the case folders: what a manifest becomes in the model, how files are
// read (size cap, folders, missing files), custom limits, and how a catalog survives broken packs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <tuple>

#include "core/content_paths.h"
#include "core/pack_loader.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

const fs::path kContentDir = fs::path(RESPITE_TEST_DATA_DIR) / "content";

// A fresh folder under the system temp folder, removed again at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("respite-pack-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path path_;
};

std::string minimal_pack(const std::string& id) {
  return R"({"format_version": 1, "id": ")" + id + R"(", "version": "1.0.0", "title": "T",
  "items": [{"id": "calm", "kind": "breathing", "title": "Calm", "cycles": 2,
             "phases": [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 6}]}]})";
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items()) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("a manifest becomes the content model", "[content][pack]") {
  const std::string text = R"({
  "format_version": 1,
  "id": "model-test",
  "version": "3.2.1",
  "title": {"en": "Model", "es": "Modelo"},
  "default_locale": "en",
  "default_item": "second",
  "items": [
    {"id": "first", "kind": "breathing", "title": {"en": "A", "es": "A"}, "cycles": 3, "pacer": "box",
     "minimum_seconds": 20.25, "tags": ["x", "y-2"],
     "summary": {"en": "Sum", "es": "Res"},
     "phases": [
       {"kind": "inhale", "seconds": 4.5, "cue": {"sound": "inhale", "haptic": "rise", "caption": {"en": "In", "es": "Dentro"}}},
       {"kind": "hold_in", "seconds": 2},
       {"kind": "exhale", "seconds": 6, "to_seconds": 8.125},
       {"kind": "hold_out", "seconds": 1},
       {"kind": "top_up", "seconds": 0.5}
     ],
     "evidence": [{"text": "Ref", "url": "https://doi.org/10.1/x"}, {"text": "Book"}],
     "cautions": [{"en": "Careful", "es": "Cuidado"}]},
    {"id": "second", "kind": "breathing", "title": {"en": "B", "es": "B"}, "duration_seconds": 90,
     "phases": [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 6}]}
  ]
})";
  const PackLoadResult result = parse_pack_manifest(text, "model.json", "some/folder");
  std::string all;
  for (const Diagnostic& d : result.diagnostics.items()) all += d.format() + "\n";
  INFO(all);
  REQUIRE(result.diagnostics.items().empty());
  REQUIRE(result.pack);
  const Pack& pack = *result.pack;
  CHECK(pack.format_version == 1);
  CHECK(pack.id == "model-test");
  CHECK(pack.version == "3.2.1");
  CHECK(pack.title.get("es") == "Modelo");
  CHECK(pack.default_item == "second");
  CHECK(pack.source == "some/folder");
  CHECK(result.pack_id == "model-test");
  CHECK(result.id_line == 3);
  CHECK(result.id_column == 9);
  REQUIRE(pack.items.size() == 2);

  const Item& a = pack.items[0];
  CHECK(a.kind == ItemKind::Breathing);
  CHECK(a.summary.get("es") == "Res");
  CHECK(a.tags == std::vector<std::string>{"x", "y-2"});
  CHECK(a.minimum == Millis(20'250));
  CHECK(a.breathing.style == PacerStyle::Box);
  CHECK(a.breathing.cycles == 3);
  CHECK_FALSE(a.breathing.total.has_value());
  REQUIRE(a.breathing.phases.size() == 5);
  CHECK(a.breathing.phases[0].kind == PhaseKind::Inhale);
  CHECK(a.breathing.phases[0].duration == Millis(4500));
  REQUIRE(a.breathing.phases[0].cue);
  CHECK(a.breathing.phases[0].cue->sound == "inhale");
  CHECK(a.breathing.phases[0].cue->haptic == "rise");
  CHECK(a.breathing.phases[0].cue->caption.get("es") == "Dentro");
  CHECK(a.breathing.phases[1].kind == PhaseKind::HoldIn);
  CHECK_FALSE(a.breathing.phases[1].cue.has_value());
  CHECK(a.breathing.phases[2].final_duration == Millis(8125));
  CHECK(a.breathing.phases[3].kind == PhaseKind::HoldOut);
  CHECK(a.breathing.phases[4].kind == PhaseKind::TopUp);
  CHECK(a.breathing.phases[4].duration == Millis(500));
  REQUIRE(a.evidence.size() == 2);
  CHECK(a.evidence[0].url == "https://doi.org/10.1/x");
  CHECK(a.evidence[1].url.empty());
  REQUIRE(a.cautions.size() == 1);
  CHECK(a.cautions[0].get("es") == "Cuidado");

  const Item& b = pack.items[1];
  CHECK(b.breathing.total == Millis(90'000));
  CHECK_FALSE(b.breathing.cycles.has_value());
  CHECK(b.breathing.style == PacerStyle::Circle);
  CHECK_FALSE(b.minimum.has_value());
}

TEST_CASE("a plain string is text in the pack's default language", "[content][pack]") {
  std::string text = minimal_pack("lang-test");
  text.insert(1, R"("default_locale": "es", )");
  const PackLoadResult result = parse_pack_manifest(text, "x", "x");
  REQUIRE(result.pack);
  CHECK(result.pack->default_locale == "es");
  CHECK(result.pack->title.has("es"));
  CHECK_FALSE(result.pack->title.has("en"));
}

TEST_CASE("all problems of a manifest are reported in one run, in file order", "[content][pack]") {
  const std::string text = R"({"format_version": 1, "id": "X", "version": "1", "title": 3,
  "items": [{"id": "one", "kind": "breathing", "title": "A", "cycles": 0,
             "phases": [{"kind": "inhale", "seconds": -1}, {"kind": "hold_in", "seconds": 31}]}]})";
  const PackLoadResult result = parse_pack_manifest(text, "p.json", "p");
  CHECK_FALSE(result.pack);
  CHECK(codes(result.diagnostics) == std::vector<std::string>{"E-FORMAT", "E-FORMAT", "E-TYPE",
                                                              "W-NO-CAUTION", "E-RANGE", "E-RANGE",
                                                              "E-RANGE"});
  for (std::size_t i = 1; i < result.diagnostics.items().size(); ++i) {
    const Diagnostic& before = result.diagnostics.items()[i - 1];
    const Diagnostic& after = result.diagnostics.items()[i];
    CHECK(std::tie(before.line, before.column) <= std::tie(after.line, after.column));
  }
}

TEST_CASE("custom limits are honoured", "[content][pack]") {
  PackLimits limits;
  limits.max_hold = Millis(3000);
  limits.max_phases = 1;
  const std::string text = R"({"format_version": 1, "id": "lim", "version": "1.0.0", "title": "T",
  "items": [{"id": "aa", "kind": "breathing", "title": "A", "cycles": 2, "cautions": ["c"],
             "phases": [{"kind": "hold_in", "seconds": 4}]},
            {"id": "bb", "kind": "breathing", "title": "B", "cycles": 2,
             "phases": [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 4}]}]})";
  const PackLoadResult result = parse_pack_manifest(text, "p.json", "p", limits);
  REQUIRE(result.diagnostics.items().size() == 2);
  CHECK(result.diagnostics.items()[0].message ==
        "expected a number of seconds between 0.1 and 3 for a breath hold, found 4");
  CHECK(result.diagnostics.items()[1].message == "expected at most 1 phases, found 2");
}

TEST_CASE("a flood of problems is capped, and the rest are counted", "[content][pack]") {
  std::string text = R"({"format_version": 1, "id": "flood", "version": "1.0.0", "title": "T", )";
  for (int i = 0; i < 30; ++i) text += "\"unknown" + std::to_string(i) + "\": 1, ";
  text += R"("items": [{"id": "aa", "kind": "breathing", "title": "A", "cycles": 0,
             "phases": [{"kind": "inhale", "seconds": 4}]}]})";
  PackLimits limits;
  limits.max_diagnostics = 10;
  const PackLoadResult result = parse_pack_manifest(text, "p.json", "p", limits);
  REQUIRE(result.diagnostics.items().size() == 11);
  CHECK(result.diagnostics.items()[9].code == "W-UNKNOWN-FIELD");
  const Diagnostic& last = result.diagnostics.items()[10];
  CHECK(last.format() ==
        "p.json:0:0: error[E-LIMIT]: $: 21 more problems (1 error, 20 warnings) are not shown; fix the ones "
        "above "
        "and check again");
  CHECK_FALSE(result.pack);

  limits.max_json_values = 20;
  const PackLoadResult values = parse_pack_manifest(text, "p.json", "p", limits);
  REQUIRE(values.diagnostics.items().size() == 1);
  CHECK(values.diagnostics.items()[0].code == "E-LIMIT");
  CHECK(values.diagnostics.items()[0].message ==
        "the file holds more than 20 values; a pack never needs this many (is the file damaged?)");
}

// Random damage to a valid pack must give diagnostics, never a crash (run under ASan/UBSan too).
TEST_CASE("damaged manifests never crash the loader", "[content][pack]") {
  std::ifstream in(kContentDir / "valid" / "full-featured" / "pack.json", std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(original.size() > 1000);
  std::mt19937 random(20240611);  // fixed seed: a failure reproduces
  static const char kAlphabet[] = "{}[]:,\"\\ 0123456789.-eE+truefalsnul\n\x00\xc3\xa9\xff";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);  // keeps the NUL byte
  int reached_validation = 0;  // damage that still parses exercises the validator, not just the parser
  for (int round = 0; round < 1500; ++round) {
    std::string text = original;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        default:
          text.erase(at, 1 + random() % 8);
          break;
      }
      if (text.empty()) text = "{";
    }
    const PackLoadResult result = parse_pack_manifest(text, "fuzz.json", "fuzz");
    CHECK(result.pack.has_value() == !result.diagnostics.has_errors());
    const bool parsed =
        std::none_of(result.diagnostics.items().begin(), result.diagnostics.items().end(),
                     [](const Diagnostic& d) { return d.code == "E-JSON" || d.code == "E-UTF8"; });
    reached_validation += parsed ? 1 : 0;
    for (const Diagnostic& d : result.diagnostics.items()) {
      CHECK(d.line >= 1);
      CHECK(d.column >= 1);
      CHECK_FALSE(d.code.empty());
      CHECK_FALSE(d.message.empty());
    }
  }
  CHECK(reached_validation > 150);
}

TEST_CASE("manifests over the size limit are refused without reading them whole", "[content][pack]") {
  TempDir dir;
  const PackLimits limits;  // the real 4 MiB limit
  std::string text = minimal_pack("big");
  SECTION("one byte over the limit") {
    text.append(limits.max_manifest_bytes + 1 - text.size(), ' ');
    dir.write("big/pack.json", text);
    const PackLoadResult result = load_pack_named((dir.path() / "big").string(), "big/pack.json");
    REQUIRE(result.diagnostics.items().size() == 1);
    CHECK(result.diagnostics.items()[0].format() ==
          "big/pack.json:0:0: error[E-TOO-LARGE]: $: the manifest is larger than the limit of 4194304 bytes; "
          "is "
          "this the right file?");
    CHECK_FALSE(result.pack);
  }
  SECTION("exactly at the limit loads") {
    text.append(limits.max_manifest_bytes - text.size(), ' ');
    dir.write("big/pack.json", text);
    const PackLoadResult result = load_pack((dir.path() / "big").string());
    CHECK(result.diagnostics.items().empty());
    CHECK(result.pack);
  }
  SECTION("a small custom limit") {
    PackLimits small;
    small.max_manifest_bytes = 100;
    dir.write("big/pack.json", text);
    CHECK(codes(load_pack((dir.path() / "big").string(), small).diagnostics) ==
          std::vector<std::string>{"E-TOO-LARGE"});
    CHECK(codes(parse_pack_manifest(text, "x", "x", small).diagnostics) ==
          std::vector<std::string>{"E-TOO-LARGE"});
  }
}

TEST_CASE("load_pack takes a folder or a manifest and explains what is missing", "[content][pack]") {
  TempDir dir;
  const fs::path manifest = dir.write("good/pack.json", minimal_pack("good"));
  fs::create_directories(dir.path() / "empty");
  dir.write("thing.respack", "PK");

  const PackLoadResult by_folder = load_pack((dir.path() / "good").string());
  REQUIRE(by_folder.pack);
  CHECK(by_folder.manifest == manifest.string());
  CHECK(by_folder.pack->source == (dir.path() / "good").string());

  const PackLoadResult by_file = load_pack(manifest.string());
  REQUIRE(by_file.pack);
  CHECK(by_file.manifest == manifest.string());

  const PackLoadResult empty = load_pack_named((dir.path() / "empty").string(), "empty");
  REQUIRE(empty.diagnostics.items().size() == 1);
  CHECK(empty.diagnostics.items()[0].format() ==
        "empty:0:0: error[E-IO]: $: this folder has no pack.json; a pack folder holds its manifest in "
        "pack.json");

  const PackLoadResult missing = load_pack_named((dir.path() / "nope").string(), "nope");
  CHECK(codes(missing.diagnostics) == std::vector<std::string>{"E-IO"});
  CHECK(missing.diagnostics.items()[0].message == "no such file or folder");

  // A .respack is read as an archive: two bytes are not one.
  const PackLoadResult archive = load_pack((dir.path() / "thing.respack").string());
  CHECK(codes(archive.diagnostics) == std::vector<std::string>{"E-ZIP"});
  CHECK(archive.archive);
}

TEST_CASE("load_catalog skips broken and duplicate packs and keeps the rest", "[content][catalog]") {
  TempDir dir;
  dir.write("a/pack.json", minimal_pack("alpha"));
  dir.write("b/pack.json", "{ broken");
  dir.write("c/pack.json", minimal_pack("gamma"));
  dir.write("d/pack.json", "\n" + minimal_pack("alpha"));
  const CatalogLoadResult result = load_catalog(discover_packs(dir.path().string()));
  REQUIRE(result.catalog.packs.size() == 2);
  CHECK(result.catalog.packs[0].id == "alpha");
  CHECK(result.catalog.packs[1].id == "gamma");
  CHECK(result.catalog.find(ItemRef{"gamma", "calm"}) != nullptr);
  REQUIRE(result.diagnostics.items().size() == 2);
  CHECK(result.diagnostics.items()[0].code == "E-JSON");
  const Diagnostic& duplicate = result.diagnostics.items()[1];
  CHECK(duplicate.code == "E-DUPLICATE-PACK");
  CHECK(duplicate.file == (dir.path() / "d" / "pack.json").string());
  CHECK(duplicate.line == 2);
  CHECK(duplicate.column == 29);
  CHECK(duplicate.message == "a pack with the id \"alpha\" is already loaded from " +
                                 (dir.path() / "a").string() + "; this one is skipped");
}

TEST_CASE("discover_packs lists pack folders in name order", "[content][catalog]") {
  TempDir dir;
  dir.write("zeta/pack.json", "{}");
  dir.write("alpha/pack.json", "{}");
  dir.write("no-manifest/readme.txt", "x");
  dir.write("loose.json", "{}");
  CHECK(discover_packs(dir.path().string()) ==
        std::vector<std::string>{(dir.path() / "alpha").string(), (dir.path() / "zeta").string()});
  CHECK(discover_packs((dir.path() / "does-not-exist").string()).empty());
}

TEST_CASE("default_packs_dir honours RESPITE_PACKS_DIR", "[content][catalog]") {
  const char* saved = std::getenv("RESPITE_PACKS_DIR");
  const std::string saved_value = saved ? saved : "";
  ::setenv("RESPITE_PACKS_DIR", "/somewhere/packs", 1);
  CHECK(default_packs_dir() == "/somewhere/packs");
  ::setenv("RESPITE_PACKS_DIR", "", 1);
  CHECK(default_packs_dir() == std::string(RESPITE_SOURCE_DIR) + "/content/packs");
  ::unsetenv("RESPITE_PACKS_DIR");
  CHECK(default_packs_dir() == std::string(RESPITE_SOURCE_DIR) + "/content/packs");
  if (saved) ::setenv("RESPITE_PACKS_DIR", saved_value.c_str(), 1);
}
