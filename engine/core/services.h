// Small interfaces for what the core needs from the platform besides the clock. Each has an SDL
// implementation (engine/backends/sdl) and a silent one (engine/backends/null).
#pragma once

#include <string>

namespace respite::core {

// Plays short, pre-loaded cue sounds by name ("inhale", "exhale", "hold", "end", ...).
class AudioOut {
 public:
  virtual ~AudioOut() = default;
  virtual bool available() const = 0;
  // volume 0..1, already combined with the user's master volume.
  virtual void play_cue(const std::string& name, float volume) = 0;
  virtual void stop_all() = 0;
  // Makes a pack's sound (WAV or OGG bytes, already checked by the validator) playable as `name`,
  // replacing a sound of that name. False when it cannot be played (no device, undecodable).
  virtual bool load_sound(const std::string& /*name*/, const std::string& /*bytes*/) { return false; }
};

// Vibration patterns by name ("rise", "fall", "hold", "tap", "end").
class Haptics {
 public:
  virtual ~Haptics() = default;
  virtual bool available() const = 0;
  virtual void play(const std::string& pattern) = 0;
};

}  // namespace respite::core
