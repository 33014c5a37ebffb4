// Synthesis of Respite's cue sounds (inhale, exhale, hold, end, tap) and a minimal 16-bit PCM WAV
// writer/reader. Pure and deterministic: the same spec gives the same samples, so the build can
// regenerate assets/sounds/*.wav instead of committing binaries, and tests can check the sounds'
// properties (no clipping, no clicks, level, length). Used by the make-cues tool and the tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace respite::tools {

constexpr int kCueSampleRate = 44100;
constexpr double kCueMaxSeconds = 1.5;

enum class Wave { Sine, Triangle };

// One partial of a note, at `ratio` times the note's (possibly gliding) pitch.
struct Partial {
  double ratio = 1.0;
  double amplitude = 1.0;  // relative to the other partials
  Wave wave = Wave::Sine;
  double extra_decay_per_s = 0.0;  // higher partials of a chime fade faster, which sounds warm
};

// A tone with a smooth envelope: raised-cosine attack and release (zero at both ends, so no click)
// times an optional exponential decay. The pitch glides from `pitch_from` to `pitch_to` on a
// smoothstep curve; the phase is integrated, so the glide itself is continuous.
struct Note {
  double start_s = 0.0;
  double length_s = 0.0;
  double pitch_from_hz = 0.0;
  double pitch_to_hz = 0.0;
  double attack_s = 0.0;
  double release_s = 0.0;
  double decay_per_s = 0.0;
  double gain = 1.0;
  std::vector<Partial> partials;
};

struct CueSpec {
  std::string name;  // file stem: "<name>.wav"
  std::string description;
  double length_s = 0.0;  // the rendered length, exactly (rounded to whole samples)
  double peak_dbfs = -18.0;
  std::vector<Note> notes;
};

// The standard cue set, in a fixed order: inhale, exhale, hold, end, tap.
const std::vector<CueSpec>& standard_cues();
// nullptr when `name` is not a standard cue.
const CueSpec* find_cue(const std::string& name);

// Renders `spec` as mono 16-bit samples normalised to exactly `spec.peak_dbfs`
// (lround(length_s * sample_rate) samples).
std::vector<std::int16_t> synthesize(const CueSpec& spec, int sample_rate = kCueSampleRate);

// Highest peak of `samples` in dBFS (full scale = 32767); -infinity for silence.
double peak_dbfs(const std::vector<std::int16_t>& samples);

// A canonical RIFF/WAVE file: 44-byte header, PCM, 16-bit little-endian, mono.
std::vector<std::uint8_t> encode_wav(const std::vector<std::int16_t>& samples, int sample_rate);

struct WavData {
  int channels = 0;
  int sample_rate = 0;
  int bits_per_sample = 0;
  std::vector<std::int16_t> samples;  // interleaved when channels > 1
};

// Parses a 16-bit PCM WAV (any chunk order, unknown chunks skipped). Returns false and a message
// naming the offending field when the bytes are not such a file.
bool decode_wav(const std::vector<std::uint8_t>& bytes, WavData& out, std::string& error);

}  // namespace respite::tools
