#include "app/headless_host.h"

#include <imgui_impl_sdlrenderer.h>

#include <cfloat>

namespace respite::app {

std::unique_ptr<HeadlessHost> HeadlessHost::create(int width, int height, float scale, std::string& error) {
  std::unique_ptr<HeadlessHost> host(new HeadlessHost());
  host->width_ = width;
  host->height_ = height;
  host->scale_ = scale;
  host->surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
  if (host->surface_ == nullptr) {
    error = "cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
            " surface: " + SDL_GetError();
    return nullptr;
  }
  host->renderer_ = SDL_CreateSoftwareRenderer(host->surface_);
  if (host->renderer_ == nullptr) {
    error = std::string("cannot create SDL's software renderer: ") + SDL_GetError();
    return nullptr;
  }
  if (!ImGui_ImplSDLRenderer_Init(host->renderer_)) {
    error = "cannot start Dear ImGui's SDL_Renderer backend";
    return nullptr;
  }
  host->backend_ = true;
  host->draw_ = std::make_unique<DrawSubmitter>(host->renderer_);
  host->draw_->set_target_surface([surface = host->surface_] { return surface; });
  host->textures_ = std::make_unique<TextureCache>(host->renderer_);
  return host;
}

HeadlessHost::~HeadlessHost() {
  textures_.reset();
  draw_.reset();  // its font texture, before the renderer
  if (backend_) ImGui_ImplSDLRenderer_Shutdown();
  if (renderer_ != nullptr) SDL_DestroyRenderer(renderer_);
  if (surface_ != nullptr) SDL_FreeSurface(surface_);
}

void HeadlessHost::new_frame(const sdl::PointerFrame& pointer) {
  ImGuiIO& io = ImGui::GetIO();
  // A screenshot must not depend on what ran before it in the process (a window opened earlier sets
  // SDL's default scale quality to linear): its font texture is always sampled nearest, 1:1.
  draw_->upload_fonts(*io.Fonts, SDL_ScaleModeNearest);
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.MousePos = pointer.valid ? ImVec2(pointer.x, pointer.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = pointer.down;
}

void HeadlessHost::present(ImDrawData* data, ImU32 clear) {
  draw_->render(data, clear);
  SDL_RenderPresent(renderer_);
}

std::vector<std::uint8_t> HeadlessHost::read_rgba() const {
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), width_ * 4) != 0) {
    pixels.clear();
  }
  return pixels;
}

}  // namespace respite::app
