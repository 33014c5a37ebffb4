// A clock that moves only when told to: for tests, headless screenshots and benchmarks.
#pragma once

#include "core/clock.h"

namespace respite::null_backend {

class ManualClock final : public core::Clock {
 public:
  explicit ManualClock(core::UtcInstant utc = core::UtcInstant{1'767'225'600'000},  // 2026-01-01Z
                       core::ZoneInfo zone = {})
      : utc_base_(utc), zone_(std::move(zone)) {}

  core::MonoTime monotonic() const override { return mono_; }
  core::UtcInstant utc_now() const override {
    return core::UtcInstant{utc_base_.ms + std::chrono::duration_cast<std::chrono::milliseconds>(mono_).count()};
  }
  core::ZoneInfo zone_at(core::UtcInstant) const override { return zone_; }

  // Moves both clocks forward, as real time does.
  void advance(core::MonoTime by) { mono_ += by; }
  // Moves only the wall clock, as a person setting the tablet's clock does.
  void set_utc(core::UtcInstant utc) {
    utc_base_.ms = utc.ms - std::chrono::duration_cast<std::chrono::milliseconds>(mono_).count();
  }
  void set_zone(core::ZoneInfo zone) { zone_ = std::move(zone); }

 private:
  core::MonoTime mono_{0};
  core::UtcInstant utc_base_;  // wall time when the monotonic clock read zero
  core::ZoneInfo zone_;
};

}  // namespace respite::null_backend
