# All third-party code comes from Debian's packages (see scripts/deps.sh); nothing is downloaded.
if(EMSCRIPTEN)
  # The web build links WebAssembly builds of the same Debian sources, cached by scripts/build-web.
  include(${PROJECT_SOURCE_DIR}/platforms/web/dependencies.cmake)
  return()
endif()
if(ANDROID OR IOS OR RESPITE_MOBILE_DEPS_CHECK)
  # Phones and tablets compile the same Debian sources (platforms/mobile/fetch-sources.sh).
  include(${PROJECT_SOURCE_DIR}/platforms/mobile/dependencies.cmake)
  return()
endif()
find_package(PkgConfig REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(cereal REQUIRED)
find_package(Threads REQUIRED)
# libsodium: random ids and Argon2id PIN hashes (engine/core/progress).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
add_library(Respite::sodium ALIAS PkgConfig::SODIUM)
# libzip: .respack archives; stb (stb_image, stb_vorbis): checking pack images and sounds
# (engine/core/archive_*.cpp, asset_probe.cpp).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
add_library(Respite::zip ALIAS PkgConfig::LIBZIP)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
add_library(Respite::stb ALIAS PkgConfig::STB)

find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h REQUIRED)
add_library(respite_rapidjson INTERFACE)
target_include_directories(respite_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIR})
# Our parser relies on 64-bit sizes and std::string support.
target_compile_definitions(respite_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)
add_library(Respite::rapidjson ALIAS respite_rapidjson)

if(RESPITE_BUILD_APP)
  pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
  pkg_check_modules(SDL2_MIXER REQUIRED IMPORTED_TARGET SDL2_mixer)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  # Debian ships the SDL2 platform and SDL_Renderer backends of Dear ImGui as example sources.
  set(RESPITE_IMGUI_BACKEND_DIR /usr/share/doc/libimgui-dev/examples/backends
      CACHE PATH "Where Debian's libimgui-dev keeps the backend sources")
  if(NOT EXISTS ${RESPITE_IMGUI_BACKEND_DIR}/imgui_impl_sdl.cpp)
    message(FATAL_ERROR "Dear ImGui SDL backend sources not found in ${RESPITE_IMGUI_BACKEND_DIR} (apt-get install libimgui-dev)")
  endif()
endif()

if(RESPITE_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
