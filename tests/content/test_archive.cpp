// .respack archives: the reader refuses every hostile archive with one clear diagnostic (each case
// below is built in memory; no binary fixtures), a pack reads the same from its folder and from its
// archive, and `pack build` writes the same bytes every time.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/archive_reader.h"
#include "core/archive_writer.h"
#include "core/pack_build.h"
#include "core/pack_loader.h"
#include "core/pack_summary.h"
#include "core/pack_template.h"
#include "zip_builder.h"

namespace fs = std::filesystem;
using namespace respite::core;
using respite::test::build_zip;
using respite::test::ZipEntry;

namespace {

const std::string kManifest = R"({"format_version": 2, "id": "zipped", "version": "1.0.0", "title": "Zipped",
  "items": [{"id": "calm", "kind": "breathing", "title": "Calm", "cycles": 2,
             "phases": [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 6}]}]})";

std::string lines(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += d.format() + "\n";
  return out;
}

PackLoadResult load_zip(const std::string& bytes, const PackLimits& limits = {}) {
  return load_pack_archive(bytes, "test.respack", "test.respack", limits);
}

struct Hostile {
  const char* name;
  std::string archive;
  std::string expected;  // the exact diagnostic line(s)
  PackLimits limits = {};
};

std::vector<Hostile> hostile_archives() {
  std::vector<Hostile> cases;
  const ZipEntry manifest{"pack.json", kManifest};
  const auto with = [&](ZipEntry extra) { return build_zip({manifest, std::move(extra)}); };
  const std::string prefix = "test.respack:0:0: error[";

  cases.push_back({"path traversal", with({"../evil.json", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"../evil.json\": \"..\" is not allowed: a pack may only "
                            "use files inside its own folder\n"});
  cases.push_back({"traversal inside a path", with({"items/../../evil.json", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"items/../../evil.json\": \"..\" is not allowed: a pack "
                            "may only use files inside its own folder\n"});
  cases.push_back({"absolute path", with({"/etc/passwd", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"/etc/passwd\": absolute paths are not allowed; give the "
                            "path from the pack folder\n"});
  cases.push_back({"drive letter", with({"C:/Windows/evil.dll", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"C:/Windows/evil.dll\": drive letters are not allowed; "
                            "give the path from the pack folder\n"});
  cases.push_back(
      {"backslashes", with({"..\\evil.json", "x"}),
       prefix + "E-ZIP-PATH]: $: entry \"..\\evil.json\": use \"/\" between folders, not \"\\\"\n"});
  cases.push_back({"hidden file", with({".DS_Store", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \".DS_Store\": file and folder names may not start with "
                            "\".\" or \"-\" (\".DS_Store\")\n"});
  cases.push_back(
      {"empty name", with({"", "x"}), prefix + "E-ZIP-PATH]: $: entry \"\": the path is empty\n"});
  cases.push_back({"double slash", with({"items//a.json", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"items//a.json\": the path has an empty folder name "
                            "(\"//\" or a trailing \"/\")\n"});
  cases.push_back({"invalid UTF-8 name", with({"\xff\xfe.json", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"??.json\": the name is not valid UTF-8 text or holds "
                            "control characters\n"});
  cases.push_back({"control character in a name", with({"a\x01.json", "x"}),
                   prefix + "E-ZIP-PATH]: $: entry \"a?.json\": the name is not valid UTF-8 text or holds "
                            "control characters\n"});
  {
    ZipEntry link{"images/link.png", "/etc/passwd"};
    link.mode = 0120777;
    cases.push_back({"symbolic link", with(link),
                     prefix + "E-ZIP-SYMLINK]: $: entry \"images/link.png\" is a symbolic link; a pack "
                              "archive may hold only plain files\n"});
    ZipEntry dir_link{"images/", ""};
    dir_link.mode = 0120755;
    cases.push_back({"symbolic link to a folder", with(dir_link),
                     prefix + "E-ZIP-SYMLINK]: $: entry \"images/\" is a symbolic link; a pack archive may "
                              "hold only plain files\n"});
    ZipEntry device{"dev.bin", ""};
    device.mode = 0020644;
    cases.push_back({"device file", with(device),
                     prefix + "E-ZIP-SYMLINK]: $: entry \"dev.bin\" is a special file (a device, pipe or "
                              "socket); a pack archive may hold only plain files\n"});
  }
  cases.push_back({"duplicate entries", with({"pack.json", "{}"}),
                   prefix + "E-ZIP-DUPLICATE]: $: the archive has two entries with the same name; a pack "
                            "archive must name each file once\n"});
  {
    std::vector<ZipEntry> many{manifest};
    for (int i = 0; i < 1000; ++i) many.push_back({"f" + std::to_string(i) + ".txt", ""});
    cases.push_back(
        {"too many entries", build_zip(many),
         prefix + "E-ZIP-ENTRIES]: $: the archive has 1001 entries; a pack archive may have at most 1000\n"});
  }
  {
    ZipEntry encrypted{"secret.json", "xxxxxxxxxxxx"};
    encrypted.flags = 1;
    cases.push_back({"encrypted entry", with(encrypted),
                     prefix + "E-ZIP-ENCRYPTED]: $: entry \"secret.json\" is encrypted; pack archives are "
                              "never encrypted (sign them instead)\n"});
    ZipEntry bzip{"data.bin", "BZh9"};
    bzip.method = 12;
    bzip.uncompressed = 4;
    cases.push_back({"bzip2 compression", with(bzip),
                     prefix + "E-ZIP-METHOD]: $: entry \"data.bin\" uses compression method 12; pack "
                              "archives use only \"stored\" or \"deflate\"\n"});
    ZipEntry bad_crc{"items/a.json", "{\"items\": []}"};
    bad_crc.crc = 0x12345678;
    cases.push_back({"CRC mismatch", with(bad_crc),
                     prefix + "E-ZIP-CORRUPT]: $: entry \"items/a.json\" is damaged (CRC error)\n"});
  }
  {
    // A bomb: 12 MiB of zeros deflate to about 12 KiB.
    std::string error;
    const auto bomb =
        write_archive({{"pack.json", kManifest}, {"zeros.bin", std::string(12u << 20, '\0')}}, error);
    REQUIRE(bomb);
    cases.push_back({"zip bomb (compression ratio)", *bomb, ""});  // message checked by code below
    PackLimits small;
    small.archive.max_entry_bytes = 1000;
    cases.push_back({"entry over the size cap", with({"big.txt", std::string(2000, 'x')}),
                     prefix + "E-ZIP-SIZE]: $: entry \"big.txt\" is 2000 bytes uncompressed; an entry may be "
                              "at most 1000 bytes\n",
                     small});
    PackLimits total;
    total.archive.max_total_bytes = 1000;
    cases.push_back({"entries over the total cap", with({"big.txt", std::string(900, 'x')}),
                     prefix + "E-ZIP-SIZE]: $: the entries add up to more than 1000 bytes uncompressed; a "
                              "pack may hold at most that much\n",
                     total});
    PackLimits tiny;
    tiny.archive.max_archive_bytes = 100;
    cases.push_back({"archive over the size cap", build_zip({manifest}), "", tiny});
  }
  const std::string good = build_zip({manifest});
  cases.push_back({"truncated archive", good.substr(0, good.size() / 2), ""});
  cases.push_back({"not a zip", "this is plain text, not an archive",
                   prefix + "E-ZIP]: $: this is not a .respack archive (a .respack is a zip file; build one "
                            "with 'respite pack build')\n"});
  cases.push_back(
      {"empty file", "",
       prefix +
           "E-ZIP]: $: the file is empty; a .respack is a zip file (build one with 'respite pack build')\n"});
  cases.push_back({"no pack.json", build_zip({{"items/a.json", "{}"}}),
                   prefix + "E-IO]: $: the archive has no pack.json at its top level; build archives with "
                            "'respite pack build'\n"});
  cases.push_back({"pack.json in a subfolder", build_zip({{"my-pack/pack.json", kManifest}}),
                   prefix + "E-IO]: $: the archive has no pack.json at its top level; build archives with "
                            "'respite pack build'\n"});
  {
    ZipEntry liar{"items/a.json", "{\"items\": []}"};
    liar.uncompressed = 5;  // stored, but says it holds fewer bytes than it does
    cases.push_back({"entry lying about its size", with(liar), ""});
  }
  return cases;
}

}  // namespace

TEST_CASE("hostile archives are refused, each with a clear diagnostic", "[content][archive]") {
  const std::vector<Hostile> cases = hostile_archives();
  CHECK(cases.size() >= 25);
  for (const Hostile& c : cases) {
    INFO(c.name);
    const PackLoadResult result = load_zip(c.archive, c.limits);
    INFO(lines(result.diagnostics));
    CHECK_FALSE(result.pack);
    CHECK(result.diagnostics.has_errors());
    CHECK(result.archive);
    if (!c.expected.empty()) CHECK(lines(result.diagnostics) == c.expected);
    for (const Diagnostic& d : result.diagnostics.items()) {
      CHECK(d.code.rfind("E-", 0) == 0);
      CHECK_FALSE(d.message.empty());
    }
  }
}

TEST_CASE("the archive reader names the problem of archives whose message depends on libzip",
          "[content][archive]") {
  std::map<std::string, std::string> code_of;
  for (const Hostile& c : hostile_archives()) {
    if (!c.expected.empty()) continue;
    const PackLoadResult result = load_zip(c.archive, c.limits);
    REQUIRE(result.diagnostics.items().size() == 1);
    code_of[c.name] = result.diagnostics.items()[0].code;
    if (std::string(c.name) == "zip bomb (compression ratio)") {
      CHECK(result.diagnostics.items()[0].message.find("looks like a zip bomb") != std::string::npos);
    }
  }
  CHECK(code_of["zip bomb (compression ratio)"] == "E-ZIP-RATIO");
  CHECK(code_of["archive over the size cap"] == "E-ZIP-SIZE");
  CHECK(code_of["truncated archive"] == "E-ZIP");
  CHECK((code_of["entry lying about its size"] == "E-ZIP" ||
         code_of["entry lying about its size"] == "E-ZIP-CORRUPT"));
}

TEST_CASE("files inside an archive are named ARCHIVE!/PATH in diagnostics", "[content][archive]") {
  const std::string manifest = R"({"format_version": 2, "id": "zipped", "version": "1.0.0", "title": "Zipped",
  "item_files": ["items/a.json"],
  "items": [{"id": "calm", "kind": "micro_break", "title": "Calm",
             "steps": [{"text": "Look", "seconds": 30, "image": "images/missing.png"}]}]})";
  const PackLoadResult result = load_zip(
      build_zip({{"pack.json", manifest}, {"items/", ""}, {"items/a.json", "{\"items\": [{\"id\": 7}]}"}}));
  CHECK(lines(result.diagnostics) ==
        "test.respack!/pack.json:4:65: error[E-ASSET-MISSING]: $.items[0].steps[0].image: no file "
        "\"images/missing.png\" in "
        "the pack (file paths are relative to the folder of pack.json)\n"
        "test.respack!/items/a.json:1:12: error[E-MISSING]: $.items[0]: missing the required field \"kind\" "
        "(what sort of "
        "item this is: \"breathing\", \"micro_break\", \"module\" or \"program\")\n"
        "test.respack!/items/a.json:1:19: error[E-TYPE]: $.items[0].id: expected an id of 2 to 64 lowercase "
        "letters, digits "
        "and hyphens, starting with a letter or digit (like \"two-minute-reset\"), found 7\n");
}

TEST_CASE("a pack reads the same from its folder and from its .respack", "[content][archive]") {
  const fs::path dir =
      fs::temp_directory_path() / ("respite-archive-test-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir / "pack");
  for (const auto& [relative, data] : pack_template("same-pack")) {
    fs::create_directories((dir / "pack" / relative).parent_path());
    std::ofstream(dir / "pack" / relative, std::ios::binary) << data;
  }
  std::ofstream(dir / "pack" / "notes-not-in-the-pack.txt") << "drafts stay out of the archive";
  const PackBuildResult built = build_pack((dir / "pack").string());
  INFO(built.error);
  REQUIRE(built.archive);
  std::ofstream(dir / "same-pack.respack", std::ios::binary) << *built.archive;

  const CatalogLoadResult from_folder = load_catalog({(dir / "pack").string()});
  const CatalogLoadResult from_archive = load_catalog({(dir / "same-pack.respack").string()});
  CHECK(lines(from_folder.diagnostics).empty());
  CHECK(lines(from_archive.diagnostics).empty());
  REQUIRE(from_folder.catalog.packs.size() == 1);
  REQUIRE(from_archive.catalog.packs.size() == 1);
  CHECK(describe_pack(from_archive.catalog.packs[0]) == describe_pack(from_folder.catalog.packs[0]));
  CHECK(from_archive.catalog.packs[0].asset("images/stretch.png")->data->size() ==
        from_folder.catalog.packs[0].asset("images/stretch.png")->data->size());

  // Only the pack's own files are packed: no README, no drafts.
  const ArchiveReadResult entries = read_archive(*built.archive, "x");
  std::vector<std::string> names;
  for (const auto& [name, data] : entries.files) names.push_back(name);
  CHECK(names == std::vector<std::string>{"audio/chime.wav", "images/stretch.png", "items/learning.json",
                                          "items/micro-breaks.json", "pack.json"});

  // Deterministic: the same folder builds the same bytes.
  const PackBuildResult again = build_pack((dir / "pack").string());
  REQUIRE(again.archive);
  CHECK(*again.archive == *built.archive);
  fs::remove_all(dir);
}

TEST_CASE("pack build refuses a pack with errors", "[content][archive]") {
  const PackBuildResult result =
      build_pack(std::string(RESPITE_TEST_DATA_DIR) + "/content/invalid/v2-assets");
  CHECK_FALSE(result.archive);
  CHECK(result.loaded.diagnostics.has_errors());
  CHECK(result.error == "the pack has errors; fix them and build again");
  CHECK_FALSE(build_pack("/no/such/folder").archive);
}

// Random damage to a valid archive gives diagnostics, never a crash (run under ASan/UBSan too).
TEST_CASE("damaged archives never crash the reader", "[content][archive]") {
  const fs::path template_dir = fs::path(RESPITE_TEST_DATA_DIR) / "content" / "valid" / "template-pack";
  const PackBuildResult built = build_pack(template_dir.string());
  REQUIRE(built.archive);
  std::mt19937 random(20240612);
  int loaded = 0;
  for (int round = 0; round < 400; ++round) {
    std::string bytes = *built.archive;
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % bytes.size();
      switch (random() % 3) {
        case 0:
          bytes[at] = static_cast<char>(random());
          break;
        case 1:
          bytes.erase(at, 1 + random() % 16);
          break;
        default:
          bytes.insert(at, 1, static_cast<char>(random()));
          break;
      }
    }
    const PackLoadResult result = load_zip(bytes);
    CHECK(result.pack.has_value() == !result.diagnostics.has_errors());
    loaded += result.pack ? 1 : 0;
  }
  CHECK(loaded < 400);  // damage is noticed
}
