#include "app/pixel_canvas.h"

#include <SDL_pixels.h>

#include <algorithm>
#include <cstdlib>

namespace respite::app {
namespace {

using namespace sw_rules;  // SDL's triangle rules, shared by both paths

constexpr std::uint32_t kOpaque = 0xFF000000u;

std::uint32_t pack(unsigned r, unsigned g, unsigned b) {
  return kOpaque | (r << 16) | (g << 8) | b;
}

// SDL's blend of a premultiplied colour over an opaque pixel: channel = src + inverse * dst / 255.
std::uint32_t over(std::uint32_t dst, unsigned r, unsigned g, unsigned b, unsigned inverse) {
  const unsigned dr = (dst >> 16) & 0xFFu;
  const unsigned dg = (dst >> 8) & 0xFFu;
  const unsigned db = dst & 0xFFu;
  return pack(r + inverse * dr / 255u, g + inverse * dg / 255u, b + inverse * db / 255u);
}

// A texel of the white alpha image modulated by `colour`, then blended: SDL's slow blit arithmetic
// (modulate, premultiply when not opaque, blend), which every SDL path here agrees with to one level.
std::uint32_t tinted_over(std::uint32_t dst, unsigned texel_alpha, unsigned r, unsigned g, unsigned b,
                          unsigned a) {
  const unsigned alpha = texel_alpha * a / 255u;
  if (alpha == 0) return dst;
  if (alpha == 255) return pack(r, g, b);
  return over(dst, r * alpha / 255u, g * alpha / 255u, b * alpha / 255u, 255u - alpha);
}

}  // namespace

PixelCanvas::PixelCanvas(void* pixels, int pitch_bytes, int width, int height, Order order)
    : bytes_(static_cast<unsigned char*>(pixels)),
      pitch_(pitch_bytes),
      width_(width),
      height_(height),
      swap_red_blue_(order == Order::Abgr) {}

bool PixelCanvas::order_of(std::uint32_t sdl_format, Order& order) {
  switch (sdl_format) {
    case SDL_PIXELFORMAT_ARGB8888:
    case SDL_PIXELFORMAT_RGB888:
      order = Order::Argb;
      return true;
    case SDL_PIXELFORMAT_ABGR8888:
    case SDL_PIXELFORMAT_BGR888:
      order = Order::Abgr;
      return true;
    default:
      return false;
  }
}

SDL_Rect PixelCanvas::bounded(const SDL_Rect& r) const {
  return intersect(r, SDL_Rect{0, 0, width_, height_});
}

void PixelCanvas::clear(Rgba colour) {
  colour = ordered(colour);
  const std::uint32_t value = pack(colour.r, colour.g, colour.b);
  for (int y = 0; y < height_; ++y) std::fill_n(row(y), width_, value);
}

void PixelCanvas::fill_row(int y, int x0, int x1, Rgba colour) {
  if (y < 0 || y >= height_) return;
  x0 = std::max(x0, 0);
  x1 = std::min(x1, width_);
  if (x0 >= x1) return;
  std::uint32_t* p = row(y);
  if (colour.a == 255) {
    std::fill(p + x0, p + x1, pack(colour.r, colour.g, colour.b));
    return;
  }
  // SDL_BlendFillRect: the colour premultiplied (r * a / 255), then added over each pixel.
  const unsigned a = colour.a;
  const unsigned r = colour.r * a / 255u;
  const unsigned g = colour.g * a / 255u;
  const unsigned b = colour.b * a / 255u;
  for (int x = x0; x < x1; ++x) p[x] = over(p[x], r, g, b, 255u - a);
}

void PixelCanvas::fill_spans(const PixelSpan* spans, std::size_t count, Rgba colour) {
  colour = ordered(colour);
  for (std::size_t i = 0; i < count; ++i) fill_row(spans[i].y, spans[i].x0, spans[i].x1, colour);
}

void PixelCanvas::copy(const AlphaImage& image, const SDL_Rect& src, const SDL_Rect& dst, Rgba colour,
                       const SDL_Rect& clip) {
  colour = ordered(colour);
  if (image.pixels == nullptr || src.w <= 0 || src.h <= 0 || dst.w <= 0 || dst.h <= 0) return;
  const SDL_Rect area = bounded(intersect(dst, clip));
  if (src.w == dst.w && src.h == dst.h) {  // a glyph: texel for pixel
    const int left = std::max(area.x, dst.x - src.x);
    const int right = std::min(area.x + area.w, dst.x - src.x + image.width);
    for (int y = area.y; y < area.y + area.h; ++y) {
      const int sy = src.y + (y - dst.y);
      if (sy < 0 || sy >= image.height) continue;
      const unsigned char* texels =
          image.pixels + static_cast<std::ptrdiff_t>(sy) * image.width + (src.x - dst.x);
      std::uint32_t* p = row(y);
      for (int x = left; x < right; ++x) {
        if (texels[x] != 0) p[x] = tinted_over(p[x], texels[x], colour.r, colour.g, colour.b, colour.a);
      }
    }
    return;
  }
  for (int y = area.y; y < area.y + area.h; ++y) {
    const int sy = src.y + static_cast<int>(static_cast<std::int64_t>(y - dst.y) * src.h / dst.h);
    if (sy < 0 || sy >= image.height) continue;
    const unsigned char* texels = image.pixels + static_cast<std::ptrdiff_t>(sy) * image.width;
    std::uint32_t* p = row(y);
    for (int x = area.x; x < area.x + area.w; ++x) {
      const int sx = src.x + static_cast<int>(static_cast<std::int64_t>(x - dst.x) * src.w / dst.w);
      if (sx < 0 || sx >= image.width) continue;
      p[x] = tinted_over(p[x], texels[sx], colour.r, colour.g, colour.b, colour.a);
    }
  }
}

void PixelCanvas::triangle(const AlphaImage& image, const CanvasVertex (&corners)[3], const SDL_Rect& clip) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0) return;
  const FixedPoint d0{2 * std::int64_t{corners[0].x}, 2 * std::int64_t{corners[0].y}};
  const FixedPoint d1{2 * std::int64_t{corners[1].x}, 2 * std::int64_t{corners[1].y}};
  const FixedPoint d2{2 * std::int64_t{corners[2].x}, 2 * std::int64_t{corners[2].y}};
  std::int64_t area = cross(d0, d1, d2.x, d2.y);
  if (area == 0) return;

  const int min_x = std::min({corners[0].x, corners[1].x, corners[2].x});
  const int max_x = std::max({corners[0].x, corners[1].x, corners[2].x});
  const int min_y = std::min({corners[0].y, corners[1].y, corners[2].y});
  const int max_y = std::max({corners[0].y, corners[1].y, corners[2].y});
  const SDL_Rect box = bounded(intersect(SDL_Rect{min_x, min_y, max_x - min_x, max_y - min_y}, clip));
  if (box.w <= 0 || box.h <= 0) return;

  const bool clockwise = area > 0;
  area = std::llabs(area);
  const std::int64_t sign = clockwise ? 1 : -1;
  // The edge functions at the first pixel centre of the box, and their steps per pixel.
  const std::int64_t px = 2 * std::int64_t{box.x} + 1;
  const std::int64_t py = 2 * std::int64_t{box.y} + 1;
  std::int64_t w0_row = sign * cross(d1, d2, px, py);
  std::int64_t w1_row = sign * cross(d2, d0, px, py);
  std::int64_t w2_row = sign * cross(d0, d1, px, py);
  const std::int64_t w0_dx = sign * 2 * (d1.y - d2.y), w0_dy = sign * 2 * (d2.x - d1.x);
  const std::int64_t w1_dx = sign * 2 * (d2.y - d0.y), w1_dy = sign * 2 * (d0.x - d2.x);
  const std::int64_t w2_dx = sign * 2 * (d0.y - d1.y), w2_dy = sign * 2 * (d1.x - d0.x);
  const std::int64_t bias0 = is_top_left(d1, d2, clockwise) ? 0 : -1;
  const std::int64_t bias1 = is_top_left(d2, d0, clockwise) ? 0 : -1;
  const std::int64_t bias2 = is_top_left(d0, d1, clockwise) ? 0 : -1;

  // Texel coordinates reach their maximum only on the far edge: SDL steps the largest one back by
  // one so interpolation stays inside the texture's rectangle.
  int u[3], v[3];
  const int max_u = std::max({corners[0].u, corners[1].u, corners[2].u});
  const int min_u = std::min({corners[0].u, corners[1].u, corners[2].u});
  const int max_v = std::max({corners[0].v, corners[1].v, corners[2].v});
  const int min_v = std::min({corners[0].v, corners[1].v, corners[2].v});
  for (int k = 0; k < 3; ++k) {
    u[k] = corners[k].u - (max_u > min_u && corners[k].u == max_u ? 1 : 0);
    v[k] = corners[k].v - (max_v > min_v && corners[k].v == max_v ? 1 : 0);
  }
  const std::int64_t u20 = u[0] - u[2], u21 = u[1] - u[2], v20 = v[0] - v[2], v21 = v[1] - v[2];
  const std::int64_t u2_area = u[2] * area, v2_area = v[2] * area;
  const Rgba c0 = ordered(corners[0].colour), c1 = ordered(corners[1].colour),
             c2 = ordered(corners[2].colour);
  // One texel for the whole triangle (a fringe: every corner on the atlas's white pixel) needs no
  // interpolation; nor does a colour channel that is the same at every corner (a fringe fades only
  // its alpha), since the weights sum to the area.
  const bool one_texel = u[0] == u[1] && u[1] == u[2] && v[0] == v[1] && v[1] == v[2];
  const unsigned fixed_texel =
      image.pixels[static_cast<std::ptrdiff_t>(std::clamp(v[2], 0, image.height - 1)) * image.width +
                   std::clamp(u[2], 0, image.width - 1)];
  const auto mix = [area](std::int64_t w0, std::int64_t w1, std::int64_t w2, unsigned a, unsigned b,
                          unsigned c) {
    if (a == b && b == c) return a;
    return static_cast<unsigned>((w0 * a + w1 * b + w2 * c) / area);
  };

  for (int y = box.y; y < box.y + box.h; ++y, w0_row += w0_dy, w1_row += w1_dy, w2_row += w2_dy) {
    std::uint32_t* p = row(y);
    std::int64_t w0 = w0_row, w1 = w1_row, w2 = w2_row;
    for (int x = box.x; x < box.x + box.w; ++x, w0 += w0_dx, w1 += w1_dx, w2 += w2_dx) {
      if (w0 + bias0 < 0 || w1 + bias1 < 0 || w2 + bias2 < 0) continue;
      unsigned texel = fixed_texel;
      if (!one_texel) {
        const int sx =
            std::clamp(static_cast<int>((w0 * u20 + w1 * u21 + u2_area) / area), 0, image.width - 1);
        const int sy =
            std::clamp(static_cast<int>((w0 * v20 + w1 * v21 + v2_area) / area), 0, image.height - 1);
        texel = image.pixels[static_cast<std::ptrdiff_t>(sy) * image.width + sx];
      }
      p[x] = tinted_over(p[x], texel, mix(w0, w1, w2, c0.r, c1.r, c2.r), mix(w0, w1, w2, c0.g, c1.g, c2.g),
                         mix(w0, w1, w2, c0.b, c1.b, c2.b), mix(w0, w1, w2, c0.a, c1.a, c2.a));
    }
  }
}

}  // namespace respite::app
