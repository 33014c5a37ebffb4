// Drawing into 32-bit pixels with the rules of SDL 2's software renderer, for the frames
// app::DrawSubmitter draws itself (draw_submit.h). SDL pays a queued command, a clip set-up and a
// generic per-pixel blit for every triangle, and Dear ImGui hands it thousands of tiny ones per
// screen (the one-pixel anti-aliased fringe around every rounded shape, two per glyph); here each is
// a few integer steps. Coverage, the top-left rule and colour interpolation are SDL's
// (SDL_triangle.c); blending is SDL's exact "src + (255 - a) * dst / 255" on every path, where SDL
// itself picks among blitters (by pixel format and CPU) that round a little differently.
#pragma once

#include <SDL_rect.h>

#include <cstddef>
#include <cstdint>

namespace respite::app {

// One colour, straight (not premultiplied) alpha.
struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
};

// An 8-bit coverage image: the font atlas, every texel white with this alpha.
struct AlphaImage {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
};

// One horizontal run of pixels [x0, x1) on row y.
struct PixelSpan {
  int y;
  int x0;
  int x1;
};

// A triangle corner: position in whole pixels, texel in the alpha image, colour.
struct CanvasVertex {
  int x = 0;
  int y = 0;
  int u = 0;
  int v = 0;
  Rgba colour;
};

// SDL's triangle rules, shared with the span path: corners are whole pixels doubled (one bit of
// fixed point, so a pixel centre is 2x+1), and an edge "owns" the centres lying exactly on it when
// it is a top or left edge.
namespace sw_rules {
struct FixedPoint {
  std::int64_t x;
  std::int64_t y;
};
inline std::int64_t cross(const FixedPoint& a, const FixedPoint& b, std::int64_t cx, std::int64_t cy) {
  return (b.x - a.x) * (cy - a.y) - (b.y - a.y) * (cx - a.x);
}
inline bool is_top_left(const FixedPoint& a, const FixedPoint& b, bool clockwise) {
  if (clockwise) return (a.y == b.y && a.x < b.x) || b.y < a.y;
  return (a.y == b.y && b.x < a.x) || a.y < b.y;
}
// The overlap of two rectangles; empty (all zero) when they do not meet.
inline SDL_Rect intersect(const SDL_Rect& a, const SDL_Rect& b) {
  SDL_Rect out{};
  if (SDL_IntersectRect(&a, &b, &out) != SDL_TRUE) return SDL_Rect{0, 0, 0, 0};
  return out;
}
}  // namespace sw_rules

class PixelCanvas {
 public:
  // Where red and blue sit in a 32-bit pixel: ARGB8888 / XRGB8888 (SDL's RGB888), or ABGR8888 /
  // XBGR8888 (RGBA32 on little-endian machines).
  enum class Order { Argb, Abgr };

  // `pixels` is `height` rows of `pitch_bytes`; the canvas is always opaque.
  PixelCanvas(void* pixels, int pitch_bytes, int width, int height, Order order = Order::Argb);

  // The order of an SDL pixel format this canvas can draw into, if it can.
  static bool order_of(std::uint32_t sdl_format, Order& order);

  int width() const { return width_; }
  int height() const { return height_; }

  void clear(Rgba colour);
  // Runs of pixels filled as SDL_RenderFillRects fills with SDL_BLENDMODE_BLEND (an opaque colour
  // simply replaces); a pixel in two spans is blended twice, as SDL blends overlapping triangles.
  void fill_spans(const PixelSpan* spans, std::size_t count, Rgba colour);
  // SDL_RenderCopy of `src` in `image` to `dst`, tinted by `colour`, inside `clip`: a 1:1 copy when
  // the sizes match, else sampled nearest.
  void copy(const AlphaImage& image, const SDL_Rect& src, const SDL_Rect& dst, Rgba colour,
            const SDL_Rect& clip);
  // SDL_SW_BlitTriangle: texture coordinates and colours interpolated across the triangle.
  void triangle(const AlphaImage& image, const CanvasVertex (&corners)[3], const SDL_Rect& clip);

 private:
  std::uint32_t* row(int y) const {
    return reinterpret_cast<std::uint32_t*>(bytes_ + static_cast<std::ptrdiff_t>(y) * pitch_);
  }
  SDL_Rect bounded(const SDL_Rect& r) const;
  // A colour in this canvas's channel order: the arithmetic treats the three channels alike.
  Rgba ordered(Rgba c) const { return swap_red_blue_ ? Rgba{c.b, c.g, c.r, c.a} : c; }
  void fill_row(int y, int x0, int x1, Rgba colour);

  unsigned char* bytes_;
  int pitch_;
  int width_;
  int height_;
  bool swap_red_blue_;
};

}  // namespace respite::app
