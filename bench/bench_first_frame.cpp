// Time to first frame: runs the app (`respite --exit-after-frames 1`) and the bare SDL + ImGui
// baseline alternately, N times each, and reports the median wall time from exec to exit and
// their ratio, plus each one's peak RSS. Also reported, not judged: the median CPU time of each
// (user + system; steadier than wall time when other work shares the machine) and the app's first
// launch on an empty data folder (3 runs), which builds the font atlas its later launches read back
// (docs/performance.md). Usage: bench_first_frame RESPITE BARE [RUNS] [--json]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;
  long max_rss_kib = 0;
  bool ok = false;
};

Run run_once(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(127);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.max_rss_kib = usage.ru_maxrss;
  run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return run;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s RESPITE BARE [RUNS] [--json]\n", argv[0]);
    return 2;
  }
  const std::string respite = argv[1];
  const std::string bare = argv[2];
  const int runs = argc > 3 && argv[3][0] != '-' ? std::max(1, std::atoi(argv[3])) : 41;
  const bool json = std::string(argv[argc - 1]) == "--json";
  setenv("SDL_VIDEODRIVER", "dummy", 0);
  setenv("SDL_AUDIODRIVER", "dummy", 0);

  std::vector<double> app_times, bare_times, app_cpu, bare_cpu;
  long app_rss = 0, bare_rss = 0;
  for (int i = 0; i < runs + 1; ++i) {  // the first pair warms the page cache and is not counted
    const Run app = run_once({respite, "--exit-after-frames", "1"});
    const Run base = run_once({bare});
    if (!app.ok || !base.ok) {
      std::fprintf(stderr, "bench_first_frame: a run failed (app ok=%d, bare ok=%d)\n", app.ok, base.ok);
      return 1;
    }
    if (i == 0) continue;
    app_times.push_back(app.seconds);
    bare_times.push_back(base.seconds);
    app_cpu.push_back(app.cpu_seconds);
    bare_cpu.push_back(base.cpu_seconds);
    app_rss = std::max(app_rss, app.max_rss_kib);
    bare_rss = std::max(bare_rss, base.max_rss_kib);
  }
  // First launches: an empty data folder each time, so nothing is cached yet.
  std::vector<double> cold_times;
  for (int i = 0; i < 3; ++i) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("respite-first-launch-" + std::to_string(getpid()) + "-" + std::to_string(i));
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    const Run cold = run_once({respite, "--exit-after-frames", "1", "--data-dir", dir.string()});
    std::filesystem::remove_all(dir, ec);
    if (!cold.ok) {
      std::fprintf(stderr, "bench_first_frame: a first-launch run failed\n");
      return 1;
    }
    cold_times.push_back(cold.seconds);
  }
  const double app_ms = median(app_times) * 1000, bare_ms = median(bare_times) * 1000;
  const double ratio = bare_ms > 0 ? app_ms / bare_ms : 0;
  const double app_cpu_ms = median(app_cpu) * 1000, bare_cpu_ms = median(bare_cpu) * 1000;
  const double cold_ms = median(cold_times) * 1000;
  if (json) {
    std::printf(
        "{\"runs\": %d, \"app_first_frame_ms\": %.2f, \"bare_first_frame_ms\": %.2f, \"ratio\": %.3f, "
        "\"app_cpu_ms\": %.2f, \"bare_cpu_ms\": %.2f, \"cpu_ratio\": %.3f, \"app_first_launch_ms\": %.2f, "
        "\"app_peak_rss_kib\": %ld, \"bare_peak_rss_kib\": %ld}\n",
        runs, app_ms, bare_ms, ratio, app_cpu_ms, bare_cpu_ms, bare_cpu_ms > 0 ? app_cpu_ms / bare_cpu_ms : 0,
        cold_ms, app_rss, bare_rss);
  } else {
    std::printf("time to first frame (median of %d, SDL dummy video driver)\n", runs);
    std::printf("  respite  %8.2f ms   CPU %7.2f ms   peak RSS %6ld KiB\n", app_ms, app_cpu_ms, app_rss);
    std::printf("  bare     %8.2f ms   CPU %7.2f ms   peak RSS %6ld KiB\n", bare_ms, bare_cpu_ms, bare_rss);
    std::printf("  ratio    %8.3f     (goal <= 1.5: %s); CPU ratio %.3f\n", ratio,
                ratio <= 1.5 ? "met" : "NOT met", bare_cpu_ms > 0 ? app_cpu_ms / bare_cpu_ms : 0);
    std::printf("  respite, first launch (empty data folder, median of 3): %.2f ms\n", cold_ms);
  }
  return 0;
}
