// How Respite may sound: the user's sound mode, master volume and mute. The CueDispatcher applies
// them to every cue; "with patients" mode guarantees silence whatever the other values are.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace respite::core {

enum class SoundMode {
  Sound,         // audio + haptics + visual cues
  Silent,        // haptics + visual cues; no audio
  WithPatients,  // "quiet mode" for clinical areas: never a sound, whatever else is set
};

inline const char* to_string(SoundMode mode) {
  switch (mode) {
    case SoundMode::Sound:
      return "sound";
    case SoundMode::Silent:
      return "silent";
    case SoundMode::WithPatients:
      return "with_patients";
  }
  return "sound";
}

inline std::optional<SoundMode> sound_mode_from_string(std::string_view name) {
  if (name == "sound") return SoundMode::Sound;
  if (name == "silent") return SoundMode::Silent;
  if (name == "with_patients") return SoundMode::WithPatients;
  return std::nullopt;
}

struct SoundSettings {
  SoundMode mode = SoundMode::Sound;
  float master_volume = 0.8f;  // 0..1; values outside are clamped, NaN counts as 0
  bool muted = false;          // a quick toggle that keeps the volume for later
  bool vibration = true;       // haptic cues, where the device has a vibration motor

  // The master volume made safe to use: clamped to 0..1, NaN and infinities handled.
  float volume() const {
    if (std::isnan(master_volume)) return 0.0f;
    return std::clamp(master_volume, 0.0f, 1.0f);
  }
  // Whether any audio may play under these settings.
  bool plays_sound() const { return mode == SoundMode::Sound && !muted && volume() > 0.0f; }
};

}  // namespace respite::core
