#include "make-cues/cue_synthesis.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace respite::tools {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kFullScale = 32767.0;

// Pitches (equal temperament, A4 = 440 Hz). Every cue sits in one calm register around G3..D5
// and the end chime resolves G4 -> C5, so the set sounds like one family.
constexpr double kG3 = 196.00;
constexpr double kD4 = 293.66;
constexpr double kG4 = 392.00;
constexpr double kC5 = 523.25;
constexpr double kD5 = 587.33;

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3.0 - 2.0 * x);
}

// 0 at the edge, 1 after `ramp` seconds, following half a cosine: its slope is zero at both ends,
// so neither the onset nor the fade has a corner that could be heard as a click.
double raised_cosine(double t, double ramp) {
  if (ramp <= 0.0) return t > 0.0 ? 1.0 : 0.0;
  if (t <= 0.0) return 0.0;
  if (t >= ramp) return 1.0;
  return 0.5 * (1.0 - std::cos(kPi * t / ramp));
}

double wave_value(Wave wave, double phase) {
  switch (wave) {
    case Wave::Sine:
      return std::sin(phase);
    case Wave::Triangle:
      return (2.0 / kPi) * std::asin(std::sin(phase));
  }
  return 0.0;
}

// Adds `note` to `mix` (whose sample 0 is the cue's start).
void render_note(const Note& note, int sample_rate, std::vector<double>& mix) {
  const double rate = static_cast<double>(sample_rate);
  const long first = std::lround(note.start_s * rate);
  const long count = std::lround(note.length_s * rate);
  double phase = 0.0;  // of the fundamental, integrated sample by sample
  for (long i = 0; i < count; ++i) {
    const long index = first + i;
    if (index < 0) continue;
    if (index >= static_cast<long>(mix.size())) break;
    const double t = static_cast<double>(i) / rate;
    const double until_end = static_cast<double>(count - i) / rate - 1.0 / rate;
    const double envelope = raised_cosine(t, note.attack_s) * raised_cosine(until_end, note.release_s) *
                            std::exp(-note.decay_per_s * t) * note.gain;
    double value = 0.0;
    for (const Partial& partial : note.partials) {
      value += partial.amplitude * std::exp(-partial.extra_decay_per_s * t) *
               wave_value(partial.wave, partial.ratio * phase);
    }
    mix[static_cast<std::size_t>(index)] += envelope * value;
    const double progress = count > 1 ? static_cast<double>(i) / static_cast<double>(count - 1) : 0.0;
    const double pitch = note.pitch_from_hz + (note.pitch_to_hz - note.pitch_from_hz) * smoothstep(progress);
    phase += 2.0 * kPi * pitch / rate;
    // Keep the phase small so precision does not degrade over the note (2 pi is a common period
    // of every whole-number partial; fractional ratios are not used by the standard set).
    if (phase > 2.0 * kPi * 64.0) phase -= 2.0 * kPi * 64.0;
  }
}

std::vector<CueSpec> make_standard_cues() {
  std::vector<CueSpec> cues;

  // A soft sine with a faint octave and twelfth: round, not buzzy.
  const std::vector<Partial> soft = {
      {1.0, 1.0, Wave::Sine, 0.0}, {2.0, 0.12, Wave::Sine, 0.0}, {3.0, 0.035, Wave::Sine, 0.0}};

  CueSpec inhale;
  inhale.name = "inhale";
  inhale.description = "gentle rising tone, D4 gliding up to G4, slow swell";
  inhale.length_s = 1.2;
  inhale.notes.push_back(Note{0.0, 1.2, kD4, kG4, 0.45, 0.55, 0.0, 1.0, soft});
  cues.push_back(inhale);

  CueSpec exhale;
  exhale.name = "exhale";
  exhale.description = "gentle falling tone, G4 gliding down to D4, long fade like a sigh";
  exhale.length_s = 1.2;
  exhale.notes.push_back(Note{0.0, 1.2, kG4, kD4, 0.3, 0.7, 0.0, 1.0, soft});
  cues.push_back(exhale);

  CueSpec hold;
  hold.name = "hold";
  hold.description = "soft single low tone, G3 with a little triangle warmth";
  hold.length_s = 0.9;
  hold.notes.push_back(
      Note{0.0,
           0.9,
           kG3,
           kG3,
           0.12,
           0.5,
           1.0,
           1.0,
           {{1.0, 1.0, Wave::Sine, 0.0}, {1.0, 0.25, Wave::Triangle, 0.0}, {2.0, 0.08, Wave::Sine, 0.0}}});
  cues.push_back(hold);

  // Chime partials: harmonic (warm rather than metallic), upper ones fading faster.
  const std::vector<Partial> chime = {{1.0, 1.0, Wave::Sine, 0.0},
                                      {2.0, 0.32, Wave::Sine, 1.5},
                                      {3.0, 0.12, Wave::Sine, 3.0},
                                      {4.0, 0.05, Wave::Sine, 5.0}};
  CueSpec end;
  end.name = "end";
  end.description = "warm two-note chime, G4 then C5, gently decaying";
  end.length_s = 1.5;
  end.notes.push_back(Note{0.0, 1.05, kG4, kG4, 0.012, 0.4, 2.0, 0.8, chime});
  end.notes.push_back(Note{0.35, 1.15, kC5, kC5, 0.012, 0.45, 2.0, 0.8, chime});
  cues.push_back(end);

  CueSpec tap;
  tap.name = "tap";
  tap.description = "short soft tap, D5, for touch feedback";
  tap.length_s = 0.15;
  tap.notes.push_back(Note{0.0,
                           0.15,
                           kD5,
                           kD5,
                           0.006,
                           0.1,
                           12.0,
                           1.0,
                           {{1.0, 1.0, Wave::Sine, 0.0}, {2.0, 0.15, Wave::Sine, 8.0}}});
  cues.push_back(tap);

  return cues;
}

void put_u16(std::vector<std::uint8_t>& out, std::uint32_t value) {
  out.push_back(static_cast<std::uint8_t>(value & 0xFFu));
  out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFFu));
}

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
  put_u16(out, value & 0xFFFFu);
  put_u16(out, (value >> 16) & 0xFFFFu);
}

void put_tag(std::vector<std::uint8_t>& out, const char* tag) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(tag[i]));
}

std::uint32_t get_u16(const std::vector<std::uint8_t>& in, std::size_t at) {
  return static_cast<std::uint32_t>(in[at]) | (static_cast<std::uint32_t>(in[at + 1]) << 8);
}

std::uint32_t get_u32(const std::vector<std::uint8_t>& in, std::size_t at) {
  return get_u16(in, at) | (get_u16(in, at + 2) << 16);
}

bool has_tag(const std::vector<std::uint8_t>& in, std::size_t at, const char* tag) {
  return std::equal(tag, tag + 4, in.begin() + static_cast<std::ptrdiff_t>(at),
                    [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

}  // namespace

const std::vector<CueSpec>& standard_cues() {
  static const std::vector<CueSpec> cues = make_standard_cues();
  return cues;
}

const CueSpec* find_cue(const std::string& name) {
  for (const CueSpec& cue : standard_cues()) {
    if (cue.name == name) return &cue;
  }
  return nullptr;
}

std::vector<std::int16_t> synthesize(const CueSpec& spec, int sample_rate) {
  const long count = std::max(0L, std::lround(spec.length_s * static_cast<double>(sample_rate)));
  std::vector<double> mix(static_cast<std::size_t>(count), 0.0);
  for (const Note& note : spec.notes) render_note(note, sample_rate, mix);

  double peak = 0.0;
  for (double value : mix) peak = std::max(peak, std::abs(value));
  std::vector<std::int16_t> samples(mix.size(), 0);
  if (peak <= 0.0) return samples;
  const double scale = kFullScale * std::pow(10.0, spec.peak_dbfs / 20.0) / peak;
  for (std::size_t i = 0; i < mix.size(); ++i) {
    const double value = std::clamp(std::round(mix[i] * scale), -kFullScale, kFullScale);
    samples[i] = static_cast<std::int16_t>(value);
  }
  return samples;
}

double peak_dbfs(const std::vector<std::int16_t>& samples) {
  int peak = 0;
  for (std::int16_t sample : samples) peak = std::max(peak, std::abs(static_cast<int>(sample)));
  if (peak == 0) return -std::numeric_limits<double>::infinity();
  return 20.0 * std::log10(static_cast<double>(peak) / kFullScale);
}

std::vector<std::uint8_t> encode_wav(const std::vector<std::int16_t>& samples, int sample_rate) {
  const std::uint32_t channels = 1;
  const std::uint32_t bits = 16;
  const std::uint32_t block_align = channels * bits / 8;
  const auto data_bytes = static_cast<std::uint32_t>(samples.size() * block_align);
  const auto rate = static_cast<std::uint32_t>(sample_rate);

  std::vector<std::uint8_t> out;
  out.reserve(44 + data_bytes);
  put_tag(out, "RIFF");
  put_u32(out, 36 + data_bytes);
  put_tag(out, "WAVE");
  put_tag(out, "fmt ");
  put_u32(out, 16);  // PCM fmt chunk size
  put_u16(out, 1);   // format: PCM
  put_u16(out, channels);
  put_u32(out, rate);
  put_u32(out, rate * block_align);  // byte rate
  put_u16(out, block_align);
  put_u16(out, bits);
  put_tag(out, "data");
  put_u32(out, data_bytes);
  for (std::int16_t sample : samples) put_u16(out, static_cast<std::uint16_t>(sample));
  return out;
}

bool decode_wav(const std::vector<std::uint8_t>& bytes, WavData& out, std::string& error) {
  out = WavData{};
  if (bytes.size() < 12 || !has_tag(bytes, 0, "RIFF") || !has_tag(bytes, 8, "WAVE")) {
    error = "not a RIFF/WAVE file (expected 'RIFF' at byte 0 and 'WAVE' at byte 8)";
    return false;
  }
  const std::uint32_t riff_size = get_u32(bytes, 4);
  if (static_cast<std::uint64_t>(riff_size) + 8 != bytes.size()) {
    error = "RIFF size field says " + std::to_string(riff_size) + " but the file has " +
            std::to_string(bytes.size() - 8) + " bytes after it";
    return false;
  }
  bool have_format = false;
  std::size_t at = 12;
  while (at + 8 <= bytes.size()) {
    const std::uint32_t size = get_u32(bytes, at + 4);
    const std::size_t body = at + 8;
    if (size > bytes.size() - body) {
      error = "chunk at byte " + std::to_string(at) + " claims " + std::to_string(size) +
              " bytes, past the end of the file";
      return false;
    }
    if (has_tag(bytes, at, "fmt ")) {
      if (size < 16) {
        error = "fmt chunk is " + std::to_string(size) + " bytes, expected at least 16";
        return false;
      }
      const std::uint32_t format = get_u16(bytes, body);
      out.channels = static_cast<int>(get_u16(bytes, body + 2));
      out.sample_rate = static_cast<int>(get_u32(bytes, body + 4));
      const std::uint32_t byte_rate = get_u32(bytes, body + 8);
      const std::uint32_t block_align = get_u16(bytes, body + 12);
      out.bits_per_sample = static_cast<int>(get_u16(bytes, body + 14));
      if (format != 1) {
        error = "format tag is " + std::to_string(format) + ", expected 1 (PCM)";
        return false;
      }
      if (out.bits_per_sample != 16) {
        error = "bits per sample is " + std::to_string(out.bits_per_sample) + ", expected 16";
        return false;
      }
      if (out.channels < 1 || out.sample_rate < 1) {
        error = "channels (" + std::to_string(out.channels) + ") and sample rate (" +
                std::to_string(out.sample_rate) + ") must be positive";
        return false;
      }
      const auto expected_align = static_cast<std::uint32_t>(out.channels * 2);
      if (block_align != expected_align ||
          byte_rate != static_cast<std::uint32_t>(out.sample_rate) * expected_align) {
        error = "block align " + std::to_string(block_align) + " / byte rate " + std::to_string(byte_rate) +
                " do not match " + std::to_string(out.channels) + " channel(s) at " +
                std::to_string(out.sample_rate) + " Hz";
        return false;
      }
      have_format = true;
    } else if (has_tag(bytes, at, "data")) {
      if (!have_format) {
        error = "data chunk before the fmt chunk";
        return false;
      }
      if (size % 2 != 0) {
        error = "data chunk size " + std::to_string(size) + " is not a whole number of 16-bit samples";
        return false;
      }
      out.samples.resize(size / 2);
      for (std::size_t i = 0; i < out.samples.size(); ++i) {
        out.samples[i] = static_cast<std::int16_t>(get_u16(bytes, body + 2 * i));
      }
      return true;
    }
    at = body + size + (size % 2);  // chunks are padded to even sizes
  }
  error = have_format ? "no data chunk" : "no fmt chunk";
  return false;
}

}  // namespace respite::tools
