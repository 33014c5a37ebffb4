// The clock every time-dependent part of the engine takes. Nothing in engine/core reads the
// system time directly: the app passes a SystemClock, tests and headless screenshots pass a
// ManualClock (engine/backends/null) that they advance by hand.
#pragma once

#include <string>

#include "core/time.h"

namespace respite::core {

// The UTC offset in force at an instant, and the IANA zone name when the platform knows it.
struct ZoneInfo {
  int offset_minutes = 0;  // local = UTC + offset
  std::string iana;        // e.g. "Europe/London"; empty when unknown
};

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic: never jumps, never goes backwards; used for session and active time.
  virtual MonoTime monotonic() const = 0;
  // Wall clock: may be wrong or jump (users set tablet clocks by hand).
  virtual UtcInstant utc_now() const = 0;
  // The device's zone at a given instant.
  virtual ZoneInfo zone_at(UtcInstant instant) const = 0;
};

// The real clock: std::chrono steady and system clocks, the process's local zone (TZ).
class SystemClock final : public Clock {
 public:
  MonoTime monotonic() const override;
  UtcInstant utc_now() const override;
  ZoneInfo zone_at(UtcInstant instant) const override;
};

}  // namespace respite::core
