#include "app/draw_submit.h"

#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>

// The span path reproduces, pixel for pixel, what SDL 2's software renderer does with the triangles
// Dear ImGui's backend hands it (SDL_render.c, SDL_render_sw.c, SDL_triangle.c):
//  - vertex positions are truncated to whole pixels, then doubled (one bit of fixed point), and a
//    pixel is inside when its centre passes the three edge functions, with a top-left rule
//    (SW_QueueGeometry, SDL_SW_BlitTriangle);
//  - two consecutive triangles that share two vertices and make an axis-aligned rectangle of one
//    colour are drawn as SDL_RenderFillRectF instead (SDL_SW_RenderGeometryRaw);
//  - a white-pixel triangle blends its colour as src * a + dst * (1 - a) with integer /255, the same
//    arithmetic as SDL_BlendFillRects, so filling its spans as rectangles gives the same bytes.
// Spans are computed per triangle and filled per run of same-coloured triangles; where spans of a
// run overlap the overlap is filled once per covering triangle, as SDL would blend it. Drawing
// pixels, the same spans are filled into the canvas, and the other triangles follow SDL's pairing
// into glyph copies and single triangles (draw_other_pixels, PixelCanvas).

namespace respite::app {
namespace {

using namespace sw_rules;  // SDL's triangle rules, shared by both paths

std::int64_t floor_div(std::int64_t n, std::int64_t d) {  // d > 0
  std::int64_t q = n / d;
  if ((n % d != 0) && (n < 0)) --q;
  return q;
}

std::int64_t ceil_div(std::int64_t n, std::int64_t d) {  // d > 0
  return -floor_div(-n, d);
}

bool same_colour(const ImDrawVert& a, const ImDrawVert& b) {
  return a.col == b.col;
}

unsigned index_at(const ImDrawList& list, const ImDrawCmd& cmd, unsigned element) {
  return static_cast<unsigned>(list.IdxBuffer.Data[cmd.IdxOffset + element]);
}

// SDL_SW_RenderGeometryRaw's test for "these two triangles are one rectangle": exactly two shared
// vertices, the other corners on the axes through the top-left and bottom-right ones (exact float
// comparisons, as SDL makes them), one colour and texture coordinates inside the texture.
bool forms_rect(const ImDrawVert* vtx, const unsigned prev[3], const unsigned cur[3], unsigned& a,
                unsigned& b) {
  int shared = 0;
  for (int j = 0; j < 3; ++j) {
    if (prev[j] == cur[0] || prev[j] == cur[1] || prev[j] == cur[2]) ++shared;
  }
  if (shared != 2) return false;
  const unsigned k0 = cur[0];
  const unsigned k1 = cur[1];
  const unsigned k2 = cur[2];
  const ImVec2 p0 = vtx[k0].pos;
  const ImVec2 p1 = vtx[k1].pos;
  const ImVec2 p2 = vtx[k2].pos;
  if (p0.x <= p1.x && p0.y <= p1.y) {
    a = (p0.x <= p2.x && p0.y <= p2.y) ? k0 : k2;
  } else {
    a = (p1.x <= p2.x && p1.y <= p2.y) ? k1 : k2;
  }
  if (p0.x >= p1.x && p0.y >= p1.y) {
    b = (p0.x >= p2.x && p0.y >= p2.y) ? k0 : k2;
  } else {
    b = (p1.x >= p2.x && p1.y >= p2.y) ? k1 : k2;
  }
  const unsigned c = (k0 != a && k0 != b) ? k0 : ((k1 != a && k1 != b) ? k1 : k2);
  const unsigned c2 =
      (prev[0] != a && prev[0] != b) ? prev[0] : ((prev[1] != a && prev[1] != b) ? prev[1] : prev[2]);
  const ImVec2 pa = vtx[a].pos;
  const ImVec2 pb = vtx[b].pos;
  for (const unsigned corner : {c, c2}) {
    const ImVec2 pc = vtx[corner].pos;
    if (!((pa.x == pc.x && pb.y == pc.y) || (pa.y == pc.y && pb.x == pc.x))) return false;
  }
  if (!same_colour(vtx[a], vtx[b]) || !same_colour(vtx[a], vtx[c]) || !same_colour(vtx[a], vtx[c2])) {
    return false;
  }
  for (const unsigned corner : {a, b, c, c2}) {
    const float u = vtx[corner].uv.x;
    if (u < 0.0f || u > 1.0f) return false;
  }
  return true;
}

Rgba rgba(ImU32 c) {
  return Rgba{
      static_cast<std::uint8_t>(c >> IM_COL32_R_SHIFT), static_cast<std::uint8_t>(c >> IM_COL32_G_SHIFT),
      static_cast<std::uint8_t>(c >> IM_COL32_B_SHIFT), static_cast<std::uint8_t>(c >> IM_COL32_A_SHIFT)};
}

// Walks triangles [first, first + count) of `cmd` the way SDL_SW_RenderGeometryRaw does: two
// consecutive triangles that make an axis-aligned rectangle of one colour are one rectangle,
// `rect(a, b)` with its top-left and bottom-right vertex; any other triangle is drawn alone,
// `triangle(indices)`. A triangle that did not pair with the one before it waits to pair with the
// next one.
template <typename Rect, typename Triangle>
void walk_as_sdl_pairs(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count,
                       Rect rect, Triangle triangle) {
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  unsigned prev[3] = {0, 0, 0};
  bool has_prev = false;
  for (unsigned t = first; t < first + count; ++t) {
    const unsigned cur[3] = {index_at(list, cmd, 3 * t), index_at(list, cmd, 3 * t + 1),
                             index_at(list, cmd, 3 * t + 2)};
    if (!has_prev) {
      std::copy(cur, cur + 3, prev);
      has_prev = true;
      continue;
    }
    unsigned a = 0;
    unsigned b = 0;
    if (forms_rect(vtx, prev, cur, a, b)) {
      rect(vtx[a], vtx[b]);
      has_prev = false;
    } else {
      triangle(static_cast<const unsigned*>(prev));
      std::copy(cur, cur + 3, prev);
    }
  }
  if (has_prev) triangle(static_cast<const unsigned*>(prev));
}

// The renderer state this class changes (draw colour, blend mode, viewport, clip rectangle), put
// back as it was when it goes; the viewport and clip start out cleared.
class RenderStateScope {
 public:
  explicit RenderStateScope(SDL_Renderer* renderer) : renderer_(renderer) {
    SDL_GetRenderDrawColor(renderer_, &r_, &g_, &b_, &a_);
    SDL_GetRenderDrawBlendMode(renderer_, &blend_);
    clip_enabled_ = SDL_RenderIsClipEnabled(renderer_) == SDL_TRUE;
    SDL_RenderGetViewport(renderer_, &viewport_);
    SDL_RenderGetClipRect(renderer_, &clip_);
    SDL_RenderSetViewport(renderer_, nullptr);
    SDL_RenderSetClipRect(renderer_, nullptr);
  }
  ~RenderStateScope() {
    SDL_SetRenderDrawBlendMode(renderer_, blend_);
    SDL_SetRenderDrawColor(renderer_, r_, g_, b_, a_);
    SDL_RenderSetViewport(renderer_, &viewport_);
    SDL_RenderSetClipRect(renderer_, clip_enabled_ ? &clip_ : nullptr);
  }
  RenderStateScope(const RenderStateScope&) = delete;
  RenderStateScope& operator=(const RenderStateScope&) = delete;

 private:
  SDL_Renderer* renderer_;
  Uint8 r_ = 0, g_ = 0, b_ = 0, a_ = 0;
  SDL_BlendMode blend_ = SDL_BLENDMODE_NONE;
  bool clip_enabled_ = false;
  SDL_Rect viewport_{};
  SDL_Rect clip_{};
};

}  // namespace

DrawSubmitter::DrawSubmitter(SDL_Renderer* renderer, Path path) : renderer_(renderer) {
  if (path == Path::Automatic) {
    SDL_RendererInfo info{};
    spans_ = SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    pixels_ = spans_;
  } else {
    spans_ = path == Path::Spans || path == Path::Pixels;
    pixels_ = path == Path::Pixels;
  }
}

DrawSubmitter::~DrawSubmitter() {
  if (font_texture_ != nullptr) SDL_DestroyTexture(font_texture_);
  if (canvas_texture_ != nullptr) SDL_DestroyTexture(canvas_texture_);
}

void DrawSubmitter::upload_fonts(ImFontAtlas& atlas, SDL_ScaleMode scale_mode) {
  font_scale_mode_ = scale_mode;
  if (atlas.TexID != nullptr && (atlas.TexID == font_texture_ || (pixels_ && atlas.TexID == font_token())))
    return;
  // A new atlas: whatever texture was made from the old one is stale.
  if (font_texture_ != nullptr) SDL_DestroyTexture(font_texture_);
  font_texture_ = nullptr;
  if (pixels_) {
    unsigned char* alpha = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsAlpha8(&alpha, &width, &height);  // builds the atlas if it was not
    atlas.SetTexID(font_token());
    return;
  }
  if (!make_font_texture(atlas)) return;  // no font texture: text is not drawn, the next frame tries again
  atlas.SetTexID(font_texture_);
  // The renderer holds the atlas now; Dear ImGui's CPU copies of it are dead weight, and freeing
  // them before the first present keeps them out of the peak. A rebuild makes new ones.
  atlas.ClearTexData();
}

bool DrawSubmitter::make_font_texture(const ImFontAtlas& atlas) {
  const unsigned char* alpha = atlas.TexPixelsAlpha8;
  const int width = atlas.TexWidth;
  const int height = atlas.TexHeight;
  if (alpha == nullptr || width <= 0 || height <= 0) return false;
  // The format the backend uses: bytes R, G, B, A. A glyph pixel is white with the atlas's alpha.
  SDL_Texture* texture =
      SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STREAMING, width, height);
  void* pixels = nullptr;
  int pitch = 0;
  if (texture == nullptr || SDL_LockTexture(texture, nullptr, &pixels, &pitch) != 0) {
    if (texture != nullptr) SDL_DestroyTexture(texture);
    return false;
  }
  for (int y = 0; y < height; ++y) {
    auto* row = reinterpret_cast<Uint32*>(static_cast<unsigned char*>(pixels) +
                                          static_cast<std::ptrdiff_t>(y) * pitch);
    const unsigned char* from = alpha + static_cast<std::ptrdiff_t>(y) * width;
    for (int x = 0; x < width; ++x) row[x] = (static_cast<Uint32>(from[x]) << 24) | 0x00FFFFFFu;
  }
  SDL_UnlockTexture(texture);
  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
  SDL_SetTextureScaleMode(texture, font_scale_mode_);
  font_texture_ = texture;
  return true;
}

// A frame SDL draws while the atlas's TexID is this class's token: the token becomes a real texture.
void DrawSubmitter::use_font_texture(ImDrawData* data) {
  font_id_ = ImGui::GetIO().Fonts->TexID;
  if (!pixels_ || font_id_ != font_token()) return;
  if (font_texture_ == nullptr && !make_font_texture(*ImGui::GetIO().Fonts)) return;
  font_id_ = font_texture_;
  for (int n = 0; n < data->CmdListsCount; n++) {
    for (ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) {
      if (cmd.TextureId == font_token()) cmd.TextureId = font_texture_;
    }
  }
}

void DrawSubmitter::render(ImDrawData* data, ImU32 clear) {
  stats_ = Stats{};
  if (pixels_ && draws_pixels(data) && render_pixels(data, clear)) return;
  SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(clear >> IM_COL32_R_SHIFT),
                         static_cast<Uint8>(clear >> IM_COL32_G_SHIFT),
                         static_cast<Uint8>(clear >> IM_COL32_B_SHIFT), 255);
  SDL_RenderClear(renderer_);
  use_font_texture(data);
  if (!spans_) {
    ImGui_ImplSDLRenderer_RenderDrawData(data);
    return;
  }
  if (sdl_scales()) {
    ImGui_ImplSDLRenderer_RenderDrawData(data);
    return;
  }
  render_spans(data);
}

// With a render scale set SDL scales positions itself (and the backend stops applying the
// framebuffer scale); spans and pixels are whole device pixels, so that case is left to the backend.
bool DrawSubmitter::sdl_scales() const {
  float rsx = 1.0f;
  float rsy = 1.0f;
  SDL_RenderGetScale(renderer_, &rsx, &rsy);
  return rsx != 1.0f || rsy != 1.0f;
}

// Whether every command of the frame is one this class can draw: the font atlas's triangles only.
bool DrawSubmitter::draws_pixels(const ImDrawData* data) const {
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  if (fonts->TexID != font_token() || fonts->TexPixelsAlpha8 == nullptr) return false;
  if (sdl_scales()) return false;
  for (int n = 0; n < data->CmdListsCount; n++) {
    for (const ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) {
      if (cmd.UserCallback != nullptr) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) return false;
      } else if (cmd.TextureId != fonts->TexID) {
        return false;
      }
    }
  }
  return true;
}

bool DrawSubmitter::render_pixels(ImDrawData* data, ImU32 clear) {
  int width = 0;
  int height = 0;
  if (SDL_GetRendererOutputSize(renderer_, &width, &height) != 0 || width <= 0 || height <= 0) return false;
  PixelCanvas::Order order = PixelCanvas::Order::Argb;
  if (SDL_Surface* target = target_ ? target_() : nullptr;
      target != nullptr && target->w == width && target->h == height &&
      PixelCanvas::order_of(target->format->format, order) && renders_into(target)) {
    SDL_RenderFlush(renderer_);  // anything queued before lands first
    if (SDL_MUSTLOCK(target) && SDL_LockSurface(target) != 0) return false;
    draw_pixels(data, clear, target->pixels, target->pitch, width, height, order);
    if (SDL_MUSTLOCK(target)) SDL_UnlockSurface(target);
    stats_.into_target = true;
    return true;
  }
  if (canvas_texture_ == nullptr || width != canvas_width_ || height != canvas_height_) {
    if (canvas_texture_ != nullptr) SDL_DestroyTexture(canvas_texture_);
    canvas_texture_ =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, width, height);
    if (canvas_texture_ == nullptr) return false;
    SDL_SetTextureBlendMode(canvas_texture_, SDL_BLENDMODE_NONE);
    canvas_width_ = width;
    canvas_height_ = height;
  }
  void* pixels = nullptr;
  int pitch = 0;
  if (SDL_LockTexture(canvas_texture_, nullptr, &pixels, &pitch) != 0) return false;
  draw_pixels(data, clear, pixels, pitch, width, height, PixelCanvas::Order::Argb);
  SDL_UnlockTexture(canvas_texture_);

  const RenderStateScope state(renderer_);
  SDL_RenderCopy(renderer_, canvas_texture_, nullptr, nullptr);
  return true;
}

// Whether SDL's renderer really draws into `surface`: a point drawn through SDL must show up in it.
// Checked once per surface (a window's surface is replaced when the window is resized).
bool DrawSubmitter::renders_into(SDL_Surface* surface) {
  if (surface == checked_target_ && surface->w == checked_width_ && surface->h == checked_height_)
    return true;
  checked_target_ = nullptr;
  bool seen = true;
  const RenderStateScope state(renderer_);
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  for (const Uint8 probe : {Uint8{0x12}, Uint8{0xED}}) {  // two values: one could be there already
    SDL_SetRenderDrawColor(renderer_, probe, 0x34, 0x56, 255);
    SDL_RenderDrawPoint(renderer_, 0, 0);
    SDL_RenderFlush(renderer_);
    if (SDL_MUSTLOCK(surface) && SDL_LockSurface(surface) != 0) {
      seen = false;
      break;
    }
    Uint32 pixel = 0;
    std::memcpy(&pixel, surface->pixels, sizeof pixel);
    if (SDL_MUSTLOCK(surface)) SDL_UnlockSurface(surface);
    seen = seen && (pixel & ~surface->format->Amask) ==
                       (SDL_MapRGB(surface->format, probe, 0x34, 0x56) & ~surface->format->Amask);
  }
  if (!seen) return false;
  checked_target_ = surface;
  checked_width_ = surface->w;
  checked_height_ = surface->h;
  return true;
}

void DrawSubmitter::draw_pixels(ImDrawData* data, ImU32 clear, void* pixels, int pitch, int width, int height,
                                PixelCanvas::Order order) {
  PixelCanvas canvas(pixels, pitch, width, height, order);
  canvas.clear(rgba(clear | IM_COL32_A_MASK));
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  font_ = AlphaImage{fonts->TexPixelsAlpha8, fonts->TexWidth, fonts->TexHeight};
  font_id_ = fonts->TexID;
  canvas_ = &canvas;
  draw_lists(data, SDL_Rect{0, 0, width, height});
  canvas_ = nullptr;
  stats_.pixels = true;
}

void DrawSubmitter::render_spans(ImDrawData* data) {
  const RenderStateScope state(renderer_);
  int out_w = 0;
  int out_h = 0;
  SDL_GetRendererOutputSize(renderer_, &out_w, &out_h);
  draw_lists(data, SDL_Rect{0, 0, out_w, out_h});
}

// Every command of the frame with its clip rectangle, as ImGui_ImplSDLRenderer_RenderDrawData
// computes them (render scale 1 here); SDL's clip rectangle is set too unless drawing pixels.
void DrawSubmitter::draw_lists(ImDrawData* data, const SDL_Rect& target) {
  const ImVec2 render_scale = data->FramebufferScale;
  const int fb_width = static_cast<int>(data->DisplaySize.x * render_scale.x);
  const int fb_height = static_cast<int>(data->DisplaySize.y * render_scale.y);
  if (fb_width == 0 || fb_height == 0) return;
  const ImVec2 clip_off = data->DisplayPos;
  const ImVec2 clip_scale = render_scale;
  for (int n = 0; n < data->CmdListsCount; n++) {
    const ImDrawList& list = *data->CmdLists[n];
    for (int cmd_i = 0; cmd_i < list.CmdBuffer.Size; cmd_i++) {
      const ImDrawCmd& cmd = list.CmdBuffer[cmd_i];
      if (cmd.UserCallback != nullptr) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          if (canvas_ == nullptr) {
            SDL_RenderSetViewport(renderer_, nullptr);
            SDL_RenderSetClipRect(renderer_, nullptr);
          }
        } else {
          cmd.UserCallback(&list, &cmd);
        }
        continue;
      }
      ImVec2 clip_min((cmd.ClipRect.x - clip_off.x) * clip_scale.x,
                      (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
      ImVec2 clip_max((cmd.ClipRect.z - clip_off.x) * clip_scale.x,
                      (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
      if (clip_min.x < 0.0f) clip_min.x = 0.0f;
      if (clip_min.y < 0.0f) clip_min.y = 0.0f;
      if (clip_max.x > static_cast<float>(fb_width)) clip_max.x = static_cast<float>(fb_width);
      if (clip_max.y > static_cast<float>(fb_height)) clip_max.y = static_cast<float>(fb_height);
      if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
      const SDL_Rect r = {static_cast<int>(clip_min.x), static_cast<int>(clip_min.y),
                          static_cast<int>(clip_max.x - clip_min.x),
                          static_cast<int>(clip_max.y - clip_min.y)};
      if (canvas_ == nullptr) SDL_RenderSetClipRect(renderer_, &r);
      // What SDL clips a triangle to: the clip rectangle within the target surface.
      draw_command(list, cmd, intersect(r, target));
    }
  }
}

void DrawSubmitter::draw_command(const ImDrawList& list, const ImDrawCmd& cmd, const SDL_Rect& clip) {
  const unsigned triangles = cmd.ElemCount / 3;
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  if (cmd.GetTexID() == nullptr || cmd.GetTexID() != font_id_) {
    draw_other(list, cmd, 0, triangles, clip);
    return;
  }
  const ImVec2 white = fonts->TexUvWhitePixel;
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  // Runs of consecutive triangles of one kind: solid in one colour, or anything else.
  unsigned run_start = 0;
  bool run_solid = false;
  ImU32 run_colour = 0;
  for (unsigned t = 0; t < triangles; ++t) {
    const ImDrawVert& v0 = vtx[index_at(list, cmd, 3 * t)];
    const ImDrawVert& v1 = vtx[index_at(list, cmd, 3 * t + 1)];
    const ImDrawVert& v2 = vtx[index_at(list, cmd, 3 * t + 2)];
    const bool solid = v0.uv.x == white.x && v0.uv.y == white.y && v1.uv.x == white.x && v1.uv.y == white.y &&
                       v2.uv.x == white.x && v2.uv.y == white.y && v0.col == v1.col && v1.col == v2.col;
    if (t > run_start && (solid != run_solid || (solid && v0.col != run_colour))) {
      if (run_solid) {
        draw_solid(list, cmd, run_start, t - run_start, run_colour, clip);
      } else {
        draw_other(list, cmd, run_start, t - run_start, clip);
      }
      run_start = t;
    }
    run_solid = solid;
    run_colour = v0.col;
  }
  if (triangles > run_start) {
    if (run_solid) {
      draw_solid(list, cmd, run_start, triangles - run_start, run_colour, clip);
    } else {
      draw_other(list, cmd, run_start, triangles - run_start, clip);
    }
  }
}

void DrawSubmitter::draw_other(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count,
                               const SDL_Rect& clip) {
  if (count == 0) return;
  if (canvas_ != nullptr) {
    draw_other_pixels(list, cmd, first, count, clip);
    return;
  }
  // SDL_RenderGeometryRaw checks every vertex it is given, not only the indexed ones, so a run is
  // handed only the vertices it uses (with its indices rebased), or many short runs would each
  // walk the whole list.
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + 3 * first;
  const unsigned elements = 3 * count;
  unsigned lowest = idx[0];
  unsigned highest = idx[0];
  for (unsigned i = 1; i < elements; ++i) {
    lowest = std::min<unsigned>(lowest, idx[i]);
    highest = std::max<unsigned>(highest, idx[i]);
  }
  indices_.resize(elements);
  for (unsigned i = 0; i < elements; ++i) indices_[i] = static_cast<int>(idx[i] - lowest);
  const ImDrawVert* base = list.VtxBuffer.Data + cmd.VtxOffset + lowest;
  const char* bytes = reinterpret_cast<const char*>(base);
  const float* xy = reinterpret_cast<const float*>(bytes + offsetof(ImDrawVert, pos));
  const float* uv = reinterpret_cast<const float*>(bytes + offsetof(ImDrawVert, uv));
  const SDL_Color* colour = reinterpret_cast<const SDL_Color*>(bytes + offsetof(ImDrawVert, col));
  constexpr int kStride = static_cast<int>(sizeof(ImDrawVert));
  SDL_RenderGeometryRaw(renderer_, static_cast<SDL_Texture*>(cmd.GetTexID()), xy, kStride, colour, kStride,
                        uv, kStride, static_cast<int>(highest - lowest + 1), indices_.data(),
                        static_cast<int>(elements), static_cast<int>(sizeof(int)));
  stats_.other_triangles += static_cast<int>(count);
}

// The font atlas's other triangles drawn into pixels, paired as SDL_SW_RenderGeometryRaw pairs them:
// two triangles that make an axis-aligned rectangle of one colour are a copy of an atlas rectangle
// (a glyph), anything else a triangle with its colours and texels interpolated (fringes).
void DrawSubmitter::draw_other_pixels(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first,
                                      unsigned count, const SDL_Rect& clip) {
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  const float tex_w = static_cast<float>(font_.width);
  const float tex_h = static_cast<float>(font_.height);
  const auto triangle = [&](const unsigned* idx) {
    CanvasVertex corners[3];
    for (int k = 0; k < 3; ++k) {
      const ImDrawVert& v = vtx[idx[k]];
      // As SW_QueueGeometry converts them: truncated to whole pixels and whole texels.
      corners[k] =
          CanvasVertex{static_cast<int>(v.pos.x), static_cast<int>(v.pos.y), static_cast<int>(v.uv.x * tex_w),
                       static_cast<int>(v.uv.y * tex_h), rgba(v.col)};
    }
    canvas_->triangle(font_, corners, clip);
  };
  const auto glyph = [&](const ImDrawVert& va, const ImDrawVert& vb) {
    // Atlas cells are whole texels, so the texel rectangle is rounded, not truncated.
    const int sx = static_cast<int>(std::lround(va.uv.x * tex_w));
    const int sy = static_cast<int>(std::lround(va.uv.y * tex_h));
    const SDL_Rect src{sx, sy, static_cast<int>(std::lround(vb.uv.x * tex_w)) - sx,
                       static_cast<int>(std::lround(vb.uv.y * tex_h)) - sy};
    const SDL_Rect dst{static_cast<int>(va.pos.x), static_cast<int>(va.pos.y),
                       static_cast<int>(vb.pos.x - va.pos.x), static_cast<int>(vb.pos.y - va.pos.y)};
    canvas_->copy(font_, src, dst, rgba(va.col), clip);
  };
  walk_as_sdl_pairs(list, cmd, first, count, glyph, triangle);
  stats_.other_triangles += static_cast<int>(count);
}

void DrawSubmitter::draw_solid(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count,
                               ImU32 colour, const SDL_Rect& clip) {
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  spans_scratch_.clear();
  walk_as_sdl_pairs(
      list, cmd, first, count, [&](const ImDrawVert& a, const ImDrawVert& b) { add_rect(a, b, clip); },
      [&](const unsigned* idx) { add_triangle(vtx, idx, clip); });
  stats_.solid_triangles += static_cast<int>(count);
  flush_spans(colour);
}

void DrawSubmitter::add_rect(const ImDrawVert& a, const ImDrawVert& b, const SDL_Rect& clip) {
  // SDL_SW_RenderGeometryRaw skips empty rectangles; SW_QueueFillRects truncates the rest and
  // makes them at least one pixel wide and tall.
  const float w = b.pos.x - a.pos.x;
  const float h = b.pos.y - a.pos.y;
  if (w == 0.0f || h == 0.0f) return;
  const SDL_Rect rect{static_cast<int>(a.pos.x), static_cast<int>(a.pos.y), std::max(static_cast<int>(w), 1),
                      std::max(static_cast<int>(h), 1)};
  const SDL_Rect in = intersect(rect, clip);
  for (int y = in.y; y < in.y + in.h; ++y) spans_scratch_.push_back(Span{y, in.x, in.x + in.w});
}

void DrawSubmitter::add_triangle(const ImDrawVert* vtx, const unsigned* idx, const SDL_Rect& clip) {
  std::array<FixedPoint, 3> d{};
  int min_x = 0, max_x = 0, min_y = 0, max_y = 0;
  for (int k = 0; k < 3; ++k) {
    const int px = static_cast<int>(vtx[idx[k]].pos.x);
    const int py = static_cast<int>(vtx[idx[k]].pos.y);
    d[k] = FixedPoint{2 * static_cast<std::int64_t>(px), 2 * static_cast<std::int64_t>(py)};
    min_x = k == 0 ? px : std::min(min_x, px);
    max_x = k == 0 ? px : std::max(max_x, px);
    min_y = k == 0 ? py : std::min(min_y, py);
    max_y = k == 0 ? py : std::max(max_y, py);
  }
  const std::int64_t area = cross(d[0], d[1], d[2].x, d[2].y);
  if (area == 0) return;
  const SDL_Rect box = intersect(SDL_Rect{min_x, min_y, max_x - min_x, max_y - min_y}, clip);
  if (box.w <= 0 || box.h <= 0) return;
  const bool clockwise = area > 0;
  const std::int64_t sign = clockwise ? 1 : -1;
  struct Edge {
    FixedPoint a;
    FixedPoint b;
    std::int64_t threshold;  // the edge function must reach this: 0 on top-left edges, else 1
  };
  const std::array<Edge, 3> edges = {Edge{d[1], d[2], is_top_left(d[1], d[2], clockwise) ? 0 : 1},
                                     Edge{d[2], d[0], is_top_left(d[2], d[0], clockwise) ? 0 : 1},
                                     Edge{d[0], d[1], is_top_left(d[0], d[1], clockwise) ? 0 : 1}};
  for (int y = box.y; y < box.y + box.h; ++y) {
    const std::int64_t cy = 2 * static_cast<std::int64_t>(y) + 1;
    std::int64_t lo = box.x;
    std::int64_t hi = box.x + box.w - 1;
    for (const Edge& e : edges) {
      // The edge function at the centre of pixel x of this row is slope * x + offset.
      const std::int64_t slope = -2 * (e.b.y - e.a.y) * sign;
      const std::int64_t offset = sign * cross(e.a, e.b, 1, cy);
      if (slope == 0) {
        if (offset < e.threshold) lo = hi + 1;
      } else if (slope > 0) {
        lo = std::max(lo, ceil_div(e.threshold - offset, slope));
      } else {
        hi = std::min(hi, floor_div(offset - e.threshold, -slope));
      }
      if (lo > hi) break;
    }
    if (lo <= hi) spans_scratch_.push_back(Span{y, static_cast<int>(lo), static_cast<int>(hi + 1)});
  }
}

void DrawSubmitter::flush_spans(ImU32 colour) {
  if (spans_scratch_.empty()) return;
  if (canvas_ != nullptr) {  // pixels are blended span by span: no rectangles to build
    canvas_->fill_spans(spans_scratch_.data(), spans_scratch_.size(), rgba(colour));
    return;
  }
  std::sort(spans_scratch_.begin(), spans_scratch_.end(),
            [](const Span& l, const Span& r) { return l.y != r.y ? l.y < r.y : l.x0 < r.x0; });
  rects_.clear();
  open_.clear();
  int open_row = 0;  // the row open_ was built from
  const auto close = [&](const Open& o, int end_row) {
    rects_.push_back(SDL_Rect{o.x0, o.y0, o.x1 - o.x0, end_row - o.y0 + 1});
  };
  std::size_t i = 0;
  while (i < spans_scratch_.size()) {
    const int y = spans_scratch_[i].y;
    std::size_t end = i;
    while (end < spans_scratch_.size() && spans_scratch_[end].y == y) ++end;
    // This row's coverage as layers: layer k holds the pixels covered more than k times, so
    // touching spans merge and each overlap is filled once more per extra triangle.
    row_.clear();
    bool overlaps = false;
    for (std::size_t j = i + 1; j < end && !overlaps; ++j) {
      overlaps = spans_scratch_[j].x0 < spans_scratch_[j - 1].x1;
    }
    if (!overlaps) {
      for (std::size_t j = i; j < end; ++j) {
        const Span& s = spans_scratch_[j];
        if (!row_.empty() && row_.back().x1 == s.x0) {
          row_.back().x1 = s.x1;
        } else {
          row_.push_back(Open{0, s.x0, s.x1, y});
        }
      }
    } else {
      // Events sorted by x with starts before ends, so spans that touch stay one interval.
      events_.clear();
      for (std::size_t j = i; j < end; ++j) {
        events_.push_back(spans_scratch_[j].x0 * 2);
        events_.push_back(spans_scratch_[j].x1 * 2 + 1);
      }
      std::sort(events_.begin(), events_.end());
      int depth = 0;
      for (const std::int32_t e : events_) {
        const int x = e >> 1;  // arithmetic shift: floor, also for negative x
        if ((e & 1) == 0) {
          if (static_cast<int>(layer_starts_.size()) <= depth) layer_starts_.resize(depth + 1);
          layer_starts_[depth] = x;
          ++depth;
        } else {
          --depth;
          if (x > layer_starts_[depth]) row_.push_back(Open{depth, layer_starts_[depth], x, y});
        }
      }
      std::sort(row_.begin(), row_.end(), [](const Open& l, const Open& r) {
        return l.layer != r.layer ? l.layer < r.layer : l.x0 < r.x0;
      });
    }
    // Rows that repeat the row above extend its rectangles downwards.
    if (!open_.empty() && y == open_row + 1) {
      std::size_t o = 0;
      for (Open& cur : row_) {
        while (o < open_.size() &&
               (open_[o].layer < cur.layer || (open_[o].layer == cur.layer && open_[o].x0 < cur.x0))) {
          close(open_[o++], open_row);
        }
        if (o < open_.size() && open_[o].layer == cur.layer && open_[o].x0 == cur.x0 &&
            open_[o].x1 == cur.x1) {
          cur.y0 = open_[o++].y0;
        }
      }
      while (o < open_.size()) close(open_[o++], open_row);
    } else {
      for (const Open& o : open_) close(o, open_row);
    }
    open_.swap(row_);
    open_row = y;
    i = end;
  }
  for (const Open& o : open_) close(o, open_row);
  open_.clear();

  const Uint8 r = static_cast<Uint8>(colour >> IM_COL32_R_SHIFT);
  const Uint8 g = static_cast<Uint8>(colour >> IM_COL32_G_SHIFT);
  const Uint8 b = static_cast<Uint8>(colour >> IM_COL32_B_SHIFT);
  const Uint8 a = static_cast<Uint8>(colour >> IM_COL32_A_SHIFT);
  stats_.rects += static_cast<int>(rects_.size());
  // Opaque blending writes the colour and alpha 255, which is what a plain fill does, faster.
  SDL_SetRenderDrawBlendMode(renderer_, a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer_, r, g, b, a);
  SDL_RenderFillRects(renderer_, rects_.data(), static_cast<int>(rects_.size()));
}

}  // namespace respite::app
