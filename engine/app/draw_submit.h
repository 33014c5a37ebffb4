// Hands Dear ImGui's draw data to an SDL_Renderer. On a GPU renderer this is Dear ImGui's own
// SDL_Renderer backend. On SDL's software renderer (machines without a working GPU renderer,
// `respite shot`, the headless tests) that backend is slow: SDL rasterises every triangle by
// testing each pixel of its bounding box, queues and clips each one separately, and Dear ImGui
// fills rounded rectangles and circles as triangle fans whose thin triangles each span most of the
// shape. So on the software renderer this class draws the frame itself (PixelCanvas: SDL's
// coverage and colour rules), straight into the surface the renderer draws to when the host names
// it, else into a streaming texture copied there: solid triangles as exact horizontal spans, glyphs
// as 1:1 copies from the font atlas's own alpha (no RGBA font texture is made), fringes and the
// rest as triangles. A frame that shows a picture (another texture) is handed to SDL instead, with
// the solid triangles still as spans.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "app/pixel_canvas.h"

namespace respite::app {

class DrawSubmitter {
 public:
  enum class Path {
    Automatic,  // pixels on SDL's software renderer, Dear ImGui's backend otherwise
    Stock,      // always Dear ImGui's backend (ImGui_ImplSDLRenderer_RenderDrawData)
    Spans,      // SDL draws, solid triangles as spans (tests compare it against Stock)
    Pixels,     // this class draws the pixels; frames with pictures go the Spans way
  };

  // What the last render() drew, for tests and benchmarks.
  struct Stats {
    bool pixels = false;       // drawn by this class into its own pixels, not by SDL
    bool into_target = false;  // ... straight into the target surface, not through a texture
    int solid_triangles = 0;   // drawn as spans
    int other_triangles = 0;   // glyphs, fringes, pictures: SDL_RenderGeometryRaw or PixelCanvas
    int rects = 0;             // rectangles filled for the spans
  };

  // Dear ImGui's SDL_Renderer backend must be initialised for `renderer` (it draws on GPU renderers);
  // the font texture is this class's own (upload_fonts).
  explicit DrawSubmitter(SDL_Renderer* renderer, Path path = Path::Automatic);
  ~DrawSubmitter();
  DrawSubmitter(const DrawSubmitter&) = delete;
  DrawSubmitter& operator=(const DrawSubmitter&) = delete;

  // Before each frame, instead of ImGui_ImplSDLRenderer_NewFrame, for a new atlas (the first frame,
  // or fonts rebuilt: UiRuntime clears its TexID). Drawing pixels, the atlas keeps its alpha and its
  // TexID becomes a token of this class; an SDL texture is made from the alpha only for a frame SDL
  // draws. Otherwise the alpha is written straight into a streaming texture (the backend's way first
  // expands the atlas into a second RGBA copy) and the atlas's CPU copies are freed. The SDL texture
  // is sampled with `scale_mode`.
  void upload_fonts(ImFontAtlas& atlas, SDL_ScaleMode scale_mode);

  // Clears the target to `clear` (opaque) and draws one frame's draw data, like
  // ImGui_ImplSDLRenderer_RenderDrawData: same clip rectangles, same coordinates, the renderer's
  // viewport and clip rectangle restored afterwards.
  void render(ImDrawData* data, ImU32 clear);

  // The surface SDL's software renderer draws into, if the host knows it (its own surface, or the
  // window's). Frames are then drawn into it directly, saving a second frame-sized buffer (a
  // megabyte or more of memory touched on the first frame); a surface SDL turns out not to draw
  // into, or of a pixel format PixelCanvas does not know, is left alone.
  void set_target_surface(std::function<SDL_Surface*()> target) { target_ = std::move(target); }

  bool uses_spans() const { return spans_; }
  bool uses_pixels() const { return pixels_; }
  const Stats& stats() const { return stats_; }

 private:
  using Span = PixelSpan;

  // The atlas TexID that stands for this class's own font while drawing pixels.
  void* font_token() const { return const_cast<DrawSubmitter*>(this); }
  bool make_font_texture(const ImFontAtlas& atlas);
  void use_font_texture(ImDrawData* data);
  bool sdl_scales() const;
  bool draws_pixels(const ImDrawData* data) const;
  bool render_pixels(ImDrawData* data, ImU32 clear);
  bool renders_into(SDL_Surface* surface);
  void draw_pixels(ImDrawData* data, ImU32 clear, void* pixels, int pitch, int width, int height,
                   PixelCanvas::Order order);
  void render_spans(ImDrawData* data);
  void draw_lists(ImDrawData* data, const SDL_Rect& target);
  void draw_command(const ImDrawList& list, const ImDrawCmd& cmd, const SDL_Rect& clip);
  void draw_other(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count,
                  const SDL_Rect& clip);
  void draw_other_pixels(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count,
                         const SDL_Rect& clip);
  void draw_solid(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count, ImU32 colour,
                  const SDL_Rect& clip);
  void add_triangle(const ImDrawVert* vtx, const unsigned* idx, const SDL_Rect& clip);
  void add_rect(const ImDrawVert& a, const ImDrawVert& b, const SDL_Rect& clip);
  void flush_spans(ImU32 colour);

  SDL_Renderer* renderer_;
  bool spans_ = false;
  bool pixels_ = false;
  SDL_Texture* font_texture_ = nullptr;
  SDL_ScaleMode font_scale_mode_ = SDL_ScaleModeLinear;
  void* font_id_ = nullptr;  // the TexID of font commands in the frame being drawn
  std::function<SDL_Surface*()> target_;
  SDL_Surface* checked_target_ = nullptr;  // the last surface found to be the renderer's target
  int checked_width_ = 0;
  int checked_height_ = 0;
  SDL_Texture* canvas_texture_ = nullptr;
  int canvas_width_ = 0;
  int canvas_height_ = 0;
  PixelCanvas* canvas_ = nullptr;  // while a frame is drawn into pixels
  AlphaImage font_;
  Stats stats_;
  std::vector<Span> spans_scratch_;
  std::vector<int> indices_;
  std::vector<std::int32_t> events_;
  std::vector<int> layer_starts_;
  std::vector<SDL_Rect> rects_;
  struct Open {
    int layer;
    int x0;
    int x1;
    int y0;
  };
  std::vector<Open> open_;
  std::vector<Open> row_;
};

}  // namespace respite::app
