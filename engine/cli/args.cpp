#include "cli/args.h"

namespace respite::cli {

std::optional<std::string> ParsedArgs::value(const std::string& flag) const {
  auto it = values_.find(flag);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& flag) const {
  auto it = values_.find(flag);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                                     std::string& error) {
  ParsedArgs parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg[0] != '-' || arg == "-") {
      parsed.positional_.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& candidate : specs) {
      if (candidate.name == name) spec = &candidate;
    }
    if (spec == nullptr) {
      error = "unknown option '" + name + "'";
      return std::nullopt;
    }
    if (parsed.has(name) && !spec->repeatable) {
      error = "option '" + name + "' given more than once";
      return std::nullopt;
    }
    if (!spec->takes_value) {
      if (inline_value) {
        error = "option '" + name + "' takes no value";
        return std::nullopt;
      }
      parsed.values_[name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) {
        error = "option '" + name + "' needs a value";
        return std::nullopt;
      }
      inline_value = args[++i];
    }
    parsed.values_[name].push_back(*inline_value);
  }
  return parsed;
}

std::optional<ParsedArgs> parse_command(const std::string& command, const std::vector<std::string>& args,
                                        const std::vector<FlagSpec>& specs, std::ostream& err) {
  std::string error;
  auto parsed = parse_args(args, specs, error);
  if (!parsed) err << "respite " << command << ": " << error << " (see 'respite help')\n";
  return parsed;
}

std::optional<ParsedArgs> parse_data_command(const std::string& command, const std::vector<std::string>& args,
                                             std::vector<FlagSpec> specs, std::size_t positionals,
                                             std::ostream& err) {
  specs.push_back({"--data-dir"});
  auto parsed = parse_command(command, args, specs, err);
  if (!parsed) return std::nullopt;
  if (!parsed->has("--data-dir")) {
    err << "respite " << command << ": missing --data-dir (see 'respite help')\n";
    return std::nullopt;
  }
  if (parsed->positional().size() != positionals) {
    err << "respite " << command << ": expected " << positionals << " argument"
        << (positionals == 1 ? "" : "s") << ", got " << parsed->positional().size()
        << " (see 'respite help')\n";
    return std::nullopt;
  }
  return parsed;
}

}  // namespace respite::cli
