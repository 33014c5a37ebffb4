// The device's pack library: listing (a broken pack shows its diagnostics, the others still load),
// installing from a .respack, updating only to a higher version, unit mode's trusted signatures,
// removing, and the watcher that reloads a pack being edited.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "backends/null/manual_clock.h"
#include "core/pack_build.h"
#include "core/pack_library.h"
#include "core/pack_template.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() / ("respite-library-" + std::to_string(std::random_device{}()))) {
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

void write(const std::string& path, const std::string& data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

// Makes the template pack `id` at `version` in `folder` and builds it into `archive`.
void make_archive(const std::string& folder, const std::string& id, const std::string& version,
                  const std::string& archive) {
  for (auto [relative, data] : pack_template(id)) {
    if (relative == "pack.json") data.replace(data.find("\"1.0.0\""), 7, "\"" + version + "\"");
    write(folder + "/" + relative, data);
  }
  const PackBuildResult built = build_pack(folder);
  REQUIRE(built.archive);
  write(archive, *built.archive);
}

}  // namespace

TEST_CASE("install, update by version, and remove packs", "[content][library]") {
  TempDir tmp;
  const std::string library = tmp / "library";
  make_archive(tmp / "v1", "unit-pack", "1.0.0", tmp / "unit-1.respack");
  make_archive(tmp / "v2", "unit-pack", "1.1.0", tmp / "unit-2.respack");

  const InstallResult first = install_pack(library, tmp / "unit-1.respack");
  CHECK(first.action == InstallAction::Installed);
  CHECK(first.message == "installed \"unit-pack\" 1.0.0");
  CHECK(first.installed_path == (fs::path(library) / "unit-pack.respack").string());

  const InstallResult same = install_pack(library, tmp / "unit-1.respack");
  CHECK(same.action == InstallAction::Refused);
  CHECK(same.message ==
        "version 1.0.0 of \"unit-pack\" is already installed; only a higher version (not 1.0.0) updates it");

  const InstallResult update = install_pack(library, tmp / "unit-2.respack");
  CHECK(update.action == InstallAction::Updated);
  CHECK(update.message == "updated \"unit-pack\" 1.0.0 -> 1.1.0");
  const std::vector<LibraryEntry> entries = list_library(library);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].result.version == "1.1.0");
  CHECK(install_pack(library, tmp / "unit-1.respack").action == InstallAction::Refused);  // no downgrade

  std::string error;
  CHECK(remove_pack(library, "unit-pack", error));
  CHECK(list_library(library).empty());
  CHECK_FALSE(remove_pack(library, "unit-pack", error));
  CHECK(error == "no installed pack has the id \"unit-pack\"");
}

TEST_CASE("a broken pack in the library shows its diagnostics and leaves the others alone",
          "[content][library]") {
  TempDir tmp;
  const std::string library = tmp / "library";
  make_archive(tmp / "good", "good-pack", "1.0.0", library + "/good-pack.respack");
  write(library + "/broken.respack", "not a zip at all");
  write(library + "/folder-pack/pack.json", "{\"format_version\": 2, \"id\": \"folder-pack\"");
  const std::vector<LibraryEntry> entries = list_library(library);
  REQUIRE(entries.size() == 3);
  CHECK_FALSE(entries[0].result.pack);  // broken.respack
  CHECK(entries[0].result.diagnostics.items()[0].code == "E-ZIP");
  CHECK_FALSE(entries[1].result.pack);  // folder-pack
  CHECK(entries[1].result.diagnostics.items()[0].code == "E-JSON");
  REQUIRE(entries[2].result.pack);  // good-pack
  CHECK(entries[2].signature.status == SignatureStatus::Unsigned);
  // An archive with errors is never installed.
  const InstallResult refused = install_pack(tmp / "other", library + "/broken.respack");
  CHECK(refused.action == InstallAction::Refused);
  CHECK(refused.message == "the pack has errors and was not installed");
  CHECK_FALSE(fs::exists(tmp / "other"));
}

TEST_CASE("unit mode installs only packs signed by a trusted key", "[content][library][signing]") {
  TempDir tmp;
  make_archive(tmp / "src", "signed-pack", "1.0.0", tmp / "signed.respack");
  const KeyPair educator = generate_key_pair();
  const KeyPair stranger = generate_key_pair();
  InstallPolicy unit;
  unit.require_trusted_signature = true;
  unit.trusted_keys = {educator.public_key};

  const InstallResult unsigned_pack = install_pack(tmp / "unit", tmp / "signed.respack", unit);
  CHECK(unsigned_pack.action == InstallAction::Refused);
  CHECK(unsigned_pack.message ==
        "this device installs only packs signed by a trusted key (the archive is not signed)");

  std::stringstream archive;
  archive << std::ifstream(tmp / "signed.respack", std::ios::binary).rdbuf();
  write(tmp / "signed.respack.sig", sign_archive(archive.str(), stranger.secret_key));
  CHECK(install_pack(tmp / "unit", tmp / "signed.respack", unit).signature.status ==
        SignatureStatus::Untrusted);
  CHECK(install_pack(tmp / "unit", tmp / "signed.respack", unit).action == InstallAction::Refused);

  write(tmp / "signed.respack.sig", sign_archive(archive.str(), educator.secret_key));
  const InstallResult trusted = install_pack(tmp / "unit", tmp / "signed.respack", unit);
  CHECK(trusted.action == InstallAction::Installed);
  CHECK(fs::exists(tmp / "unit/signed-pack.respack.sig"));
  const std::vector<LibraryEntry> entries = list_library(tmp / "unit", {educator.public_key});
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].signature.status == SignatureStatus::Trusted);
}

TEST_CASE("the watcher sees a saved change within one interval, on the app's clock", "[content][library]") {
  TempDir tmp;
  const std::string pack = tmp / "pack";
  for (const auto& [relative, data] : pack_template("watched")) write(pack + "/" + relative, data);
  respite::null_backend::ManualClock clock;
  PackWatcher watcher(pack, clock, std::chrono::milliseconds(400));
  CHECK_FALSE(watcher.poll());

  std::string manifest;
  {
    std::stringstream text;
    text << std::ifstream(pack + "/pack.json").rdbuf();
    manifest = text.str();
  }
  write(pack + "/items/learning.json",
        "{\"items\": []}\n");   // a different size: seen even within the same second
  CHECK_FALSE(watcher.poll());  // polled too recently: no file system work at all
  clock.advance(std::chrono::milliseconds(400));
  CHECK(watcher.poll());
  CHECK_FALSE(watcher.poll());  // reported once
  clock.advance(std::chrono::seconds(1));
  CHECK_FALSE(watcher.poll());  // nothing new
  write(pack + "/images/new.png", make_template_png(4));
  clock.advance(std::chrono::seconds(1));
  CHECK(watcher.poll());  // a new file counts too
}
