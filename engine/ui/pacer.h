// The breathing pacer: what it shows is a pure function of the session plan and the runner's
// frame state (itself a function of the clock), never of a frame count, so it cannot drift and a
// screenshot at second 37.5 is the same on every machine. Three variants:
//  - circle: a soft disc whose radius follows the breath (eased in and out like a real breath),
//  - box: a dot travelling along a square's edges, one edge per phase (pacer "box"),
//  - reduced motion: nothing scales or travels; a progress bar fills and numbers count down.
#pragma once

#include <imgui.h>

#include "core/session_plan.h"
#include "core/session_runner.h"
#include "ui/theme.h"

namespace respite::ui {

// Slow at both ends, like the start and end of a breath: 0.5 - 0.5 cos(pi t), t clamped to 0..1.
float ease_in_out(float t);

// How full the lungs are (0 = empty, 1 = full) at `progress` (0..1) through phase `phase_index`:
// an inhale rises to full (to 0.8 when a top-up follows it), a top-up rises to full, an exhale
// falls to empty and a hold stays where the previous phase left it.
float breath_level(const core::SessionPlan& plan, int phase_index, double progress);

// Where the box pacer's dot is: on edge `edge` (0 left side going up, 1 top going right, 2 right
// side going down, 3 bottom going left), `along` (0..1) of the way.
struct BoxPosition {
  int edge = 0;
  float along = 0.0f;
};
BoxPosition box_position(const core::SessionPlan& plan, int phase_index, double progress);

// The position of a box-pacer dot inside a square with corners (left, top)-(right, bottom).
ImVec2 box_point(ImVec2 top_left, float side, BoxPosition position);

// Drawing. `center` and sizes are in pixels; colours come from the theme.
void draw_circle_pacer(ImDrawList* draw, const Theme& theme, ImVec2 center, float max_radius, float level);
void draw_box_pacer(ImDrawList* draw, const Theme& theme, ImVec2 center, float side, BoxPosition position);
// A rounded bar filled `fraction` (0..1) of its width.
void draw_progress_bar(ImDrawList* draw, ImVec2 top_left, ImVec2 size, float fraction, ImU32 fill,
                       ImU32 track);

// A ring from `inner` to `outer` pixels whose colour fades from `colour` to transparent.
void add_radial_glow(ImDrawList* draw, ImVec2 center, float inner, float outer, ImU32 colour, int segments);

// Segment count that keeps a circle of `radius` pixels within `max_error` pixels of round.
int circle_segments(float radius, float max_error = 0.2f);

}  // namespace respite::ui
