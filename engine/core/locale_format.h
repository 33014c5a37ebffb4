// Numbers, dates and durations written the way a language writes them: "1,234.5" and "1234,5",
// "Monday, March 3" and "lunes, 3 de marzo", "1 minute" and "2 minutos". The conventions are data
// in the translation files (keys "number.*", "date.*", "duration.*"; see docs/design.md), so adding
// a language needs no code. Pure: no SDL, no ImGui, no C locale (std::locale is not used: its
// results depend on what the machine has installed).
#pragma once

#include <string>

#include "core/i18n.h"
#include "core/time.h"

namespace respite::core {

// `value` with `decimals` digits after the separator ("number.decimal": "." or ","), grouped in
// thousands ("number.group") when the integer part has at least "number.min_grouping" digits (4
// in English: "1,234"; 5 in Spanish: "1234" but "12.345"). Rounds half away from zero.
std::string format_number(const Translations& t, double value, int decimals = 0);
// An integer count, grouped the same way.
std::string format_count(const Translations& t, long long value);

// "Monday, March 3, 2025" / "lunes, 3 de marzo de 2025" ("date.long").
std::string format_date_long(const Translations& t, const CivilDate& date);
// "Mar 3" / "3 mar" ("date.short").
std::string format_date_short(const Translations& t, const CivilDate& date);
// "Monday" / "lunes"; `weekday` 0 = Monday .. 6 = Sunday (CivilDate::weekday()).
const std::string& weekday_name(const Translations& t, int weekday);
// "Mon" / "lun".
const std::string& weekday_short(const Translations& t, int weekday);
// "March" / "marzo"; `month` 1..12.
const std::string& month_name(const Translations& t, int month);

// Whole seconds, rounded: "45 seconds", "2 minutes", "1 minute 30 seconds" (plural keys
// "duration.seconds", "duration.minutes", pattern "duration.minutes_seconds").
std::string format_duration_long(const Translations& t, double seconds);
// The compact form for chips and buttons: "45 s", "2 min", "1 min 30 s".
std::string format_duration_compact(const Translations& t, double seconds);
// "1:05" (m:ss), rounded up so a countdown reads 0:01 until the very end. The same everywhere.
std::string format_clock(double seconds);

}  // namespace respite::core
