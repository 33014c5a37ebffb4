#include "backends/sdl/sdl_audio.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace respite::sdl {
namespace {

namespace fs = std::filesystem;

// The cues the app's sessions ask for; a missing one is worth a warning even if others loaded.
constexpr const char* kStandardCues[] = {"inhale", "exhale", "hold", "end", "tap"};
// Cue files are short; anything bigger is not one of ours and would stall loading.
constexpr std::uintmax_t kMaxCueFileBytes = 4u * 1024u * 1024u;

// SDL's default log priority hides every category but APPLICATION below "critical", so warnings
// go there to be seen.
constexpr int kLog = SDL_LOG_CATEGORY_APPLICATION;

}  // namespace

SdlAudio::SdlAudio(std::string sounds_dir, SdlAudioOptions options)
    : sounds_dir_(std::move(sounds_dir)), options_(options) {
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    status_ = std::string("no audio: SDL audio init failed: ") + SDL_GetError();
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  sdl_audio_initialised_ = true;

  // Mono cues, but stereo output is what nearly every device wants; let it pick its own rate and
  // channel count so SDL does not resample on every callback (chunks are converted once at load).
  if (Mix_OpenAudioDevice(options_.frequency, AUDIO_S16SYS, 2, options_.chunk_frames, nullptr,
                          SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE) != 0) {
    status_ = std::string("no audio device: ") + Mix_GetError();
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  device_open_ = true;
  Uint16 format = 0;
  int channels = 0;
  Mix_QuerySpec(&device_frequency_, &format, &channels);
  Mix_AllocateChannels(std::max(1, options_.mixer_channels));

  load_directory();
  if (chunks_.empty()) {
    status_ = "no cue sounds in '" + sounds_dir_ + "' (the build generates them: see docs/audio.md)";
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  for (const char* name : kStandardCues) {
    if (chunks_.count(name) == 0)
      SDL_LogWarn(kLog, "respite: cue sound '%s.wav' missing in '%s'", name, sounds_dir_.c_str());
  }
  char line[160];
  std::snprintf(line, sizeof line, "%zu cue sounds, %d Hz, %d channel(s), %d-frame buffer (%.1f ms)",
                chunks_.size(), device_frequency_, channels, options_.chunk_frames, buffer_latency_ms());
  status_ = line;
}

SdlAudio::~SdlAudio() {
  if (device_open_) {
    Mix_HaltChannel(-1);
    for (auto& entry : chunks_) Mix_FreeChunk(entry.second);
    Mix_CloseAudio();
  }
  if (sdl_audio_initialised_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudio::load_directory() {
  std::error_code ec;
  fs::directory_iterator it(sounds_dir_, ec);
  if (ec) {
    SDL_LogWarn(kLog, "respite: cannot read cue sounds directory '%s': %s", sounds_dir_.c_str(),
                ec.message().c_str());
    return;
  }
  for (const fs::directory_entry& entry : it) {
    const fs::path& path = entry.path();
    if (path.extension() != ".wav" || !entry.is_regular_file(ec)) continue;
    const std::uintmax_t size = entry.file_size(ec);
    if (ec || size > kMaxCueFileBytes) {
      SDL_LogWarn(kLog, "respite: skipping '%s': not a readable cue file under 4 MB", path.string().c_str());
      continue;
    }
    Mix_Chunk* chunk = Mix_LoadWAV(path.string().c_str());
    if (chunk == nullptr) {
      SDL_LogWarn(kLog, "respite: cannot load cue sound '%s': %s", path.string().c_str(), Mix_GetError());
      continue;
    }
    chunks_[path.stem().string()] = chunk;
  }
}

bool SdlAudio::add_cue(const std::string& name, const std::vector<unsigned char>& wav_bytes) {
  if (!device_open_) return false;
  if (wav_bytes.empty() || wav_bytes.size() > kMaxCueFileBytes) {
    SDL_LogWarn(kLog, "respite: cue sound '%s' is empty or over 4 MB", name.c_str());
    return false;
  }
  SDL_RWops* stream = SDL_RWFromConstMem(wav_bytes.data(), static_cast<int>(wav_bytes.size()));
  Mix_Chunk* chunk = stream != nullptr ? Mix_LoadWAV_RW(stream, 1) : nullptr;
  if (chunk == nullptr) {
    SDL_LogWarn(kLog, "respite: cannot load cue sound '%s': %s", name.c_str(), Mix_GetError());
    return false;
  }
  const auto found = chunks_.find(name);
  if (found != chunks_.end()) {
    Mix_FreeChunk(found->second);  // also halts any channel still playing it
    found->second = chunk;
  } else {
    chunks_[name] = chunk;
  }
  warned_names_.erase(name);
  return true;
}

bool SdlAudio::available() const {
  return device_open_ && !chunks_.empty();
}

double SdlAudio::buffer_latency_ms() const {
  if (!device_open_ || device_frequency_ <= 0) return 0.0;
  return 1000.0 * options_.chunk_frames / device_frequency_;
}

void SdlAudio::play_cue(const std::string& name, float volume) {
  if (!available()) return;
  const auto found = chunks_.find(name);
  if (found == chunks_.end()) {
    if (warned_names_.insert(name).second) {
      SDL_LogWarn(kLog, "respite: no cue sound named '%s' in '%s'", name.c_str(), sounds_dir_.c_str());
    }
    return;
  }
  if (std::isnan(volume) || volume <= 0.0f) return;
  // Choose the channel first so its volume is set before the first sample is mixed; only this
  // thread starts sounds, so a free channel stays free until we use it.
  int channel = Mix_GroupAvailable(-1);
  if (channel < 0) channel = Mix_GroupOldest(-1);
  if (channel < 0) return;
  const long level = std::lround(std::min(volume, 1.0f) * MIX_MAX_VOLUME);
  Mix_Volume(channel, static_cast<int>(std::clamp(level, 1L, static_cast<long>(MIX_MAX_VOLUME))));
  if (Mix_PlayChannel(channel, found->second, 0) < 0 && warned_names_.insert("#play").second) {
    SDL_LogWarn(kLog, "respite: cannot play cue '%s': %s", name.c_str(), Mix_GetError());
  }
}

void SdlAudio::stop_all() {
  if (device_open_) Mix_HaltChannel(-1);
}

std::string SdlAudio::default_sounds_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return "assets/sounds";
  std::string dir = (fs::path(base) / ".." / "assets" / "sounds").lexically_normal().string();
  SDL_free(base);
  return dir;
}

}  // namespace respite::sdl
