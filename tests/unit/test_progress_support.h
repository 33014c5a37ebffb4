// Helpers shared by the progress and streak tests: throwaway folders, inputs built from readable
// timestamps, and the write-time rules applied to a list (as the store applies them).
#pragma once

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/progress/ids.h"
#include "core/progress/progress_types.h"

namespace respite::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("respite-" + name + "-" + core::make_uuid_v4().substr(0, 8))) {
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

// "2026-03-08T02:30:00-05:00" -> instant + offset; fails the test on a typo.
inline core::OffsetDateTime at(const std::string& iso) {
  std::string error;
  auto parsed = core::parse_iso8601_with_offset(iso, error);
  if (!parsed) throw std::runtime_error("bad timestamp in test: " + error);
  return *parsed;
}

inline core::CivilDate day(const std::string& text) {
  auto d = core::CivilDate::parse(text);
  if (!d) throw std::runtime_error("bad date in test: " + text);
  return *d;
}

inline core::CompletionInput input_at(const std::string& iso, core::Millis active = core::Millis(120'000),
                                      core::Millis required = core::Millis(90'000)) {
  const core::OffsetDateTime when = at(iso);
  core::CompletionInput in;
  in.event_id = core::make_uuid_v4();
  in.pack_id = "test-pack";
  in.item_id = "breath";
  in.content_version = "1.0.0";
  in.at = when.instant;
  in.utc_offset_minutes = when.offset_minutes;
  in.active = active;
  in.planned = core::Millis(120'000);
  in.required = required;
  return in;
}

// The store's write-time rules, applied in order: practice day from the day start in force, and
// the clock-behind flag against the latest trusted instant so far.
class LogBuilder {
 public:
  explicit LogBuilder(int day_start_minutes = core::kDefaultDayStartMinutes)
      : day_start_(day_start_minutes) {}
  void set_day_start(int minutes) { day_start_ = minutes; }
  const core::CompletionRecord& add(const core::CompletionInput& input) {
    const bool behind = have_trusted_ && input.at.ms < latest_trusted_ - core::kClockBehindToleranceMs;
    core::CompletionRecord r =
        core::make_record(input, day_start_, behind ? core::Anomaly::ClockBehind : core::Anomaly::None);
    r.seq = static_cast<std::int64_t>(log_.size()) + 1;
    if (!behind) {
      latest_trusted_ = have_trusted_ ? std::max(latest_trusted_, input.at.ms) : input.at.ms;
      have_trusted_ = true;
    }
    log_.push_back(r);
    return log_.back();
  }
  const core::CompletionRecord& add(const std::string& iso, core::Millis active = core::Millis(120'000)) {
    return add(input_at(iso, active));
  }
  const std::vector<core::CompletionRecord>& log() const { return log_; }

 private:
  int day_start_;
  bool have_trusted_ = false;
  std::int64_t latest_trusted_ = 0;
  std::vector<core::CompletionRecord> log_;
};

}  // namespace respite::test
