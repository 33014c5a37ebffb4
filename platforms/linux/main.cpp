// The Linux entry point: hands the app (when built) to the command line and runs it.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#ifdef RESPITE_WITH_APP
#include "app/app.h"
#endif

int main(int argc, char** argv) {
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
