// The Linux entry point: hands the app (when built) to the command line and runs it.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "cli/cli.h"
#ifdef RESPITE_WITH_APP
#include "app/app.h"
#endif

namespace {

// An installed copy (`cmake --install`, platforms/linux/README.md) keeps its read-only files in
// <prefix>/share/respite next to <prefix>/bin/respite. A build tree has no such folder and finds
// them as before (bin/../assets and the source tree's content/). Variables already set win, so a
// person can still point the program elsewhere.
void use_installed_files() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return;
  const fs::path share = (exe.parent_path() / ".." / "share" / "respite").lexically_normal();
  if (!fs::is_directory(share / "content" / "packs", ec)) return;
  setenv("RESPITE_ASSETS_DIR", (share / "assets").c_str(), 0);
  setenv("RESPITE_PACKS_DIR", (share / "content" / "packs").c_str(), 0);
  setenv("RESPITE_SUPPORT_FILE", (share / "content" / "support" / "resources.json").c_str(), 0);
}

}  // namespace

int main(int argc, char** argv) {
  use_installed_files();
  const std::vector<std::string> args(argv + 1, argv + argc);
  respite::cli::AppEntryPoints app;
#ifdef RESPITE_WITH_APP
  // run_app is overloaded (with and without platform hooks); the command line takes the plain one.
  app.run_app = static_cast<int (*)(const std::vector<std::string>&, std::ostream&, std::ostream&)>(
      respite::app::run_app);
  app.run_shot = respite::app::run_shot;
#endif
  return respite::cli::run(args, app, std::cout, std::cerr);
}
