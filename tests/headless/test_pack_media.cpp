// A pack's own pictures and sounds in the player: a micro-break step's image is drawn (through the
// frame host's texture cache), and a session hands the pack's sounds to the audio device under the
// names its cues carry - only when sound can be heard.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/app_model.h"
#include "app_test_support.h"
#include "backends/null/recording_audio.h"
#include "core/cue_dispatcher.h"

using namespace respite;

namespace {

const std::string kTemplatePack = std::string(RESPITE_SOURCE_DIR) + "/tests/content/valid/template-pack";

core::Catalog template_catalog() {
  core::CatalogLoadResult loaded = core::load_catalog({kTemplatePack});
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  return loaded.catalog;
}

// How many pixels of the image are close to `rgb` (the picture's green is nowhere in the theme).
std::size_t count_near(const app::RgbaImage& image, int r, int g, int b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 3 < image.pixels.size(); i += 4) {
    if (std::abs(image.pixels[i] - r) + std::abs(image.pixels[i + 1] - g) +
            std::abs(image.pixels[i + 2] - b) <
        24)
      ++n;
  }
  return n;
}

app::ShotResult shot_at(const core::Catalog& catalog, double at, bool reduced_motion = false) {
  app::ShotRequest request;
  request.route = "play/template-pack/desk-stretch";
  request.at = at;
  request.reduced_motion = reduced_motion;
  request.font_dir = testing::font_dir();
  app::ShotResult result = app::render_shot(request, catalog);
  REQUIRE(result.exit_code == 0);
  return result;
}

}  // namespace

TEST_CASE("a micro-break step's picture is drawn while that step runs", "[headless][player][media]") {
  const core::Catalog catalog = template_catalog();
  // images/stretch.png is a green disc (#5C9E84) on a pale square.
  const app::ShotResult without = shot_at(catalog, 5.0);  // step 1: no picture
  const app::ShotResult with = shot_at(catalog, 25.0);    // step 2: the picture
  const app::ShotResult still = shot_at(catalog, 25.0, true);
  const std::size_t before = count_near(without.image, 0x5C, 0x9E, 0x84);
  const std::size_t during = count_near(with.image, 0x5C, 0x9E, 0x84);
  const std::size_t reduced = count_near(still.image, 0x5C, 0x9E, 0x84);
  INFO("green pixels: step 1 " << before << ", step 2 " << during << ", reduced motion " << reduced);
  CHECK(before < 50);
  CHECK(during > 10'000);  // a 64-px image scaled up to fill the ring
  CHECK(reduced > 5'000);
}

TEST_CASE("a session loads its pack's sounds only when sound can be heard", "[headless][player][media]") {
  const core::Catalog catalog = template_catalog();
  null_backend::ManualClock clock;
  null_backend::RecordingAudio audio{true};
  null_backend::RecordingHaptics haptics{true};
  core::CueDispatcher cues{audio, haptics};
  cues.set_log_sink(nullptr);
  app::Settings quiet;
  quiet.sound.mode = core::SoundMode::WithPatients;
  app::AppModel model{catalog, clock, app::AppModel::Services{&cues, &audio}, quiet};
  const app::Route route{app::Screen::Player, {"template-pack", "desk-stretch"}};

  REQUIRE(model.open(route).ok);
  clock.advance(std::chrono::milliseconds(16));
  model.update();
  CHECK(audio.loaded.empty());  // the with-patients mode never touches the audio device
  CHECK(audio.plays.empty());

  ui::UiAction sound;
  sound.kind = ui::ActionKind::SetSoundMode;
  sound.sound_mode = core::SoundMode::Sound;
  model.apply(sound);
  clock.advance(std::chrono::milliseconds(16));
  model.update();
  REQUIRE(audio.loaded.size() == 1);
  CHECK(audio.loaded[0].first == "audio/chime.wav");
  CHECK(audio.loaded[0].second > 44);

  // A new session loads them again (another pack may have used the same name meanwhile), and the
  // step's narration plays under that name.
  audio.loaded.clear();
  REQUIRE(model.open(route).ok);
  clock.advance(std::chrono::milliseconds(16));
  model.update();
  CHECK(audio.loaded.size() == 1);
  CHECK(std::any_of(audio.plays.begin(), audio.plays.end(),
                    [](const null_backend::RecordingAudio::Play& p) { return p.name == "audio/chime.wav"; }));
}
