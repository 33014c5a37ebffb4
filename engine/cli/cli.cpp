#include "cli/cli.h"

#include <ostream>

#include "cli/commands.h"

namespace respite::cli {
namespace {

constexpr const char* kUsageText =
    R"(usage: respite [--data-dir DIR] [--pack PATH [--watch]]... [--size WxH] [--scale S] [--kiosk]
       respite shot --route ROUTE [--at SECONDS] [--size WxH] [--scale S] [--theme NAME]
                    [--locale LANG] [--data-dir DIR [--profile NAME]] [--now ISO8601_WITH_OFFSET]
                    [--pack PATH]... -o OUT.png
       respite list [--pack PATH]... [--locale LANG] [--json]
       respite plan PACK_ID/ITEM_ID [--pack PATH]... [--locale LANG] [--json]
       respite pack validate PATH... | new DIR [--id ID] | build DIR -o FILE.respack
       respite pack info PATH [--json] [--trusted-key PUBLIC_KEY]...
       respite pack keygen -o KEYFILE | sign PACK.respack --key SECRET_KEY [-o FILE.sig]
       respite pack verify PACK.respack --key PUBLIC_KEY... [--signature FILE.sig]
       respite pack install PACK.respack | remove PACK_ID | list [--json]   (--data-dir DIR)
       respite log --data-dir DIR --profile NAME --item PACK_ID/ITEM_ID --at ISO8601_WITH_OFFSET
                   [--active SECONDS] [--zone IANA] [--pack PATH]... [--event-id UUID] [--json]
       respite progress --data-dir DIR --profile NAME [--today YYYY-MM-DD] [--json]
       respite profile add NAME [--pin PIN] | list [--json] | remove NAME   (--data-dir DIR)
       respite profile set NAME [--day-start HH:MM] [--rest-days mon,tue,...|none]
                   [--rest-date YYYY-MM-DD]... [--remove-rest-date YYYY-MM-DD]...
                   [--weekly-goal N|off] [--hide-streaks on|off] [--pin PIN|none] (--data-dir DIR)
       respite export --profile NAME -o FILE | import FILE [--as NAME]       (--data-dir DIR)
       respite unit enable --admin-pin PIN [--idle SECONDS] | status [--json] | disable --admin-pin PIN
       respite unit set --admin-pin PIN [--idle SECONDS] [--new-admin-pin PIN] | reset-admin-pin --new-admin-pin PIN
       respite unit remove-profile NAME | reset-profile NAME | trust-key KEYFILE [--label TEXT]
                   | untrust-key KEY_ID | install-pack PACK.respack [--signature FILE.sig]   (--admin-pin PIN)
       respite unit totals [--today YYYY-MM-DD] [--json]                        (all: --data-dir DIR)
       respite help
Exit codes: 0 success, 1 invalid input or failed validation, 2 usage error.
)";

}  // namespace

int run(const std::vector<std::string>& args, const AppEntryPoints& app, std::ostream& out,
        std::ostream& err) {
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
  if (command == "log") return cmd_log(rest, out, err);
  if (command == "progress") return cmd_progress(rest, out, err);
  if (command == "profile") return cmd_profile(rest, out, err);
  if (command == "export") return cmd_export(rest, out, err);
  if (command == "import") return cmd_import(rest, out, err);
  if (command == "unit") return cmd_unit(rest, out, err);
  err << "respite: unknown command '" << command << "'\n" << kUsageText;
  return kUsage;
}

}  // namespace respite::cli
