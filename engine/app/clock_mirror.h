// A clock that worker threads may read while the UI thread owns the real one. The app's storage
// jobs run on their own threads (docs/app.md, "Progress"); they stamp files and profiles with the
// time, and a ManualClock (tests, `shot`) is not safe to read while the UI thread advances it. The
// UI thread copies its clock's readings into the mirror (sync) before it hands work over; workers
// read the copy. With the SystemClock the app passes the real clock to storage directly.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include "core/clock.h"

namespace respite::app {

class ClockMirror final : public core::Clock {
 public:
  explicit ClockMirror(const core::Clock& source) { sync(source); }

  // UI thread: take the source's current readings.
  void sync(const core::Clock& source) {
    const core::UtcInstant now = source.utc_now();
    core::ZoneInfo zone = source.zone_at(now);
    mono_ns_.store(source.monotonic().count());
    utc_ms_.store(now.ms);
    std::lock_guard<std::mutex> lock(mutex_);
    zone_ = std::move(zone);
  }

  core::MonoTime monotonic() const override { return core::MonoTime(mono_ns_.load()); }
  core::UtcInstant utc_now() const override { return core::UtcInstant{utc_ms_.load()}; }
  core::ZoneInfo zone_at(core::UtcInstant) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return zone_;
  }

 private:
  std::atomic<core::MonoTime::rep> mono_ns_{0};
  std::atomic<std::int64_t> utc_ms_{0};
  mutable std::mutex mutex_;
  core::ZoneInfo zone_;
};

}  // namespace respite::app
