// The bundled pack (content/packs/clinician-essentials) must validate with no diagnostic at all,
// be complete in English and Spanish, carry its safety copy, and plan every item exactly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "cli/commands.h"
#include "core/content_paths.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"

using namespace respite::core;

namespace {

const std::string kBundledDir = std::string(RESPITE_SOURCE_DIR) + "/content/packs";

const Pack& bundled_pack() {
  static const PackLoadResult result = load_pack(kBundledDir + "/clinician-essentials");
  if (!result.pack) {
    for (const Diagnostic& d : result.diagnostics.items()) UNSCOPED_INFO(d.format());
  }
  REQUIRE(result.pack);
  return *result.pack;
}

bool is_hold(PhaseKind kind) {
  return kind == PhaseKind::HoldIn || kind == PhaseKind::HoldOut;
}

}  // namespace

TEST_CASE("the bundled pack validates with no errors and no warnings", "[content][bundled]") {
  const PackLoadResult result = load_pack(kBundledDir + "/clinician-essentials");
  std::string all;
  for (const Diagnostic& d : result.diagnostics.items()) all += d.format() + "\n";
  INFO(all);
  CHECK(result.diagnostics.items().empty());
  REQUIRE(result.pack);
  CHECK(result.pack->id == "clinician-essentials");
}

TEST_CASE("the bundled packs are discovered from the default folder", "[content][bundled]") {
  const std::vector<std::string> found = discover_packs(kBundledDir);
  CHECK(std::find(found.begin(), found.end(), kBundledDir + "/clinician-essentials") != found.end());
  const CatalogLoadResult catalog = load_catalog(found);
  CHECK_FALSE(catalog.diagnostics.has_errors());
  const auto home = catalog.catalog.home_default();
  REQUIRE(home);
  CHECK(home->to_string() == "clinician-essentials/two-minute-reset");
}

TEST_CASE("the bundled pack has the agreed practices", "[content][bundled]") {
  const Pack& pack = bundled_pack();
  CHECK(pack.default_item == "two-minute-reset");
  for (const char* id : {"two-minute-reset", "resonance-5min", "extended-exhale", "physiological-sigh",
                         "box-breathing", "box-no-holds", "four-seven-eight"}) {
    INFO(id);
    CHECK(pack.find(id) != nullptr);
  }
  const Item* box = pack.find("box-breathing");
  REQUIRE(box);
  CHECK(box->breathing.style == PacerStyle::Box);
  const Item* no_holds = pack.find("box-no-holds");
  REQUIRE(no_holds);
  CHECK(std::none_of(no_holds->breathing.phases.begin(), no_holds->breathing.phases.end(),
                     [](const PhaseSpec& p) { return is_hold(p.kind); }));
  const Item* sigh = pack.find("physiological-sigh");
  REQUIRE(sigh);
  REQUIRE(sigh->breathing.phases.size() == 3);
  CHECK(sigh->breathing.phases[1].kind == PhaseKind::TopUp);
  // The exhale is clearly longer than the two inhales together (Balban 2023).
  CHECK(sigh->breathing.phases[2].duration >
        sigh->breathing.phases[0].duration + sigh->breathing.phases[1].duration);
}

TEST_CASE("every bundled text is in English and Spanish, and every cue has a caption", "[content][bundled]") {
  const Pack& pack = bundled_pack();
  const auto both = [](const LocalizedText& text) { return text.has("en") && text.has("es"); };
  CHECK(both(pack.title));
  for (const Item& item : pack.items) {
    INFO(item.id);
    CHECK(both(item.title));
    CHECK(both(item.summary));
    CHECK_FALSE(item.cautions.empty());
    for (const LocalizedText& caution : item.cautions) CHECK(both(caution));
    CHECK_FALSE(item.evidence.empty());
    for (const Citation& citation : item.evidence) CHECK_FALSE(citation.text.empty());
    for (const PhaseSpec& phase : item.breathing.phases) {
      REQUIRE(phase.cue);
      CHECK(both(phase.cue->caption));
    }
  }
}

TEST_CASE("every bundled item plans exactly", "[content][bundled]") {
  const Pack& pack = bundled_pack();
  for (const Item& item : pack.items) {
    if (item.kind != ItemKind::Breathing)
      continue;  // the other kinds have no cycles (test_bundled_content.cpp)
    INFO(item.id);
    const SessionPlan plan = make_plan(ItemRef{pack.id, item.id}, item, PlanSettings{});
    REQUIRE_FALSE(plan.phases.empty());
    Millis at{0};
    for (const PlannedPhase& phase : plan.phases) {
      CHECK(phase.start == at);  // contiguous: no gap, no overlap
      CHECK(phase.duration > Millis(0));
      at += phase.duration;
    }
    CHECK(plan.planned == at);
    CHECK(plan.planned <= PackLimits{}.max_session);
    CHECK(plan.minimum <= plan.planned);
    // Whole cycles only.
    const std::size_t per_cycle = item.breathing.phases.size();
    CHECK(plan.phases.size() % per_cycle == 0);
    REQUIRE(plan.cues.size() == plan.phases.size() + 1);
    CHECK(plan.cues.back().is_end());
    CHECK(plan.cues.back().at == plan.planned);
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
      CHECK(plan.cues[i].at == plan.phases[i].start);
      CHECK_FALSE(plan.cues[i].caption.empty());
    }
  }
  const auto planned = [&](const char* id) { return make_plan({pack.id, id}, *pack.find(id), {}).planned; };
  CHECK(planned("two-minute-reset") == Millis(120'000));  // 12 breaths of 4 s in, 6 s out
  CHECK(planned("four-seven-eight") == Millis(76'000));   // 4 cycles of 4-7-8
  CHECK(planned("box-breathing") == Millis(240'000));     // 15 boxes of 16 s
  CHECK(planned("physiological-sigh") == Millis(300'000));
}

TEST_CASE("the CLI's default pack paths are the bundled packs", "[content][bundled][cli]") {
  if (std::getenv("RESPITE_PACKS_DIR") != nullptr) return;  // someone pointed the tests elsewhere on purpose
  CHECK(respite::cli::default_pack_paths() == discover_packs(kBundledDir));
}
