// A fast harness for UI tests that do not need pixels: the real model, UI runtime and main loop,
// with a frame host that builds ImGui's draw lists but rasterizes nothing, at any display size,
// and an event queue on a manual clock. Used by the layout audit (text at 200 %), the
// missing-translation check and the monkey test.
#pragma once

#include <catch2/catch.hpp>

#include <SDL.h>

#include <cfloat>
#include <deque>
#include <memory>
#include <string>

#include "app/app_model.h"
#include "app/frame_host.h"
#include "app/main_loop.h"
#include "app/ui_runtime.h"
#include "app_test_support.h"
#include "backends/null/recording_audio.h"
#include "core/cue_dispatcher.h"
#include "core/support_resources.h"

namespace respite::testing {

// Builds frames and throws them away. Keys reach ImGui (for keyboard navigation) the way the SDL
// backend would deliver them.
class NullHost final : public app::FrameHost {
 public:
  NullHost(int width, int height, float scale) : width_(width), height_(height), scale_(scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
    io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
  }
  void resize(int width, int height) {
    width_ = width;
    height_ = height;
  }
  void set_scale(float scale) { scale_ = scale; }
  void process_event(const SDL_Event& event) override {
    if (event.type != SDL_KEYDOWN && event.type != SDL_KEYUP) return;
    const int code = event.key.keysym.scancode;
    ImGuiIO& io = ImGui::GetIO();
    if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
      io.KeysDown[code] = event.type == SDL_KEYDOWN;
  }
  void new_frame(const sdl::PointerFrame& pointer) override {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_) * scale_, static_cast<float>(height_) * scale_);
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.MousePos = pointer.valid ? ImVec2(pointer.x, pointer.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = pointer.down;
  }
  void present(ImDrawData*, ImU32) override {}
  float ui_scale() const override { return scale_; }
  bool paces_frames() const override { return false; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  int width_;
  int height_;
  float scale_;
};

// Events handed out in order; waiting never blocks (the manual clock moves only when told).
class QueuedEvents final : public sdl::EventSource {
 public:
  void push(const SDL_Event& event) { queue_.push_back(event); }
  bool wait(SDL_Event& event, int) override { return poll(event); }
  bool poll(SDL_Event& event) override {
    if (queue_.empty()) return false;
    event = queue_.front();
    queue_.pop_front();
    return true;
  }
  bool empty() const { return queue_.empty(); }

 private:
  std::deque<SDL_Event> queue_;
};

struct UiHarness {
  core::Catalog catalog = bundled_catalog();
  null_backend::ManualClock clock;
  null_backend::RecordingAudio audio{true};
  null_backend::RecordingHaptics haptics{true};
  core::CueDispatcher cues{audio, haptics};
  std::unique_ptr<app::AppModel> model;
  std::unique_ptr<app::UiRuntime> ui;
  std::unique_ptr<NullHost> host;
  QueuedEvents events;
  std::unique_ptr<app::MainLoop> loop;

  UiHarness(int width, int height, float scale, const app::Settings& settings = {}) {
    cues.set_log_sink(nullptr);
    app::AppModel::Services services{&cues, &audio};
    services.support = [](const std::string& locale, const std::string& region) {
      return core::load_support_resources(core::default_support_resources_path(), "", locale, region).data;
    };
    model = std::make_unique<app::AppModel>(catalog, clock, services, settings);
    std::string error;
    ui = app::UiRuntime::create(font_dir(), scale, settings.effective_theme(), error);
    INFO(error);
    REQUIRE(ui);
    host = std::make_unique<NullHost>(width, height, scale);
    loop = std::make_unique<app::MainLoop>(*model, *ui, *host, events, clock);
  }
  ~UiHarness() {
    loop.reset();
    host.reset();
    ui.reset();
  }

  void frame() { loop->render_frame(1.0f / 60.0f); }
  // Opens `route` and renders until the screen has settled (fade finished, layout stable).
  void show(const std::string& route) {
    const app::RouteParse parsed = app::parse_route(route);
    INFO(route << ": " << parsed.message);
    REQUIRE(parsed.error == app::RouteError::None);
    const app::OpenResult opened = model->open(parsed.route);
    INFO(opened.error);
    REQUIRE(opened.ok);
    settle();
  }
  void settle() {
    model->finish_transition();
    for (int i = 0; i < 3; ++i) frame();
  }
};

}  // namespace respite::testing
