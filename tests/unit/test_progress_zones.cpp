// ZoneRules (our TZif reader) against known transitions, against glibc's localtime_r for every
// zone on the machine, and the DST tables the streak rules rely on.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/progress/zone_rules.h"
#include "test_progress_support.h"

using namespace respite;
using core::UtcInstant;
using core::ZoneRules;
using test::at;

namespace {

ZoneRules zone(const std::string& name) {
  std::string error;
  auto rules = ZoneRules::load(name, error);
  if (!rules) FAIL(error);
  return *rules;
}

std::int64_t local_ms(const std::string& local_iso_without_offset) {
  return at(local_iso_without_offset + "Z").instant.ms;
}

}  // namespace

TEST_CASE("zone offsets at known transitions", "[progress][zones]") {
  struct Row {
    const char* zone;
    const char* utc;
    int offset_minutes;
  };
  const Row rows[] = {
      {"America/New_York", "2026-03-08T06:59:59Z", -300},
      {"America/New_York", "2026-03-08T07:00:00Z", -240},
      {"America/New_York", "2026-11-01T05:59:59Z", -240},
      {"America/New_York", "2026-11-01T06:00:00Z", -300},
      {"Europe/London", "2026-03-29T00:59:59Z", 0},
      {"Europe/London", "2026-03-29T01:00:00Z", 60},
      {"Europe/London", "2026-10-25T00:59:59Z", 60},
      {"Europe/London", "2026-10-25T01:00:00Z", 0},
      {"Australia/Sydney", "2026-04-04T15:59:59Z", 660},
      {"Australia/Sydney", "2026-04-04T16:00:00Z", 600},
      {"Australia/Sydney", "2026-10-03T15:59:59Z", 600},
      {"Australia/Sydney", "2026-10-03T16:00:00Z", 660},
      {"Australia/Lord_Howe", "2026-04-04T14:59:59Z", 660},
      {"Australia/Lord_Howe", "2026-04-04T15:00:00Z", 630},
      {"Australia/Lord_Howe", "2026-10-03T15:29:59Z", 630},
      {"Australia/Lord_Howe", "2026-10-03T15:30:00Z", 660},
      {"Pacific/Chatham", "2026-04-04T13:59:59Z", 825},
      {"Pacific/Chatham", "2026-04-04T14:00:00Z", 765},
      {"Pacific/Chatham", "2026-09-26T13:59:59Z", 765},
      {"Pacific/Chatham", "2026-09-26T14:00:00Z", 825},
      {"Asia/Kolkata", "2026-01-01T00:00:00Z", 330},
      {"Asia/Kolkata", "2026-07-01T00:00:00Z", 330},
      {"Pacific/Kiritimati", "2026-07-01T00:00:00Z", 840},
      {"Pacific/Pago_Pago", "2026-07-01T00:00:00Z", -660},
      // Beyond the last transition in the file: the POSIX rule at its end takes over (the case
      // date/tz 3.0.1 gets wrong).
      {"America/New_York", "2040-07-01T12:00:00Z", -240},
      {"America/New_York", "2040-01-15T12:00:00Z", -300},
      {"Europe/London", "2045-07-01T12:00:00Z", 60},
      {"Australia/Sydney", "2050-01-01T00:00:00Z", 660},
      {"Australia/Sydney", "2050-07-01T00:00:00Z", 600},
      {"Australia/Lord_Howe", "2099-01-01T00:00:00Z", 660},
      {"Pacific/Chatham", "2199-07-01T00:00:00Z", 765},
  };
  for (const Row& row : rows) {
    INFO(row.zone << " at " << row.utc);
    CHECK(zone(row.zone).offset_minutes_at(at(row.utc).instant) == row.offset_minutes);
  }
}

TEST_CASE("local times in gaps and overlaps", "[progress][zones]") {
  const ZoneRules ny = zone("America/New_York");
  CHECK(ny.resolve_local(local_ms("2026-03-08T02:30:00")).empty());
  REQUIRE(ny.resolve_local(local_ms("2026-03-08T01:30:00")).size() == 1);
  REQUIRE(ny.resolve_local(local_ms("2026-03-08T03:30:00")).size() == 1);
  const auto twice = ny.resolve_local(local_ms("2026-11-01T01:30:00"));
  REQUIRE(twice.size() == 2);
  CHECK(twice[0] == at("2026-11-01T05:30:00Z").instant);
  CHECK(twice[1] == at("2026-11-01T06:30:00Z").instant);

  const ZoneRules lord_howe = zone("Australia/Lord_Howe");
  CHECK(lord_howe.resolve_local(local_ms("2026-10-04T02:15:00")).empty());
  CHECK(lord_howe.resolve_local(local_ms("2026-10-04T02:30:00")).size() == 1);
  const auto lh_twice = lord_howe.resolve_local(local_ms("2026-04-05T01:45:00"));
  REQUIRE(lh_twice.size() == 2);
  CHECK(lh_twice[1].ms - lh_twice[0].ms == 30 * 60'000);

  const ZoneRules chatham = zone("Pacific/Chatham");
  CHECK(chatham.resolve_local(local_ms("2026-09-27T03:00:00")).empty());
  CHECK(chatham.resolve_local(local_ms("2026-04-05T03:00:00")).size() == 2);

  const ZoneRules kolkata = zone("Asia/Kolkata");
  CHECK(kolkata.resolve_local(local_ms("2026-03-08T02:30:00")).size() == 1);
}

TEST_CASE("zone names are checked before any file is opened", "[progress][zones]") {
  std::string error;
  for (const char* bad : {"", "../etc/passwd", "/etc/passwd", "Europe/../../x", "Europe//London",
                          "Europe/Lon don", "Nowhere/Atlantis"}) {
    INFO(bad);
    error.clear();
    CHECK_FALSE(ZoneRules::load(bad, error));
    CHECK_FALSE(error.empty());
  }
  CHECK_FALSE(ZoneRules::from_tzif("x", "TZif2 but not really", error));
  CHECK_FALSE(ZoneRules::from_tzif("x", "", error));
}

TEST_CASE("damaged TZif bytes are rejected, never read out of bounds", "[progress][zones]") {
  std::ifstream file(ZoneRules::default_zoneinfo_dir() + "/Australia/Lord_Howe", std::ios::binary);
  REQUIRE(file);
  const std::string good((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::string error;
  REQUIRE(ZoneRules::from_tzif("Australia/Lord_Howe", good, error));
  std::mt19937 rng(7);
  for (std::size_t cut = 0; cut < good.size(); cut += 7) {
    auto rules = ZoneRules::from_tzif("cut", good.substr(0, cut), error);
    if (rules) (void)rules->offset_seconds_at(UtcInstant{0});
  }
  for (int i = 0; i < 2000; ++i) {
    std::string bytes = good;
    bytes[rng() % bytes.size()] = static_cast<char>(rng());
    auto rules = ZoneRules::from_tzif("flipped", bytes, error);
    if (rules) {
      (void)rules->offset_seconds_at(UtcInstant{static_cast<std::int64_t>(rng()) * 1000});
      (void)rules->resolve_local(0);
    }
  }
  SUCCEED("no crash (ASan/UBSan builds check the reads)");
}

// Every zone on the machine, 1900..2200, against the C library (which applies the same files and
// their POSIX rules independently). The test changes TZ for itself and restores it.
TEST_CASE("ZoneRules agrees with glibc localtime_r for every installed zone", "[progress][zones]") {
  namespace fs = std::filesystem;
  const fs::path root = ZoneRules::default_zoneinfo_dir();
  std::vector<std::string> names;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it) {
    const std::string rel = fs::relative(it->path(), root).string();
    if (it->is_directory() && (rel == "posix" || rel == "right" || rel == "Etc")) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || !ZoneRules::is_safe_name(rel)) continue;
    std::ifstream f(it->path(), std::ios::binary);
    char magic[4] = {};
    if (!f.read(magic, 4) || std::string(magic, 4) != "TZif") continue;
    names.push_back(rel);
  }
  REQUIRE(names.size() > 300);
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved != nullptr ? saved : "";
  std::mt19937_64 rng(2038);
  const std::int64_t from = -2'208'988'800;  // 1900-01-01
  const std::int64_t to = 7'258'118'400;     // 2200-01-01
  std::size_t mismatches = 0, compared = 0;
  for (const std::string& name : names) {
    std::string error;
    const auto rules = ZoneRules::load(name, error);
    INFO(name << ": " << error);
    REQUIRE(rules);
    setenv("TZ", (":" + name).c_str(), 1);
    tzset();
    for (int i = 0; i < 300; ++i) {
      const std::int64_t t = from + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(to - from));
      std::time_t tt = static_cast<std::time_t>(t);
      std::tm local{};
      REQUIRE(localtime_r(&tt, &local) != nullptr);
      ++compared;
      const int ours = rules->offset_seconds_at(UtcInstant{t * 1000});
      if (ours != static_cast<int>(local.tm_gmtoff)) {
        ++mismatches;
        UNSCOPED_INFO(name << " at " << t << ": ours " << ours << " glibc " << local.tm_gmtoff);
      }
    }
  }
  if (saved != nullptr) {
    setenv("TZ", saved_tz.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  INFO(compared << " instants compared");
  CHECK(mismatches == 0);
}
