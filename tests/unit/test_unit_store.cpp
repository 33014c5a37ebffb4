// Device settings for unit mode (core/progress/unit_store.h): the admin PIN, the idle time, trusted
// pack keys, and the persistent delay after wrong PINs, all on an injected clock.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "backends/null/manual_clock.h"
#include "core/progress/unit_store.h"
#include "core/signing.h"
#include "test_progress_support.h"

using namespace respite;
using namespace respite::test;
using core::PinVerdict;
using std::chrono::seconds;

namespace {

std::unique_ptr<core::UnitStore> open_unit(const fs::path& dir, const core::Clock& clock,
                                           bool create = true) {
  auto opened = core::UnitStore::open(dir, clock, create);
  INFO(opened.error);
  REQUIRE(opened.store);
  return std::move(opened.store);
}

}  // namespace

TEST_CASE("unit store: the delay grows after the third wrong PIN and is capped", "[unit][pin]") {
  const int expected[] = {0, 0, 0, 0, 5, 15, 30, 60, 120, 300, 600, 900, 900};
  for (int failures = 0; failures < 13; ++failures) {
    INFO("failures " << failures);
    CHECK(core::pin_delay_after_failures(failures) == seconds(expected[failures]));
  }
  CHECK(core::pin_delay_after_failures(1000) == seconds(900));
  CHECK(core::pin_delay_after_failures(-1) == seconds(0));
}

TEST_CASE("unit store: reading a missing store writes nothing", "[unit]") {
  TempDir dir("unit-none");
  null_backend::ManualClock clock;
  auto unit = open_unit(dir.path() / "data", clock, false);
  CHECK_FALSE(unit->settings().enabled);
  CHECK(unit->settings().idle_timeout_seconds == core::kDefaultIdleTimeoutSeconds);
  CHECK_FALSE(unit->persistent());
  CHECK_FALSE(fs::exists(dir.path() / "data"));
  // A gate on a store with nothing written lets the attempt through.
  CHECK(unit->pin_gate("admin", clock.utc_now()).verdict == PinVerdict::Accepted);
}

TEST_CASE("unit store: enabling sets a hashed admin PIN that survives a restart", "[unit]") {
  TempDir dir("unit-enable");
  null_backend::ManualClock clock;
  {
    auto unit = open_unit(dir.path(), clock);
    CHECK_THAT(unit->enable("1234"), Catch::Contains("6 to 8 digits"));
    CHECK_THAT(unit->enable("12345a"), Catch::Contains("6 to 8 digits"));
    CHECK_FALSE(unit->settings().enabled);
    REQUIRE(unit->enable("482915").empty());
    CHECK(unit->settings().enabled);
    CHECK(unit->settings().has_admin_pin);
    CHECK_THAT(unit->enable("111111"), Catch::Contains("already on"));
  }
  auto unit = open_unit(dir.path(), clock);
  CHECK(unit->settings().enabled);
  CHECK(unit->check_admin_pin("482915", clock.utc_now()).accepted());
  CHECK(unit->check_admin_pin("482916", clock.utc_now()).verdict == PinVerdict::Wrong);
  // The PIN is not stored in the clear anywhere in the file.
  const std::string bytes = [&] {
    std::ifstream in(core::UnitStore::path_in(dir.path()), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  CHECK(bytes.find("482915") == std::string::npos);
  CHECK(bytes.find("$argon2id$") != std::string::npos);
}

TEST_CASE("unit store: wrong PINs lock the next attempt on the clock, across restarts", "[unit][pin]") {
  TempDir dir("unit-throttle");
  null_backend::ManualClock clock;
  {
    auto unit = open_unit(dir.path(), clock);
    REQUIRE(unit->enable("482915").empty());
    for (int i = 1; i <= 3; ++i) {
      const core::PinCheck check = unit->check_admin_pin("000000", clock.utc_now());
      CHECK(check.verdict == PinVerdict::Wrong);
      CHECK(check.failures == i);
      CHECK(check.wait == core::Millis(0));
    }
    const core::PinCheck fourth = unit->check_admin_pin("000000", clock.utc_now());
    CHECK(fourth.verdict == PinVerdict::Wrong);
    CHECK(fourth.wait == core::Millis(5000));
    // Even the right PIN is not checked while the delay runs, and the attempt is not counted.
    clock.advance(seconds(4));
    const core::PinCheck early = unit->check_admin_pin("482915", clock.utc_now());
    CHECK(early.verdict == PinVerdict::Locked);
    CHECK(early.wait == core::Millis(1000));
    CHECK(early.failures == 4);
  }
  // A restart does not reset the count or the delay.
  auto unit = open_unit(dir.path(), clock);
  CHECK(unit->check_admin_pin("482915", clock.utc_now()).verdict == PinVerdict::Locked);
  clock.advance(seconds(1));
  const core::PinCheck fifth = unit->check_admin_pin("000000", clock.utc_now());
  CHECK(fifth.verdict == PinVerdict::Wrong);
  CHECK(fifth.wait == core::Millis(15000));
  clock.advance(seconds(15));
  CHECK(unit->check_admin_pin("482915", clock.utc_now()).accepted());
  // Success clears the count: three free tries again.
  for (int i = 0; i < 3; ++i) CHECK(unit->check_admin_pin("000000", clock.utc_now()).wait == core::Millis(0));
}

TEST_CASE("unit store: setting the clock back does not lock a PIN for ever, nor unlock it", "[unit][pin]") {
  TempDir dir("unit-clock");
  null_backend::ManualClock clock(core::UtcInstant{1'800'000'000'000});
  auto unit = open_unit(dir.path(), clock);
  const std::string subject = core::UnitStore::profile_subject("p1");
  auto wrong = [&] { return unit->check_pin(subject, clock.utc_now(), [] { return false; }); };
  for (int i = 0; i < 4; ++i) CHECK(wrong().verdict == PinVerdict::Wrong);  // the 4th: 5 s
  CHECK(wrong().verdict == PinVerdict::Locked);                             // too early: not counted
  clock.advance(seconds(5));
  CHECK(wrong().failures == 5);  // 15 s
  CHECK(unit->pin_gate(subject, clock.utc_now()).wait == core::Millis(15000));
  // Back a year: the delay now counts from the new "now", in full.
  clock.set_utc(core::UtcInstant{1'800'000'000'000 - 365LL * 86'400'000});
  const core::PinCheck after_jump = unit->pin_gate(subject, clock.utc_now());
  CHECK(after_jump.verdict == PinVerdict::Locked);
  CHECK(after_jump.wait == core::Millis(15000));
  clock.advance(seconds(15));
  CHECK(unit->pin_gate(subject, clock.utc_now()).verdict == PinVerdict::Accepted);
  // Other subjects are counted apart.
  CHECK(unit->pin_gate(core::UnitStore::profile_subject("p2"), clock.utc_now()).failures == 0);
  unit->forget_pin_subject(subject);
  CHECK(unit->pin_gate(subject, clock.utc_now()).failures == 0);
}

TEST_CASE("unit store: idle time is bounded; disabling forgets the admin PIN", "[unit]") {
  TempDir dir("unit-idle");
  null_backend::ManualClock clock;
  auto unit = open_unit(dir.path(), clock);
  CHECK_FALSE(unit->set_idle_timeout(29).empty());
  CHECK_FALSE(unit->set_idle_timeout(1801).empty());
  REQUIRE(unit->set_idle_timeout(300).empty());
  REQUIRE(unit->enable("13579135").empty());
  CHECK(open_unit(dir.path(), clock)->settings().idle_timeout_seconds == 300);
  REQUIRE(unit->disable().empty());
  CHECK_FALSE(unit->settings().enabled);
  CHECK_FALSE(unit->settings().has_admin_pin);
  CHECK(unit->check_admin_pin("13579135", clock.utc_now()).verdict == PinVerdict::Wrong);
}

TEST_CASE("unit store: trusted pack keys are kept with their labels", "[unit][signing]") {
  TempDir dir("unit-keys");
  null_backend::ManualClock clock;
  auto unit = open_unit(dir.path(), clock);
  const core::KeyPair a = core::generate_key_pair();
  const core::KeyPair b = core::generate_key_pair();
  REQUIRE(unit->add_trusted_key(a.public_key, "Education team", clock.utc_now()).empty());
  clock.advance(seconds(1));
  REQUIRE(unit->add_trusted_key(b.public_key, "Wellbeing service", clock.utc_now()).empty());
  CHECK_FALSE(unit->add_trusted_key("short", "x", clock.utc_now()).empty());
  auto reopened = open_unit(dir.path(), clock);
  const auto keys = reopened->trusted_keys();
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].public_key == a.public_key);
  CHECK(keys[0].label == "Education team");
  CHECK(keys[0].key_id == core::key_id(a.public_key));
  CHECK(reopened->trusted_public_keys() == std::vector<std::string>{a.public_key, b.public_key});
  REQUIRE(reopened->remove_trusted_key(keys[0].key_id).empty());
  CHECK_FALSE(reopened->remove_trusted_key(keys[0].key_id).empty());
  CHECK(reopened->trusted_public_keys() == std::vector<std::string>{b.public_key});
}
