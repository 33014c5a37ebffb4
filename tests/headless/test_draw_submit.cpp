// The span and pixel paths of app::DrawSubmitter (engine/app/draw_submit.h) against Dear ImGui's own
// SDL_Renderer backend: the same ImGui frame is drawn each way into one SDL software renderer and
// the pixels compared. The shapes are the ones the app draws (rounded cards and buttons, discs and
// rings, text, translucent fills, clipped fills) plus the awkward cases of the rasteriser: sub-pixel
// positions, shapes partly off screen, overlapping triangles of one colour, and a clip rectangle
// cutting through a shape.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "app/draw_submit.h"

using respite::app::DrawSubmitter;

namespace {

constexpr int kWidth = 480;
constexpr int kHeight = 360;

// One ImGui context with the built-in font and a software renderer on an RGBA surface, the way
// app::HeadlessHost sets them up; restores whatever context was current before.
class Canvas {
 public:
  Canvas() : previous_(ImGui::GetCurrentContext()) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.Fonts->AddFontDefault();
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_RGBA32);
    REQUIRE(surface_ != nullptr);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    REQUIRE(renderer_ != nullptr);
    REQUIRE(ImGui_ImplSDLRenderer_Init(renderer_));
  }
  ~Canvas() {
    ImGui_ImplSDLRenderer_Shutdown();
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  SDL_Renderer* renderer() const { return renderer_; }
  SDL_Surface* surface() const { return surface_; }

  // Builds one frame whose background draw list gets `draw`'s shapes.
  ImDrawData* frame(const std::function<void(ImDrawList*)>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(kWidth), static_cast<float>(kHeight));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    draw(ImGui::GetBackgroundDrawList());
    ImGui::Render();
    return ImGui::GetDrawData();
  }

  // Clears to `background`, draws `data` through `path`, returns the pixels (RGBA rows). The frame
  // was built with the backend's font texture; drawing pixels, its commands name the submitter's
  // font token instead while it draws, as they would had the submitter uploaded the fonts.
  // `target`, when set, is offered to the submitter as the surface SDL draws into.
  std::vector<std::uint8_t> draw(ImDrawData* data, DrawSubmitter::Path path, SDL_Color background,
                                 DrawSubmitter::Stats* stats = nullptr, SDL_Surface* target = nullptr) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const ImTextureID backend_texture = atlas.TexID;
    DrawSubmitter submitter(renderer_, path);
    if (target != nullptr) submitter.set_target_surface([target] { return target; });
    const auto retarget = [data](ImTextureID from, ImTextureID to) {
      for (int n = 0; n < data->CmdListsCount; n++) {
        for (ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) {
          if (cmd.TextureId == from) cmd.TextureId = to;
        }
      }
    };
    if (path == DrawSubmitter::Path::Pixels) {
      atlas.SetTexID(nullptr);
      submitter.upload_fonts(atlas, SDL_ScaleModeNearest);
      retarget(backend_texture, atlas.TexID);
    }
    const ImTextureID drawn_with = atlas.TexID;
    submitter.render(data, IM_COL32(background.r, background.g, background.b, 255));
    SDL_RenderPresent(renderer_);
    retarget(drawn_with, backend_texture);
    atlas.SetTexID(backend_texture);
    if (stats != nullptr) *stats = submitter.stats();
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(kWidth) * kHeight * 4);
    REQUIRE(SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), kWidth * 4) == 0);
    return pixels;
  }

 private:
  ImGuiContext* previous_;
  ImGuiContext* context_ = nullptr;
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

struct Difference {
  int pixels = 0;   // pixels whose colour differs at all
  int largest = 0;  // largest difference of one channel
};

Difference compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  Difference d;
  for (std::size_t i = 0; i + 3 < a.size(); i += 4) {
    int here = 0;
    for (std::size_t c = 0; c < 3; ++c) here = std::max(here, std::abs(int{a[i + c]} - int{b[i + c]}));
    if (here > 0) ++d.pixels;
    d.largest = std::max(d.largest, here);
  }
  return d;
}

int pixels_not(const std::vector<std::uint8_t>& image, SDL_Color background) {
  int count = 0;
  for (std::size_t i = 0; i + 3 < image.size(); i += 4) {
    if (image[i] != background.r || image[i + 1] != background.g || image[i + 2] != background.b) ++count;
  }
  return count;
}

std::string describe(const Difference& d) {
  return std::to_string(d.pixels) + " pixels differ, by up to " + std::to_string(d.largest);
}

// The spans must cover what SDL covers: a few edge pixels may differ by a rounding step, no more.
void require_same(const std::vector<std::uint8_t>& stock, const std::vector<std::uint8_t>& spans) {
  const Difference d = compare(stock, spans);
  INFO(describe(d));
  CHECK(d.largest <= 2);
  CHECK(d.pixels <= kWidth * kHeight / 1000);
}

void app_like_shapes(ImDrawList* draw) {
  const ImU32 card = IM_COL32(255, 255, 255, 255);
  const ImU32 teal = IM_COL32(47, 114, 110, 255);
  // A card and a pill button with rounded corners, at sub-pixel positions, with a border.
  draw->AddRectFilled(ImVec2(12.3f, 10.6f), ImVec2(230.7f, 120.2f), card, 18.0f);
  draw->AddRect(ImVec2(12.3f, 10.6f), ImVec2(230.7f, 120.2f), IM_COL32(200, 196, 190, 255), 18.0f, 0, 2.0f);
  draw->AddRectFilled(ImVec2(250.0f, 20.0f), ImVec2(460.0f, 70.0f), teal, 25.0f);
  // The breathing disc: a filled circle, a thick ring around it, a translucent halo behind.
  draw->AddCircleFilled(ImVec2(120.0f, 240.0f), 100.0f, IM_COL32(164, 212, 205, 90), 96);
  draw->AddCircleFilled(ImVec2(120.0f, 240.0f), 80.5f, IM_COL32(214, 232, 229, 255), 96);
  draw->AddCircle(ImVec2(120.0f, 240.0f), 80.5f, teal, 96, 3.0f);
  // Text, opaque and translucent.
  draw->AddText(ImVec2(262.0f, 38.0f), IM_COL32(255, 255, 255, 255), "Breathe - 2 min");
  draw->AddText(ImVec2(24.0f, 24.0f), IM_COL32(30, 30, 30, 200), "Two-minute reset");
  // A translucent rounded fill over the others, and a plain axis-aligned rectangle.
  draw->AddRectFilled(ImVec2(200.5f, 90.5f), ImVec2(330.25f, 180.75f), IM_COL32(200, 60, 40, 120), 12.0f);
  draw->AddRectFilled(ImVec2(340.4f, 100.6f), ImVec2(470.2f, 140.9f), IM_COL32(20, 40, 160, 255));
}

}  // namespace

TEST_CASE("pixel drawing picks itself on SDL's software renderer", "[headless][draw_submit]") {
  Canvas canvas;
  CHECK(DrawSubmitter(canvas.renderer()).uses_pixels());
  CHECK(DrawSubmitter(canvas.renderer()).uses_spans());
  CHECK_FALSE(DrawSubmitter(canvas.renderer(), DrawSubmitter::Path::Spans).uses_pixels());
  CHECK_FALSE(DrawSubmitter(canvas.renderer(), DrawSubmitter::Path::Stock).uses_spans());
}

TEST_CASE("spans draw the app's shapes as Dear ImGui's backend does", "[headless][draw_submit]") {
  Canvas canvas;
  // The light and the dark theme's page colours.
  const SDL_Color backgrounds[] = {SDL_Color{244, 242, 237, 255}, SDL_Color{22, 30, 32, 255}};
  const SDL_Color background = backgrounds[GENERATE(0, 1)];
  ImDrawData* data = canvas.frame(app_like_shapes);
  const std::vector<std::uint8_t> stock = canvas.draw(data, DrawSubmitter::Path::Stock, background);
  DrawSubmitter::Stats stats;
  const std::vector<std::uint8_t> spans = canvas.draw(data, DrawSubmitter::Path::Spans, background, &stats);
  // The fast path really ran, and the frame is not empty.
  CHECK_FALSE(stats.pixels);
  CHECK(stats.solid_triangles > 100);
  CHECK(stats.rects > 0);
  CHECK(stats.other_triangles > 0);
  CHECK(pixels_not(stock, background) > kWidth * kHeight / 4);
  require_same(stock, spans);
  const std::vector<std::uint8_t> pixels = canvas.draw(data, DrawSubmitter::Path::Pixels, background, &stats);
  CHECK(stats.pixels);
  CHECK(stats.solid_triangles > 100);
  CHECK(stats.other_triangles > 0);
  require_same(stock, pixels);
}

TEST_CASE("spans honour the clip rectangle of each draw command", "[headless][draw_submit]") {
  Canvas canvas;
  const SDL_Color background{244, 242, 237, 255};
  ImDrawData* data = canvas.frame([](ImDrawList* draw) {
    // A disc and a rounded rectangle cut by clip rectangles at fractional positions, and a
    // translucent fill clipped to a strip.
    draw->PushClipRect(ImVec2(40.5f, 30.25f), ImVec2(180.75f, 150.5f), false);
    draw->AddCircleFilled(ImVec2(100.0f, 100.0f), 90.0f, IM_COL32(47, 114, 110, 255), 64);
    draw->PopClipRect();
    draw->PushClipRect(ImVec2(200.0f, 0.0f), ImVec2(300.0f, 200.0f), false);
    draw->AddRectFilled(ImVec2(150.0f, 20.0f), ImVec2(420.0f, 180.0f), IM_COL32(200, 60, 40, 255), 30.0f);
    draw->AddText(ImVec2(190.0f, 100.0f), IM_COL32(255, 255, 255, 255), "clipped text runs past the edge");
    draw->PopClipRect();
    draw->PushClipRect(ImVec2(0.0f, 250.0f), ImVec2(480.0f, 270.0f), false);
    draw->AddRectFilled(ImVec2(10.0f, 200.0f), ImVec2(470.0f, 340.0f), IM_COL32(20, 40, 160, 128), 40.0f);
    draw->PopClipRect();
  });
  const std::vector<std::uint8_t> stock = canvas.draw(data, DrawSubmitter::Path::Stock, background);
  const auto path = GENERATE(DrawSubmitter::Path::Spans, DrawSubmitter::Path::Pixels);
  const std::vector<std::uint8_t> drawn = canvas.draw(data, path, background);
  require_same(stock, drawn);
  // Nothing outside the clip rectangles: the disc stops at x = 180, the card at x = 300 and the
  // translucent fill at y = 270.
  const auto at = [&drawn](int x, int y) { return &drawn[(static_cast<std::size_t>(y) * kWidth + x) * 4]; };
  for (int y = 0; y < kHeight; ++y) {
    for (const int x : {30, 39, 181, 199, 300, 320}) {
      if (y >= 250 && y < 270) continue;
      INFO("x " << x << ", y " << y);
      CHECK(at(x, y)[0] == background.r);
    }
  }
  CHECK(at(100, 249)[2] == background.b);
  CHECK(at(100, 270)[2] == background.b);
  CHECK(at(100, 260)[2] != background.b);
}

TEST_CASE("spans match SDL's rasteriser on awkward triangles", "[headless][draw_submit]") {
  Canvas canvas;
  const SDL_Color background{250, 250, 250, 255};
  ImDrawData* data = canvas.frame([](ImDrawList* draw) {
    // Shapes partly off screen, on every side.
    draw->AddCircleFilled(ImVec2(-20.0f, 60.0f), 70.0f, IM_COL32(47, 114, 110, 255), 48);
    draw->AddRectFilled(ImVec2(400.0f, -30.0f), ImVec2(520.0f, 60.0f), IM_COL32(200, 60, 40, 255), 20.0f);
    draw->AddCircleFilled(ImVec2(240.0f, 370.0f), 50.0f, IM_COL32(20, 40, 160, 160), 40);
    // Hand-made triangles of one translucent colour, both windings, overlapping: SDL blends the
    // overlap twice, and so must the spans.
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const ImU32 colour = IM_COL32(230, 120, 20, 110);
    const ImVec2 points[] = {ImVec2(60.5f, 150.0f),  ImVec2(200.0f, 170.7f), ImVec2(90.2f, 300.1f),
                             ImVec2(70.0f, 160.0f),  ImVec2(80.0f, 290.0f),  ImVec2(210.0f, 230.0f),
                             ImVec2(300.0f, 120.0f), ImVec2(301.0f, 300.0f), ImVec2(299.0f, 200.0f),
                             ImVec2(320.0f, 150.0f), ImVec2(470.0f, 150.0f), ImVec2(400.0f, 150.0f)};
    draw->PrimReserve(12, 12);
    const ImDrawIdx base = static_cast<ImDrawIdx>(draw->_VtxCurrentIdx);
    for (const ImVec2& p : points) draw->PrimWriteVtx(p, uv, colour);
    for (ImDrawIdx i = 0; i < 12; ++i) draw->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
    // Thin slivers of a fan, the case that made SDL slow.
    draw->AddRectFilled(ImVec2(330.0f, 180.0f), ImVec2(470.0f, 340.0f), IM_COL32(60, 60, 60, 255), 70.0f);
  });
  const std::vector<std::uint8_t> stock = canvas.draw(data, DrawSubmitter::Path::Stock, background);
  require_same(stock, canvas.draw(data, DrawSubmitter::Path::Spans, background));
  require_same(stock, canvas.draw(data, DrawSubmitter::Path::Pixels, background));
  CHECK(pixels_not(stock, background) > 20000);
}

TEST_CASE("pixels go straight into the renderer's surface, and only into it", "[headless][draw_submit]") {
  Canvas canvas;
  const SDL_Color background{22, 30, 32, 255};
  ImDrawData* data = canvas.frame(app_like_shapes);
  const std::vector<std::uint8_t> stock = canvas.draw(data, DrawSubmitter::Path::Stock, background);
  DrawSubmitter::Stats stats;
  // The renderer's own surface (RGBA32: red and blue the other way round from the texture path).
  require_same(stock, canvas.draw(data, DrawSubmitter::Path::Pixels, background, &stats, canvas.surface()));
  CHECK(stats.pixels);
  CHECK(stats.into_target);
  // A surface SDL does not draw into is left alone, and the frame still comes out right.
  SDL_Surface* decoy = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_ARGB8888);
  REQUIRE(decoy != nullptr);
  SDL_FillRect(decoy, nullptr, 0xFF0000FFu);
  require_same(stock, canvas.draw(data, DrawSubmitter::Path::Pixels, background, &stats, decoy));
  CHECK(stats.pixels);
  CHECK_FALSE(stats.into_target);
  const auto* pixels = static_cast<const std::uint32_t*>(decoy->pixels);
  int touched = 0;
  for (int i = 0; i < kWidth * kHeight; ++i) touched += pixels[i] != 0xFF0000FFu ? 1 : 0;
  CHECK(touched == 0);
  SDL_FreeSurface(decoy);
}

TEST_CASE("a frame with a picture is drawn by SDL, the same as the backend draws it",
          "[headless][draw_submit]") {
  Canvas canvas;
  const SDL_Color background{244, 242, 237, 255};
  // A 16x16 picture with a gradient, stretched, over a card with text.
  SDL_Texture* picture =
      SDL_CreateTexture(canvas.renderer(), SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, 16, 16);
  REQUIRE(picture != nullptr);
  std::vector<std::uint32_t> texels(16 * 16);
  for (std::size_t i = 0; i < texels.size(); ++i)
    texels[i] = 0xFF000000u | static_cast<std::uint32_t>(i * 997u);
  REQUIRE(SDL_UpdateTexture(picture, nullptr, texels.data(), 16 * 4) == 0);
  ImDrawData* data = canvas.frame([picture](ImDrawList* draw) {
    app_like_shapes(draw);
    draw->AddImage(picture, ImVec2(300.0f, 200.0f), ImVec2(460.0f, 340.0f));
  });
  const std::vector<std::uint8_t> stock = canvas.draw(data, DrawSubmitter::Path::Stock, background);
  DrawSubmitter::Stats stats;
  const std::vector<std::uint8_t> pixels = canvas.draw(data, DrawSubmitter::Path::Pixels, background, &stats);
  CHECK_FALSE(stats.pixels);
  CHECK(stats.solid_triangles > 100);
  require_same(stock, pixels);
  SDL_DestroyTexture(picture);
}

TEST_CASE("drawing pixels keeps the atlas's alpha and makes no font texture", "[headless][draw_submit]") {
  Canvas canvas;
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const ImTextureID backend_texture = atlas.TexID;
  {
    DrawSubmitter submitter(canvas.renderer(), DrawSubmitter::Path::Pixels);
    atlas.SetTexID(nullptr);
    submitter.upload_fonts(atlas, SDL_ScaleModeNearest);
    CHECK(atlas.TexID != nullptr);
    CHECK(atlas.TexPixelsAlpha8 != nullptr);
  }
  {
    // Drawing through SDL, the atlas's CPU copies are freed once the texture holds them.
    DrawSubmitter submitter(canvas.renderer(), DrawSubmitter::Path::Spans);
    atlas.SetTexID(nullptr);
    submitter.upload_fonts(atlas, SDL_ScaleModeNearest);
    CHECK(atlas.TexID != nullptr);
    CHECK(atlas.TexPixelsAlpha8 == nullptr);
  }
  atlas.SetTexID(backend_texture);
}
