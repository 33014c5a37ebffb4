// Haptic patterns are several pulses over about half a second, started by SdlHaptics::update()
// as their times come. The main loop sleeps while nothing animates, so after the last cue of a
// session (the "end" pattern) nothing would call update(). This wrapper remembers when a pattern
// last started so the loop keeps ticking, without rendering, until the pattern is over.
#pragma once

#include <optional>

#include "backends/sdl/sdl_haptics.h"
#include "core/clock.h"
#include "core/services.h"

namespace respite::app {

class TimedHaptics final : public core::Haptics {
 public:
  // Longer than the longest pattern in core::haptic_pattern (the "end" taps, 580 ms).
  static constexpr core::MonoTime kPatternWindow = std::chrono::milliseconds(800);
  static constexpr core::MonoTime kTickPeriod = std::chrono::milliseconds(10);

  TimedHaptics(sdl::SdlHaptics& device, const core::Clock& clock) : device_(device), clock_(clock) {}

  bool available() const override { return device_.available(); }
  void play(const std::string& pattern) override {
    device_.play(pattern);
    last_play_ = clock_.monotonic();
  }

  // Starts due pulses; returns how soon it wants to be called again (nullopt: not until the next
  // play()).
  std::optional<core::MonoTime> tick() {
    if (!last_play_) return std::nullopt;
    const core::MonoTime now = clock_.monotonic();
    device_.update(now);
    if (now - *last_play_ > kPatternWindow) {
      last_play_.reset();
      return std::nullopt;
    }
    return kTickPeriod;
  }

 private:
  sdl::SdlHaptics& device_;
  const core::Clock& clock_;
  std::optional<core::MonoTime> last_play_;
};

}  // namespace respite::app
