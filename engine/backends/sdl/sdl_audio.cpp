#include "backends/sdl/sdl_audio.h"

#include <SDL.h>
#include <SDL_mixer.h>

// Desktop Linux loads SDL_mixer when audio opens (see the header); elsewhere it is linked.
#if defined(__linux__) && !defined(__ANDROID__) && !defined(__EMSCRIPTEN__)
#define RESPITE_DLOPEN_MIXER 1
#include <dlfcn.h>
#else
#define RESPITE_DLOPEN_MIXER 0
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

// The SDL_mixer functions the cues use, called through this table so that on desktop Linux the
// library (and everything it links) is loaded only when audio opens.
struct Mixer {
  int(SDLCALL* open_audio_device)(int, Uint16, int, int, const char*, int) = nullptr;
  int(SDLCALL* query_spec)(int*, Uint16*, int*) = nullptr;
  int(SDLCALL* allocate_channels)(int) = nullptr;
  int(SDLCALL* halt_channel)(int) = nullptr;
  void(SDLCALL* free_chunk)(Mix_Chunk*) = nullptr;
  void(SDLCALL* close_audio)() = nullptr;
  Mix_Chunk*(SDLCALL* load_wav_rw)(SDL_RWops*, int) = nullptr;
  int(SDLCALL* group_available)(int) = nullptr;
  int(SDLCALL* group_oldest)(int) = nullptr;
  int(SDLCALL* volume)(int, int) = nullptr;
  int(SDLCALL* play_channel_timed)(int, Mix_Chunk*, int, int) = nullptr;
};

#if RESPITE_DLOPEN_MIXER
constexpr const char* kMixerLibrary = "libSDL2_mixer-2.0.so.0";

template <typename F>
bool resolve(void* library, const char* name, F& out) {
  out = reinterpret_cast<F>(dlsym(library, name));
  return out != nullptr;
}
#endif

// The table, filled once per process; null with `error` set when SDL_mixer cannot be loaded. The
// library stays loaded for the life of the process (its threads and SDL's may still reference it).
const Mixer* mixer(std::string& error) {
  static std::string load_error;
  static const Mixer* const table = []() -> const Mixer* {
    static Mixer m;
#if RESPITE_DLOPEN_MIXER
    void* library = dlopen(kMixerLibrary, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      load_error = std::string("SDL_mixer could not be loaded (") + (why != nullptr ? why : kMixerLibrary) +
                   "; apt-get install libsdl2-mixer-2.0-0)";
      return nullptr;
    }
    const bool ok = resolve(library, "Mix_OpenAudioDevice", m.open_audio_device) &&
                    resolve(library, "Mix_QuerySpec", m.query_spec) &&
                    resolve(library, "Mix_AllocateChannels", m.allocate_channels) &&
                    resolve(library, "Mix_HaltChannel", m.halt_channel) &&
                    resolve(library, "Mix_FreeChunk", m.free_chunk) &&
                    resolve(library, "Mix_CloseAudio", m.close_audio) &&
                    resolve(library, "Mix_LoadWAV_RW", m.load_wav_rw) &&
                    resolve(library, "Mix_GroupAvailable", m.group_available) &&
                    resolve(library, "Mix_GroupOldest", m.group_oldest) &&
                    resolve(library, "Mix_Volume", m.volume) &&
                    resolve(library, "Mix_PlayChannelTimed", m.play_channel_timed);
    if (!ok) {
      load_error = std::string(kMixerLibrary) + " lacks a function Respite needs (SDL_mixer 2.0.2 or later)";
      return nullptr;
    }
#else
    m.open_audio_device = &Mix_OpenAudioDevice;
    m.query_spec = &Mix_QuerySpec;
    m.allocate_channels = &Mix_AllocateChannels;
    m.halt_channel = &Mix_HaltChannel;
    m.free_chunk = &Mix_FreeChunk;
    m.close_audio = &Mix_CloseAudio;
    m.load_wav_rw = &Mix_LoadWAV_RW;
    m.group_available = &Mix_GroupAvailable;
    m.group_oldest = &Mix_GroupOldest;
    m.volume = &Mix_Volume;
    m.play_channel_timed = &Mix_PlayChannelTimed;
#endif
    return &m;
  }();
  error = load_error;
  return table;
}

// Only called once open() found the table.
const Mixer& mix() {
  std::string ignored;
  return *mixer(ignored);
}

}  // namespace

SdlAudio::SdlAudio(std::string sounds_dir, SdlAudioOptions options)
    : sounds_dir_(std::move(sounds_dir)), options_(options) {
  if (!options_.open_on_demand) open();
}

void SdlAudio::open() {
  if (open_attempted_) return;
  open_attempted_ = true;
  std::string load_error;
  if (mixer(load_error) == nullptr) {
    status_ = "no audio: " + load_error;
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    status_ = std::string("no audio: SDL audio init failed: ") + SDL_GetError();
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  sdl_audio_initialised_ = true;

  // Mono cues, but stereo output is what nearly every device wants; let it pick its own rate and
  // channel count so SDL does not resample on every callback (chunks are converted once at load).
  if (mix().open_audio_device(options_.frequency, AUDIO_S16SYS, 2, options_.chunk_frames, nullptr,
                              SDL_AUDIO_ALLOW_FREQUENCY_CHANGE | SDL_AUDIO_ALLOW_CHANNELS_CHANGE) != 0) {
    status_ = std::string("no audio device: ") + Mix_GetError();
    SDL_LogWarn(kLog, "respite: %s; cues will be visual only", status_.c_str());
    return;
  }
  device_open_ = true;
  Uint16 format = 0;
  int channels = 0;
  mix().query_spec(&device_frequency_, &format, &channels);
  mix().allocate_channels(std::max(1, options_.mixer_channels));

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
    mix().halt_channel(-1);
    for (auto& entry : chunks_) mix().free_chunk(entry.second);
    mix().close_audio();
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
    SDL_RWops* file = SDL_RWFromFile(path.string().c_str(), "rb");
    Mix_Chunk* chunk = file != nullptr ? mix().load_wav_rw(file, 1) : nullptr;
    if (chunk == nullptr) {
      SDL_LogWarn(kLog, "respite: cannot load cue sound '%s': %s", path.string().c_str(), Mix_GetError());
      continue;
    }
    chunks_[path.stem().string()] = chunk;
  }
}

bool SdlAudio::add_cue(const std::string& name, const std::vector<unsigned char>& wav_bytes) {
  open();
  if (!device_open_) return false;
  if (wav_bytes.empty() || wav_bytes.size() > kMaxCueFileBytes) {
    SDL_LogWarn(kLog, "respite: cue sound '%s' is empty or over 4 MB", name.c_str());
    return false;
  }
  SDL_RWops* stream = SDL_RWFromConstMem(wav_bytes.data(), static_cast<int>(wav_bytes.size()));
  Mix_Chunk* chunk = stream != nullptr ? mix().load_wav_rw(stream, 1) : nullptr;
  if (chunk == nullptr) {
    SDL_LogWarn(kLog, "respite: cannot load cue sound '%s': %s", name.c_str(), Mix_GetError());
    return false;
  }
  const auto found = chunks_.find(name);
  if (found != chunks_.end()) {
    mix().free_chunk(found->second);  // also halts any channel still playing it
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
  open();
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
  int channel = mix().group_available(-1);
  if (channel < 0) channel = mix().group_oldest(-1);
  if (channel < 0) return;
  const long level = std::lround(std::min(volume, 1.0f) * MIX_MAX_VOLUME);
  mix().volume(channel, static_cast<int>(std::clamp(level, 1L, static_cast<long>(MIX_MAX_VOLUME))));
  if (mix().play_channel_timed(channel, found->second, 0, -1) < 0 && warned_names_.insert("#play").second) {
    SDL_LogWarn(kLog, "respite: cannot play cue '%s': %s", name.c_str(), Mix_GetError());
  }
}

void SdlAudio::stop_all() {
  if (device_open_) mix().halt_channel(-1);
}

std::string SdlAudio::default_sounds_dir() {
  // Installed copies and app bundles point RESPITE_ASSETS_DIR at their assets (as fonts and words).
  if (const char* assets = std::getenv("RESPITE_ASSETS_DIR"); assets != nullptr && *assets != '\0')
    return (fs::path(assets) / "sounds").lexically_normal().string();
  char* base = SDL_GetBasePath();
  if (base == nullptr) return "assets/sounds";
  std::string dir = (fs::path(base) / ".." / "assets" / "sounds").lexically_normal().string();
  SDL_free(base);
  return dir;
}

}  // namespace respite::sdl
