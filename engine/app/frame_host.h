// Where frames go: a window on screen (WindowHost) or a memory surface (HeadlessHost, for
// `respite shot` and tests). The main loop and the UI do not know which.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include "backends/sdl/sdl_input.h"
#include "ui/image_source.h"

namespace respite::app {

class FrameHost {
 public:
  virtual ~FrameHost() = default;
  // Gives an event to ImGui's platform layer (keyboard, focus); pointers go through PointerFrame.
  virtual void process_event(const SDL_Event& event) = 0;
  // Prepares ImGui's io for the next frame: display size in pixels and the pointer, converted
  // from window units to pixels.
  virtual void new_frame(const sdl::PointerFrame& pointer) = 0;
  // Draws ImGui's draw data over `clear` and shows it.
  virtual void present(ImDrawData* data, ImU32 clear) = 0;
  // Pixels per dp the UI should use now.
  virtual float ui_scale() const = 0;
  // True when present() waits for the display (vsync), so the loop need not pace itself.
  virtual bool paces_frames() const = 0;
  // Turns pack pictures into textures of this host's renderer; null when the host draws no pixels.
  virtual ui::ImageSource* images() { return nullptr; }
};

}  // namespace respite::app
