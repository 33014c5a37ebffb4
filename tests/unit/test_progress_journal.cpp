// The private journal in a profile's progress.db (schema 2): reflection answers and check-ins are
// appended, idempotent by entry id, refused when malformed, kept across reopening, and merged all
// or nothing.
#include <catch2/catch.hpp>

#include "backends/null/manual_clock.h"
#include "core/progress/export_bundle.h"
#include "core/progress/ids.h"
#include "core/progress/profiles.h"
#include "core/progress/progress_store.h"
#include "test_progress_support.h"

using namespace respite;
using namespace respite::test;
using core::RecordStatus;

namespace {

core::ProfileIdentity someone(const null_backend::ManualClock& clock) {
  return core::ProfileIdentity{core::make_uuid_v4(), "Rowan", "", clock.utc_now()};
}

core::ReflectionEntry reflection(const std::string& text) {
  core::ReflectionEntry r;
  r.entry_id = core::make_uuid_v4();
  r.pack_id = "clinician-essentials";
  r.item_id = "stress-basics";
  r.prompt_id = "what-helps";
  r.text = text;
  r.at = at("2026-03-10T12:00:00-05:00").instant;
  r.utc_offset_minutes = -300;
  return r;
}

core::CheckinEntry checkin(int score) {
  core::CheckinEntry c;
  c.entry_id = core::make_uuid_v4();
  c.pack_id = "clinician-essentials";
  c.item_id = "stress-basics";
  c.checkin_id = "pss4";
  c.score = score;
  c.answers = {{"q1", 2}, {"q2", score - 2}};
  c.at = at("2026-03-10T12:05:00-05:00").instant;
  c.utc_offset_minutes = -300;
  return c;
}

}  // namespace

TEST_CASE("journal: reflections and check-ins are kept, in order, across reopening", "[progress][journal]") {
  TempDir dir("journal");
  null_backend::ManualClock clock;
  const auto path = dir.path() / "progress.db";
  const core::ProfileIdentity who = someone(clock);
  const core::ReflectionEntry first = reflection("A walk at lunch; tea with Sam.");
  const core::ReflectionEntry second =
      reflection("Stepping outside for air — with ñ and emoji \xF0\x9F\x8C\xBF");
  const core::CheckinEntry check = checkin(7);
  {
    auto opened = core::ProgressStore::open(path, clock, who);
    REQUIRE(opened.store);
    CHECK(opened.store->add_reflection(first) == RecordStatus::Recorded);
    CHECK(opened.store->add_reflection(second) == RecordStatus::Recorded);
    CHECK(opened.store->add_checkin(check) == RecordStatus::Recorded);
  }
  auto opened = core::ProgressStore::open(path, clock);
  REQUIRE(opened.store);
  const auto reflections = opened.store->reflections();
  REQUIRE(reflections.size() == 2);
  CHECK(reflections[0] == first);
  CHECK(reflections[1] == second);
  const auto checkins = opened.store->checkins();
  REQUIRE(checkins.size() == 1);
  CHECK(checkins[0] == check);
  CHECK(checkins[0].answers == std::vector<std::pair<std::string, int>>{{"q1", 2}, {"q2", 5}});
}

TEST_CASE("journal: the same entry twice is idempotent, another with its id conflicts",
          "[progress][journal]") {
  TempDir dir("journal-idem");
  null_backend::ManualClock clock;
  auto opened = core::ProgressStore::open(dir.path() / "progress.db", clock, someone(clock));
  REQUIRE(opened.store);
  core::ProgressStore& store = *opened.store;
  const core::ReflectionEntry entry = reflection("first words");
  REQUIRE(store.add_reflection(entry) == RecordStatus::Recorded);
  CHECK(store.add_reflection(entry) == RecordStatus::AlreadyRecorded);
  core::ReflectionEntry changed = entry;
  changed.text = "other words";
  std::string why;
  CHECK(store.add_reflection(changed, &why) == RecordStatus::Conflict);
  CHECK_THAT(why, Catch::Contains(entry.entry_id));
  REQUIRE(store.reflections().size() == 1);
  CHECK(store.reflections()[0].text == "first words");

  const core::CheckinEntry c = checkin(4);
  REQUIRE(store.add_checkin(c) == RecordStatus::Recorded);
  CHECK(store.add_checkin(c) == RecordStatus::AlreadyRecorded);
  core::CheckinEntry other = c;
  other.score = 5;
  CHECK(store.add_checkin(other) == RecordStatus::Conflict);
  CHECK(store.checkins().size() == 1);
}

TEST_CASE("journal: malformed entries are refused and nothing is written", "[progress][journal]") {
  TempDir dir("journal-bad");
  null_backend::ManualClock clock;
  auto opened = core::ProgressStore::open(dir.path() / "progress.db", clock, someone(clock));
  REQUIRE(opened.store);
  core::ProgressStore& store = *opened.store;
  std::string why;

  core::ReflectionEntry r = reflection("x");
  r.entry_id = "not-a-uuid";
  CHECK(store.add_reflection(r, &why) == RecordStatus::Invalid);
  CHECK_THAT(why, Catch::Contains("entry id"));
  r = reflection(std::string(core::kMaxReflectionBytes + 1, 'a'));
  CHECK(store.add_reflection(r, &why) == RecordStatus::Invalid);
  CHECK_THAT(why, Catch::Contains("longer than"));
  r = reflection("x");
  r.prompt_id = "a;b";
  CHECK(store.add_reflection(r, &why) == RecordStatus::Invalid);
  r = reflection("x");
  r.utc_offset_minutes = 24 * 60;
  CHECK(store.add_reflection(r, &why) == RecordStatus::Invalid);

  core::CheckinEntry c = checkin(3);
  c.answers.push_back({"q=3", 1});
  CHECK(store.add_checkin(c, &why) == RecordStatus::Invalid);
  CHECK_THAT(why, Catch::Contains("question id"));
  c = checkin(3);
  c.checkin_id.clear();
  CHECK(store.add_checkin(c, &why) == RecordStatus::Invalid);

  // The app's own check-ins carry no pack.
  c = checkin(3);
  c.pack_id.clear();
  c.item_id.clear();
  c.checkin_id = "app.mood";
  CHECK(store.add_checkin(c, &why) == RecordStatus::Recorded);

  CHECK(store.reflections().empty());
  CHECK(store.checkins().size() == 1);
}

TEST_CASE("journal: answers encode and decode exactly", "[progress][journal]") {
  const std::vector<std::pair<std::string, int>> answers = {{"q1", 0}, {"q-2", -3}, {"long_id.x", 1000}};
  const std::string text = core::encode_answers(answers);
  CHECK(text == "q1=0;q-2=-3;long_id.x=1000");
  CHECK(core::decode_answers(text) == answers);
  CHECK(core::decode_answers("")->empty());
  CHECK_FALSE(core::decode_answers("q1"));
  CHECK_FALSE(core::decode_answers("=3"));
  CHECK_FALSE(core::decode_answers("q1=3x"));
  CHECK_FALSE(core::decode_answers("q1=99999999999"));
}

TEST_CASE("journal: merge adds new entries, skips known ones, aborts on a conflict", "[progress][journal]") {
  TempDir dir("journal-merge");
  null_backend::ManualClock clock;
  auto opened = core::ProgressStore::open(dir.path() / "progress.db", clock, someone(clock));
  REQUIRE(opened.store);
  core::ProgressStore& store = *opened.store;
  const core::ReflectionEntry known = reflection("known");
  REQUIRE(store.add_reflection(known) == RecordStatus::Recorded);
  const core::ReflectionEntry fresh = reflection("fresh");
  const core::CheckinEntry c = checkin(6);

  const core::MergeOutcome merged = store.merge_journal({known, fresh}, {c});
  CHECK(merged.error.empty());
  CHECK(merged.added == 2);
  CHECK(merged.already_present == 1);
  CHECK(store.reflections().size() == 2);
  CHECK(store.checkins().size() == 1);

  core::ReflectionEntry conflicting = fresh;
  conflicting.text = "rewritten";
  const core::ReflectionEntry another = reflection("another");
  const core::MergeOutcome refused = store.merge_journal({another, conflicting}, {});
  CHECK_THAT(refused.error, Catch::Contains("different content"));
  CHECK(store.reflections().size() == 2);  // `another` was rolled back with the rest
}

TEST_CASE("journal: export carries it, import restores it, and version 1 files still import",
          "[progress][journal][export]") {
  TempDir from("journal-export-from");
  TempDir to("journal-export-to");
  null_backend::ManualClock clock;
  auto source = core::ProfileRegistry::open(from.path(), clock, true);
  REQUIRE(source.registry);
  const auto added = source.registry->add("Rowan", std::string("2468"));
  REQUIRE(added.profile);
  const core::ReflectionEntry r = reflection("what helps: the quiet room");
  const core::CheckinEntry c = checkin(9);
  std::string json;
  {
    auto store = source.registry->open_store(*added.profile);
    REQUIRE(store.store);
    REQUIRE(store.store->record(input_at("2026-03-10T12:00:00Z")).ok());
    REQUIRE(store.store->add_reflection(r) == RecordStatus::Recorded);
    REQUIRE(store.store->add_checkin(c) == RecordStatus::Recorded);
    json = core::export_to_json(core::collect_export(*store.store, clock.utc_now()));
  }
  CHECK_THAT(json, Catch::Contains("\"cereal_class_version\": 2"));
  CHECK_THAT(json, Catch::Contains("the quiet room"));
  CHECK(json.find("argon2") == std::string::npos);

  const auto read = core::export_from_json(json, "rowan.json");
  REQUIRE(read.data);
  auto target = core::ProfileRegistry::open(to.path(), clock, true);
  REQUIRE(target.registry);
  const core::ImportOutcome imported = core::import_export(*target.registry, *read.data, std::nullopt);
  REQUIRE(imported.error.empty());
  CHECK(imported.added == 1);
  CHECK(imported.journal_added == 2);
  {
    auto store = target.registry->open_store(imported.profile);
    REQUIRE(store.store);
    REQUIRE(store.store->reflections().size() == 1);
    CHECK(store.store->reflections()[0] == r);
    REQUIRE(store.store->checkins().size() == 1);
    CHECK(store.store->checkins()[0] == c);
  }
  // Twice: nothing new.
  const core::ImportOutcome again = core::import_export(*target.registry, *read.data, std::nullopt);
  REQUIRE(again.error.empty());
  CHECK(again.added == 0);
  CHECK(again.journal_added == 0);

  SECTION("a journal conflict aborts the import before any completion is written") {
    core::ExportData changed = *read.data;
    changed.reflections[0].text = "rewritten";
    changed.completions.push_back(
        core::make_record(input_at("2026-03-11T12:00:00Z"), 240, core::Anomaly::None));
    const core::ImportOutcome refused = core::import_export(*target.registry, changed, std::nullopt);
    CHECK_THAT(refused.error, Catch::Contains("different content"));
    auto store = target.registry->open_store(imported.profile);
    CHECK(store.store->completion_count() == 1);
  }
  SECTION("a version 1 file (no journal) is read") {
    std::string v1 = json;
    const auto version = v1.find("\"cereal_class_version\": 2");
    v1.replace(version, std::string("\"cereal_class_version\": 2").size(), "\"cereal_class_version\": 1");
    const auto journal = v1.find(",\n        \"reflections\"");
    REQUIRE(journal != std::string::npos);
    const auto end = v1.rfind("]");
    v1.erase(journal, end + 1 - journal);
    INFO(v1);
    const auto old = core::export_from_json(v1, "old.json");
    INFO((old.errors.empty() ? std::string() : old.errors[0]));
    REQUIRE(old.data);
    CHECK(old.data->completions.size() == 1);
    CHECK(old.data->reflections.empty());
  }
}
