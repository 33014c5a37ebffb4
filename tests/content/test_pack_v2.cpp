// Pack format 2 in the model: what each kind becomes, how rounds and micro-breaks are planned, how
// check-in scores find their band, and the checks a catalog makes across packs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/pack_loader.h"
#include "core/session_plan.h"

namespace fs = std::filesystem;
using namespace respite::core;

namespace {

const std::string kValid = std::string(RESPITE_TEST_DATA_DIR) + "/content/valid";

std::string lines(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) out += d.format() + "\n";
  return out;
}

std::string program_pack(const std::string& id, const std::string& day_items) {
  return R"({"format_version": 2, "id": ")" + id + R"(", "version": "1.0.0", "title": "T", "items": [
    {"id": "calm", "kind": "breathing", "title": "Calm", "cycles": 2,
     "phases": [{"kind": "inhale", "seconds": 4}, {"kind": "exhale", "seconds": 6}]},
    {"id": "plan", "kind": "program", "title": "Plan", "days": [{"day": 1, "items": [)" +
         day_items + R"(]}]}]})";
}

}  // namespace

TEST_CASE("format 2 items become the model", "[content][pack][v2]") {
  const PackLoadResult result = load_pack(kValid + "/v2-inline-kinds");
  INFO(lines(result.diagnostics));
  REQUIRE(result.pack);
  const Pack& pack = *result.pack;
  CHECK(pack.format_version == 2);
  CHECK(pack.locales == std::vector<std::string>{"en"});

  const Item* sigh = pack.find("sigh-rounds");
  REQUIRE(sigh);
  REQUIRE(sigh->breathing.rounds);
  CHECK(sigh->breathing.rounds->count == 3);
  CHECK(sigh->breathing.rounds->retention.kind == PhaseKind::HoldIn);
  CHECK(sigh->breathing.rounds->retention.duration == Millis(1000));  // 2 units of 0.5 s
  CHECK(sigh->breathing.phases[1].duration == Millis(750));           // 1.5 units

  const Item* eyes = pack.find("eyes-rest");
  REQUIRE(eyes);
  CHECK(eyes->kind == ItemKind::MicroBreak);
  CHECK(eyes->micro_break.total() == Millis(30'500));
  CHECK(eyes->minimum == Millis(20'000));

  const Item* reading = pack.find("reading");
  REQUIRE(reading);
  REQUIRE(reading->module.pages.size() == 2);
  REQUIRE(reading->module.pages[1].checkin);
  const Checkin& checkin = *reading->module.pages[1].checkin;
  CHECK(checkin.min_score() == 0);
  CHECK(checkin.max_score() == 5);
  CHECK(checkin.bands.front().min == 0);  // sorted by score, whatever the order written
  for (int score = 0; score <= 5; ++score) CHECK(checkin.band_for(score) != nullptr);
  CHECK(checkin.band_for(4)->suggest == std::vector<std::string>{"eyes-rest", "friend-pack/calm"});
  CHECK(checkin.band_for(6) == nullptr);

  const Item* plan = pack.find("plan");
  REQUIRE(plan);
  REQUIRE(plan->program.days.size() == 2);
  CHECK(plan->program.days[0].items == std::vector<std::string>{"sigh-rounds", "inline-kinds/reading"});
  CHECK(ItemRef::resolve("reading", "inline-kinds") == ItemRef{"inline-kinds", "reading"});
  CHECK(ItemRef::resolve("other/x", "inline-kinds") == ItemRef{"other", "x"});
  CHECK_FALSE(ItemRef::resolve("", "p").has_value());
}

TEST_CASE("rounds put a retention hold after each round of cycles", "[content][plan][v2]") {
  const PackLoadResult result = load_pack(kValid + "/v2-inline-kinds");
  REQUIRE(result.pack);
  const Item& sigh = *result.pack->find("sigh-rounds");
  const SessionPlan plan = make_plan(ItemRef{"inline-kinds", "sigh-rounds"}, sigh, PlanSettings{});
  // 100 s over 3 rounds of (9.25 s cycles + a 1 s hold): 3 cycles a round, 86.25 s in all.
  REQUIRE(plan.phases.size() == 3 * (3 * 3 + 1));
  int holds = 0;
  Millis sum{0};
  for (std::size_t i = 0; i < plan.phases.size(); ++i) {
    const PlannedPhase& phase = plan.phases[i];
    CHECK(phase.start == sum);
    sum += phase.duration;
    if (phase.retention) {
      ++holds;
      CHECK(phase.kind == PhaseKind::HoldIn);
      CHECK((i + 1) % 10 == 0);  // the last phase of each round
    }
  }
  CHECK(holds == 3);
  CHECK(plan.planned == sum);
  CHECK(plan.planned == Millis(86'250));
  CHECK(plan.cues.size() == plan.phases.size() + 1);
}

TEST_CASE("a micro-break plans one phase per step, with its narration as the cue", "[content][plan][v2]") {
  const PackLoadResult result = load_pack(kValid + "/v2-ogg-narration");
  REQUIRE(result.pack);
  const Item& item = *result.pack->find("bell-break");
  PlanSettings es;
  es.locale = "es";
  const SessionPlan plan = make_plan(ItemRef{"ogg-narration", "bell-break"}, item, es);
  REQUIRE(plan.phases.size() == 2);
  CHECK(plan.phases[0].step == 0);
  CHECK(plan.phases[1].step == 1);
  CHECK(plan.phases[1].start == Millis(15'000));
  CHECK(plan.planned == Millis(30'000));
  CHECK(plan.cues[0].sound == "audio/bell.ogg");
  CHECK(plan.cues[0].caption == "(suena una campana)");
  CHECK(plan.cues.back().is_end());
  // The asset the cue names is in the pack, checked and held in memory.
  const Asset* bell = result.pack->asset("audio/bell.ogg");
  REQUIRE(bell);
  CHECK(bell->type == AssetType::Ogg);
  REQUIRE(bell->data);
  CHECK(bell->data->size() == bell->bytes);
}

TEST_CASE("a catalog checks references between packs", "[content][catalog][v2]") {
  const fs::path dir =
      fs::temp_directory_path() / ("respite-v2-catalog-" + std::to_string(std::random_device{}()));
  const auto write = [&](const std::string& name, const std::string& text) {
    fs::create_directories(dir / name);
    std::ofstream(dir / name / "pack.json") << text;
    return (dir / name).string();
  };
  const std::string a = write("a", program_pack("pack-a", R"("calm", "pack-b/plan")"));
  const std::string b = write("b", program_pack("pack-b", R"("calm", "pack-a/plan")"));
  const std::string c =
      write("c", program_pack("pack-c", R"("pack-a/calm", "pack-z/calm", "pack-a/nothing")"));

  // a -> b -> a: the pack that closes the loop (b, loaded second) is left out.
  const CatalogLoadResult loop = load_catalog({a, b});
  REQUIRE(loop.catalog.packs.size() == 1);
  CHECK(loop.catalog.packs[0].id == "pack-a");
  CHECK(lines(loop.diagnostics) == b +
                                       ":0:0: error[E-CYCLE]: $: the program \"pack-b/plan\" includes itself "
                                       "through another pack (pack-b/plan -> "
                                       "pack-a/plan -> pack-b/plan); this pack is left out\n" +
                                       a +
                                       ":0:0: warning[W-UNRESOLVED-REF]: $: item \"plan\" (day 1) names "
                                       "\"pack-b/plan\", but no pack \"pack-b\" is "
                                       "installed; the app skips it until that is installed\n");

  const CatalogLoadResult missing = load_catalog({a, c});
  CHECK(missing.catalog.packs.size() == 2);
  CHECK(lines(missing.diagnostics) == a +
                                          ":0:0: warning[W-UNRESOLVED-REF]: $: item \"plan\" (day 1) names "
                                          "\"pack-b/plan\", but no pack \"pack-b\" is "
                                          "installed; the app skips it until that is installed\n" +
                                          c +
                                          ":0:0: warning[W-UNRESOLVED-REF]: $: item \"plan\" (day 1) names "
                                          "\"pack-z/calm\", but no pack \"pack-z\" is "
                                          "installed; the app skips it until that is installed\n" +
                                          c +
                                          ":0:0: warning[W-UNRESOLVED-REF]: $: item \"plan\" (day 1) names "
                                          "\"pack-a/nothing\", but that pack has no such "
                                          "item; the app skips it until that is installed\n");
  fs::remove_all(dir);
}

TEST_CASE("symbolic links in a pack folder are refused", "[content][pack][v2]") {
  const fs::path dir =
      fs::temp_directory_path() / ("respite-v2-links-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir / "pack" / "items");
  fs::create_directories(dir / "elsewhere");
  std::ofstream(dir / "elsewhere" / "secret.json") << R"({"items": []})";
  std::ofstream(dir / "elsewhere" / "dot.png") << "not even an image";
  fs::create_symlink(dir / "elsewhere" / "secret.json", dir / "pack" / "items" / "linked.json");
  fs::create_directory_symlink(dir / "elsewhere", dir / "pack" / "images");
  std::ofstream(dir / "pack" / "pack.json")
      << R"({"format_version": 2, "id": "links", "version": "1.0.0", "title": "T",
  "item_files": ["items/linked.json"],
  "items": [{"id": "look", "kind": "micro_break", "title": "Look", "steps": [{"text": "Look", "seconds": 30, "image": "images/dot.png"}]}]})";
  const PackLoadResult result = load_pack_named((dir / "pack").string(), "links/pack.json");
  CHECK(lines(result.diagnostics) ==
        "links/pack.json:2:18: error[E-SYMLINK]: $.item_files[0]: \"items/linked.json\" is (or is inside) a "
        "symbolic link; a "
        "pack may only use plain files inside its own folder\n"
        "links/pack.json:3:119: error[E-SYMLINK]: $.items[0].steps[0].image: \"images/dot.png\" is (or is "
        "inside) a symbolic "
        "link; a pack may only use plain files inside its own folder\n");
  fs::remove_all(dir);
}
