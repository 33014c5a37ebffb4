// Catch2 main() for the headless tests: SDL must never open a real display or sound device here,
// whoever runs the binary (ctest, a developer, a debugger), so the dummy drivers are the default.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  setenv("SDL_VIDEODRIVER", "dummy", 0);
  setenv("SDL_AUDIODRIVER", "dummy", 0);
  return Catch::Session().run(argc, argv);
}
