// Progress store and streak benchmarks (docs/progress.md, "Performance"):
//  1. durable commit latency of ProgressStore::record vs a bare single-row SQLite INSERT in the same
//     mode (WAL, synchronous=FULL, one transaction each), interleaved in one run on one disk;
//     goal: store p99 <= 2x bare p99;
//  2. summarize() (streaks + stats) over 10 years x 10 sessions a day (a missed day every 97, so
//     36,120 events); goal <= 1 ms;
//  3. for context: open (quick_check), load, and backup of that 10-year history.
// Prints a table, then one JSON object on the last line.
//   usage: bench_progress [--commits N] [--dir DIR]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/progress/ids.h"
#include "core/progress/progress_store.h"
#include "core/progress/streaks.h"

using namespace respite;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double micros_since(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

struct Stats {
  double p50 = 0, p99 = 0, mean = 0, max = 0;
};

Stats stats_of(std::vector<double> samples) {
  Stats s;
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    return samples[static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1))];
  };
  s.p50 = at(0.50);
  s.p99 = at(0.99);
  s.max = samples.back();
  for (double v : samples) s.mean += v;
  s.mean /= static_cast<double>(samples.size());
  return s;
}

core::CompletionInput input_at(std::int64_t ms, int offset_minutes) {
  core::CompletionInput in;
  in.event_id = core::make_uuid_v4();
  in.pack_id = "clinician-essentials";
  in.item_id = "two-minute-reset";
  in.content_version = "1.0.0";
  in.at = core::UtcInstant{ms};
  in.utc_offset_minutes = offset_minutes;
  in.zone = "Europe/London";
  in.active = core::Millis(120'000);
  in.planned = core::Millis(120'000);
  in.required = core::Millis(90'000);
  return in;
}

void print_row(const char* name, const Stats& s, const char* unit) {
  std::printf("%-44s %10.1f %10.1f %10.1f %10.1f  %s\n", name, s.p50, s.p99, s.mean, s.max, unit);
}

}  // namespace

int main(int argc, char** argv) {
  int commits = 2000;
  fs::path dir = fs::temp_directory_path() / ("respite-bench-" + core::make_uuid_v4().substr(0, 8));
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--commits") == 0) commits = std::max(100, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--dir") == 0)
      dir = fs::path(argv[i + 1]) / ("respite-bench-" + core::make_uuid_v4().substr(0, 8));
  }
  fs::create_directories(dir);
  const core::SystemClock clock;

  // --- 1. Commit latency, store vs bare insert, interleaved -----------------------------------
  std::vector<double> store_us, bare_us;
  {
    const core::ProfileIdentity who{core::make_uuid_v4(), "Bench", "", clock.utc_now()};
    auto opened = core::ProgressStore::open(dir / "store" / "progress.db", clock, who);
    if (!opened.store) {
      std::fprintf(stderr, "bench_progress: %s\n", opened.message.c_str());
      return 1;
    }
    sqlite3* bare = nullptr;
    fs::create_directories(dir / "bare");
    sqlite3_open((dir / "bare" / "bare.db").string().c_str(), &bare);
    sqlite3_exec(bare, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x INTEGER)", nullptr,
                 nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(bare, "INSERT INTO t(x) VALUES(?1)", -1, &insert, nullptr);
    const std::int64_t base = clock.utc_now().ms;
    for (int i = 0; i < commits + 50; ++i) {
      const core::CompletionInput in = input_at(base + i * 1000, 60);
      auto t0 = Clock::now();
      const auto outcome = opened.store->record(in);
      const double store_time = micros_since(t0);
      if (!outcome.ok()) {
        std::fprintf(stderr, "bench_progress: %s\n", outcome.message.c_str());
        return 1;
      }
      t0 = Clock::now();
      sqlite3_bind_int64(insert, 1, i);
      const int rc = sqlite3_step(insert);
      sqlite3_reset(insert);
      const double bare_time = micros_since(t0);
      if (rc != SQLITE_DONE) return 1;
      if (i >= 50) {  // the first 50 warm caches and grow both files
        store_us.push_back(store_time);
        bare_us.push_back(bare_time);
      }
    }
    sqlite3_finalize(insert);
    sqlite3_close(bare);
  }

  // --- 2. Streaks over 10 years x 10 sessions a day --------------------------------------------
  std::vector<core::CompletionRecord> log;
  const std::int64_t first_day = core::CivilDate{2016, 1, 1}.to_days();
  const int days = 3650;
  log.reserve(static_cast<std::size_t>(days) * 10);
  for (int d = 0; d < days; ++d) {
    if (d % 97 == 13) continue;  // some missed days, so runs break
    for (int k = 0; k < 10; ++k) {
      const std::int64_t ms = (first_day + d) * 86'400'000 + (6 + k) * 3'600'000;
      core::CompletionInput in = input_at(ms, 60);
      if (k == 9) in.active = core::Millis(30'000);  // a partial one each day
      core::CompletionRecord r = core::make_record(in, 240, core::Anomaly::None);
      r.seq = static_cast<std::int64_t>(log.size()) + 1;
      log.push_back(std::move(r));
    }
  }
  core::ProfileSettings daily;
  daily.rest_weekdays = *core::WeekdaySet::parse("sat");
  for (int i = 0; i < 40; ++i) daily.rest_dates.push_back(core::CivilDate::from_days(first_day + i * 90 + 5));
  daily.normalize();
  core::ProfileSettings weekly = daily;
  weekly.weekly_goal = 4;
  const core::CivilDate today = core::CivilDate::from_days(first_day + days - 1);
  std::vector<double> daily_us, weekly_us;
  int checksum = 0;
  for (int rep = 0; rep < 300; ++rep) {
    auto t0 = Clock::now();
    const auto a = core::summarize(log, daily, today);
    daily_us.push_back(micros_since(t0));
    t0 = Clock::now();
    const auto b = core::summarize(log, weekly, today);
    weekly_us.push_back(micros_since(t0));
    checksum += a.current_streak + b.longest_streak;
  }

  // --- 3. The 10-year history on disk ----------------------------------------------------------
  double merge_ms = 0, open_ms = 0, load_ms = 0, backup_ms = 0;
  std::int64_t file_bytes = 0;
  {
    const core::ProfileIdentity who{core::make_uuid_v4(), "Decade", "", clock.utc_now()};
    const fs::path path = dir / "decade" / "progress.db";
    {
      auto opened = core::ProgressStore::open(path, clock, who);
      std::vector<core::CompletionRecord> records = log;
      for (auto& r : records) r.event_id = core::make_uuid_v4();
      auto t0 = Clock::now();
      const auto merged = opened.store->merge(records);
      merge_ms = micros_since(t0) / 1000.0;
      if (!merged.error.empty()) return 1;
      opened.store->backup_if_stale();
    }
    auto t0 = Clock::now();
    auto opened = core::ProgressStore::open(path, clock);
    open_ms = micros_since(t0) / 1000.0;
    t0 = Clock::now();
    const auto loaded = opened.store->completions();
    load_ms = micros_since(t0) / 1000.0;
    checksum += static_cast<int>(loaded.size() % 7);
    core::CompletionInput in = input_at(clock.utc_now().ms, 60);
    opened.store->record(in);
    t0 = Clock::now();
    opened.store->backup_if_stale();
    backup_ms = micros_since(t0) / 1000.0;
    file_bytes = static_cast<std::int64_t>(fs::file_size(path));
  }
  std::error_code ec;
  fs::remove_all(dir, ec);

  const Stats store = stats_of(store_us), bare = stats_of(bare_us);
  const Stats streak_daily = stats_of(daily_us), streak_weekly = stats_of(weekly_us);
  const double ratio = store.p99 / bare.p99;
  std::printf("%-44s %10s %10s %10s %10s\n", "measure", "p50", "p99", "mean", "max");
  print_row("commit: ProgressStore::record (WAL, FULL)", store, "us");
  print_row("commit: bare single-row INSERT (WAL, FULL)", bare, "us");
  const std::string events = std::to_string(log.size());
  print_row(("summarize, " + events + " events, daily + rest days").c_str(), streak_daily, "us");
  print_row(("summarize, " + events + " events, weekly goal 4").c_str(), streak_weekly, "us");
  std::printf("store/bare p99 ratio: %.2f (goal <= 2.0)   streak p99: %.0f us (goal <= 1000)\n", ratio,
              std::max(streak_daily.p99, streak_weekly.p99));
  std::printf(
      "10-year file: %.1f MiB; import 36,500 events in one transaction %.1f ms; open with quick_check "
      "%.1f ms; load all %.1f ms; backup %.1f ms\n",
      static_cast<double>(file_bytes) / (1024.0 * 1024.0), merge_ms, open_ms, load_ms, backup_ms);
  std::printf(
      "{\"commits\": %d, \"store_commit_us\": {\"p50\": %.1f, \"p99\": %.1f}, \"bare_commit_us\": {\"p50\": "
      "%.1f, "
      "\"p99\": %.1f}, \"p99_ratio\": %.3f, \"summarize_us\": {\"daily_p50\": %.1f, \"daily_p99\": %.1f, "
      "\"weekly_p50\": %.1f, \"weekly_p99\": %.1f}, \"decade\": {\"events\": %zu, \"file_bytes\": %lld, "
      "\"import_ms\": %.1f, \"open_ms\": %.1f, \"load_ms\": %.1f, \"backup_ms\": %.1f}, \"checksum\": %d}\n",
      commits, store.p50, store.p99, bare.p50, bare.p99, ratio, streak_daily.p50, streak_daily.p99,
      streak_weekly.p50, streak_weekly.p99, log.size(), static_cast<long long>(file_bytes), merge_ms, open_ms,
      load_ms, backup_ms, checksum);
  return 0;
}
