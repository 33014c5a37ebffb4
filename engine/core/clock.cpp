#include "core/clock.h"

#include <cstdlib>
#include <ctime>

namespace respite::core {

MonoTime SystemClock::monotonic() const {
  return std::chrono::duration_cast<MonoTime>(std::chrono::steady_clock::now().time_since_epoch());
}

UtcInstant SystemClock::utc_now() const {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return UtcInstant{std::chrono::duration_cast<std::chrono::milliseconds>(now).count()};
}

ZoneInfo SystemClock::zone_at(UtcInstant instant) const {
  // localtime_r applies the TZ rules in force at that instant, including DST.
  std::time_t seconds = static_cast<std::time_t>(instant.ms / 1000);
  std::tm local{};
  ZoneInfo zone;
  if (localtime_r(&seconds, &local) != nullptr) zone.offset_minutes = static_cast<int>(local.tm_gmtoff / 60);
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    zone.iana = tz[0] == ':' ? tz + 1 : tz;
  }
  return zone;
}

}  // namespace respite::core
