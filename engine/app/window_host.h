// Frames into the app's SDL window, through Dear ImGui's SDL2 platform backend and SDL_Renderer
// backend (Debian libimgui-dev sources). The UI is drawn in real pixels: ImGui's display size is
// the renderer's output size and the pointer is converted from window units, so text is
// rasterized at the pixel size it is shown at on high-DPI screens.
#pragma once

#include "app/draw_submit.h"
#include "app/frame_host.h"
#include "app/texture_cache.h"
#include "backends/sdl/sdl_video.h"

namespace respite::app {

class WindowHost final : public FrameHost {
 public:
  // The ImGui context must be current; the backends are shut down by the destructor.
  explicit WindowHost(sdl::Video& video);
  ~WindowHost() override;
  WindowHost(const WindowHost&) = delete;
  WindowHost& operator=(const WindowHost&) = delete;

  void process_event(const SDL_Event& event) override;
  void new_frame(const sdl::PointerFrame& pointer) override;
  void present(ImDrawData* data, ImU32 clear) override;
  float ui_scale() const override { return video_.ui_scale(); }
  bool paces_frames() const override { return video_.vsync(); }
  ui::ImageSource* images() override { return &textures_; }

 private:
  sdl::Video& video_;
  TextureCache textures_;
  DrawSubmitter draw_;  // spans on SDL's software renderer, Dear ImGui's backend otherwise
};

}  // namespace respite::app
