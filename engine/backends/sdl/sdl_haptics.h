// Haptic cues through SDL's haptic (rumble) API.
//
// Implements: core::Haptics. Opens the first haptic device that supports simple rumble (on Android
// SDL exposes the phone's vibrator this way; on Linux, force-feedback devices such as gamepads) and
// plays the patterns of core::haptic_pattern as timed pulses. Nothing blocks: play() schedules the
// pulses on the clock and update(now), called once a frame, starts each pulse when its time comes.
// Lacks: iOS (SDL2 has no iPhone vibration), amplitude envelopes within a pulse, multiple devices.
//
// With no haptic device, the usual case on a desktop, available() is false and play() does nothing;
// the UI relies on visual (and audio) cues.
//
// Start-up: looking for a device scans the system's input devices (udev on Linux), so the app
// builds this with `OpenWhen::OnDemand` and calls open() after its first frame is on screen, as it
// does for audio; play() opens it too if that has not happened yet.
#pragma once

#include <set>
#include <string>

#include "core/clock.h"
#include "core/cue_dispatcher.h"
#include "core/services.h"

struct _SDL_Haptic;

namespace respite::sdl {

class SdlHaptics final : public core::Haptics {
 public:
  enum class OpenWhen { Now, OnDemand };

  // `clock` (which must outlive this object) times the pulses: pass the clock the session runs on.
  // Initialises SDL's haptic subsystem itself (reference-counted by SDL), at once or in open().
  explicit SdlHaptics(const core::Clock& clock, OpenWhen when = OpenWhen::Now);
  ~SdlHaptics() override;
  SdlHaptics(const SdlHaptics&) = delete;
  SdlHaptics& operator=(const SdlHaptics&) = delete;

  // Looks for a rumble device, once (later calls do nothing).
  void open();
  bool open_attempted() const { return open_attempted_; }

  bool available() const override { return haptic_ != nullptr; }
  // Starts `pattern` ("rise", "fall", "hold", "end", "tap") now, replacing one in progress.
  void play(const std::string& pattern) override;
  // Starts the pulses that are due; call every frame with clock.monotonic().
  void update(core::MonoTime now);
  // True while a pattern still has pulses to start: keep calling update() (even if the loop
  // would otherwise sleep) until this turns false.
  bool active() const { return haptic_ != nullptr && sequencer_.active(); }
  void stop();

  // The device's name, or why there is none.
  const std::string& status() const { return status_; }

 private:
  const core::Clock& clock_;
  _SDL_Haptic* haptic_ = nullptr;
  bool sdl_haptic_initialised_ = false;
  bool open_attempted_ = false;
  core::HapticSequencer sequencer_;
  std::set<std::string> warned_patterns_;
  std::string status_;
};

}  // namespace respite::sdl
