# Every build switch of the project, in one place.
option(RESPITE_BUILD_APP "Build the SDL2 + Dear ImGui app (the respite binary's UI and shot command)" ON)
option(RESPITE_BUILD_TESTS "Build the Catch2 test suite" ON)
option(RESPITE_BUILD_BENCH "Build the benchmarks under bench/" ON)
option(RESPITE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(RESPITE_WERROR "Treat compiler warnings as errors" OFF)

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
