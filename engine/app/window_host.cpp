#include "app/window_host.h"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cfloat>

namespace respite::app {

WindowHost::WindowHost(sdl::Video& video)
    : video_(video), textures_(video.renderer()), draw_(video.renderer()) {
  ImGui_ImplSDL2_InitForSDLRenderer(video_.window());
  ImGui_ImplSDLRenderer_Init(video_.renderer());
  // SDL's software renderer for a window draws into the window's surface (SDL_render_sw.c); the
  // submitter checks that before it draws there itself, and only on that renderer asks for it.
  draw_.set_target_surface([window = video_.window()] { return SDL_GetWindowSurface(window); });
}

WindowHost::~WindowHost() {
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
}

void WindowHost::process_event(const SDL_Event& event) {
  ImGui_ImplSDL2_ProcessEvent(&event);
}

void WindowHost::new_frame(const sdl::PointerFrame& pointer) {
  ImGuiIO& io = ImGui::GetIO();
  draw_.upload_fonts(*io.Fonts, SDL_ScaleModeLinear);  // as Dear ImGui's backend samples it
  ImGui_ImplSDL2_NewFrame();
  int width = 0;
  int height = 0;
  video_.output_size(width, height);
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  // The backend reads the pointer from SDL's global mouse state, which touch screens do not always
  // move and which is in window units; the tracker follows the events themselves, touches included.
  const float ratio = video_.pixel_ratio();
  io.MousePos = pointer.valid ? ImVec2(pointer.x * ratio, pointer.y * ratio) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = pointer.down;
}

void WindowHost::present(ImDrawData* data, ImU32 clear) {
  draw_.render(data, clear);
  SDL_RenderPresent(video_.renderer());
#if defined(__ANDROID__) || defined(__IPHONEOS__)
  // Phones and tablets show their on-screen keyboard only while a text field has focus (the name
  // of a new profile, the unit's contacts). Desktops keep SDL's text input on: PINs are typed too.
  const bool want = ImGui::GetIO().WantTextInput;
  if (want != (SDL_IsTextInputActive() == SDL_TRUE)) want ? SDL_StartTextInput() : SDL_StopTextInput();
#endif
}

}  // namespace respite::app
