#include "ui/pacer.h"

#include <algorithm>
#include <cmath>

namespace respite::ui {
namespace {

constexpr float kPi = 3.14159265358979f;
// How full the lungs are after an inhale that a top-up will finish (physiological sigh).
constexpr float kBeforeTopUp = 0.8f;
// The smallest disc, as a fraction of the largest: small enough to read as "empty", big enough
// to hold the countdown.
constexpr float kMinRadiusFraction = 0.42f;

using core::PhaseKind;
using core::SessionPlan;

float level_after(const SessionPlan& plan, std::size_t index, float start) {
  const PhaseKind kind = plan.phases[index].kind;
  const bool top_up_next = index + 1 < plan.phases.size() && plan.phases[index + 1].kind == PhaseKind::TopUp;
  switch (kind) {
    case PhaseKind::Inhale:
      return top_up_next ? kBeforeTopUp : 1.0f;
    case PhaseKind::TopUp:
      return 1.0f;
    case PhaseKind::Exhale:
      return 0.0f;
    case PhaseKind::HoldIn:
    case PhaseKind::HoldOut:
      return start;
  }
  return start;
}

std::size_t cycle_start(const SessionPlan& plan, std::size_t index) {
  const int cycle = plan.phases[index].cycle;
  while (index > 0 && plan.phases[index - 1].cycle == cycle) --index;
  return index;
}

}  // namespace

void add_radial_glow(ImDrawList* draw, ImVec2 center, float inner, float outer, ImU32 colour, int segments) {
  // One ring of triangles whose vertex colours fade from `colour` at `inner` to transparent at
  // `outer` (through a middle ring at a third of the strength, for a softer, light-like falloff).
  // Unlike stacked translucent discs it touches each pixel once, which matters for software
  // rendering, and it has no banding.
  const float middle = inner + (outer - inner) * 0.4f;
  const ImU32 rings[3] = {colour, with_alpha(colour, 0.35f), with_alpha(colour, 0.0f)};
  const float radii[3] = {inner, middle, outer};
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const int n = std::max(3, segments);
  draw->PrimReserve(n * 12, n * 3);
  const unsigned int base = draw->_VtxCurrentIdx;
  for (int i = 0; i < n; ++i) {
    const float angle = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(n);
    const ImVec2 dir(std::cos(angle), std::sin(angle));
    for (int ring = 0; ring < 3; ++ring) {
      draw->PrimWriteVtx(ImVec2(center.x + dir.x * radii[ring], center.y + dir.y * radii[ring]), uv,
                         rings[ring]);
    }
  }
  for (int i = 0; i < n; ++i) {
    const unsigned int a = base + static_cast<unsigned int>(i * 3);
    const unsigned int b = base + static_cast<unsigned int>(((i + 1) % n) * 3);
    for (unsigned int ring = 0; ring < 2; ++ring) {
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(a + ring));
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(a + ring + 1));
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(b + ring + 1));
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(a + ring));
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(b + ring + 1));
      draw->PrimWriteIdx(static_cast<ImDrawIdx>(b + ring));
    }
  }
}

float ease_in_out(float t) {
  const float clamped = std::clamp(t, 0.0f, 1.0f);
  return 0.5f - 0.5f * std::cos(kPi * clamped);
}

float breath_level(const SessionPlan& plan, int phase_index, double progress) {
  if (plan.phases.empty() || phase_index < 0) return 0.0f;
  const std::size_t index = std::min(static_cast<std::size_t>(phase_index), plan.phases.size() - 1);
  // A session that opens by breathing out (or holding in) starts with full lungs.
  const PhaseKind first_kind = plan.phases.front().kind;
  float level = first_kind == PhaseKind::Exhale || first_kind == PhaseKind::HoldIn ? 1.0f : 0.0f;

  // Only the current cycle and the one before matter: any inhale or exhale in the previous cycle
  // fixes the level it ended at, whatever it started from. This keeps the cost per frame bounded
  // by the cycle length, not the session length.
  const std::size_t first = cycle_start(plan, index);
  if (first > 0) {
    for (std::size_t j = cycle_start(plan, first - 1); j < first; ++j) level = level_after(plan, j, level);
  }
  for (std::size_t j = first; j < index; ++j) level = level_after(plan, j, level);
  const float end = level_after(plan, index, level);
  return level + (end - level) * ease_in_out(static_cast<float>(progress));
}

BoxPosition box_position(const SessionPlan& plan, int phase_index, double progress) {
  BoxPosition position;
  if (plan.phases.empty() || phase_index < 0) return position;
  const std::size_t index = std::min(static_cast<std::size_t>(phase_index), plan.phases.size() - 1);
  // One edge per phase at a steady speed: box breathing is counted, so the dot moves linearly.
  position.edge = static_cast<int>((index - cycle_start(plan, index)) % 4);
  position.along = std::clamp(static_cast<float>(progress), 0.0f, 1.0f);
  return position;
}

ImVec2 box_point(ImVec2 top_left, float side, BoxPosition position) {
  const float x0 = top_left.x;
  const float y0 = top_left.y;
  const float x1 = x0 + side;
  const float y1 = y0 + side;
  const float t = std::clamp(position.along, 0.0f, 1.0f);
  switch (position.edge) {
    case 0:
      return ImVec2(x0, y1 + (y0 - y1) * t);  // up the left side
    case 1:
      return ImVec2(x0 + (x1 - x0) * t, y0);  // across the top
    case 2:
      return ImVec2(x1, y0 + (y1 - y0) * t);  // down the right side
    default:
      return ImVec2(x1 + (x0 - x1) * t, y1);  // back along the bottom
  }
}

int circle_segments(float radius, float max_error) {
  if (radius <= max_error) return 12;
  const float step = std::acos(1.0f - max_error / radius);
  const int segments = static_cast<int>(std::ceil(kPi / step));
  return std::clamp(segments, 24, 512);
}

void draw_circle_pacer(ImDrawList* draw, const Theme& theme, ImVec2 center, float max_radius, float level) {
  const Palette& p = theme.palette;
  const float min_radius = max_radius * kMinRadiusFraction;
  const float radius = min_radius + (max_radius - min_radius) * std::clamp(level, 0.0f, 1.0f);
  // The guide ring shows where a full breath will reach.
  draw->AddCircle(center, max_radius, p.outline, circle_segments(max_radius), theme.px(1.5f));
  // A soft glow around the disc makes its edge feel like light rather than a hard shape. Its own
  // light tint, not primary at low alpha, so it never reads as a grey shadow.
  const float glow = radius + theme.px(22.0f);
  add_radial_glow(draw, center, radius, glow, p.glow, circle_segments(glow));
  draw->AddCircleFilled(center, radius, p.primary_soft, circle_segments(radius));
  draw->AddCircle(center, radius, p.primary, circle_segments(radius), theme.px(3.0f));
}

void draw_box_pacer(ImDrawList* draw, const Theme& theme, ImVec2 center, float side, BoxPosition position) {
  const Palette& p = theme.palette;
  const ImVec2 top_left(center.x - side / 2.0f, center.y - side / 2.0f);
  const ImVec2 bottom_right(top_left.x + side, top_left.y + side);
  const float line = theme.px(4.0f);
  draw->AddRectFilled(top_left, bottom_right, with_alpha(p.primary_soft, 0.6f), theme.px(4.0f));
  draw->AddRect(top_left, bottom_right, p.outline, theme.px(4.0f), 0, line);

  // Edges already travelled in this cycle, then the part of the current one.
  const ImVec2 corners[4] = {ImVec2(top_left.x, bottom_right.y), top_left, ImVec2(bottom_right.x, top_left.y),
                             bottom_right};
  for (int edge = 0; edge < position.edge; ++edge) {
    draw->AddLine(corners[edge], corners[(edge + 1) % 4], p.primary, line);
  }
  const ImVec2 dot = box_point(top_left, side, position);
  draw->AddLine(corners[position.edge % 4], dot, p.primary, line);
  // Round joins where travelled edges meet.
  for (int edge = 1; edge <= position.edge; ++edge)
    draw->AddCircleFilled(corners[edge], line / 2.0f, p.primary);

  const float halo = theme.px(18.0f);
  const float dot_radius = theme.px(11.0f);
  draw->AddCircleFilled(dot, halo, with_alpha(p.primary, 0.18f), circle_segments(halo));
  draw->AddCircleFilled(dot, dot_radius, p.primary, circle_segments(dot_radius));
}

void draw_progress_bar(ImDrawList* draw, ImVec2 top_left, ImVec2 size, float fraction, ImU32 fill,
                       ImU32 track) {
  const ImVec2 bottom_right(top_left.x + size.x, top_left.y + size.y);
  const float rounding = size.y / 2.0f;
  draw->AddRectFilled(top_left, bottom_right, track, rounding);
  const float filled = size.x * std::clamp(fraction, 0.0f, 1.0f);
  if (filled <= 0.0f) return;
  // Clip a full-width rounded bar so the filled part keeps the bar's rounded left end at any width.
  draw->PushClipRect(top_left, ImVec2(top_left.x + filled, bottom_right.y), true);
  draw->AddRectFilled(top_left, bottom_right, fill, rounding);
  draw->PopClipRect();
}

}  // namespace respite::ui
