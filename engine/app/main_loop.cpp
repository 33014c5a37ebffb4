#include "app/main_loop.h"

#include <algorithm>
#include <cstdio>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace respite::app {
namespace {

int ceil_ms(core::MonoTime t) {
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(std::max(core::MonoTime(0), t)).count();
  return static_cast<int>(std::min<long long>(ms, 24LL * 3600 * 1000));
}

}  // namespace

int FramePolicy::wait_timeout_ms(bool animating, bool host_paces, core::MonoTime since_last_frame,
                                 std::optional<core::MonoTime> deadline) const {
  if (settle_ > 0) return 0;
  if (animating) return host_paces ? 0 : ceil_ms(kFramePeriod - since_last_frame);
  if (deadline) return ceil_ms(*deadline);
  return -1;
}

MainLoop::MainLoop(AppModel& model, UiRuntime& ui, FrameHost& host, sdl::EventSource& events,
                   const core::Clock& clock)
    : model_(model), ui_(ui), host_(host), events_(events), clock_(clock), seen_revision_(model.revision()) {
  ui_.set_image_source(host_.images());
}

void MainLoop::run(std::optional<std::uint64_t> max_frames) {
#ifdef __EMSCRIPTEN__
  // In a browser the page owns the loop: step() runs once per animation frame. This call does not
  // return: emscripten unwinds the callers without destroying their objects, so everything the
  // composition root built on its stack lives as long as the page.
  max_frames_ = max_frames;
  emscripten_set_main_loop_arg(
      [](void* self) {
        auto& loop = *static_cast<MainLoop*>(self);
        if ((loop.max_frames_ && loop.frames_ >= *loop.max_frames_) || !loop.step())
          emscripten_cancel_main_loop();
      },
      this, 0, 1);
#endif
  while (!quit_) {
    if (max_frames) {
      if (frames_ >= *max_frames) return;
      // A frame budget (benchmarks) renders frame after frame instead of idling, or a budget
      // larger than the start-up frames would wait for input for ever.
      policy_.note_activity();
    }
    if (!step()) return;
  }
}

void MainLoop::handle(const SDL_Event& event) {
  ImGui::SetCurrentContext(ui_.context());
  host_.process_event(event);
  pointer_.handle(event);
  // Any event may change what is shown (a hover, a resize, an expose); a few frames settle it.
  policy_.note_activity();
  // Keys, text, mouse and touch are a person at the screen (a shared tablet's idle time restarts).
  if ((event.type >= SDL_KEYDOWN && event.type < SDL_JOYAXISMOTION) ||
      (event.type >= SDL_FINGERDOWN && event.type <= SDL_FINGERMOTION))
    model_.note_input();
  switch (sdl::classify_lifecycle(event)) {
    case sdl::Lifecycle::Background:
      model_.on_background();
      break;
    case sdl::Lifecycle::Foreground:
      model_.on_foreground();
      break;
    case sdl::Lifecycle::Quit:
      model_.on_quit();
      quit_ = true;
      break;
    case sdl::Lifecycle::None:
      break;
  }
  if (sdl::is_back_key(event)) model_.back();
  // A .respack dropped on the window is offered on the Packs screen (desktop).
  if (const std::optional<std::string> path = sdl::take_dropped_file(event)) model_.file_dropped(*path);
}

bool MainLoop::step() {
  // A change made outside the loop (a test, a platform callback) must be shown before sleeping.
  if (model_.revision() != seen_revision_) {
    seen_revision_ = model_.revision();
    policy_.note_activity();
  }
  const core::MonoTime now = clock_.monotonic();
  const core::MonoTime since_frame = last_frame_ ? now - *last_frame_ : FramePolicy::kFramePeriod;
  std::optional<core::MonoTime> deadline = model_.time_until_deadline();
  if (service_delay_ && (!deadline || *service_delay_ < *deadline)) deadline = service_delay_;
  const int timeout =
      policy_.wait_timeout_ms(model_.animating(), host_.paces_frames(), since_frame, deadline);
  SDL_Event event;
  if (timeout != 0) {
    if (timeout < 0) ++idle_waits_;
    if (events_.wait(event, timeout)) handle(event);
  }
  while (!quit_ && events_.poll(event)) handle(event);
  if (quit_) return false;

  model_.update();
  service_delay_ = service_tick_ ? service_tick_() : std::nullopt;
  if (model_.revision() != seen_revision_) {
    seen_revision_ = model_.revision();
    policy_.note_activity();
  }
  if (!policy_.wants_frame(model_.animating())) return true;
  render_frame();
  return !quit_;
}

void MainLoop::render_frame(std::optional<float> delta_seconds) {
  ImGui::SetCurrentContext(ui_.context());
  const float scale = host_.ui_scale();
  if (scale != ui_.scale()) {
    std::string error;
    if (!ui_.set_scale(scale, error)) std::fprintf(stderr, "respite: %s\n", error.c_str());
  }
  if (std::string error; !ui_.apply_settings(model_.settings(), error)) {
    std::fprintf(stderr, "respite: %s\n", error.c_str());
  }
  host_.new_frame(pointer_.take_frame());
  const core::MonoTime now = clock_.monotonic();
  float delta = 1.0f / 60.0f;
  if (delta_seconds) {
    delta = *delta_seconds;
  } else if (last_frame_) {
    delta = std::chrono::duration<float>(now - *last_frame_).count();
  }
  // ImGui asserts on a zero step (two frames within one clock tick, or a manual clock at rest).
  ImGui::GetIO().DeltaTime = std::clamp(delta, 1e-4f, 0.25f);
  ImGui::NewFrame();
  const ui::UiActions actions = ui_.draw(model_);
  ImGui::Render();
  host_.present(ImGui::GetDrawData(), ui_.theme().palette.background);
  ++frames_;
  if (frame_observer_) frame_observer_(frames_);
  last_frame_ = now;
  policy_.frame_rendered();
  for (const ui::UiAction& action : actions) model_.apply(action);
  if (model_.revision() != seen_revision_) {
    seen_revision_ = model_.revision();
    policy_.note_activity();
  }
}

}  // namespace respite::app
