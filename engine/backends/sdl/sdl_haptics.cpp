#include "backends/sdl/sdl_haptics.h"

#include <SDL.h>

#include <chrono>

namespace respite::sdl {
namespace {
constexpr int kLog = SDL_LOG_CATEGORY_APPLICATION;
}  // namespace

SdlHaptics::SdlHaptics(const core::Clock& clock, OpenWhen when) : clock_(clock) {
  if (when == OpenWhen::Now)
    open();
  else
    status_ = "haptics not looked for yet";
}

void SdlHaptics::open() {
  if (open_attempted_) return;
  open_attempted_ = true;
  if (SDL_InitSubSystem(SDL_INIT_HAPTIC) != 0) {
    status_ = std::string("no haptics: SDL haptic init failed: ") + SDL_GetError();
    SDL_LogDebug(kLog, "respite: %s", status_.c_str());
    return;
  }
  sdl_haptic_initialised_ = true;
  const int count = SDL_NumHaptics();
  for (int index = 0; index < count && haptic_ == nullptr; ++index) {
    SDL_Haptic* haptic = SDL_HapticOpen(index);
    if (haptic == nullptr) continue;
    if (SDL_HapticRumbleSupported(haptic) == SDL_TRUE && SDL_HapticRumbleInit(haptic) == 0) {
      haptic_ = haptic;
      const char* name = SDL_HapticName(index);
      status_ = std::string("haptic device: ") + (name != nullptr ? name : "unnamed");
    } else {
      SDL_HapticClose(haptic);
    }
  }
  // Having no vibration motor is normal on a desktop, so this is not a warning.
  if (haptic_ == nullptr) status_ = "no haptic device with rumble support";
  SDL_LogDebug(kLog, "respite: %s", status_.c_str());
}

SdlHaptics::~SdlHaptics() {
  if (haptic_ != nullptr) {
    SDL_HapticRumbleStop(haptic_);
    SDL_HapticClose(haptic_);
  }
  if (sdl_haptic_initialised_) SDL_QuitSubSystem(SDL_INIT_HAPTIC);
}

void SdlHaptics::play(const std::string& pattern) {
  open();
  if (haptic_ == nullptr) return;
  const core::MonoTime now = clock_.monotonic();
  if (!sequencer_.start(pattern, now)) {
    if (warned_patterns_.insert(pattern).second) {
      SDL_LogWarn(kLog, "respite: unknown haptic pattern '%s'", pattern.c_str());
    }
    return;
  }
  update(now);  // the first pulse starts now, not on the next frame
}

void SdlHaptics::update(core::MonoTime now) {
  if (haptic_ == nullptr || !sequencer_.active()) return;
  for (const core::HapticPulse& pulse : sequencer_.take_due(now)) {
    // Each pulse is one self-ending rumble effect; SDL returns at once.
    SDL_HapticRumblePlay(haptic_, pulse.strength, static_cast<Uint32>(pulse.length.count()));
  }
}

void SdlHaptics::stop() {
  sequencer_.cancel();
  if (haptic_ != nullptr) SDL_HapticRumbleStop(haptic_);
}

}  // namespace respite::sdl
