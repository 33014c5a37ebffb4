// One function per `respite` subcommand; cli.cpp routes to them. Each returns an ExitCode and
// writes results to `out`, problems to `err`. `args` excludes the subcommand words themselves.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace respite::cli {

using Args = std::vector<std::string>;

// Content (commands_content.cpp)
int cmd_list(const Args& args, std::ostream& out, std::ostream& err);
int cmd_plan(const Args& args, std::ostream& out, std::ostream& err);
int cmd_pack(const Args& args, std::ostream& out, std::ostream& err);  // validate | new | build | info

// Where the bundled packs live when no --pack is given (set by the build; see bundled_content.h).
std::vector<std::string> default_pack_paths();

}  // namespace respite::cli
