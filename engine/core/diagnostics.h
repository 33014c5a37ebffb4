// Diagnostics: how the engine tells a person what is wrong with something they wrote
// (a pack, a settings file, a command-line value), and exactly where.
#pragma once

#include <string>
#include <vector>

namespace respite::core {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;       // path as given by the user
  int line = 0;           // 1-based; 0 when the problem has no position (e.g. a missing file)
  int column = 0;         // 1-based, counted in Unicode code points
  std::string code;       // stable identifier, e.g. "E-TYPE"; documented in docs/pack-format.md
  std::string json_path;  // e.g. "$.items[2].phases[0].seconds"; "$" for the document
  std::string message;    // names the field, what was expected and what was found

  // "FILE:LINE:COL: error[CODE]: $.path: message"
  std::string format() const;
};

class Diagnostics {
 public:
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace respite::core
