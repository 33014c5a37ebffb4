// SessionPlan: a pure function of the item; phases add up exactly to the planned length.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <vector>

#include "core/session_plan.h"
#include "test_helpers_breathing.h"

using namespace respite;
using core::Millis;
using core::PhaseKind;

namespace {
Millis sum_of_phases(const core::SessionPlan& plan) {
  return std::accumulate(plan.phases.begin(), plan.phases.end(), Millis(0),
                         [](Millis sum, const core::PlannedPhase& p) { return sum + p.duration; });
}
}  // namespace

TEST_CASE("a cycle-count plan repeats the phases back to back", "[unit][planner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  const auto plan = core::make_plan(test::kTestRef, item, {});
  REQUIRE(plan.phases.size() == 24);
  CHECK(plan.planned == Millis(120'000));
  CHECK(sum_of_phases(plan) == plan.planned);
  CHECK(plan.phases[1].start == Millis(4000));
  CHECK(plan.phases[23].kind == PhaseKind::Exhale);
  CHECK(plan.phases[23].cycle == 11);
  for (std::size_t i = 1; i < plan.phases.size(); ++i) {
    CHECK(plan.phases[i].start == plan.phases[i - 1].end());
  }
  CHECK(plan.item == "tests/test");
}

TEST_CASE("fractional seconds are kept to the millisecond and still sum exactly", "[unit][planner]") {
  const auto item = test::breathing_item(
      {{PhaseKind::Inhale, 2.5}, {PhaseKind::TopUp, 0.75}, {PhaseKind::Exhale, 6.125}}, 7);
  const auto plan = core::make_plan(test::kTestRef, item, {});
  CHECK(plan.planned == Millis(7 * 9375));
  CHECK(sum_of_phases(plan) == plan.planned);
}

TEST_CASE("a duration plan holds whole cycles closest to the requested total", "[unit][planner]") {
  SECTION("an exact fit") {
    const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, {}, 120);
    CHECK(core::make_plan(test::kTestRef, item, {}).planned == Millis(120'000));
  }
  SECTION("4-7-8 in about two minutes is six 19-second cycles") {
    const auto item = test::breathing_item(
        {{PhaseKind::Inhale, 4}, {PhaseKind::HoldIn, 7}, {PhaseKind::Exhale, 8}}, {}, 120);
    const auto plan = core::make_plan(test::kTestRef, item, {});
    CHECK(plan.planned == Millis(114'000));
    CHECK(plan.phases.back().kind == PhaseKind::Exhale);  // never ends mid-breath
  }
  SECTION("a total shorter than one cycle still gives one cycle") {
    const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, {}, 3);
    CHECK(core::make_plan(test::kTestRef, item, {}).planned == Millis(10'000));
  }
}

TEST_CASE("progression grows a phase linearly from the first cycle to the last", "[unit][planner]") {
  auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 4}}, 5);
  item.breathing.phases[1].final_duration = Millis(6000);
  const auto plan = core::make_plan(test::kTestRef, item, {});
  REQUIRE(plan.phases.size() == 10);
  CHECK(plan.phases[1].duration == Millis(4000));
  CHECK(plan.phases[3].duration == Millis(4500));
  CHECK(plan.phases[5].duration == Millis(5000));
  CHECK(plan.phases[9].duration == Millis(6000));
  CHECK(sum_of_phases(plan) == plan.planned);
  CHECK(plan.planned == Millis(5 * 4000 + 4000 + 4500 + 5000 + 5500 + 6000));
}

TEST_CASE("every phase gets a cue at its start, and the session an end cue", "[unit][planner]") {
  auto item =
      test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::HoldIn, 4}, {PhaseKind::Exhale, 4}}, 2);
  core::Cue cue;
  cue.sound = "chime";
  cue.caption.set("en", "Breathe in slowly");
  cue.caption.set("es", "Inhala despacio");
  item.breathing.phases[0].cue = cue;
  core::PlanSettings spanish;
  spanish.locale = "es";
  const auto plan = core::make_plan(test::kTestRef, item, spanish);
  REQUIRE(plan.cues.size() == plan.phases.size() + 1);
  CHECK(plan.cues[0].sound == "chime");
  CHECK(plan.cues[0].caption == "Inhala despacio");
  CHECK(plan.cues[1].sound == "hold");
  CHECK(plan.cues[1].caption.empty());
  CHECK(plan.cues[2].haptic == "fall");
  CHECK(plan.cues.back().is_end());
  CHECK(plan.cues.back().at == plan.planned);
  for (std::size_t i = 0; i + 1 < plan.cues.size(); ++i) {
    CHECK(plan.cues[i].at == plan.phases[static_cast<std::size_t>(plan.cues[i].phase_index)].start);
  }
}

TEST_CASE("the completion threshold is the item's minimum, capped at the planned length", "[unit][planner]") {
  auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 12);
  CHECK(core::make_plan(test::kTestRef, item, {}).minimum == Millis(120'000));
  item.minimum = Millis(90'000);
  CHECK(core::make_plan(test::kTestRef, item, {}).minimum == Millis(90'000));
  item.minimum = Millis(500'000);
  CHECK(core::make_plan(test::kTestRef, item, {}).minimum == Millis(120'000));
}

TEST_CASE("phase_at finds the running phase at every boundary", "[unit][planner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4}, {PhaseKind::Exhale, 6}}, 3);
  const auto plan = core::make_plan(test::kTestRef, item, {});
  CHECK(plan.phase_at(Millis(-5)) == 0);
  CHECK(plan.phase_at(Millis(0)) == 0);
  CHECK(plan.phase_at(Millis(3999)) == 0);
  CHECK(plan.phase_at(Millis(4000)) == 1);
  CHECK(plan.phase_at(Millis(9999)) == 1);
  CHECK(plan.phase_at(Millis(10000)) == 2);
  CHECK(plan.phase_at(Millis(30000)) == 5);
  CHECK(plan.phase_at(Millis(99999)) == 5);
}

TEST_CASE("the plan is deterministic", "[unit][planner]") {
  const auto item = test::breathing_item({{PhaseKind::Inhale, 4.2}, {PhaseKind::Exhale, 6.3}}, {}, 300);
  const auto a = core::make_plan(test::kTestRef, item, {});
  const auto b = core::make_plan(test::kTestRef, item, {});
  REQUIRE(a.phases.size() == b.phases.size());
  for (std::size_t i = 0; i < a.phases.size(); ++i) {
    CHECK(a.phases[i].start == b.phases[i].start);
    CHECK(a.phases[i].duration == b.phases[i].duration);
  }
}

TEST_CASE("breathing_length gives make_plan's length and cycles without the timeline", "[unit][planner]") {
  std::vector<core::Item> items;
  items.push_back(test::breathing_item(
      {{PhaseKind::Inhale, 4}, {PhaseKind::HoldIn, 7}, {PhaseKind::Exhale, 8}}, {}, 120));
  items.push_back(test::breathing_item({{PhaseKind::Inhale, 2.5}, {PhaseKind::Exhale, 6.125}}, 7));
  // Progression down to nothing: the last cycles lose their hold, and a cycle may be skipped whole.
  core::Item shrinking = test::breathing_item({{PhaseKind::HoldOut, 3}}, 5);
  shrinking.breathing.phases[0].final_duration = Millis(0);
  items.push_back(shrinking);
  core::Item rounds = test::breathing_item({{PhaseKind::Inhale, 2}, {PhaseKind::Exhale, 2}}, 3);
  rounds.breathing.rounds =
      core::BreathingRounds{4, core::PhaseSpec{PhaseKind::HoldOut, Millis(15'000), {}, {}}};
  items.push_back(rounds);
  for (const core::Item& item : items) {
    const core::SessionPlan plan = core::make_plan(test::kTestRef, item, {});
    int cycles = 0;
    for (const core::PlannedPhase& phase : plan.phases) cycles = std::max(cycles, phase.cycle + 1);
    const core::BreathingLength length = core::breathing_length(item.breathing);
    CHECK(length.planned == plan.planned);
    CHECK(length.cycles == cycles);
  }
  CHECK(core::breathing_length(shrinking.breathing).cycles == 4);  // the fifth cycle has no phase left
  CHECK(core::breathing_length(rounds.breathing).planned == Millis(4 * (3 * 4000 + 15'000)));
}
