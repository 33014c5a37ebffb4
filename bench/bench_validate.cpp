// Validation throughput: how fast the pack validator reads the bundled pack's JSON (manifest and
// item files, held in memory) compared with a bare RapidJSON parse of the same bytes. The
// validator does much more (positions, duplicate keys, every field's checks, references, check-in
// bands, translations, markup); the goal is that it stays within a small factor of parsing alone:
// ratio >= 0.3 (the median of ten rounds that each time both, so that a machine whose speed drifts
// does not skew it). Prints one line and one JSON object.
//   bench_validate [PACK_DIR] [--seconds S]
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/content_paths.h"
#include "core/json_document.h"
#include "core/pack_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `work` repeatedly for about `seconds`; returns the runs per second.
template <typename F>
double runs_per_second(double seconds, F work) {
  work();  // warm up
  int runs = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    work();
    ++runs;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return runs / elapsed;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace respite::core;
  std::string dir = default_packs_dir() + "/clinician-essentials";
  double seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else {
      dir = arg;
    }
  }

  // The pack's files, as the validator reads them; only the JSON bytes count for throughput.
  const PackLoadResult first = load_pack(dir);
  if (!first.pack) {
    std::fprintf(stderr, "bench_validate: %s does not validate\n", dir.c_str());
    return 1;
  }
  std::map<std::string, std::string> files;
  std::size_t json_bytes = 0;
  for (const std::string& relative : first.pack->files) {
    files[relative] = read_file(fs::path(dir) / relative);
    if (!first.pack->asset(relative)) json_bytes += files[relative].size();
  }
  const MemoryFiles memory(files, "bench.respack");

  bool ok = true;
  const auto validate_once = [&] { ok = ok && load_pack_files(memory, "pack.json", dir).pack.has_value(); };
  const auto parse_once = [&] {
    for (const auto& [relative, text] : files) {
      if (first.pack->asset(relative)) continue;
      rapidjson::Document doc;
      doc.Parse(text.c_str(), text.size());
      ok = ok && !doc.HasParseError();
    }
  };
  // Ten rounds, each timing validation then parsing for a tenth of the time: on a shared machine
  // the speed drifts over seconds, and a ratio taken within one round is not fooled by it. The
  // median round is reported.
  constexpr int kRounds = 10;
  std::vector<double> validate_rounds, parse_rounds, ratio_rounds;
  for (int round = 0; round < kRounds; ++round) {
    validate_rounds.push_back(runs_per_second(seconds / kRounds, validate_once));
    parse_rounds.push_back(runs_per_second(seconds / kRounds, parse_once));
    ratio_rounds.push_back(validate_rounds.back() / parse_rounds.back());
  }
  const double validate = median(validate_rounds);
  const double parse = median(parse_rounds);
  // Where the time goes: the positioned tree alone (no validation), for the breakdown.
  const double tree = runs_per_second(seconds, [&] {
    for (const auto& [relative, text] : files) {
      if (first.pack->asset(relative)) continue;
      ok = ok && json::parse(text, json::ParseLimits{}).root.has_value();
    }
  });
  const double mb = static_cast<double>(json_bytes) / (1024.0 * 1024.0);
  const double validate_mbs = validate * mb;
  const double parse_mbs = parse * mb;
  const double ratio = median(ratio_rounds);
  const double tree_mbs = tree * mb;
  std::printf(
      "validate %.1f MB/s, raw RapidJSON parse %.1f MB/s, ratio %.2f (goal >= 0.3); positioned tree alone "
      "%.1f MB/s; "
      "%zu bytes in %zu files, %zu items\n",
      validate_mbs, parse_mbs, ratio, tree_mbs, json_bytes, files.size() - first.pack->assets.size(),
      first.pack->items.size());
  std::printf(
      "{\"benchmark\": \"validate\", \"bytes\": %zu, \"validate_mb_per_s\": %.2f, \"parse_mb_per_s\": %.2f, "
      "\"tree_mb_per_s\": %.2f, \"ratio\": %.3f, \"goal_ratio\": 0.3, \"meets_goal\": %s}\n",
      json_bytes, validate_mbs, parse_mbs, tree_mbs, ratio, ratio >= 0.3 ? "true" : "false");
  return ok ? 0 : 1;
}
