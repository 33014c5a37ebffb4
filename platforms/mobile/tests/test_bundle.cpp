// The phones' bundle (platforms/mobile/bundle.h): the index is checked before anything is written,
// an unchanged bundle is not copied again, a changed one replaces the old copy, and a broken one
// leaves the previous copy alone.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bundle.h"

namespace fs = std::filesystem;
using respite::mobile::BundleIndex;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "respite-bundle-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a bundle index names a stamp and safe relative files", "[mobile][bundle]") {
  BundleIndex index;
  std::string error;
  REQUIRE(respite::mobile::parse_bundle_index("respite-bundle 1 abc\nassets/i18n/en.json\r\n\ncontent/x\n",
                                              index, error));
  CHECK(index.stamp == "abc");
  CHECK(index.files == std::vector<std::string>{"assets/i18n/en.json", "content/x"});

  for (const char* bad : {"", "respite-bundle 2 abc\na\n", "respite-bundle 1 \na\n", "respite-bundle 1 abc\n",
                          "respite-bundle 1 abc\n../secret\n", "respite-bundle 1 abc\n/etc/passwd\n",
                          "respite-bundle 1 abc\nassets//x\n", "respite-bundle 1 abc\nassets/./x\n",
                          "respite-bundle 1 abc\nassets\\x\n", "respite-bundle 1 abc\nindex.txt\n"}) {
    INFO(bad);
    error.clear();
    CHECK_FALSE(respite::mobile::parse_bundle_index(bad, index, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("a bundle is copied once, again when it changes, and never half", "[mobile][bundle]") {
  TempDir temp;
  const fs::path source = temp.path / "apk" / "respite";
  const fs::path dest = temp.path / "files" / "bundle";
  write(source / "assets/i18n/en.json", "{\"hello\": \"Hello\"}");
  write(source / "content/packs/p/pack.json", "{}");
  write(source / "index.txt", "respite-bundle 1 one\nassets/i18n/en.json\ncontent/packs/p/pack.json\n");
  const std::string prefix = source.string() + "/";
  std::string error;

  REQUIRE(respite::mobile::extract_bundle(prefix, dest.string(), error));
  CHECK(read(dest / "assets/i18n/en.json") == "{\"hello\": \"Hello\"}");
  CHECK(read(dest / "content/packs/p/pack.json") == "{}");
  CHECK(read(dest / "index.txt") == read(source / "index.txt"));
  CHECK_FALSE(fs::exists(dest.string() + ".partial"));

  // Same index: nothing is copied (a local change survives, proving the copy was skipped).
  write(dest / "assets/i18n/en.json", "local");
  REQUIRE(respite::mobile::extract_bundle(prefix, dest.string(), error));
  CHECK(read(dest / "assets/i18n/en.json") == "local");

  // A new version replaces the whole copy, dropping files it no longer lists.
  write(source / "assets/i18n/en.json", "{\"hello\": \"Hi\"}");
  write(source / "index.txt", "respite-bundle 1 two\nassets/i18n/en.json\n");
  REQUIRE(respite::mobile::extract_bundle(prefix, dest.string(), error));
  CHECK(read(dest / "assets/i18n/en.json") == "{\"hello\": \"Hi\"}");
  CHECK_FALSE(fs::exists(dest / "content/packs/p/pack.json"));

  // A bundle listing a missing file fails and leaves the working copy as it was.
  write(source / "index.txt", "respite-bundle 1 three\nassets/i18n/en.json\nassets/fonts/missing.ttf\n");
  error.clear();
  CHECK_FALSE(respite::mobile::extract_bundle(prefix, dest.string(), error));
  CHECK(error.find("missing.ttf") != std::string::npos);
  CHECK(read(dest / "assets/i18n/en.json") == "{\"hello\": \"Hi\"}");
  CHECK(read(dest / "index.txt").rfind("respite-bundle 1 two\n", 0) == 0);

  // No bundle at all.
  error.clear();
  CHECK_FALSE(respite::mobile::extract_bundle((temp.path / "nowhere").string() + "/", dest.string(), error));
  CHECK(error.find("index.txt") != std::string::npos);
}

TEST_CASE("use_bundle points the engine at the bundle's folders", "[mobile][bundle]") {
  respite::mobile::use_bundle("/data/app/files/bundle/");
  CHECK(std::string(std::getenv("RESPITE_ASSETS_DIR")) == "/data/app/files/bundle/assets");
  CHECK(std::string(std::getenv("RESPITE_PACKS_DIR")) == "/data/app/files/bundle/content/packs");
  CHECK(std::string(std::getenv("RESPITE_SUPPORT_FILE")) ==
        "/data/app/files/bundle/content/support/resources.json");
  unsetenv("RESPITE_ASSETS_DIR");
  unsetenv("RESPITE_PACKS_DIR");
  unsetenv("RESPITE_SUPPORT_FILE");
}
