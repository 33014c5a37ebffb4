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
int cmd_pack(const Args& args, std::ostream& out, std::ostream& err);  // commands_pack.cpp

// Progress and profiles (commands_progress.cpp)
int cmd_log(const Args& args, std::ostream& out, std::ostream& err);
int cmd_progress(const Args& args, std::ostream& out, std::ostream& err);
int cmd_profile(const Args& args, std::ostream& out, std::ostream& err);  // add | list | remove | set
int cmd_export(const Args& args, std::ostream& out, std::ostream& err);
int cmd_import(const Args& args, std::ostream& out, std::ostream& err);

// Unit mode for shared tablets (commands_unit.cpp)
int cmd_unit(const Args& args, std::ostream& out, std::ostream& err);

// The bundled packs used when no --pack is given: core::discover_packs(core::default_packs_dir()).
std::vector<std::string> default_pack_paths();

}  // namespace respite::cli
