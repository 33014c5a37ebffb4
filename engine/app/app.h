// The two entry points the platform's main() hands to the command line (cli::AppEntryPoints):
// the app itself and `respite shot`. Arguments exclude argv[0] (and "shot").
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace respite::app {

// `respite [--data-dir DIR] [--pack PATH]... [--size WxH] [--scale S]`: opens the window and runs
// until it is closed. Exit 0, 1 when the app cannot start (no fonts, no video), 2 on bad options.
int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `respite shot --route ROUTE [--at SECONDS] [--size WxH] [--scale S] [--theme light|dark]
// [--locale LANG] [--data-dir DIR] [--pack PATH]... -o OUT.png`: renders one screen to a PNG.
int run_shot(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace respite::app
