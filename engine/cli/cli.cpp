#include "cli/cli.h"

#include <ostream>

#include "cli/commands.h"

namespace respite::cli {
namespace {

constexpr const char* kUsageText = R"(usage: respite [--data-dir DIR] [--pack PATH]... [--size WxH] [--scale S]
       respite shot --route ROUTE [--at SECONDS] [--size WxH] [--scale S] [--theme NAME]
                    [--locale LANG] [--data-dir DIR] [--pack PATH]... -o OUT.png
       respite list [--pack PATH]... --json
       respite plan PACK_ID/ITEM_ID [--pack PATH]... --json
       respite pack validate PATH...
       respite help
Exit codes: 0 success, 1 invalid input or failed validation, 2 usage error.
)";

}  // namespace

int run(const std::vector<std::string>& args, const AppEntryPoints& app, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0].rfind("--", 0) == 0) {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
      out << kUsageText;
      return kOk;
    }
    if (!app.run_app) {
      err << "respite: this build has no app; see 'respite help'\n";
      return kUsage;
    }
    return app.run_app(args, out, err);
  }
  const std::string& command = args[0];
  const Args rest(args.begin() + 1, args.end());
  if (command == "help" || command == "-h") {
    out << kUsageText;
    return kOk;
  }
  if (command == "shot") {
    if (!app.run_shot) {
      err << "respite: this build has no renderer for 'shot'\n";
      return kUsage;
    }
    return app.run_shot(rest, out, err);
  }
  if (command == "list") return cmd_list(rest, out, err);
  if (command == "plan") return cmd_plan(rest, out, err);
  if (command == "pack") return cmd_pack(rest, out, err);
  err << "respite: unknown command '" << command << "'\n" << kUsageText;
  return kUsage;
}

}  // namespace respite::cli
