// Audio and haptics for headless runs (tests, `respite shot`, benchmarks) and for a device that
// has neither: both report unavailable and do nothing, so the UI falls back to visual cues.
#pragma once

#include <string>

#include "core/services.h"

namespace respite::null_backend {

class SilentAudio final : public core::AudioOut {
 public:
  bool available() const override { return false; }
  void play_cue(const std::string&, float) override {}
  void stop_all() override {}
};

class NoHaptics final : public core::Haptics {
 public:
  bool available() const override { return false; }
  void play(const std::string&) override {}
};

}  // namespace respite::null_backend
