// Hands Dear ImGui's draw data to an SDL_Renderer. On a GPU renderer this is Dear ImGui's own
// SDL_Renderer backend. On SDL's software renderer (machines without a working GPU renderer,
// `respite shot`, the headless tests) that backend is slow: SDL rasterises every triangle by
// testing each pixel of its bounding box, and Dear ImGui fills rounded rectangles and circles as
// triangle fans whose thin triangles each span most of the shape, so a card costs many times its
// area. Here the solid triangles (the font atlas's white pixel, one colour) are turned into exact
// horizontal spans, the same pixels SDL's rasteriser would cover, and filled as rectangles; text,
// anti-aliased fringes and images still go through SDL_RenderGeometryRaw in their original order.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace respite::app {

class DrawSubmitter {
 public:
  enum class Path {
    Automatic,  // spans on SDL's software renderer, Dear ImGui's backend otherwise
    Stock,      // always Dear ImGui's backend (ImGui_ImplSDLRenderer_RenderDrawData)
    Spans,      // always spans (tests compare it against Stock on a software renderer)
  };

  // What the last render() sent to SDL, for tests and benchmarks.
  struct Stats {
    int solid_triangles = 0;  // drawn as spans
    int other_triangles = 0;  // handed to SDL_RenderGeometryRaw
    int rects = 0;            // rectangles filled for the spans
  };

  // Dear ImGui's SDL_Renderer backend must be initialised for `renderer` (it draws on GPU renderers);
  // the font texture is this class's own (upload_fonts).
  explicit DrawSubmitter(SDL_Renderer* renderer, Path path = Path::Automatic);
  ~DrawSubmitter();
  DrawSubmitter(const DrawSubmitter&) = delete;
  DrawSubmitter& operator=(const DrawSubmitter&) = delete;

  // Before each frame, instead of ImGui_ImplSDLRenderer_NewFrame: when the atlas has no texture
  // (the first frame, or fonts rebuilt: UiRuntime clears its TexID), makes one from the atlas's
  // alpha pixels, written straight into a streaming texture. The backend's way first expands the
  // atlas into a second RGBA copy (4 MB at @1) and then copies that into the texture: more memory
  // touched at start-up than anything else but the window. Sampled with `scale_mode`.
  void upload_fonts(ImFontAtlas& atlas, SDL_ScaleMode scale_mode);

  // Draws one frame's draw data, like ImGui_ImplSDLRenderer_RenderDrawData: same clip rectangles,
  // same coordinates, the renderer's viewport and clip rectangle restored afterwards.
  void render(ImDrawData* data);

  bool uses_spans() const { return spans_; }
  const Stats& stats() const { return stats_; }

 private:
  // One horizontal run of pixels [x0, x1) on row y.
  struct Span {
    int y;
    int x0;
    int x1;
  };

  void render_spans(ImDrawData* data);
  void draw_command(const ImDrawList& list, const ImDrawCmd& cmd, const SDL_Rect& clip);
  void draw_other(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count);
  void draw_solid(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, unsigned count, ImU32 colour,
                  const SDL_Rect& clip);
  void add_triangle(const ImDrawVert* vtx, const unsigned* idx, const SDL_Rect& clip);
  void add_rect(const ImDrawVert& a, const ImDrawVert& b, const SDL_Rect& clip);
  void flush_spans(ImU32 colour);

  SDL_Renderer* renderer_;
  SDL_Texture* font_texture_ = nullptr;
  bool spans_ = false;
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
