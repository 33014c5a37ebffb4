// Test doubles that remember every call made to AudioOut and Haptics, so tests can assert what
// was (or was never) played. `available` is settable to exercise the no-device paths.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/services.h"

namespace respite::null_backend {

class RecordingAudio final : public core::AudioOut {
 public:
  struct Play {
    std::string name;
    float volume = 0.0f;
  };

  explicit RecordingAudio(bool available = true) : available_(available) {}

  bool available() const override { return available_; }
  void play_cue(const std::string& name, float volume) override { plays.push_back({name, volume}); }
  void stop_all() override { ++stop_all_calls; }
  bool load_sound(const std::string& name, const std::string& bytes) override {
    loaded.push_back({name, bytes.size()});
    return available_;
  }

  void set_available(bool available) { available_ = available; }

  std::vector<Play> plays;
  std::vector<std::pair<std::string, std::size_t>> loaded;  // name, bytes
  int stop_all_calls = 0;

 private:
  bool available_;
};

class RecordingHaptics final : public core::Haptics {
 public:
  explicit RecordingHaptics(bool available = true) : available_(available) {}

  bool available() const override { return available_; }
  void play(const std::string& pattern) override { patterns.push_back(pattern); }

  void set_available(bool available) { available_ = available; }

  std::vector<std::string> patterns;

 private:
  bool available_;
};

}  // namespace respite::null_backend
