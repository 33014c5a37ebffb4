// TEMPORARY: replaced by the real commands.
#include "cli/commands.h"
namespace respite::cli {
int cmd_list(const Args&, std::ostream&, std::ostream&) { return 1; }
int cmd_plan(const Args&, std::ostream&, std::ostream&) { return 1; }
int cmd_pack(const Args&, std::ostream&, std::ostream&) { return 1; }
std::vector<std::string> default_pack_paths() { return {}; }
}  // namespace respite::cli
