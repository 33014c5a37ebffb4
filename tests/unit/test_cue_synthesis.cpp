// The generated cue sounds: level, length, smooth edges, no clicks, the intended pitch movement,
// determinism, and a WAV file that parses back to the same samples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/session_plan.h"
#include "make-cues/cue_synthesis.h"

using namespace respite;
using tools::CueSpec;

namespace {

constexpr int kRate = tools::kCueSampleRate;

int peak_of(const std::vector<std::int16_t>& samples) {
  int peak = 0;
  for (std::int16_t s : samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
  return peak;
}

// Largest jump between neighbouring samples: a click is a jump a smooth tone cannot make.
int max_step(const std::vector<std::int16_t>& samples) {
  int step = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    step = std::max(step, std::abs(static_cast<int>(samples[i]) - static_cast<int>(samples[i - 1])));
  }
  return step;
}

// Largest magnitude among `count` samples starting at `from`.
int peak_in(const std::vector<std::int16_t>& samples, std::size_t from, std::size_t count) {
  int peak = 0;
  for (std::size_t i = from; i < std::min(samples.size(), from + count); ++i) {
    peak = std::max(peak, std::abs(static_cast<int>(samples[i])));
  }
  return peak;
}

// Upward zero crossings per second in [from_s, to_s): the pitch of a tone whose fundamental
// dominates, which all of ours do.
double crossings_per_second(const std::vector<std::int16_t>& samples, double from_s, double to_s) {
  const auto from = static_cast<std::size_t>(from_s * kRate);
  const auto to = std::min(samples.size(), static_cast<std::size_t>(to_s * kRate));
  int crossings = 0;
  for (std::size_t i = from + 1; i < to; ++i) {
    if (samples[i - 1] < 0 && samples[i] >= 0) ++crossings;
  }
  return crossings / (to_s - from_s);
}

double rms(const std::vector<std::int16_t>& samples, double from_s, double to_s) {
  const auto from = static_cast<std::size_t>(from_s * kRate);
  const auto to = std::min(samples.size(), static_cast<std::size_t>(to_s * kRate));
  double sum = 0.0;
  for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(samples[i]) * samples[i];
  return std::sqrt(sum / static_cast<double>(to - from));
}

// The properties every cue must have; also used to show that a badly made tone fails them.
struct EdgeReport {
  int first = 0;
  int last = 0;
  int first_ms_peak = 0;
  int last_ms_peak = 0;
  int step = 0;
  int peak = 0;
};

EdgeReport edges(const std::vector<std::int16_t>& samples) {
  const std::size_t ms = kRate / 1000;
  EdgeReport r;
  r.first = std::abs(static_cast<int>(samples.front()));
  r.last = std::abs(static_cast<int>(samples.back()));
  r.first_ms_peak = peak_in(samples, 0, ms);
  r.last_ms_peak = peak_in(samples, samples.size() - ms, ms);
  r.step = max_step(samples);
  r.peak = peak_of(samples);
  return r;
}

bool smooth(const EdgeReport& r) {
  return r.first <= 2 && r.last <= 2 && r.first_ms_peak * 10 <= r.peak && r.last_ms_peak * 10 <= r.peak &&
         r.step * 4 <= r.peak;
}

}  // namespace

TEST_CASE("the standard cue set names every sound the planner asks for", "[unit][audio][cues]") {
  std::vector<std::string> names;
  for (const CueSpec& cue : tools::standard_cues()) names.push_back(cue.name);
  CHECK(names == std::vector<std::string>{"inhale", "exhale", "hold", "end", "tap"});
  for (core::PhaseKind kind : {core::PhaseKind::Inhale, core::PhaseKind::HoldIn, core::PhaseKind::Exhale,
                               core::PhaseKind::HoldOut, core::PhaseKind::TopUp}) {
    CHECK(tools::find_cue(core::default_sound(kind)) != nullptr);
  }
  CHECK(tools::find_cue("end") != nullptr);
  CHECK(tools::find_cue("gong") == nullptr);
}

TEST_CASE("every cue is soft, short, unclipped and starts and ends without a click", "[unit][audio][cues]") {
  for (const CueSpec& cue : tools::standard_cues()) {
    INFO("cue " << cue.name);
    const auto samples = tools::synthesize(cue);
    REQUIRE(samples.size() == static_cast<std::size_t>(std::lround(cue.length_s * kRate)));
    CHECK(cue.length_s <= tools::kCueMaxSeconds);
    CHECK(cue.length_s >= 0.1);

    const double level = tools::peak_dbfs(samples);
    CHECK(level <= -17.0);
    CHECK(level >= -19.0);
    CHECK(peak_of(samples) < 32767);  // nothing near clipping, let alone at it

    const EdgeReport r = edges(samples);
    INFO("first " << r.first << " last " << r.last << " first ms " << r.first_ms_peak << " last ms "
                  << r.last_ms_peak << " max step " << r.step << " peak " << r.peak);
    CHECK(smooth(r));
  }
}

TEST_CASE("the edge checks catch a tone that is cut off", "[unit][audio][cues]") {
  CueSpec cut = *tools::find_cue("hold");
  // Same tone, but the cue ends before the note's release: it stops mid-wave.
  cut.length_s = 0.5;
  CHECK_FALSE(smooth(edges(tools::synthesize(cut))));

  CueSpec abrupt = *tools::find_cue("tap");
  abrupt.notes[0].attack_s = 0.0;
  abrupt.notes[0].release_s = 0.0;
  CHECK_FALSE(smooth(edges(tools::synthesize(abrupt))));
}

TEST_CASE("inhale rises, exhale falls, hold stays on one low pitch", "[unit][audio][cues]") {
  const auto inhale = tools::synthesize(*tools::find_cue("inhale"));
  const auto exhale = tools::synthesize(*tools::find_cue("exhale"));
  const auto hold = tools::synthesize(*tools::find_cue("hold"));

  const double inhale_early = crossings_per_second(inhale, 0.1, 0.4);
  const double inhale_late = crossings_per_second(inhale, 0.8, 1.1);
  CHECK(inhale_late > inhale_early * 1.15);

  const double exhale_early = crossings_per_second(exhale, 0.1, 0.4);
  const double exhale_late = crossings_per_second(exhale, 0.8, 1.1);
  CHECK(exhale_early > exhale_late * 1.15);

  const double hold_pitch = crossings_per_second(hold, 0.1, 0.7);
  CHECK(hold_pitch == Approx(196.0).margin(6.0));
  CHECK(hold_pitch < inhale_early);
}

TEST_CASE("the end chime strikes a second note", "[unit][audio][cues]") {
  const auto end = tools::synthesize(*tools::find_cue("end"));
  // The first note is decaying just before 0.35 s; the second note lifts the level after it.
  CHECK(rms(end, 0.38, 0.43) > rms(end, 0.29, 0.34) * 1.3);
}

TEST_CASE("synthesis is deterministic", "[unit][audio][cues]") {
  for (const CueSpec& cue : tools::standard_cues()) {
    INFO("cue " << cue.name);
    const auto once = tools::synthesize(cue);
    const auto twice = tools::synthesize(cue);
    CHECK(once == twice);
    CHECK(tools::encode_wav(once, kRate) == tools::encode_wav(twice, kRate));
  }
  // ...and depends on its input: another rate gives another rendering.
  const CueSpec& hold = *tools::find_cue("hold");
  CHECK(tools::synthesize(hold, 48000).size() == 43200);
}

TEST_CASE("the WAV written is canonical 16-bit mono PCM and parses back to the samples",
          "[unit][audio][wav]") {
  const auto samples = tools::synthesize(*tools::find_cue("exhale"));
  const auto bytes = tools::encode_wav(samples, kRate);
  REQUIRE(bytes.size() == 44 + 2 * samples.size());

  auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
           static_cast<std::uint32_t>(bytes[at + 2]) << 16 | static_cast<std::uint32_t>(bytes[at + 3]) << 24;
  };
  auto u16 = [&](std::size_t at) { return static_cast<std::uint32_t>(bytes[at] | bytes[at + 1] << 8); };
  CHECK(std::string(bytes.begin(), bytes.begin() + 4) == "RIFF");
  CHECK(u32(4) == bytes.size() - 8);
  CHECK(std::string(bytes.begin() + 8, bytes.begin() + 16) == "WAVEfmt ");
  CHECK(u32(16) == 16);     // fmt chunk size
  CHECK(u16(20) == 1);      // PCM
  CHECK(u16(22) == 1);      // mono
  CHECK(u32(24) == 44100);  // sample rate
  CHECK(u32(28) == 88200);  // byte rate
  CHECK(u16(32) == 2);      // block align
  CHECK(u16(34) == 16);     // bits per sample
  CHECK(std::string(bytes.begin() + 36, bytes.begin() + 40) == "data");
  CHECK(u32(40) == 2 * samples.size());

  tools::WavData wav;
  std::string error;
  REQUIRE(tools::decode_wav(bytes, wav, error));
  CHECK(error.empty());
  CHECK(wav.channels == 1);
  CHECK(wav.sample_rate == 44100);
  CHECK(wav.bits_per_sample == 16);
  CHECK(wav.samples == samples);
}

TEST_CASE("decode_wav rejects broken files with a message naming the field", "[unit][audio][wav]") {
  const auto good = tools::encode_wav(tools::synthesize(*tools::find_cue("tap")), kRate);
  tools::WavData wav;
  std::string error;

  auto truncated = good;
  truncated.resize(good.size() - 10);
  CHECK_FALSE(tools::decode_wav(truncated, wav, error));
  CHECK_THAT(error, Catch::Contains("RIFF size"));

  auto not_riff = good;
  not_riff[0] = 'X';
  CHECK_FALSE(tools::decode_wav(not_riff, wav, error));
  CHECK_THAT(error, Catch::Contains("RIFF"));

  auto eight_bit = good;
  eight_bit[34] = 8;
  CHECK_FALSE(tools::decode_wav(eight_bit, wav, error));
  CHECK_THAT(error, Catch::Contains("bits per sample"));

  auto bad_rate = good;
  bad_rate[28] = 0;  // byte rate no longer matches
  CHECK_FALSE(tools::decode_wav(bad_rate, wav, error));
  CHECK_THAT(error, Catch::Contains("byte rate"));

  auto long_data = good;
  long_data[43] = 0x7F;  // data size far past the end
  CHECK_FALSE(tools::decode_wav(long_data, wav, error));
  CHECK_THAT(error, Catch::Contains("past the end"));

  CHECK_FALSE(tools::decode_wav({}, wav, error));
}
