// Profiles on a shared device (one folder each, an index rebuilt from the folders, PINs as
// Argon2id hashes) and per-profile export/import.
#include <catch2/catch.hpp>

#include <fstream>

#include "backends/null/manual_clock.h"
#include "core/progress/export_bundle.h"
#include "core/progress/pin.h"
#include "core/progress/profiles.h"
#include "test_progress_support.h"

using namespace respite;
using core::ProfileRegistry;
namespace fs = std::filesystem;
using test::input_at;
using test::TempDir;

namespace {

std::unique_ptr<ProfileRegistry> open_registry(const fs::path& dir, const core::Clock& clock,
                                               std::vector<core::sql::Notice>* notices = nullptr) {
  auto opened = ProfileRegistry::open(dir, clock, true);
  INFO(opened.error);
  REQUIRE(opened.registry);
  if (notices != nullptr) *notices = opened.notices;
  return std::move(opened.registry);
}

core::ProfileInfo add(ProfileRegistry& registry, const std::string& alias,
                      const std::optional<std::string>& pin = std::nullopt) {
  auto added = registry.add(alias, pin);
  INFO(added.error);
  REQUIRE(added.profile);
  return *added.profile;
}

void record(ProfileRegistry& registry, const core::ProfileInfo& profile, const std::string& iso,
            core::Millis active = core::Millis(120'000)) {
  auto opened = registry.open_store(profile);
  REQUIRE(opened.store);
  REQUIRE(opened.store->record(input_at(iso, active)).status == core::RecordStatus::Recorded);
}

}  // namespace

TEST_CASE("profiles: aliases, one folder each, case-insensitive names", "[progress][profiles]") {
  TempDir dir("profiles");
  null_backend::ManualClock clock;
  auto registry = open_registry(dir.path(), clock);
  const auto alex = add(*registry, "Alex");
  const auto sam = add(*registry, "Sam Ó");
  CHECK(fs::exists(dir.path() / "profiles" / alex.profile_id / "progress.db"));
  CHECK(registry->list().size() == 2);
  CHECK(registry->find("ALEX")->profile_id == alex.profile_id);
  CHECK_FALSE(registry->add("alex", std::nullopt).profile);
  for (const char* bad : {"", " Alex", "Alex ", "-x", "tab\there", "\xff\xfe"}) {
    INFO(bad);
    CHECK_FALSE(registry->add(bad, std::nullopt).profile);
  }
  record(*registry, sam, "2026-03-10T12:00:00Z");

  SECTION("removing a profile deletes all of its data and backups") {
    REQUIRE(registry->remove("sam Ó").empty());  // ASCII letters fold; others must match
    CHECK_FALSE(fs::exists(dir.path() / "profiles" / sam.profile_id));
    CHECK_FALSE(registry->find("Sam Ó"));
    CHECK(registry->list().size() == 1);
    CHECK_FALSE(registry->remove("Sam Ó").empty());
  }
  SECTION("the index is rebuilt from the folders when it is lost") {
    registry.reset();
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      if (entry.path().filename().string().rfind("profiles.db", 0) == 0) fs::remove(entry.path());
    }
    std::vector<core::sql::Notice> notices;
    auto rebuilt = open_registry(dir.path(), clock, &notices);
    CHECK(rebuilt->list().size() == 2);
    CHECK(rebuilt->find("Sam Ó"));
    CHECK(notices.size() == 2);  // one "added back" per profile
  }
  SECTION("an interrupted removal is finished at the next open") {
    registry.reset();
    fs::rename(dir.path() / "profiles" / sam.profile_id,
               dir.path() / "profiles" / (sam.profile_id + ".deleted"));
    std::vector<core::sql::Notice> notices;
    auto reopened = open_registry(dir.path(), clock, &notices);
    CHECK_FALSE(reopened->find("Sam Ó"));
    CHECK_FALSE(fs::exists(dir.path() / "profiles" / (sam.profile_id + ".deleted")));
    CHECK(notices.empty());
  }
  SECTION("a read-only open of a missing data folder creates nothing") {
    TempDir empty("nothing");
    const fs::path missing = empty.path() / "not-here";
    auto opened = ProfileRegistry::open(missing, clock, false);
    REQUIRE(opened.registry);
    CHECK(opened.registry->list().empty());
    CHECK_FALSE(fs::exists(missing));
  }
}

TEST_CASE("PINs are stored only as Argon2id hashes", "[progress][profiles]") {
  TempDir dir("pins");
  null_backend::ManualClock clock;
  auto registry = open_registry(dir.path(), clock);
  const auto kim = add(*registry, "Kim", std::string("4821"));
  CHECK(kim.has_pin);
  CHECK(registry->check_pin(kim, "4821"));
  CHECK_FALSE(registry->check_pin(kim, "4822"));
  {
    auto store = registry->open_store(kim);
    REQUIRE(store.store);
    const std::string& hash = store.store->identity().pin_hash;
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("4821") == std::string::npos);
  }
  CHECK_FALSE(registry->add("Lee", std::string("12")).profile);
  CHECK_FALSE(registry->add("Lee", std::string("123456789")).profile);
  CHECK_FALSE(registry->add("Lee", std::string("12a4")).profile);
  REQUIRE(registry->set_pin(kim, std::nullopt).empty());
  CHECK_FALSE(registry->find("Kim")->has_pin);
  CHECK(registry->check_pin(*registry->find("Kim"), "anything"));
  CHECK(core::validate_pin("00000000").empty());
}

TEST_CASE("export and import: versioned, validated, idempotent", "[progress][export]") {
  TempDir home("export-home"), away("export-away");
  null_backend::ManualClock clock;
  auto registry = open_registry(home.path(), clock);
  const auto alex = add(*registry, "Alex", std::string("1234"));
  {
    auto store = registry->open_store(alex);
    REQUIRE(store.store);
    auto settings = store.store->settings();
    settings.rest_weekdays = *core::WeekdaySet::parse("sat,sun");
    settings.rest_dates = {test::day("2026-03-11")};
    settings.weekly_goal = 3;
    REQUIRE(store.store->update_settings(settings).empty());
  }
  record(*registry, alex, "2026-03-09T23:30:00-05:00");
  record(*registry, alex, "2026-03-10T02:00:00-05:00", core::Millis(10'000));
  record(*registry, alex, "2026-03-08T12:00:00Z");  // flagged: behind
  auto store = registry->open_store(alex);
  REQUIRE(store.store);
  const core::ExportData data = core::collect_export(*store.store, clock.utc_now());
  const std::string json = core::export_to_json(data);
  CHECK_THAT(json, Catch::Contains("\"cereal_class_version\": 1"));
  CHECK_THAT(json, Catch::Contains("\"format\": \"respite-progress\""));
  CHECK(json.find("argon2") == std::string::npos);  // the PIN hash never leaves the device

  const auto read = core::export_from_json(json, "alex.json");
  REQUIRE(read.errors.empty());
  REQUIRE(read.data);
  CHECK(read.data->profile_id == alex.profile_id);
  CHECK(read.data->settings == data.settings);
  REQUIRE(read.data->completions.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(read.data->completions[i].same_event(data.completions[i]));
  CHECK(read.data->completions[2].anomaly == core::Anomaly::ClockBehind);

  SECTION("into another device: a new profile with the same id, twice is a no-op") {
    auto there = open_registry(away.path(), clock);
    const auto first = core::import_export(*there, *read.data, std::nullopt);
    REQUIRE(first.error.empty());
    CHECK(first.created);
    CHECK(first.added == 3);
    CHECK(first.profile.profile_id == alex.profile_id);
    CHECK_FALSE(first.profile.has_pin);
    const auto second = core::import_export(*there, *read.data, std::nullopt);
    REQUIRE(second.error.empty());
    CHECK_FALSE(second.created);
    CHECK(second.added == 0);
    CHECK(second.already_present == 3);
    auto imported = there->open_store(*there->find("Alex"));
    REQUIRE(imported.store);
    CHECK(imported.store->completion_count() == 3);
    CHECK(imported.store->settings() == data.settings);
  }
  SECTION("a different person with the same alias is never merged into silently") {
    auto there = open_registry(away.path(), clock);
    add(*there, "Alex");
    const auto clash = core::import_export(*there, *read.data, std::nullopt);
    CHECK_THAT(clash.error, Catch::Contains("--as"));
    CHECK(there->list().size() == 1);
    const auto renamed = core::import_export(*there, *read.data, std::string("Alex (ward 7)"));
    REQUIRE(renamed.error.empty());
    CHECK(renamed.created);
    CHECK(there->list().size() == 2);
  }
  SECTION("conflicting event ids abort the import with nothing changed") {
    core::ExportData tampered = *read.data;
    tampered.completions[0].active = core::Millis(1'000);
    tampered.completions[0].complete = false;
    const auto result = core::import_export(*registry, tampered, std::nullopt);
    CHECK_THAT(result.error, Catch::Contains("different details"));
    auto again = registry->open_store(alex);
    CHECK(again.store->completion_count() == 3);
  }
}

TEST_CASE("import rejects damaged or foreign files with a reason", "[progress][export]") {
  TempDir dir("import-bad");
  null_backend::ManualClock clock;
  auto registry = open_registry(dir.path(), clock);
  const auto alex = add(*registry, "Alex");
  record(*registry, alex, "2026-03-09T23:30:00-05:00");
  auto store = registry->open_store(alex);
  const std::string good = core::export_to_json(core::collect_export(*store.store, clock.utc_now()));
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  struct Case {
    std::string name, json, expect;
  };
  const std::vector<Case> cases = {
      {"empty", "", "not valid JSON"},
      {"truncated", good.substr(0, good.size() / 2), "not valid JSON"},
      {"top-level array", "[1, 2, 3]", "not a Respite export"},
      {"other JSON", "{\"hello\": 1}", "not a Respite export"},
      {"deep nesting", std::string(100'000, '[') + std::string(100'000, ']'), "nested too deeply"},
      {"wrong type", replace("\"weekly_goal\": 0", "\"weekly_goal\": \"none\""), "weekly_goal: expected"},
      {"missing field", replace("\"complete\": true,", ""), "complete: missing"},
      {"newer version", replace("\"cereal_class_version\": 1", "\"cereal_class_version\": 2"),
       "newer version"},
      {"wrong format", replace("respite-progress", "something-else"), "format"},
      {"practice day that does not match its instant",
       replace("\"practice_day\": \"2026-03-09\"", "\"practice_day\": \"2026-03-10\""), "does not match"},
      {"bad uuid", replace("\"event_id\": \"", "\"event_id\": \"X"), "UUID"},
      {"huge number", replace("\"utc_offset_minutes\": -300", "\"utc_offset_minutes\": 99999999999"),
       "utc_offset_minutes: expected"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const auto read = core::export_from_json(c.json, "bad.json");
    CHECK_FALSE(read.data);
    REQUIRE_FALSE(read.errors.empty());
    std::string all;
    for (const auto& e : read.errors) all += e + "\n";
    CHECK_THAT(all, Catch::Contains(c.expect) && Catch::StartsWith("bad.json: "));
  }
}
