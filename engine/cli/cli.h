// The `respite` command line (contract: DESIGN §6, docs/cli.md). One face of the core; the app is
// the other. Exit codes: 0 success, 1 invalid input or failed validation, 2 usage error.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace respite::cli {

enum ExitCode : int { kOk = 0, kInvalid = 1, kUsage = 2 };

// The app lives outside engine/cli (it needs SDL); the platform's main() hands it in.
struct AppEntryPoints {
  // `respite [--data-dir DIR] [--pack PATH]... [--size WxH] [--scale S]`; args exclude argv[0].
  std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)> run_app;
  // `respite shot ...`; args exclude "shot".
  std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)> run_shot;
};

int run(const std::vector<std::string>& args, const AppEntryPoints& app, std::ostream& out,
        std::ostream& err);

}  // namespace respite::cli
