// `respite pack new | build | info | keygen | sign | verify | install | remove | list` through cli::run,
// script uses them: files written, exit codes (0 ok, 1 invalid, 2 usage) and what is printed.
#include <rapidjson/document.h>
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cli/cli.h"
#include "core/pack_loader.h"

namespace fs = std::filesystem;
using respite::cli::run;

namespace {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

Result run_cli(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  Result result;
  result.code = run(args, {}, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() / ("respite-pack-cli-" + std::to_string(std::random_device{}()))) {
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

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("pack new scaffolds a pack that validates with no problem at all", "[content][cli][pack-cli]") {
  TempDir tmp;
  const Result made = run_cli({"pack", "new", tmp / "Ward 7 Pack"});
  INFO(made.err);
  REQUIRE(made.code == 0);
  CHECK(made.out.find("created " + (tmp / "Ward 7 Pack") +
                      ": pack \"ward-7-pack\" with 5 items (2 breathing, 1 "
                      "micro_break, 1 module, 1 program) in 5 files") == 0);
  CHECK(fs::exists(tmp / "Ward 7 Pack/README.md"));
  CHECK(read_file(tmp / "Ward 7 Pack/README.md").find("# ward-7-pack") == 0);
  const Result checked = run_cli({"pack", "validate", tmp / "Ward 7 Pack"});
  CHECK(checked.code == 0);
  CHECK(checked.out == "ward-7-pack: 0 errors, 0 warnings\n");
  CHECK(checked.err.empty());

  // Never over existing work.
  const Result again = run_cli({"pack", "new", tmp / "Ward 7 Pack"});
  CHECK(again.code == 1);
  CHECK(again.err.find("already exists and is not an empty folder; nothing was written") !=
        std::string::npos);
  CHECK(run_cli({
                    "pack",
                    "new",
                    tmp / "---",
                })
            .code == 2);  // no id can be made from the name
  CHECK(run_cli({"pack", "new", tmp / "x", "--id", "Bad Id"}).code == 2);
  CHECK(run_cli({"pack", "new", tmp / "named", "--id", "my-unit"}).code == 0);
  CHECK(run_cli({"pack", "validate", tmp / "named"}).out == "my-unit: 0 errors, 0 warnings\n");
}

TEST_CASE("pack build writes a deterministic archive and refuses broken packs", "[content][cli][pack-cli]") {
  TempDir tmp;
  REQUIRE(run_cli({"pack", "new", tmp / "unit", "--id", "unit-pack"}).code == 0);
  const Result built = run_cli({"pack", "build", tmp / "unit", "-o", tmp / "unit.respack"});
  INFO(built.err);
  REQUIRE(built.code == 0);
  CHECK(built.out.find("built " + (tmp / "unit.respack") + ": unit-pack 1.0.0, 5 items, 5 files, ") == 0);
  const std::string first = read_file(tmp / "unit.respack");
  REQUIRE(run_cli({"pack", "build", tmp / "unit", "-o", tmp / "again.respack"}).code == 0);
  CHECK(read_file(tmp / "again.respack") == first);
  CHECK(run_cli({"pack", "validate", tmp / "unit.respack"}).out == "unit-pack: 0 errors, 0 warnings\n");

  const std::string broken = std::string(RESPITE_TEST_DATA_DIR) + "/content/invalid/v2-micro-break-problems";
  const Result refused = run_cli({"pack", "build", broken, "-o", tmp / "broken.respack"});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("respite pack build: not built: the pack has errors; fix them and build again (") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "broken.respack"));
}

TEST_CASE("pack info describes folders and archives, in text and JSON", "[content][cli][pack-cli]") {
  TempDir tmp;
  REQUIRE(run_cli({"pack", "new", tmp / "unit", "--id", "unit-pack"}).code == 0);
  REQUIRE(run_cli({"pack", "build", tmp / "unit", "-o", tmp / "unit.respack"}).code == 0);
  const Result text = run_cli({"pack", "info", tmp / "unit"});
  CHECK(text.code == 0);
  CHECK(text.out.find("id:        unit-pack\nversion:   1.0.0\nformat:    2\ntitle:     My practice pack\n"
                      "items:     5 (2 breathing, 1 micro_break, 1 module, 1 program)\n"
                      "locales:   en, es (default en)\n") == 0);
  CHECK(
      text.out.find("signature: unsigned (a folder is not signed; build and sign a .respack to share it)") !=
      std::string::npos);

  const Result json = run_cli({"pack", "info", tmp / "unit.respack", "--json"});
  REQUIRE(json.code == 0);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["id"].GetString()) == "unit-pack");
  CHECK(std::string(doc["container"].GetString()) == "archive");
  CHECK(doc["items"]["micro_break"].GetInt() == 1);
  CHECK(doc["bytes"].GetUint64() == fs::file_size(tmp / "unit.respack"));
  CHECK(std::string(doc["signature"]["status"].GetString()) == "unsigned");
  CHECK(doc["valid"].GetBool());

  const Result broken =
      run_cli({"pack", "info", std::string(RESPITE_TEST_DATA_DIR) + "/content/invalid/v2-assets"});
  CHECK(broken.code == 1);
  CHECK(broken.out.find("id:        test-pack\n") == 0);
  CHECK(broken.out.find("problems:  9 errors, 1 warning (see 'respite pack validate')") != std::string::npos);
}

TEST_CASE("keygen, sign and verify: the whole signing story", "[content][cli][pack-cli][signing]") {
  TempDir tmp;
  REQUIRE(run_cli({"pack", "new", tmp / "unit", "--id", "unit-pack"}).code == 0);
  REQUIRE(run_cli({"pack", "build", tmp / "unit", "-o", tmp / "unit.respack"}).code == 0);
  const Result keys = run_cli({"pack", "keygen", "-o", tmp / "educator"});
  INFO(keys.err);
  REQUIRE(keys.code == 0);
  struct stat secret {};
  REQUIRE(::stat((tmp / "educator").c_str(), &secret) == 0);
  CHECK((secret.st_mode & 0777) == 0600);
  CHECK(fs::exists(tmp / "educator.pub"));
  CHECK(run_cli({"pack", "keygen", "-o", tmp / "educator"}).code == 1);  // never overwrites a key

  const Result signed_ = run_cli({"pack", "sign", tmp / "unit.respack", "--key", tmp / "educator"});
  INFO(signed_.err);
  REQUIRE(signed_.code == 0);
  REQUIRE(fs::exists(tmp / "unit.respack.sig"));

  const Result verified = run_cli({"pack", "verify", tmp / "unit.respack", "--key", tmp / "educator.pub"});
  CHECK(verified.code == 0);
  CHECK(verified.out.find(": trusted: signed by trusted key ") != std::string::npos);
  const Result info = run_cli({"pack", "info", tmp / "unit.respack", "--trusted-key", tmp / "educator.pub"});
  CHECK(info.out.find("signature: trusted, key ") != std::string::npos);
  const Result untrusted_info = run_cli({"pack", "info", tmp / "unit.respack"});
  CHECK(untrusted_info.out.find("signature: untrusted, key ") != std::string::npos);

  // Someone else's key does not vouch for it; a changed archive fails; a secret key is not a public one.
  REQUIRE(run_cli({"pack", "keygen", "-o", tmp / "other"}).code == 0);
  const Result other = run_cli({"pack", "verify", tmp / "unit.respack", "--key", tmp / "other.pub"});
  CHECK(other.code == 1);
  CHECK(other.err.find(": untrusted: signed by key ") != std::string::npos);
  CHECK(run_cli({"pack", "verify", tmp / "unit.respack", "--key", tmp / "educator"}).code == 1);
  std::string bytes = read_file(tmp / "unit.respack");
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  std::ofstream(tmp / "unit.respack", std::ios::binary) << bytes;
  const Result tampered = run_cli({"pack", "verify", tmp / "unit.respack", "--key", tmp / "educator.pub"});
  CHECK(tampered.code == 1);
  CHECK(tampered.err.find(": invalid: the signature does not match the archive") != std::string::npos);
  // Signing refuses an archive that does not load.
  CHECK(run_cli({"pack", "sign", tmp / "unit.respack", "--key", tmp / "educator"}).code == 1);
}

TEST_CASE("pack install, list and remove keep a personal device's packs", "[content][cli][pack-cli]") {
  TempDir tmp;
  const std::string data = tmp / "data";
  REQUIRE(run_cli({"pack", "new", tmp / "ward", "--id", "ward-seven"}).code == 0);
  REQUIRE(run_cli({"pack", "build", tmp / "ward", "-o", tmp / "ward.respack"}).code == 0);
  CHECK(run_cli({"pack", "list", "--data-dir", data}).out == "no packs installed in " + data + "/packs\n");

  const Result installed = run_cli({"pack", "install", tmp / "ward.respack", "--data-dir", data});
  INFO(installed.err);
  REQUIRE(installed.code == 0);
  CHECK(installed.out.find("installed ward-seven 1.0.0 in " + data + "/packs/") == 0);
  CHECK(run_cli({"pack", "list", "--data-dir", data}).out == "ward-seven 1.0.0 ok\n");

  // Only a higher version replaces it.
  const Result same = run_cli({"pack", "install", tmp / "ward.respack", "--data-dir", data});
  CHECK(same.code == 1);
  CHECK(same.err.find("only a higher version") != std::string::npos);
  std::string manifest = read_file(tmp / "ward/pack.json");
  const auto version = manifest.find("\"version\": \"1.0.0\"");
  REQUIRE(version != std::string::npos);
  manifest.replace(version, 18, "\"version\": \"1.1.0\"");
  std::ofstream(tmp / "ward/pack.json", std::ios::binary | std::ios::trunc) << manifest;
  REQUIRE(run_cli({"pack", "build", tmp / "ward", "-o", tmp / "ward-1.1.respack"}).code == 0);
  const Result updated = run_cli({"pack", "install", tmp / "ward-1.1.respack", "--data-dir", data});
  CHECK(updated.code == 0);
  CHECK(updated.out.find("updated ward-seven 1.1.0") == 0);

  const Result listed = run_cli({"pack", "list", "--data-dir", data, "--json"});
  rapidjson::Document doc;
  doc.Parse(listed.out.c_str());
  REQUIRE(doc.IsArray());
  REQUIRE(doc.Size() == 1);
  CHECK(std::string(doc[0]["id"].GetString()) == "ward-seven");
  CHECK(std::string(doc[0]["version"].GetString()) == "1.1.0");
  CHECK(doc[0]["loads"].GetBool());

  CHECK(run_cli({"pack", "remove", "ward-seven", "--data-dir", data}).code == 0);
  CHECK(run_cli({"pack", "remove", "ward-seven", "--data-dir", data}).code == 1);
  CHECK(run_cli({"pack", "list", "--data-dir", data}).out == "no packs installed in " + data + "/packs\n");

  // Usage: the data folder and one argument.
  CHECK(run_cli({"pack", "install", tmp / "ward.respack"}).code == 2);
  CHECK(run_cli({"pack", "install", "--data-dir", data}).code == 2);
  CHECK(run_cli({"pack", "list", "extra", "--data-dir", data}).code == 2);

  // A unit tablet changes its packs only with the admin PIN (respite unit install-pack).
  const std::string unit = tmp / "unit";
  REQUIRE(run_cli({"unit", "enable", "--admin-pin", "482915", "--data-dir", unit}).code == 0);
  const Result refused = run_cli({"pack", "install", tmp / "ward.respack", "--data-dir", unit});
  CHECK(refused.code == 1);
  CHECK(refused.err.find("is a unit tablet") != std::string::npos);
  CHECK(run_cli({"pack", "list", "--data-dir", unit}).out == "no packs installed in " + unit + "/packs\n");
}
