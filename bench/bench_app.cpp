// The app's own workloads for ./scripts/bench (docs/performance.md), run headless on a manual
// clock with the real model, UI, main loop and SDL software renderer (the code `respite shot` and
// the headless tests use). Each mode prints one JSON object on its last line.
//
//   bench_app frames [--route R] [--size WxH] [--scale S] [--frames N] [--warmup W] [--plain]
//       A running session (default: play/clinician-essentials/two-minute-reset), N frames at the
//       loop's own 60 Hz pacing after W warm-up frames. Reports CPU time per frame
//       (CLOCK_PROCESS_CPUTIME_ID over the N frames, and per-frame thread CPU for p50/p99), split
//       into UI (model update, ImGui build) and raster (SDL software renderer). --plain renders
//       the same frames without timing anything: the form callgrind counts.
//   bench_app idle [--route R] [--seconds T]
//       Frames rendered while a screen sits idle for T simulated seconds (goal: <= 10 in 10 s).
//   bench_app soak [--minutes M] [--size WxH] [--scale S] [--sample-minutes A] [--raster-every K]
//       Back-to-back two-minute sessions for M simulated minutes, the loop at its 60 Hz; RSS and
//       heap in use after A minutes and at the end, and peak RSS. Every frame is built (model,
//       ImGui); one in K (default 10) is also rastered, which keeps 30 minutes near a minute of CPU.
//   bench_app startup [--repeat N] [--scale S]
//       N times: load the bundled catalog, build the UI (fonts, atlas), make a host and render
//       the first home frame, then tear it all down (for callgrind: startup instructions).
//   bench_app streaks [--repeat N]
//       N summaries of 10 years x 10 sessions a day (for callgrind; bench_progress times it).
#include <malloc.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app_model.h"
#include "app/catalog_source.h"
#include "app/frame_host.h"
#include "app/headless_host.h"
#include "app/main_loop.h"
#include "app/route.h"
#include "app/shot.h"
#include "app/ui_runtime.h"
#include "backends/null/manual_clock.h"
#include "backends/null/silent_audio.h"
#include "core/cue_dispatcher.h"
#include "core/pack_loader.h"
#include "core/progress/progress_types.h"
#include "core/progress/streaks.h"

using namespace respite;

namespace {

constexpr const char* kDefaultPlayRoute = "play/clinician-essentials/two-minute-reset";

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "bench_app: %s\n", message.c_str());
  std::exit(1);
}

double cpu_seconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Resident set size now, from /proc/self/statm (pages).
long rss_kib() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

long heap_in_use_kib() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<long>((info.uordblks + info.hblkhd) / 1024);
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
}

double mean(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

// --- Options ---------------------------------------------------------------------------------

struct Options {
  std::string route;
  int width = 390;
  int height = 844;
  float scale = 2.0f;
  long frames = 600;
  long warmup = 60;
  long repeat = 1;
  double seconds = 10;
  double minutes = 30;
  double sample_minutes = 2;
  long raster_every = 10;
  bool plain = false;
};

long to_long(const std::string& flag, const char* text, long min) {
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < min)
    fail(flag + " wants a whole number >= " + std::to_string(min));
  return value;
}

double to_double(const std::string& flag, const char* text) {
  char* end = nullptr;
  const double value = std::strtod(text, &end);
  if (end == text || *end != '\0' || !(value > 0)) fail(flag + " wants a positive number");
  return value;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 2; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--plain") {
      o.plain = true;
      continue;
    }
    if (i + 1 >= argc) fail("missing value after " + flag);
    const char* value = argv[++i];
    if (flag == "--route") {
      o.route = value;
    } else if (flag == "--size") {
      if (std::sscanf(value, "%dx%d", &o.width, &o.height) != 2 || o.width < 100 || o.height < 100)
        fail("--size wants WxH");
    } else if (flag == "--scale") {
      o.scale = static_cast<float>(to_double(flag, value));
    } else if (flag == "--frames") {
      o.frames = to_long(flag, value, 0);
    } else if (flag == "--warmup") {
      o.warmup = to_long(flag, value, 0);
    } else if (flag == "--repeat") {
      o.repeat = to_long(flag, value, 0);
    } else if (flag == "--seconds") {
      o.seconds = to_double(flag, value);
    } else if (flag == "--minutes") {
      o.minutes = to_double(flag, value);
    } else if (flag == "--raster-every") {
      o.raster_every = to_long(flag, value, 1);
    } else if (flag == "--sample-minutes") {
      o.sample_minutes = to_double(flag, value);
    } else {
      fail("unknown option " + flag);
    }
  }
  return o;
}

// --- The app, headless ------------------------------------------------------------------------

// Waiting advances the manual clock instead of sleeping, and no input ever arrives. A wait with
// no limit (the loop going idle) jumps to `horizon`, where the run ends.
class ClockEvents final : public sdl::EventSource {
 public:
  explicit ClockEvents(null_backend::ManualClock& clock) : clock_(clock) {}
  bool wait(SDL_Event&, int timeout_ms) override {
    if (timeout_ms < 0) {
      if (horizon_ > clock_.monotonic()) clock_.advance(horizon_ - clock_.monotonic());
    } else {
      clock_.advance(std::chrono::milliseconds(timeout_ms));
    }
    return false;
  }
  bool poll(SDL_Event&) override { return false; }
  void set_horizon(core::MonoTime horizon) { horizon_ = horizon; }

 private:
  null_backend::ManualClock& clock_;
  core::MonoTime horizon_{0};
};

// Forwards to the real host and times its present(): the software raster of the frame. With
// raster_every > 1 only one frame in that many reaches the real host (the soak).
class TimedHost final : public app::FrameHost {
 public:
  explicit TimedHost(app::FrameHost& inner, bool timed) : inner_(inner), timed_(timed) {}
  void process_event(const SDL_Event& event) override { inner_.process_event(event); }
  void new_frame(const sdl::PointerFrame& pointer) override { inner_.new_frame(pointer); }
  void present(ImDrawData* data, ImU32 clear) override {
    if (raster_every_ > 1 && presents_++ % raster_every_ != 0) return;
    if (!timed_) {
      inner_.present(data, clear);
      return;
    }
    const double start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    inner_.present(data, clear);
    last_present_ = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - start;
  }
  float ui_scale() const override { return inner_.ui_scale(); }
  bool paces_frames() const override { return false; }
  double last_present() const { return last_present_; }
  void set_raster_every(long every) { raster_every_ = every; }

 private:
  app::FrameHost& inner_;
  bool timed_;
  long raster_every_ = 1;
  long presents_ = 0;
  double last_present_ = 0;
};

core::Catalog bundled_catalog() {
  core::CatalogLoadResult loaded = core::load_catalog(app::pack_paths({}));
  if (loaded.diagnostics.has_errors() || loaded.catalog.packs.empty()) {
    for (const core::Diagnostic& d : loaded.diagnostics.items())
      std::fprintf(stderr, "%s\n", d.format().c_str());
    fail("the bundled packs did not load (RESPITE_PACKS_DIR?)");
  }
  return std::move(loaded.catalog);
}

std::string fonts() {
  std::string error;
  const std::optional<std::string> dir = app::find_font_dir(error);
  if (!dir) fail(error);
  return *dir;
}

app::Route route_or_fail(const std::string& text) {
  const app::RouteParse parsed = app::parse_route(text);
  if (parsed.error != app::RouteError::None) fail(parsed.message);
  return parsed.route;
}

// One headless app: the same objects `respite shot` builds, with a main loop on a manual clock.
struct HeadlessApp {
  core::Catalog catalog;
  null_backend::ManualClock clock;
  null_backend::SilentAudio audio;
  null_backend::NoHaptics haptics;
  core::CueDispatcher cues{audio, haptics};
  std::unique_ptr<app::AppModel> model;
  std::unique_ptr<app::UiRuntime> ui;
  std::unique_ptr<app::HeadlessHost> host;
  std::unique_ptr<TimedHost> timed;
  ClockEvents events{clock};
  std::unique_ptr<app::MainLoop> loop;

  HeadlessApp(core::Catalog loaded, const std::string& font_dir, int width, int height, float scale,
              bool timed_host)
      : catalog(std::move(loaded)) {
    cues.set_log_sink(nullptr);
    model = std::make_unique<app::AppModel>(catalog, clock, app::AppModel::Services{&cues, &audio});
    std::string error;
    ui = app::UiRuntime::create(font_dir, scale, ui::ThemeName::Light, error);
    if (!ui) fail(error);
    const int pw = static_cast<int>(static_cast<float>(width) * scale + 0.5f);
    const int ph = static_cast<int>(static_cast<float>(height) * scale + 0.5f);
    host = app::HeadlessHost::create(pw, ph, scale, error);
    if (!host) fail(error);
    timed = std::make_unique<TimedHost>(*host, timed_host);
    loop = std::make_unique<app::MainLoop>(*model, *ui, *timed, events, clock);
  }
  ~HeadlessApp() {
    loop.reset();
    timed.reset();
    host.reset();  // the renderer backend shuts down while the ImGui context still exists
    ui.reset();
  }

  void open(const std::string& route) {
    const app::OpenResult opened = model->open(route_or_fail(route));
    if (!opened.ok) fail(opened.error);
  }

  // Steps the loop until one more frame has been rendered (the loop paces itself at 60 Hz).
  void next_frame() {
    const std::uint64_t before = loop->frames_rendered();
    for (int guard = 0; loop->frames_rendered() == before; ++guard) {
      if (guard > 1000 || !loop->step()) fail("the loop stopped rendering (did the session end?)");
    }
  }
};

// --- Modes -------------------------------------------------------------------------------------

int run_frames(const Options& o) {
  const std::string route = o.route.empty() ? kDefaultPlayRoute : o.route;
  HeadlessApp a(bundled_catalog(), fonts(), o.width, o.height, o.scale, !o.plain);
  a.open(route);
  if (!a.model->animating()) fail("route " + route + " does not animate; use `idle` for still screens");
  for (long i = 0; i < o.warmup; ++i) a.next_frame();
  if (o.plain) {
    for (long i = 0; i < o.frames; ++i) a.next_frame();
    std::printf("{\"mode\": \"frames\", \"plain\": true, \"frames\": %ld, \"warmup\": %ld}\n", o.frames,
                o.warmup);
    return 0;
  }
  std::vector<double> total, raster;
  total.reserve(static_cast<std::size_t>(o.frames));
  raster.reserve(static_cast<std::size_t>(o.frames));
  const auto wall_start = std::chrono::steady_clock::now();
  const double process_start = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
  for (long i = 0; i < o.frames; ++i) {
    const double start = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
    a.next_frame();
    total.push_back(cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - start);
    raster.push_back(a.timed->last_present());
  }
  const double process_cpu = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - process_start;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  std::vector<double> ui_only(total.size());
  for (std::size_t i = 0; i < total.size(); ++i) ui_only[i] = total[i] - raster[i];
  const double n = static_cast<double>(std::max(1L, o.frames));
  std::printf(
      "{\"mode\": \"frames\", \"route\": \"%s\", \"width\": %d, \"height\": %d, \"scale\": %.2f, "
      "\"pixels\": \"%dx%d\", \"frames\": %ld, \"warmup\": %ld, \"simulated_seconds\": %.3f, "
      "\"cpu_ms_per_frame\": %.4f, \"wall_ms_per_frame\": %.4f, \"frame_cpu_ms\": {\"p50\": %.4f, \"p99\": "
      "%.4f, "
      "\"max\": %.4f}, \"ui_cpu_ms\": {\"mean\": %.4f, \"p50\": %.4f, \"p99\": %.4f}, \"raster_cpu_ms\": "
      "{\"mean\": %.4f, \"p50\": %.4f, \"p99\": %.4f}}\n",
      route.c_str(), o.width, o.height, static_cast<double>(o.scale), a.host->width(), a.host->height(),
      o.frames, o.warmup, std::chrono::duration<double>(a.clock.monotonic()).count(), process_cpu * 1000 / n,
      wall * 1000 / n, percentile(total, 0.5) * 1000, percentile(total, 0.99) * 1000,
      percentile(total, 1.0) * 1000, mean(ui_only) * 1000, percentile(ui_only, 0.5) * 1000,
      percentile(ui_only, 0.99) * 1000, mean(raster) * 1000, percentile(raster, 0.5) * 1000,
      percentile(raster, 0.99) * 1000);
  return 0;
}

int run_idle(const Options& o) {
  const std::string route = o.route.empty() ? "home" : o.route;
  HeadlessApp a(bundled_catalog(), fonts(), o.width, o.height, o.scale, false);
  a.open(route);
  const core::MonoTime horizon(static_cast<core::MonoTime::rep>(o.seconds * 1e9));
  a.events.set_horizon(horizon);
  long steps = 0;
  // Every step either renders, or waits (advancing the clock to the next deadline, or to the
  // horizon when the loop would block); a loop that spins without waiting is caught by the cap.
  while (a.clock.monotonic() < horizon && steps < 10'000'000) {
    if (!a.loop->step()) break;
    ++steps;
  }
  std::printf(
      "{\"mode\": \"idle\", \"route\": \"%s\", \"simulated_seconds\": %.3f, \"frames\": %llu, \"steps\": "
      "%ld, "
      "\"idle_waits\": %llu}\n",
      route.c_str(), std::chrono::duration<double>(a.clock.monotonic()).count(),
      static_cast<unsigned long long>(a.loop->frames_rendered()), steps,
      static_cast<unsigned long long>(a.loop->idle_waits()));
  return 0;
}

int run_soak(const Options& o) {
  HeadlessApp a(bundled_catalog(), fonts(), o.width, o.height, o.scale, false);
  const core::MonoTime end(static_cast<core::MonoTime::rep>(o.minutes * 60e9));
  const core::MonoTime sample_at(static_cast<core::MonoTime::rep>(o.sample_minutes * 60e9));
  a.events.set_horizon(end);
  a.timed->set_raster_every(o.raster_every);
  long rss_sample = 0, heap_sample = 0, sessions = 0;
  const auto wall_start = std::chrono::steady_clock::now();
  while (a.clock.monotonic() < end) {
    // A session that has finished shows the completion screen; the person starts the next one.
    if (a.model->route().screen != app::Screen::Player || !a.model->has_session()) {
      a.open(kDefaultPlayRoute);
      ++sessions;
    }
    if (!a.loop->step()) break;
    if (rss_sample == 0 && a.clock.monotonic() >= sample_at) {
      rss_sample = rss_kib();
      heap_sample = heap_in_use_kib();
    }
  }
  const long rss_end = rss_kib(), heap_end = heap_in_use_kib();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  const double growth =
      rss_sample > 0 ? static_cast<double>(rss_end - rss_sample) / static_cast<double>(rss_sample) : 0;
  std::printf(
      "{\"mode\": \"soak\", \"pixels\": \"%dx%d\", \"simulated_minutes\": %.2f, \"sessions\": %ld, "
      "\"frames\": "
      "%llu, \"raster_every\": %ld, \"sample_minutes\": %.2f, \"rss_kib_at_sample\": %ld, "
      "\"rss_kib_at_end\": %ld, \"rss_growth\": %.5f, "
      "\"heap_kib_at_sample\": %ld, \"heap_kib_at_end\": %ld, \"peak_rss_kib\": %ld, \"wall_seconds\": "
      "%.1f}\n",
      a.host->width(), a.host->height(), std::chrono::duration<double>(a.clock.monotonic()).count() / 60,
      sessions, static_cast<unsigned long long>(a.loop->frames_rendered()), o.raster_every, o.sample_minutes,
      rss_sample, rss_end, growth, heap_sample, heap_end, peak_rss_kib(), wall);
  return 0;
}

int run_startup(const Options& o) {
  const std::string font_dir = fonts();
  for (long i = 0; i < o.repeat; ++i) {
    HeadlessApp a(bundled_catalog(), font_dir, o.width, o.height, o.scale, false);
    a.loop->render_frame(1.0f / 60.0f);
  }
  std::printf("{\"mode\": \"startup\", \"repeat\": %ld}\n", o.repeat);
  return 0;
}

int run_streaks(const Options& o) {
  // The same history as bench_progress, with fixed ids so every run does the same work.
  std::vector<core::CompletionRecord> log;
  const std::int64_t first_day = core::CivilDate{2016, 1, 1}.to_days();
  const int days = 3650;
  for (int d = 0; d < days; ++d) {
    if (d % 97 == 13) continue;
    for (int k = 0; k < 10; ++k) {
      core::CompletionInput in;
      char id[40];
      std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", d * 10 + k);
      in.event_id = id;
      in.pack_id = "clinician-essentials";
      in.item_id = "two-minute-reset";
      in.content_version = "1.0.0";
      in.at = core::UtcInstant{(first_day + d) * 86'400'000 + (6 + k) * 3'600'000};
      in.utc_offset_minutes = 60;
      in.zone = "Europe/London";
      in.active = core::Millis(k == 9 ? 30'000 : 120'000);
      in.planned = core::Millis(120'000);
      in.required = core::Millis(90'000);
      core::CompletionRecord r = core::make_record(in, 240, core::Anomaly::None);
      r.seq = static_cast<std::int64_t>(log.size()) + 1;
      log.push_back(std::move(r));
    }
  }
  core::ProfileSettings settings;
  settings.rest_weekdays = *core::WeekdaySet::parse("sat");
  settings.normalize();
  const core::CivilDate today = core::CivilDate::from_days(first_day + days - 1);
  long checksum = 0;
  for (long i = 0; i < o.repeat; ++i) checksum += core::summarize(log, settings, today).current_streak;
  std::printf("{\"mode\": \"streaks\", \"repeat\": %ld, \"events\": %zu, \"checksum\": %ld}\n", o.repeat,
              log.size(), checksum);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s frames|idle|soak|startup|streaks [options] (see the file's header)\n",
                 argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  const Options options = parse(argc, argv);
  if (mode == "frames") return run_frames(options);
  if (mode == "idle") return run_idle(options);
  if (mode == "soak") return run_soak(options);
  if (mode == "startup") return run_startup(options);
  if (mode == "streaks") return run_streaks(options);
  fail("unknown mode " + mode);
}
