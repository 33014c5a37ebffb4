// The web entry point (WebAssembly, emscripten). PHASE-1 TOOLCHAIN CHECK, replaced by the app's
// own loop once engine/app lands: loads the bundled packs with the real pack loader, plans the
// home screen's default item with the real planner and runs it on the real SessionRunner, drawn
// with the real theme and fonts. It proves the site, the bundled files and the libraries work.
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/content_paths.h"
#include "core/pack_loader.h"
#include "core/session_plan.h"
#include "core/session_runner.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace {

using namespace respite;

// Notifies the page (platforms/web/shell.js) that a frame is on screen.
EM_JS(void, respite_web_frame_presented, (), {
  if (Module['respiteFramePresented']) Module['respiteFramePresented']();
});

struct WebSmoke {
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  core::SystemClock clock;
  core::Catalog catalog;
  std::optional<core::ItemRef> item;
  std::unique_ptr<core::SessionRunner> runner;
  ui::Theme theme;
  ui::FontData font_data;
  ui::Fonts fonts;
  std::string status;
};

WebSmoke* g_app = nullptr;  // emscripten's main loop takes a plain function and a void*

void rebuild_fonts_if_needed(WebSmoke& app, float scale) {
  if (app.fonts.scale == scale) return;
  app.theme = ui::make_theme(ui::ThemeName::Light, scale);
  std::string error;
  if (!ui::build_fonts(*ImGui::GetIO().Fonts, app.font_data, app.theme, app.fonts, error)) {
    app.status = error;
    return;
  }
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  app.fonts.scale = scale;
}

void frame(void* arg) {
  WebSmoke& app = *static_cast<WebSmoke*>(arg);
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  int window_w = 0, window_h = 0, pixels_w = 0, pixels_h = 0;
  SDL_GetWindowSize(app.window, &window_w, &window_h);
  SDL_GetRendererOutputSize(app.renderer, &pixels_w, &pixels_h);
  const float scale = window_w > 0 ? static_cast<float>(pixels_w) / static_cast<float>(window_w) : 1.0f;
  if (!app.font_data.regular.empty()) rebuild_fonts_if_needed(app, scale);

  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // Dear ImGui 1.86's SDL backend yields 0 when the performance counter has not moved.
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;
  // Draw in pixels: the fonts are rasterized for this scale.
  io.DisplaySize = ImVec2(static_cast<float>(pixels_w), static_cast<float>(pixels_h));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.MousePos = ImVec2(io.MousePos.x * scale, io.MousePos.y * scale);
  ImGui::NewFrame();

  const ui::Palette& palette = app.theme.palette;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette.background);
  ImGui::PushStyleColor(ImGuiCol_Text, palette.text);
  ImGui::Begin("respite", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  if (app.fonts.title != nullptr) ImGui::PushFont(app.fonts.title);
  ImGui::TextUnformatted("Respite (web toolchain check)");
  if (app.fonts.title != nullptr) ImGui::PopFont();
  ImGui::TextWrapped("%s", app.status.c_str());
  if (app.runner) {
    const core::FrameState state = app.runner->frame();
    ImGui::Text("%s  %s  %.0f s left", app.item->to_string().c_str(), core::to_string(state.phase),
                state.remaining_seconds);
    const ImVec2 centre(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.55f);
    const float max_radius = std::min(io.DisplaySize.x, io.DisplaySize.y) * 0.3f;
    float grow = static_cast<float>(state.phase_progress);
    if (state.phase == core::PhaseKind::Exhale) grow = 1.0f - grow;
    if (state.phase == core::PhaseKind::HoldOut) grow = 0.0f;
    if (state.phase == core::PhaseKind::HoldIn) grow = 1.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(centre, max_radius, palette.primary_soft, 96);
    draw->AddCircleFilled(centre, max_radius * (0.35f + 0.65f * grow), palette.primary, 96);
  }
  ImGui::End();
  ImGui::PopStyleColor(2);

  ImGui::Render();
  const ImVec4 clear = ui::to_vec4(palette.background);
  SDL_SetRenderDrawColor(app.renderer, static_cast<Uint8>(clear.x * 255), static_cast<Uint8>(clear.y * 255),
                         static_cast<Uint8>(clear.z * 255), 255);
  SDL_RenderClear(app.renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(app.renderer);
  respite_web_frame_presented();
}

}  // namespace

int main() {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "respite: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
  auto* app = new WebSmoke();  // lives as long as the page
  g_app = app;
  app->window = SDL_CreateWindow("Respite", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 390, 844,
                                 SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (app->window == nullptr || app->renderer == nullptr) {
    std::fprintf(stderr, "respite: no window or renderer: %s\n", SDL_GetError());
    return 1;
  }
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(app->renderer, &info);

  const core::CatalogLoadResult loaded = core::load_catalog(core::discover_packs("/content/packs"));
  app->catalog = loaded.catalog;
  app->status = "renderer " + std::string(info.name) + ", " + std::to_string(app->catalog.packs.size()) +
                " pack(s), " + std::to_string(loaded.diagnostics.items().size()) + " diagnostic(s)";
  app->item = app->catalog.home_default();
  if (app->item) {
    if (const core::Item* item = app->catalog.find(*app->item)) {
      app->runner = std::make_unique<core::SessionRunner>(core::make_plan(*app->item, *item, {}), app->clock);
      app->runner->start();
    }
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(app->window);
  ImGui_ImplSDLRenderer_Init(app->renderer);
  std::string error;
  if (!ui::read_font_data("/assets/fonts", app->font_data, error)) app->status += "; " + error;

  emscripten_set_main_loop_arg(frame, app, 0, 0);
  return 0;
}
