#include "core/diagnostics.h"

#include <algorithm>

namespace respite::core {

std::string Diagnostic::format() const {
  std::string out = file;
  out += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
  out += severity == Severity::Error ? "error" : "warning";
  out += '[' + code + "]: " + (json_path.empty() ? std::string("$") : json_path) + ": " + message;
  return out;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error;
  }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace respite::core
