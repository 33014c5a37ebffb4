# The phone and tablet builds' dependencies, compiled from the Debian source packages that
# platforms/mobile/fetch-sources.sh gathers (RESPITE_MOBILE_SOURCES_DIR), under the same target
# names cmake/RespiteDependencies.cmake gives the desktop build: PkgConfig::SDL2,
# PkgConfig::SDL2_MIXER, PkgConfig::IMGUI, SQLite::SQLite3, Respite::sodium, Respite::stb,
# cereal::cereal, Respite::rapidjson and Threads::Threads. No libzip: packs are bundled as folders,
# as on the web. Used for Android and iOS, and on Linux with -DRESPITE_MOBILE_DEPS_CHECK=ON, which
# builds the same way (SDL2 and SDL2_mixer as shared libraries, as on Android) to check this file
# where no NDK or Xcode exists (platforms/android/README.md, "What was verified").
set(RESPITE_MOBILE_SOURCES_DIR "" CACHE PATH "Sources gathered by platforms/mobile/fetch-sources.sh")
set(src "${RESPITE_MOBILE_SOURCES_DIR}")
foreach(tree sdl2 sdl2-mixer imgui stb sodium sqlite3 headers/include/cereal headers/include/rapidjson)
  if(NOT IS_DIRECTORY "${src}/${tree}")
    message(FATAL_ERROR "RESPITE_MOBILE_SOURCES_DIR='${src}' has no ${tree}/: run "
                        "platforms/mobile/fetch-sources.sh and pass -C <its folder>/sources.cmake")
  endif()
endforeach()
if(RESPITE_BUILD_TESTS OR RESPITE_BUILD_BENCH)
  message(FATAL_ERROR "The mobile builds have no tests or benchmarks of their own; configure with "
                      "-DRESPITE_BUILD_TESTS=OFF -DRESPITE_BUILD_BENCH=OFF")
endif()
find_package(Threads REQUIRED)

# Android's SDLActivity loads libSDL2.so and then libmain.so (SDL's documented layout); an iOS app
# links everything statically into its executable.
if(IOS)
  set(respite_shared_sdl OFF)
else()
  set(respite_shared_sdl ON)
endif()

# --- SDL2 -------------------------------------------------------------------------------------------
set(SDL_SHARED ${respite_shared_sdl} CACHE BOOL "" FORCE)
if(respite_shared_sdl)
  set(SDL_STATIC OFF CACHE BOOL "" FORCE)
else()
  set(SDL_STATIC ON CACHE BOOL "" FORCE)
endif()
set(SDL_TEST OFF CACHE BOOL "" FORCE)
set(SDL2_DISABLE_INSTALL ON CACHE BOOL "" FORCE)
set(SDL2_DISABLE_UNINSTALL ON CACHE BOOL "" FORCE)
if(NOT IOS)
  set(SDL2_DISABLE_SDL2MAIN ON CACHE BOOL "" FORCE)  # only iOS needs SDL2main (its main())
endif()
if(IOS)
  # Debian's source drops SDL's prebuilt Metal shaders (debian/copyright, Files-Excluded), so the
  # iOS renderer is SDL's OpenGL ES 2 one.
  set(SDL_METAL OFF CACHE BOOL "" FORCE)
  set(SDL_RENDER_METAL OFF CACHE BOOL "" FORCE)
endif()
add_subdirectory("${src}/sdl2" "${CMAKE_BINARY_DIR}/deps/sdl2")
add_library(PkgConfig::SDL2 INTERFACE IMPORTED GLOBAL)
if(respite_shared_sdl)
  set_property(TARGET PkgConfig::SDL2 PROPERTY INTERFACE_LINK_LIBRARIES SDL2::SDL2)
else()
  set_property(TARGET PkgConfig::SDL2 PROPERTY INTERFACE_LINK_LIBRARIES SDL2::SDL2-static)
endif()
# The engine includes <SDL.h>, as pkg-config's -I.../SDL2 allows on the desktop.
set_property(TARGET PkgConfig::SDL2 PROPERTY INTERFACE_INCLUDE_DIRECTORIES "${src}/sdl2/include")

# --- SDL2_mixer: WAV, and OGG through its own stb_vorbis; no external codec ---------------------------
set(BUILD_SHARED_LIBS ${respite_shared_sdl})
foreach(option SDL2MIXER_INSTALL SDL2MIXER_SAMPLES SDL2MIXER_CMD SDL2MIXER_DEPS_SHARED SDL2MIXER_VENDORED
               SDL2MIXER_FLAC SDL2MIXER_MOD SDL2MIXER_MIDI SDL2MIXER_OPUS SDL2MIXER_MP3)
  set(${option} OFF CACHE BOOL "" FORCE)
endforeach()
set(SDL2MIXER_WAVE ON CACHE BOOL "" FORCE)
set(SDL2MIXER_VORBIS STB CACHE STRING "" FORCE)
add_subdirectory("${src}/sdl2-mixer" "${CMAKE_BINARY_DIR}/deps/sdl2-mixer")
unset(BUILD_SHARED_LIBS)
add_library(PkgConfig::SDL2_MIXER INTERFACE IMPORTED GLOBAL)
set_property(TARGET PkgConfig::SDL2_MIXER PROPERTY INTERFACE_LINK_LIBRARIES SDL2_mixer PkgConfig::SDL2)

# --- stb: the PNG reader and writer; stb_vorbis as Debian installs it (stb_vorbis.c as a header) -----
set(stb_include "${CMAKE_BINARY_DIR}/deps/stb/include")
configure_file("${src}/stb/stb_vorbis.c" "${stb_include}/stb_vorbis.h" COPYONLY)
add_library(respite_mobile_stb STATIC "${CMAKE_CURRENT_LIST_DIR}/stb_impl.c")
target_include_directories(respite_mobile_stb SYSTEM PUBLIC "${src}/stb" "${stb_include}")
if(respite_shared_sdl)
  # SDL2_mixer's copy of stb_vorbis is hidden inside its shared library: compile one for the engine.
  target_compile_definitions(respite_mobile_stb PRIVATE RESPITE_STB_VORBIS_CODE=1)
else()
  # Statically linked, SDL2_mixer's copy (the same v1.22 API) serves the engine; two would clash.
  target_link_libraries(respite_mobile_stb INTERFACE $<LINK_ONLY:SDL2_mixer>)
endif()
add_library(Respite::stb ALIAS respite_mobile_stb)

# --- Dear ImGui: the translation units of Debian's libimgui; backends compiled by engine/app ------------
add_library(respite_mobile_imgui STATIC
  "${src}/imgui/imgui.cpp" "${src}/imgui/imgui_demo.cpp" "${src}/imgui/imgui_draw.cpp"
  "${src}/imgui/imgui_tables.cpp" "${src}/imgui/imgui_widgets.cpp" "${src}/imgui/misc/cpp/imgui_stdlib.cpp")
target_include_directories(respite_mobile_imgui SYSTEM PUBLIC "${src}/imgui" "${src}/imgui/backends")
# Debian's imgui.pc requires stb.pc; the engine relies on that for <stb_image_write.h>.
target_link_libraries(respite_mobile_imgui PUBLIC respite_mobile_stb)
add_library(PkgConfig::IMGUI ALIAS respite_mobile_imgui)
set(RESPITE_IMGUI_BACKEND_DIR "${src}/imgui/backends" CACHE PATH "Dear ImGui's SDL backends" FORCE)

# --- SQLite: the amalgamation fetch-sources.sh generated ------------------------------------------
add_library(respite_mobile_sqlite STATIC "${src}/sqlite3/sqlite3.c")
target_include_directories(respite_mobile_sqlite SYSTEM PUBLIC "${src}/sqlite3")
# Thread-safe (progress is written on a worker thread); no loadable extensions.
target_compile_definitions(respite_mobile_sqlite PRIVATE SQLITE_THREADSAFE=1 SQLITE_OMIT_LOAD_EXTENSION
                                                         SQLITE_DQS=0 SQLITE_ENABLE_COLUMN_METADATA)
target_link_libraries(respite_mobile_sqlite PUBLIC Threads::Threads)
add_library(SQLite::SQLite3 ALIAS respite_mobile_sqlite)

# --- libsodium: its portable C code (no assembly) -------------------------------------------------
# Debian's source has only configure.ac; its version header is configured here instead, and the
# optional CPU-specific files compile to nothing without their HAVE_*INTRIN_H flags.
set(sodium "${src}/sodium/src/libsodium")
set(sodium_include "${CMAKE_BINARY_DIR}/deps/sodium/include")
file(STRINGS "${src}/sodium/configure.ac" sodium_ac REGEX "^(AC_INIT|SODIUM_LIBRARY_VERSION_M[AI][JN]O?R?=)")
string(REGEX MATCH "AC_INIT\\(\\[libsodium\\],\\[([0-9.]+)\\]" _ "${sodium_ac}")
set(VERSION "${CMAKE_MATCH_1}")
string(REGEX MATCH "SODIUM_LIBRARY_VERSION_MAJOR=([0-9]+)" _ "${sodium_ac}")
set(SODIUM_LIBRARY_VERSION_MAJOR "${CMAKE_MATCH_1}")
string(REGEX MATCH "SODIUM_LIBRARY_VERSION_MINOR=([0-9]+)" _ "${sodium_ac}")
set(SODIUM_LIBRARY_VERSION_MINOR "${CMAKE_MATCH_1}")
if(NOT VERSION OR NOT SODIUM_LIBRARY_VERSION_MAJOR OR NOT SODIUM_LIBRARY_VERSION_MINOR)
  message(FATAL_ERROR "cannot read libsodium's version from ${src}/sodium/configure.ac")
endif()
set(SODIUM_LIBRARY_MINIMAL_DEF "")
# version.h includes "export.h" from its own folder, so the headers are used from a copy that holds both.
file(COPY "${sodium}/include/" DESTINATION "${sodium_include}" PATTERN "*.in" EXCLUDE)
configure_file("${sodium}/include/sodium/version.h.in" "${sodium_include}/sodium/version.h" @ONLY)
file(GLOB_RECURSE sodium_sources "${sodium}/*.c")
add_library(respite_mobile_sodium STATIC ${sodium_sources})
target_include_directories(respite_mobile_sodium SYSTEM PUBLIC "${sodium_include}"
                           PRIVATE "${sodium_include}/sodium")
target_compile_definitions(respite_mobile_sodium PUBLIC SODIUM_STATIC=1
                           PRIVATE CONFIGURED=1 HAVE_PTHREAD=1 HAVE_SYS_MMAN_H=1 HAVE_MMAP=1 HAVE_MPROTECT=1
                                   HAVE_MLOCK=1 HAVE_POSIX_MEMALIGN=1)
target_link_libraries(respite_mobile_sodium PUBLIC Threads::Threads)
add_library(Respite::sodium ALIAS respite_mobile_sodium)

# --- Header-only: cereal and RapidJSON as Debian installs them ----------------------------------------
add_library(cereal::cereal INTERFACE IMPORTED GLOBAL)
set_target_properties(cereal::cereal PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${src}/headers/include")
add_library(respite_rapidjson INTERFACE)
target_include_directories(respite_rapidjson SYSTEM INTERFACE "${src}/headers/include")
target_compile_definitions(respite_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)
add_library(Respite::rapidjson ALIAS respite_rapidjson)
