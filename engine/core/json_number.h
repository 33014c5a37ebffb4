// Numbers as people write them in JSON, and as Respite writes them back: exact, locale-free,
// and without binary floating-point noise ("4.5", never "4.499999").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace respite::core::json {

// The value of a JSON number literal (as kept in json::Value::text). Nullopt if the text is not a
// number or its magnitude does not fit in a double.
std::optional<double> number_value(std::string_view text);

// Whole milliseconds as seconds in the shortest exact decimal form: 4000 -> "4", 4500 -> "4.5",
// 125 -> "0.125", -2000 -> "-2".
std::string format_seconds(Millis ms);

}  // namespace respite::core::json
