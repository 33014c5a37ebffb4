// The two entry points the platform's main() hands to the command line (cli::AppEntryPoints):
// the app itself and `respite shot`. Arguments exclude argv[0] (and "shot").
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace respite::app {

// `respite [--data-dir DIR] [--pack PATH]... [--size WxH] [--scale S]`: opens the window and runs
// until it is closed. Exit 0, 1 when the app cannot start (no fonts, no video), 2 on bad options.
int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// What a platform shell may want to hear from the running app (the web page hides its loader at
// the first frame and copies the data folder to the browser's storage after each commit).
struct AppHooks {
  // After each rendered frame: how many so far, and the route shown ("home", "play/PACK/ITEM", ...).
  std::function<void(std::uint64_t frames_rendered, const std::string& route)> frame_presented;
  // After each completion is committed to the progress store (on the thread that wrote it).
  std::function<void()> data_committed;
  // After the person exported their data, with the file's path (the web page downloads it).
  std::function<void(const std::string& path)> data_exported;
};
int run_app(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const AppHooks& hooks);

// `respite shot --route ROUTE [--at SECONDS] [--size WxH] [--scale S] [--theme light|dark]
// [--locale LANG] [--data-dir DIR] [--pack PATH]... -o OUT.png`: renders one screen to a PNG.
int run_shot(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace respite::app
