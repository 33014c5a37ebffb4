// Cue sounds through SDL_mixer.
//
// Implements: core::AudioOut. Opens the default output device with a small buffer (512 frames at
// 44.1 kHz by default, about 11.6 ms) so a cue starts within one buffer of play_cue(); pre-loads
// every *.wav in the sounds directory at construction (converted once to the device format, so
// nothing is decoded or read from disk while a session runs); plays each cue on a free mixer
// channel at its own volume, taking over the oldest channel when all eight are busy.
// Lacks: streaming music, per-cue panning, compensation for the device's own output latency.
//
// With no audio device (or SDL_AUDIODRIVER=dummy on a headless box, which works) or no cue files,
// it logs one warning, reports available() == false and every call is a no-op: never a crash.
//
// Start-up: the app builds it with `open_on_demand` and calls open() after its first frame is on
// screen (or the first cue opens it), so neither the audio device nor SDL_mixer sits between launch
// and the first frame. On desktop Linux SDL_mixer is loaded with dlopen at that moment: it pulls in
// some forty codec and sound-server libraries (fluidsynth, glib, jack, pulse, ...) whose loading and
// relocation would otherwise be paid by every launch before main() runs.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/services.h"

struct Mix_Chunk;

namespace respite::sdl {

struct SdlAudioOptions {
  int frequency = 44100;        // the cue files' rate; the device may choose another (SDL converts at load)
  int chunk_frames = 512;       // mixer buffer: latency ~= chunk_frames / frequency; 1024 if it crackles
  int mixer_channels = 8;       // cues that can overlap
  bool open_on_demand = false;  // true: the constructor only records; open() (or the first cue) opens
};

class SdlAudio final : public core::AudioOut {
 public:
  // `sounds_dir` holds NAME.wav files (the build writes them to ${build}/assets/sounds; see
  // default_sounds_dir()). Initialises SDL's audio subsystem itself (reference-counted by SDL).
  explicit SdlAudio(std::string sounds_dir, SdlAudioOptions options = {});
  ~SdlAudio() override;

  // Opens the device and loads the cues, once; later calls do nothing. The constructor calls it
  // unless `open_on_demand`; play_cue() and add_cue() call it when it has not run yet.
  void open();
  bool open_attempted() const { return open_attempted_; }
  SdlAudio(const SdlAudio&) = delete;
  SdlAudio& operator=(const SdlAudio&) = delete;

  bool available() const override;
  // Plays cue `name` (a file stem such as "inhale") at `volume` 0..1. An unknown name is logged
  // once and ignored.
  void play_cue(const std::string& name, float volume) override;
  void stop_all() override;

  // Adds (or replaces) cue `name` from WAV bytes in memory, e.g. a sound inside a content pack,
  // which is read from the archive and never extracted to disk. False (and a logged warning) when
  // there is no device or the bytes are not a WAV of at most 4 MB.
  bool add_cue(const std::string& name, const std::vector<unsigned char>& wav_bytes);
  bool load_sound(const std::string& name, const std::string& bytes) override {
    return add_cue(name, std::vector<unsigned char>(bytes.begin(), bytes.end()));
  }

  // One line for a settings or diagnostics screen: what is open, or why there is no sound (empty
  // before open()).
  const std::string& status() const { return status_; }
  // The nominal output buffer latency in milliseconds (0 when closed).
  double buffer_latency_ms() const;
  bool has_cue(const std::string& name) const { return chunks_.count(name) != 0; }

  // $RESPITE_ASSETS_DIR/sounds when set, else <directory of the executable>/../assets/sounds, where
  // the build puts the generated cues.
  static std::string default_sounds_dir();

 private:
  void load_directory();

  std::string sounds_dir_;
  SdlAudioOptions options_;
  bool open_attempted_ = false;
  bool sdl_audio_initialised_ = false;
  bool device_open_ = false;
  int device_frequency_ = 0;
  std::map<std::string, Mix_Chunk*> chunks_;
  std::set<std::string> warned_names_;
  std::string status_;
};

}  // namespace respite::sdl
