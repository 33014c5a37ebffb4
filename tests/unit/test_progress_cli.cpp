// `respite log | progress | profile | export | import` through respite::cli::run: exit codes
// 0 / 1 / 2, messages on stderr, and nothing recorded when the input is bad.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"
#include "test_progress_support.h"

using namespace respite;
using test::TempDir;

namespace {

struct Result {
  int code = -1;
  std::string out, err;
};

Result run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Result r;
  r.code = cli::run(args, cli::AppEntryPoints{}, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A bundled item whose minimum is below its plan (so a session can be partial), found at run time:
// the tests follow the bundled content instead of pinning a pack format of their own.
struct TestItem {
  std::string ref;
  std::string pack_id;
  double planned = 0;  // seconds
  double minimum = 0;
};

const TestItem& test_item() {
  static const TestItem item = [] {
    TestItem found;
    const auto loaded = core::load_catalog(cli::default_pack_paths());
    for (const core::Pack& pack : loaded.catalog.packs) {
      for (const core::Item& i : pack.items) {
        const core::ItemRef ref{pack.id, i.id};
        const core::SessionPlan plan = core::make_plan(ref, i, core::PlanSettings{});
        if (found.ref.empty() && plan.minimum.count() > 31'000 && plan.minimum < plan.planned &&
            plan.planned.count() % 1000 == 0 && plan.minimum.count() % 1000 == 0) {
          found = {ref.to_string(), pack.id, core::millis_to_seconds(plan.planned),
                   core::millis_to_seconds(plan.minimum)};
        }
      }
    }
    return found;
  }();
  if (item.ref.empty()) FAIL("no bundled item with a minimum below its plan (check content/packs)");
  return item;
}

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  INFO(json);
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

struct Cli {
  TempDir dir{"cli"};
  std::string data = (dir.path() / "data").string();
  const TestItem& item = test_item();

  Result log(const std::string& at, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"log",    "--data-dir", data,   "--profile", "Alex",
                                     "--item", item.ref,     "--at", at};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }
  rapidjson::Document progress(const std::string& today, const std::string& profile = "Alex") {
    const Result r = run({"progress", "--data-dir", data, "--profile", profile, "--today", today, "--json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return parse(r.out);
  }
  int sessions() {
    auto p = progress("2026-03-10");
    return p["sessions_complete"].GetInt() + p["sessions_partial"].GetInt();
  }
};

}  // namespace

TEST_CASE("cli profile add / list / remove", "[progress][cli]") {
  Cli cli;
  CHECK(run({"profile", "add", "Alex", "--data-dir", cli.data}).code == 0);
  CHECK(run({"profile", "add", "Sam", "--pin", "2468", "--data-dir", cli.data}).code == 0);
  const Result dup = run({"profile", "add", "alex", "--data-dir", cli.data});
  CHECK(dup.code == 1);
  CHECK_THAT(dup.err, Catch::Contains("already exists"));
  CHECK(run({"profile", "add", " x", "--data-dir", cli.data}).code == 1);
  CHECK(run({"profile", "add", "Lee", "--pin", "12", "--data-dir", cli.data}).code == 1);
  CHECK(run({"profile", "add", "--data-dir", cli.data}).code == 2);
  CHECK(run({"profile", "add", "Lee"}).code == 2);
  CHECK(run({"profile", "add", "Lee", "Kim", "--data-dir", cli.data}).code == 2);
  CHECK(run({"profile"}).code == 2);
  CHECK(run({"profile", "rename", "Alex", "--data-dir", cli.data}).code == 2);

  const Result list = run({"profile", "list", "--data-dir", cli.data, "--json"});
  REQUIRE(list.code == 0);
  const auto profiles = parse(list.out);
  REQUIRE(profiles.Size() == 2);
  CHECK(std::string(profiles[0]["name"].GetString()) == "Alex");
  CHECK_FALSE(profiles[0]["has_pin"].GetBool());
  CHECK(profiles[1]["has_pin"].GetBool());
  CHECK(run({"profile", "list", "--data-dir", cli.data}).out == "Alex\nSam (PIN)\n");

  CHECK(run({"profile", "remove", "Sam", "--data-dir", cli.data}).code == 0);
  CHECK(run({"profile", "remove", "Sam", "--data-dir", cli.data}).code == 1);
  CHECK(run({"profile", "list", "--data-dir", cli.data}).out == "Alex\n");
}

TEST_CASE("cli log records as the app would; bad input records nothing", "[progress][cli]") {
  Cli cli;
  REQUIRE(run({"profile", "add", "Alex", "--data-dir", cli.data}).code == 0);

  SECTION("a complete session by default, partial below the minimum") {
    const Result r = cli.log("2026-03-09T23:30:00-05:00", {"--json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto j = parse(r.out);
    CHECK(std::string(j["practice_day"].GetString()) == "2026-03-09");
    CHECK(j["complete"].GetBool());
    CHECK(j["active_seconds"].GetDouble() == Approx(cli.item.planned));
    CHECK(j["required_seconds"].GetDouble() == Approx(cli.item.minimum));
    const Result partial = cli.log("2026-03-10T02:00:00-05:00", {"--active", "30.5"});
    REQUIRE(partial.code == 0);
    CHECK_THAT(partial.out, Catch::Contains("partial") && Catch::Contains("practice day 2026-03-09"));
    const auto p = cli.progress("2026-03-10");
    CHECK(p["sessions_complete"].GetInt() == 1);
    CHECK(p["sessions_partial"].GetInt() == 1);
    CHECK(p["active_seconds"].GetDouble() == Approx(cli.item.planned + 30.5));
  }
  SECTION("--zone names the zone; the offset must agree with it, or --at is given in UTC") {
    const Result ok = cli.log("2026-03-08T03:30:00-04:00", {"--zone", "America/New_York", "--json"});
    REQUIRE(ok.code == 0);
    CHECK(std::string(parse(ok.out)["practice_day"].GetString()) == "2026-03-07");
    const Result utc = cli.log("2026-03-09T12:00:00Z", {"--zone", "Pacific/Chatham", "--json"});
    REQUIRE(utc.code == 0);
    CHECK(std::string(parse(utc.out)["at"].GetString()) == "2026-03-10T01:45:00+13:45");
    const Result wrong = cli.log("2026-03-08T03:30:00-05:00", {"--zone", "America/New_York"});
    CHECK(wrong.code == 1);
    CHECK_THAT(wrong.err, Catch::Contains("-04:00"));
    CHECK(cli.log("2026-03-08T03:30:00-05:00", {"--zone", "Mars/Olympus_Mons"}).code == 1);
    CHECK(cli.sessions() == 2);
  }
  SECTION("rejected with exit 1 and nothing recorded") {
    struct Bad {
      std::vector<std::string> args;
      const char* message;
    };
    const std::vector<Bad> bad = {
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref, "--at",
          "2026-03-09T23:30:00"},
         "no UTC offset"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref, "--at",
          "2026-02-30T10:00:00Z"},
         "not a calendar date"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.pack_id + "/nope", "--at",
          "2026-03-09T23:30:00Z"},
         "unknown item"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", "nonsense", "--at",
          "2026-03-09T23:30:00Z"},
         "PACK_ID/ITEM_ID"},
        {{"log", "--data-dir", cli.data, "--profile", "Nobody", "--item", cli.item.ref, "--at",
          "2026-03-09T23:30:00Z"},
         "no profile named 'Nobody'"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref, "--at",
          "2026-03-09T23:30:00Z", "--active", "-5"},
         "--active"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref, "--at",
          "2026-03-09T23:30:00Z", "--active", "ninety"},
         "--active"},
        {{"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref, "--at",
          "2026-03-09T23:30:00Z", "--event-id", "123"},
         "--event-id"},
    };
    for (const Bad& b : bad) {
      const Result r = run(b.args);
      INFO(b.message << ": " << r.err);
      CHECK(r.code == 1);
      CHECK_THAT(r.err, Catch::Contains(b.message));
      CHECK(r.out.empty());
    }
    CHECK(cli.sessions() == 0);
  }
  SECTION("usage errors exit 2") {
    CHECK(run({"log", "--data-dir", cli.data, "--profile", "Alex", "--item", cli.item.ref}).code == 2);
    CHECK(cli.log("2026-03-09T23:30:00Z", {"--colour", "blue"}).code == 2);
    CHECK(cli.log("2026-03-09T23:30:00Z", {"extra"}).code == 2);
    CHECK(run({"progress", "--profile", "Alex"}).code == 2);
    CHECK(cli.sessions() == 0);
  }
  SECTION("a data folder that does not exist is not created by log or progress") {
    const std::string missing = (cli.dir.path() / "elsewhere").string();
    CHECK(run({"log", "--data-dir", missing, "--profile", "Alex", "--item", cli.item.ref, "--at",
               "2026-03-09T23:30:00Z"})
              .code == 1);
    CHECK(run({"progress", "--data-dir", missing, "--profile", "Alex", "--json"}).code == 1);
    CHECK_FALSE(std::filesystem::exists(missing));
  }
  SECTION("--event-id makes a retry idempotent, and a reused id with other details is refused") {
    const std::string id = core::make_uuid_v4();
    CHECK(cli.log("2026-03-09T23:30:00Z", {"--event-id", id}).code == 0);
    const Result again = cli.log("2026-03-09T23:30:00Z", {"--event-id", id});
    CHECK(again.code == 0);
    CHECK_THAT(again.out, Catch::StartsWith("already recorded"));
    CHECK(cli.log("2026-03-09T23:45:00Z", {"--event-id", id}).code == 1);
    CHECK(cli.sessions() == 1);
  }
}

TEST_CASE("cli progress prints the contract fields", "[progress][cli]") {
  Cli cli;
  REQUIRE(run({"profile", "add", "Alex", "--data-dir", cli.data}).code == 0);
  for (const char* at :
       {"2026-03-06T12:00:00Z", "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z", "2026-03-10T02:00:00+00:00"})
    REQUIRE(cli.log(at).code == 0);
  REQUIRE(cli.log("2026-03-01T12:00:00Z").code == 0);  // the clock was set back: flagged

  auto p = cli.progress("2026-03-10");
  for (const char* key : {"current_streak", "longest_streak", "streak_unit", "done_days", "sessions_complete",
                          "sessions_partial", "active_seconds", "anomalies", "streaks_hidden", "rest_days",
                          "today", "day_start", "travel_days"})
    CHECK(p.HasMember(key));
  CHECK(std::string(p["streak_unit"].GetString()) == "day");
  CHECK(p["current_streak"].GetInt() == 1);  // 03-08 missed; 03-10 02:00 is still 03-09
  CHECK(p["longest_streak"].GetInt() == 2);
  REQUIRE(p["done_days"].Size() == 3);
  CHECK(std::string(p["done_days"][2].GetString()) == "2026-03-09");
  CHECK(p["sessions_complete"].GetInt() == 5);
  CHECK(p["active_seconds"].GetDouble() == Approx(5 * cli.item.planned));
  REQUIRE(p["anomalies"].Size() == 1);
  CHECK(std::string(p["anomalies"][0]["kind"].GetString()) == "clock_behind");

  SECTION("rest days and weekly goals through profile set") {
    REQUIRE(run({"profile", "set", "Alex", "--rest-date", "2026-03-08", "--data-dir", cli.data}).code == 0);
    p = cli.progress("2026-03-10");
    CHECK(p["current_streak"].GetInt() == 3);
    REQUIRE(run({"profile", "set", "Alex", "--weekly-goal", "2", "--data-dir", cli.data}).code == 0);
    p = cli.progress("2026-03-10");
    CHECK(std::string(p["streak_unit"].GetString()) == "week");
    CHECK(p["current_streak"].GetInt() == 1);  // last week met (2 of 2); this week still open
    REQUIRE(run({"profile", "set", "Alex", "--weekly-goal", "off", "--remove-rest-date", "2026-03-08",
                 "--rest-days", "sun", "--data-dir", cli.data})
                .code == 0);
    p = cli.progress("2026-03-10");
    CHECK(p["current_streak"].GetInt() == 3);
    CHECK(std::string(p["rest_days"]["weekdays"][0].GetString()) == "sun");
    CHECK(p["rest_days"]["dates"].Size() == 0);
  }
  SECTION("hidden streaks are not printed; the history is") {
    REQUIRE(run({"profile", "set", "Alex", "--hide-streaks", "on", "--data-dir", cli.data}).code == 0);
    p = cli.progress("2026-03-10");
    CHECK(p["streaks_hidden"].GetBool());
    CHECK(p["current_streak"].IsNull());
    CHECK(p["longest_streak"].IsNull());
    CHECK(p["done_days"].Size() == 3);
  }
  SECTION("a later day start applies to sessions from then on") {
    REQUIRE(run({"profile", "set", "Alex", "--day-start", "01:00", "--data-dir", cli.data}).code == 0);
    REQUIRE(cli.log("2026-03-11T02:00:00Z").code == 0);
    p = cli.progress("2026-03-11");
    CHECK(std::string(p["done_days"][3].GetString()) == "2026-03-11");
    CHECK(std::string(p["day_start"].GetString()) == "01:00");
  }
  SECTION("profile set validates everything before writing") {
    for (std::vector<std::string> bad : {std::vector<std::string>{"--day-start", "13:00"},
                                         {"--day-start", "7"},
                                         {"--rest-days", "weekends"},
                                         {"--rest-days", "mon,tue,wed,thu,fri,sat,sun"},
                                         {"--rest-date", "2026-13-01"},
                                         {"--weekly-goal", "8"},
                                         {"--hide-streaks", "maybe"},
                                         {"--pin", "abc"}}) {
      std::vector<std::string> args = {"profile", "set",         "Alex", "--data-dir",
                                       cli.data,  "--day-start", "02:00"};
      if (bad[0] == "--day-start") args.resize(5);
      args.insert(args.end(), bad.begin(), bad.end());
      INFO(bad[0] << " " << bad[1]);
      CHECK(run(args).code == 1);
      CHECK(std::string(cli.progress("2026-03-10")["day_start"].GetString()) == "04:00");
    }
    CHECK(run({"profile", "set", "Alex", "--data-dir", cli.data}).code == 2);
    CHECK(run({"profile", "set", "Nobody", "--day-start", "02:00", "--data-dir", cli.data}).code == 1);
  }
  SECTION("bad --today is input, not usage") {
    CHECK(run({"progress", "--data-dir", cli.data, "--profile", "Alex", "--today", "2026-3-10"}).code == 1);
    CHECK(run({"progress", "--data-dir", cli.data, "--profile", "Nobody", "--json"}).code == 1);
  }
}

TEST_CASE("cli export and import", "[progress][cli][export]") {
  Cli cli;
  REQUIRE(run({"profile", "add", "Alex", "--pin", "1357", "--data-dir", cli.data}).code == 0);
  REQUIRE(cli.log("2026-03-09T12:00:00Z").code == 0);
  REQUIRE(cli.log("2026-03-10T12:00:00Z", {"--active", "10"}).code == 0);
  const std::string file = (cli.dir.path() / "alex.json").string();
  const Result exported = run({"export", "--data-dir", cli.data, "--profile", "Alex", "-o", file});
  REQUIRE(exported.code == 0);
  CHECK_THAT(exported.out, Catch::Contains("exported 2 sessions"));
  CHECK(run({"export", "--data-dir", cli.data, "--profile", "Nobody", "-o", file}).code == 1);
  CHECK(run({"export", "--data-dir", cli.data, "--profile", "Alex"}).code == 2);

  const std::string other = (cli.dir.path() / "other").string();
  const Result first = run({"import", file, "--data-dir", other});
  INFO(first.err);
  REQUIRE(first.code == 0);
  CHECK_THAT(first.out, Catch::Contains("imported 2 new sessions (0 already present) into new profile Alex"));
  const Result second = run({"import", file, "--data-dir", other});
  REQUIRE(second.code == 0);
  CHECK_THAT(second.out, Catch::Contains("imported 0 new sessions (2 already present)"));
  const Result there =
      run({"progress", "--data-dir", other, "--profile", "Alex", "--today", "2026-03-10", "--json"});
  REQUIRE(there.code == 0);
  CHECK(parse(there.out)["sessions_partial"].GetInt() == 1);
  CHECK(run({"profile", "list", "--data-dir", other}).out == "Alex\n");  // the PIN did not travel

  std::ofstream(cli.dir.path() / "bad.json") << "{\"respite_export\": {\"format\": 1}}";
  const Result bad = run({"import", (cli.dir.path() / "bad.json").string(), "--data-dir", other + "2"});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Catch::Contains("bad.json: $.respite_export.format: expected a string"));
  CHECK_FALSE(std::filesystem::exists(other + "2"));
  CHECK(run({"import", (cli.dir.path() / "missing.json").string(), "--data-dir", other}).code == 1);
  CHECK(run({"import", "--data-dir", other}).code == 2);
}
