// `respite unit ...` through cli::run: exit codes 0/1/2, admin operations refused without the admin
// PIN (and counted), the anonymous totals, and pack installation that accepts only packs signed by
// a key the unit trusts.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "backends/null/manual_clock.h"
#include "cli/cli.h"
#include "core/progress/unit_store.h"
#include "core/unit_packs.h"
#include "test_progress_support.h"

using namespace respite;
using namespace respite::test;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = cli::run(args, cli::AppEntryPoints{}, out, err);
  return {code, out.str(), err.str()};
}

const std::string kPack = std::string(RESPITE_SOURCE_DIR) + "/content/packs/clinician-essentials";

}  // namespace

TEST_CASE("unit cli: enable, status, set and disable", "[unit][cli]") {
  TempDir dir("unit-cli");
  const std::string d = dir.str();
  CHECK(run({"unit", "status", "--data-dir", d}).out.find("unit mode off") != std::string::npos);
  CHECK(run({"unit", "enable", "--data-dir", d}).code == 2);
  CHECK(run({"unit", "enable", "--admin-pin", "1234", "--data-dir", d}).code == 1);
  CHECK(run({"unit", "enable", "--admin-pin", "482915", "--idle", "5", "--data-dir", d}).code == 1);
  CHECK(run({"unit", "enable", "--admin-pin", "482915"}).code == 2);
  CHECK(run({"unit", "frobnicate", "--data-dir", d}).code == 2);
  const Result on = run({"unit", "enable", "--admin-pin", "482915", "--idle", "300", "--data-dir", d});
  INFO(on.err);
  REQUIRE(on.code == 0);
  CHECK(run({"unit", "enable", "--admin-pin", "123456", "--data-dir", d}).code == 1);  // already on
  const Result status = run({"unit", "status", "--json", "--data-dir", d});
  CHECK_THAT(status.out, Catch::Contains("\"unit_mode\": true") && Catch::Contains("\"idle_seconds\": 300"));

  const Result wrong = run({"unit", "set", "--idle", "60", "--admin-pin", "000000", "--data-dir", d});
  CHECK(wrong.code == 1);
  CHECK_THAT(wrong.err, Catch::Contains("admin PIN is wrong"));
  CHECK(run({"unit", "set", "--idle", "60", "--data-dir", d}).code == 1);           // no PIN at all
  CHECK(run({"unit", "set", "--admin-pin", "482915", "--data-dir", d}).code == 2);  // nothing to change
  REQUIRE(run({"unit", "set", "--idle", "60", "--new-admin-pin", "13579135", "--admin-pin", "482915",
               "--data-dir", d})
              .code == 0);
  CHECK_THAT(run({"unit", "status", "--json", "--data-dir", d}).out, Catch::Contains("\"idle_seconds\": 60"));
  CHECK(run({"unit", "disable", "--admin-pin", "482915", "--data-dir", d}).code == 1);  // the old PIN
  // A forgotten admin PIN: the folder's owner sets a new one; profiles are untouched.
  REQUIRE(run({"profile", "add", "Sam", "--data-dir", d}).code == 0);
  REQUIRE(run({"unit", "reset-admin-pin", "--new-admin-pin", "24682468", "--data-dir", d}).code == 0);
  CHECK(run({"profile", "list", "--data-dir", d}).out.find("Sam") != std::string::npos);
  REQUIRE(run({"unit", "disable", "--admin-pin", "24682468", "--data-dir", d}).code == 0);
  CHECK(run({"unit", "status", "--data-dir", d}).out.find("unit mode off") != std::string::npos);
  CHECK(run({"profile", "list", "--data-dir", d}).out.find("Sam") != std::string::npos);
}

TEST_CASE("unit cli: removing and resetting profiles need the admin PIN", "[unit][cli]") {
  TempDir dir("unit-cli-profiles");
  const std::string d = dir.str();
  REQUIRE(run({"unit", "enable", "--admin-pin", "482915", "--data-dir", d}).code == 0);
  REQUIRE(run({"profile", "add", "Sam", "--pin", "2468", "--data-dir", d}).code == 0);
  REQUIRE(run({"log", "--data-dir", d, "--profile", "Sam", "--item", "clinician-essentials/two-minute-reset",
               "--at", "2026-03-10T12:00:00Z"})
              .code == 0);
  CHECK(run({"unit", "reset-profile", "Sam", "--data-dir", d}).code == 1);
  CHECK(run({"unit", "reset-profile", "Sam", "--admin-pin", "111111", "--data-dir", d}).code == 1);
  CHECK(run({"unit", "reset-profile", "Nobody", "--admin-pin", "482915", "--data-dir", d}).code == 1);
  CHECK_THAT(run({"progress", "--data-dir", d, "--profile", "Sam", "--json"}).out,
             Catch::Contains("\"sessions_complete\": 1"));
  // The two wrong tries did not lock the third right one (three are free).
  const Result reset = run({"unit", "reset-profile", "Sam", "--admin-pin", "482915", "--data-dir", d});
  INFO(reset.err);
  REQUIRE(reset.code == 0);
  CHECK_THAT(run({"progress", "--data-dir", d, "--profile", "Sam", "--json"}).out,
             Catch::Contains("\"sessions_complete\": 0"));
  CHECK(run({"profile", "list", "--data-dir", d}).out == "Sam\n");  // no PIN any more
  REQUIRE(run({"unit", "remove-profile", "Sam", "--admin-pin", "482915", "--data-dir", d}).code == 0);
  CHECK(run({"profile", "list", "--data-dir", d}).out.empty());
}

TEST_CASE("unit cli: totals say nothing below three people", "[unit][cli][totals]") {
  TempDir dir("unit-cli-totals");
  const std::string d = dir.str();
  for (const char* who : {"A", "B", "C"}) REQUIRE(run({"profile", "add", who, "--data-dir", d}).code == 0);
  auto log = [&](const char* who, const char* at) {
    REQUIRE(run({"log", "--data-dir", d, "--profile", who, "--item", "clinician-essentials/two-minute-reset",
                 "--at", at})
                .code == 0);
  };
  log("A", "2026-03-09T12:00:00Z");
  log("B", "2026-03-10T12:00:00Z");
  CHECK_THAT(run({"unit", "totals", "--today", "2026-03-12", "--data-dir", d}).out,
             Catch::Contains("fewer than 3 people practised; nothing is shown"));
  log("C", "2026-03-15T12:00:00Z");
  CHECK_THAT(run({"unit", "totals", "--today", "2026-03-12", "--data-dir", d}).out,
             Catch::Contains("week of 2026-03-09: 3 sessions, 6 minutes"));
  CHECK(run({"unit", "totals", "--today", "12/03/2026", "--data-dir", d}).code == 1);
}

TEST_CASE("unit cli: only packs signed by a trusted key are installed", "[unit][cli][signing]") {
  TempDir dir("unit-cli-packs");
  const std::string d = (dir.path() / "data").string();
  const std::string archive = (dir.path() / "essentials.respack").string();
  const std::string key = (dir.path() / "team.key").string();
  const std::string other = (dir.path() / "other.key").string();
  REQUIRE(run({"pack", "build", kPack, "-o", archive}).code == 0);
  REQUIRE(run({"pack", "keygen", "-o", key}).code == 0);
  REQUIRE(run({"pack", "keygen", "-o", other}).code == 0);
  REQUIRE(run({"unit", "enable", "--admin-pin", "482915", "--data-dir", d}).code == 0);

  // Unsigned: refused.
  Result r = run({"unit", "install-pack", archive, "--admin-pin", "482915", "--data-dir", d});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("signed packs only"));
  // Signed, but by a key the unit does not trust: refused.
  REQUIRE(run({"pack", "sign", archive, "--key", other}).code == 0);
  r = run({"unit", "install-pack", archive, "--admin-pin", "482915", "--data-dir", d});
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("untrusted"));
  // Trusting a key needs the admin PIN.
  CHECK(run({"unit", "trust-key", key + ".pub", "--label", "Education team", "--data-dir", d}).code == 1);
  REQUIRE(run({"unit", "trust-key", key + ".pub", "--label", "Education team", "--admin-pin", "482915",
               "--data-dir", d})
              .code == 0);
  REQUIRE(run({"pack", "sign", archive, "--key", key}).code == 0);
  // Installing needs it too.
  CHECK(run({"unit", "install-pack", archive, "--admin-pin", "000000", "--data-dir", d}).code == 1);
  r = run({"unit", "install-pack", archive, "--admin-pin", "482915", "--data-dir", d});
  INFO(r.err);
  REQUIRE(r.code == 0);
  null_backend::ManualClock clock;
  auto unit = core::UnitStore::open(d, clock, false);
  REQUIRE(unit.store);
  std::vector<std::string> skipped;
  const auto packs = core::verified_unit_packs(d, unit.store->trusted_public_keys(), skipped);
  REQUIRE(packs.size() == 1);
  CHECK(skipped.empty());
  // A file swapped in the folder afterwards is left out at the next start.
  {
    std::ofstream tamper(packs[0], std::ios::binary | std::ios::app);
    tamper << "x";
  }
  skipped.clear();
  CHECK(core::verified_unit_packs(d, unit.store->trusted_public_keys(), skipped).empty());
  REQUIRE(skipped.size() == 1);
  CHECK_THAT(skipped[0], Catch::Contains("invalid"));
  // Untrusting the key leaves the pack out as well.
  const std::string id = unit.store->trusted_keys().at(0).key_id;
  unit.store.reset();
  REQUIRE(run({"unit", "untrust-key", id, "--admin-pin", "482915", "--data-dir", d}).code == 0);
  CHECK_THAT(run({"unit", "status", "--data-dir", d}).out, Catch::Contains("0 trusted keys"));
}
