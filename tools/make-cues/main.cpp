// make-cues: writes Respite's cue sounds as WAV files. The build runs it (see CMakeLists.txt) to
// produce ${build}/assets/sounds/*.wav, so no audio binary is committed and anyone can regenerate
// the exact same files.
//
//   make-cues --out DIR [NAME...]   write DIR/NAME.wav for each NAME (default: every cue)
//   make-cues --list                print each cue's name and description
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "make-cues/cue_synthesis.h"

namespace {

namespace fs = std::filesystem;
using respite::tools::CueSpec;

int usage(const char* message) {
  std::fprintf(stderr, "make-cues: %s\nusage: make-cues --out DIR [NAME...] | make-cues --list\n", message);
  return 2;
}

// Writes next to the target and renames, so an interrupted build never leaves a truncated WAV
// that a later build would consider up to date.
bool write_file(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "make-cues: cannot write %s\n", temp.string().c_str());
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    std::fprintf(stderr, "make-cues: cannot rename %s to %s: %s\n", temp.string().c_str(),
                 path.string().c_str(), ec.message().c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--list") {
      for (const CueSpec& cue : respite::tools::standard_cues()) {
        std::printf("%-8s %.2f s  %s\n", cue.name.c_str(), cue.length_s, cue.description.c_str());
      }
      return 0;
    }
    if (arg == "--out") {
      if (i + 1 >= argc) return usage("--out needs a directory");
      out_dir = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      return usage(("unknown option " + arg).c_str());
    } else {
      names.push_back(arg);
    }
  }
  if (out_dir.empty()) return usage("--out DIR is required");
  if (names.empty()) {
    for (const CueSpec& cue : respite::tools::standard_cues()) names.push_back(cue.name);
  }

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "make-cues: cannot create %s: %s\n", out_dir.c_str(), ec.message().c_str());
    return 1;
  }
  for (const std::string& name : names) {
    const CueSpec* cue = respite::tools::find_cue(name);
    if (cue == nullptr) {
      std::fprintf(stderr, "make-cues: unknown cue '%s' (see make-cues --list)\n", name.c_str());
      return 1;
    }
    const auto samples = respite::tools::synthesize(*cue);
    if (!write_file(fs::path(out_dir) / (name + ".wav"),
                    respite::tools::encode_wav(samples, respite::tools::kCueSampleRate))) {
      return 1;
    }
  }
  return 0;
}
