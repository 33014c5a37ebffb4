// The app's main loop and its frame policy. Frames cost battery, so the loop renders only when
// something changes on screen:
//  - while something animates (a running session, a screen transition) it renders every frame,
//    paced by vsync, or by itself at 60 Hz when present() does not wait;
//  - otherwise it blocks in EventSource::wait (SDL_WaitEventTimeout) until input arrives or the
//    model has a deadline (an interruption's grace period running out), then renders a few frames
//    so ImGui's hover and press states settle.
// Every rendered frame is counted; benchmarks and tests read the counter.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "app/app_model.h"
#include "app/frame_host.h"
#include "app/ui_runtime.h"
#include "backends/sdl/sdl_input.h"
#include "core/clock.h"

namespace respite::app {

class FramePolicy {
 public:
  // Frames rendered after any input or change: ImGui needs one frame to see a press, one to see
  // the release, and one more to show the result.
  static constexpr int kSettleFrames = 3;
  // The frame period when the host does not pace frames itself (software renderer, no vsync).
  static constexpr core::MonoTime kFramePeriod = std::chrono::microseconds(16'667);

  void note_activity() { settle_ = kSettleFrames; }
  bool wants_frame(bool animating) const { return animating || settle_ > 0; }
  void frame_rendered() {
    if (settle_ > 0) --settle_;
  }
  // How long the loop may wait for events before its next iteration, in milliseconds: 0 when a
  // frame is due now, the rest of the frame period while animating unpaced, the time to the
  // model's deadline, or -1 to block until an event arrives.
  int wait_timeout_ms(bool animating, bool host_paces, core::MonoTime since_last_frame,
                      std::optional<core::MonoTime> deadline) const;

 private:
  int settle_ = kSettleFrames;  // the first frames after start
};

class MainLoop {
 public:
  // Everything must outlive the loop; the runtime's ImGui context is made current for each frame.
  MainLoop(AppModel& model, UiRuntime& ui, FrameHost& host, sdl::EventSource& events,
           const core::Clock& clock);

  // Runs until the app is asked to quit, or until `max_frames` frames have been rendered; with a
  // frame budget it renders continuously (benchmarks) rather than idling.
  void run(std::optional<std::uint64_t> max_frames = std::nullopt);
  // One iteration: wait for or drain events, update the model, render if a frame is wanted.
  // Returns false once the app should quit.
  bool step();
  // Renders one frame now. `delta_seconds` overrides the clock's frame time (fixed steps for
  // screenshots); applies the frame's UI actions to the model.
  void render_frame(std::optional<float> delta_seconds = std::nullopt);
  // Feeds one event as if it came from the event source.
  void handle(const SDL_Event& event);
  // Work that must run on time without rendering (haptic pulses): called every iteration, returns
  // how soon it needs the next one (nullopt: no need).
  using ServiceTick = std::function<std::optional<core::MonoTime>()>;
  void set_service_tick(ServiceTick tick) { service_tick_ = std::move(tick); }

  // Called after every rendered frame with the number rendered so far (the web page hides its
  // loader at the first).
  using FrameObserver = std::function<void(std::uint64_t frames)>;
  void set_frame_observer(FrameObserver observer) { frame_observer_ = std::move(observer); }

  std::uint64_t frames_rendered() const { return frames_; }
  // How many times the loop blocked without a limit (idle) or with one (pacing, deadlines).
  std::uint64_t idle_waits() const { return idle_waits_; }
  bool quit_requested() const { return quit_; }
  const FramePolicy& policy() const { return policy_; }

 private:
  AppModel& model_;
  UiRuntime& ui_;
  FrameHost& host_;
  sdl::EventSource& events_;
  const core::Clock& clock_;
  sdl::PointerTracker pointer_;
  FramePolicy policy_;
  ServiceTick service_tick_;
  FrameObserver frame_observer_;
  std::optional<core::MonoTime> service_delay_;
  std::optional<core::MonoTime> last_frame_;
  std::uint64_t seen_revision_ = 0;
  std::uint64_t frames_ = 0;
  std::uint64_t idle_waits_ = 0;
  std::optional<std::uint64_t> max_frames_;  // run()'s limit, kept for the browser's loop
  bool quit_ = false;
};

}  // namespace respite::app
