// A small, strict parser for `--flag VALUE` style arguments: unknown flags, missing values and
// repeated single-use flags are usage errors with a message that names the flag.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace respite::cli {

struct FlagSpec {
  std::string name;  // "--data-dir"
  bool takes_value = true;
  bool repeatable = false;
};

class ParsedArgs {
 public:
  bool has(const std::string& flag) const { return values_.count(flag) != 0; }
  std::optional<std::string> value(const std::string& flag) const;
  std::vector<std::string> values(const std::string& flag) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend std::optional<ParsedArgs> parse_args(const std::vector<std::string>&, const std::vector<FlagSpec>&,
                                              std::string&);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// Returns nullopt and sets `error` on a usage problem.
std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                                     std::string& error);

// parse_args for the subcommand `command` ("pack validate"): on a usage problem says so on `err`,
// naming the command, and returns nullopt.
std::optional<ParsedArgs> parse_command(const std::string& command, const std::vector<std::string>& args,
                                        const std::vector<FlagSpec>& specs, std::ostream& err);

// parse_command for a command that works on a data folder: --data-dir DIR is required (added to
// `specs`) and exactly `positionals` arguments are expected.
std::optional<ParsedArgs> parse_data_command(const std::string& command, const std::vector<std::string>& args,
                                             std::vector<FlagSpec> specs, std::size_t positionals,
                                             std::ostream& err);

}  // namespace respite::cli
