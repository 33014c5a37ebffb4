// Builders for breathing items used by the planner and runner tests.
#pragma once

#include <initializer_list>
#include <utility>

#include "core/content.h"

namespace respite::test {

inline core::Item breathing_item(std::initializer_list<std::pair<core::PhaseKind, double>> phases,
                                 std::optional<int> cycles, std::optional<double> total_seconds = {}) {
  core::Item item;
  item.id = "test";
  item.kind = core::ItemKind::Breathing;
  for (const auto& [kind, seconds] : phases) {
    item.breathing.phases.push_back(core::PhaseSpec{kind, core::seconds_to_millis(seconds), {}, {}});
  }
  item.breathing.cycles = cycles;
  if (total_seconds) item.breathing.total = core::seconds_to_millis(*total_seconds);
  return item;
}

inline const core::ItemRef kTestRef{"tests", "test"};

}  // namespace respite::test
