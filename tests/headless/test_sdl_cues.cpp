// The SDL cue backends under SDL_AUDIODRIVER=dummy: generated sounds load and play, a missing
// folder or device degrades to "unavailable" without crashing, and with-patients mode keeps the
// real mixer silent end to end.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <SDL_mixer.h>

#include <fstream>
#include <iterator>

#include "backends/null/manual_clock.h"
#include "backends/sdl/sdl_audio.h"
#include "backends/sdl/sdl_haptics.h"
#include "core/cue_dispatcher.h"

using namespace respite;

namespace {
// The tests are about the dummy driver whatever the host has (and CTest's ENVIRONMENT may not
// carry SDL_AUDIODRIVER through catch_discover_tests).
struct DummyAudioDriver {
  DummyAudioDriver() { SDL_setenv("SDL_AUDIODRIVER", "dummy", 1); }
};
const DummyAudioDriver dummy_audio_driver;

core::CueEvent cue(std::string sound, std::string haptic) {
  core::CueEvent event;
  event.phase_index = 0;
  event.sound = std::move(sound);
  event.haptic = std::move(haptic);
  return event;
}
}  // namespace

TEST_CASE("SdlAudio loads the generated cues and plays them on the dummy driver", "[headless][audio]") {
  // The build writes the cues to ${build}/assets/sounds, which is <exe dir>/../assets/sounds here.
  sdl::SdlAudio audio(sdl::SdlAudio::default_sounds_dir());
  INFO(audio.status());
  REQUIRE(audio.available());
  for (const char* name : {"inhale", "exhale", "hold", "end", "tap"}) CHECK(audio.has_cue(name));
  CHECK(audio.buffer_latency_ms() > 0.0);
  CHECK(audio.buffer_latency_ms() <= 25.0);

  audio.play_cue("inhale", 0.5f);
  audio.play_cue("end", 1.0f);
  CHECK(Mix_Playing(-1) == 2);
  audio.play_cue("no-such-cue", 1.0f);  // logged once, ignored
  audio.play_cue("hold", 0.0f);         // inaudible: not started
  CHECK(Mix_Playing(-1) == 2);
  for (int i = 0; i < 20; ++i) audio.play_cue("tap", 0.2f);  // more than the channels: oldest reused
  CHECK(Mix_Playing(-1) == 8);
  audio.stop_all();
  CHECK(Mix_Playing(-1) == 0);
}

TEST_CASE("SdlAudio adds a cue from WAV bytes in memory, as packs supply them", "[headless][audio]") {
  sdl::SdlAudio audio(sdl::SdlAudio::default_sounds_dir());
  REQUIRE(audio.available());
  std::ifstream file(sdl::SdlAudio::default_sounds_dir() + "/hold.wav", std::ios::binary);
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(file)),
                                         std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 44);

  CHECK_FALSE(audio.has_cue("pack-bell"));
  REQUIRE(audio.add_cue("pack-bell", bytes));
  audio.play_cue("pack-bell", 0.7f);
  CHECK(Mix_Playing(-1) == 1);
  REQUIRE(audio.add_cue("pack-bell", bytes));  // replacing a playing cue stops it first
  CHECK(Mix_Playing(-1) == 0);

  CHECK_FALSE(audio.add_cue("junk", std::vector<unsigned char>(100, 0x42)));
  CHECK_FALSE(audio.add_cue("empty", {}));
  CHECK_FALSE(audio.has_cue("junk"));
  audio.stop_all();
}

TEST_CASE("SdlAudio without cue files is unavailable and harmless", "[headless][audio]") {
  sdl::SdlAudio audio("/nonexistent/respite/sounds");
  CHECK_FALSE(audio.available());
  CHECK_THAT(audio.status(), Catch::Contains("/nonexistent/respite/sounds"));
  audio.play_cue("inhale", 1.0f);
  audio.stop_all();
}

TEST_CASE("with-patients mode keeps the real mixer silent", "[headless][audio][dispatcher]") {
  sdl::SdlAudio audio(sdl::SdlAudio::default_sounds_dir());
  REQUIRE(audio.available());
  null_backend::ManualClock clock;
  sdl::SdlHaptics haptics(clock);
  core::SoundSettings settings;
  settings.mode = core::SoundMode::WithPatients;
  settings.master_volume = 1.0f;
  core::CueDispatcher dispatcher(audio, haptics, settings);
  dispatcher.set_log_sink(nullptr);

  dispatcher.dispatch(cue("inhale", "rise"), core::MonoTime(0));
  dispatcher.tap();
  CHECK(Mix_Playing(-1) == 0);

  settings.mode = core::SoundMode::Sound;
  dispatcher.set_settings(settings);
  dispatcher.dispatch(cue("exhale", "fall"), core::MonoTime(0));
  CHECK(Mix_Playing(-1) == 1);
  settings.mode = core::SoundMode::WithPatients;
  dispatcher.set_settings(settings);  // switching on quiet mode silences what is playing
  CHECK(Mix_Playing(-1) == 0);
}

TEST_CASE("SdlHaptics never blocks and is safe without a device", "[headless][haptics]") {
  null_backend::ManualClock clock;
  sdl::SdlHaptics haptics(clock);
  CHECK_FALSE(haptics.status().empty());
  // Headless machines have no vibration motor; where one exists this still must not block.
  for (const char* pattern : {"rise", "fall", "hold", "end", "tap", "unknown"}) {
    haptics.play(pattern);
    for (int frame = 0; frame < 60; ++frame) {
      clock.advance(std::chrono::milliseconds(16));
      haptics.update(clock.monotonic());
    }
  }
  haptics.stop();
}
