# The web build's dependencies: the same target names as cmake/RespiteDependencies.cmake gives the
# native build (PkgConfig::SDL2, PkgConfig::SDL2_MIXER, PkgConfig::IMGUI, SQLite::SQLite3,
# Respite::sodium, cereal::cereal, Respite::rapidjson; no Threads::Threads: the site runs without
# threads, see docs/web.md), pointing at the WebAssembly libraries that
# scripts/web/build-deps.sh builds from Debian's source packages into its cache. Nothing here
# comes from the host's /usr/include or /usr/lib: their glibc headers and x86 objects would not mix.
if(NOT EMSCRIPTEN)
  message(FATAL_ERROR "platforms/web/dependencies.cmake is for emscripten builds (emcmake cmake ...)")
endif()
if(RESPITE_BUILD_TESTS OR RESPITE_BUILD_BENCH)
  message(FATAL_ERROR "The web build has no tests or benchmarks of its own; configure with "
                      "-DRESPITE_BUILD_TESTS=OFF -DRESPITE_BUILD_BENCH=OFF (scripts/build-web does)")
endif()

foreach(prefix_var RESPITE_WEB_SDL2_PREFIX RESPITE_WEB_SDL2_MIXER_PREFIX RESPITE_WEB_IMGUI_PREFIX
                   RESPITE_WEB_STB_PREFIX RESPITE_WEB_SQLITE_PREFIX RESPITE_WEB_SODIUM_PREFIX RESPITE_WEB_HEADERS_PREFIX)
  if(NOT IS_DIRECTORY "${${prefix_var}}")
    message(FATAL_ERROR "${prefix_var} is not set to a folder. Build the web dependencies with "
                        "./scripts/build-web, which passes them with -C build/web/deps.cmake.")
  endif()
endforeach()

# A static library from the cache as an imported target; its headers are system headers (-isystem),
# as pkg-config's are in the native build, so the project's warnings stay about our own code.
function(respite_web_import target library)
  if(NOT EXISTS "${library}")
    message(FATAL_ERROR "${library} is missing; rebuild the web dependencies with ./scripts/build-web")
  endif()
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${library}"
                                             INTERFACE_INCLUDE_DIRECTORIES "${ARGN}")
endfunction()

respite_web_import(PkgConfig::SDL2 "${RESPITE_WEB_SDL2_PREFIX}/lib/libSDL2.a"
                   "${RESPITE_WEB_SDL2_PREFIX}/include/SDL2" "${RESPITE_WEB_SDL2_PREFIX}/include")
# -sUSE_SDL=0 keeps emscripten's JavaScript SDL 1 out. SDL's audio code calls two JavaScript helpers
# that emscripten adds only for its own SDL port; sdl-js-deps.rsp asks for them by name (a response
# file, because their names start with '$', which CMake, Ninja and the shell would each rewrite).
set_property(TARGET PkgConfig::SDL2 PROPERTY INTERFACE_LINK_OPTIONS
             "-sUSE_SDL=0" "@${CMAKE_CURRENT_LIST_DIR}/sdl-js-deps.rsp")

# Linked by full path: "-lSDL2_mixer" would make emcc fetch its own SDL2_mixer port.
respite_web_import(PkgConfig::SDL2_MIXER "${RESPITE_WEB_SDL2_MIXER_PREFIX}/lib/libSDL2_mixer.a"
                   "${RESPITE_WEB_SDL2_MIXER_PREFIX}/include/SDL2")
set_property(TARGET PkgConfig::SDL2_MIXER PROPERTY INTERFACE_LINK_LIBRARIES PkgConfig::SDL2)

respite_web_import(PkgConfig::IMGUI "${RESPITE_WEB_IMGUI_PREFIX}/lib/libimgui.a"
                   "${RESPITE_WEB_IMGUI_PREFIX}/include/imgui")
# Debian's imgui.pc requires stb.pc (-I/usr/include/stb -lstb); the web build mirrors that.
# stb_vorbis's functions come from SDL2_mixer's copy of stb_vorbis (the same v1.22 API; two copies
# would clash at link time), hence the link-only dependency.
respite_web_import(respite_web_stb "${RESPITE_WEB_STB_PREFIX}/lib/libstb.a" "${RESPITE_WEB_STB_PREFIX}/include/stb")
set_property(TARGET respite_web_stb PROPERTY INTERFACE_LINK_LIBRARIES "$<LINK_ONLY:PkgConfig::SDL2_MIXER>")
set_property(TARGET PkgConfig::IMGUI PROPERTY INTERFACE_LINK_LIBRARIES respite_web_stb)
set(RESPITE_IMGUI_BACKEND_DIR "${RESPITE_WEB_IMGUI_PREFIX}/share/imgui/backends"
    CACHE PATH "Dear ImGui's SDL backend sources, from the imgui source package" FORCE)

respite_web_import(SQLite::SQLite3 "${RESPITE_WEB_SQLITE_PREFIX}/lib/libsqlite3.a"
                   "${RESPITE_WEB_SQLITE_PREFIX}/include")

respite_web_import(PkgConfig::SODIUM "${RESPITE_WEB_SODIUM_PREFIX}/lib/libsodium.a"
                   "${RESPITE_WEB_SODIUM_PREFIX}/include")
add_library(Respite::sodium ALIAS PkgConfig::SODIUM)

add_library(cereal::cereal INTERFACE IMPORTED GLOBAL)
set_target_properties(cereal::cereal PROPERTIES INTERFACE_INCLUDE_DIRECTORIES
                                                "${RESPITE_WEB_HEADERS_PREFIX}/include")

add_library(respite_rapidjson INTERFACE)
target_include_directories(respite_rapidjson SYSTEM INTERFACE "${RESPITE_WEB_HEADERS_PREFIX}/include")
target_compile_definitions(respite_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)
add_library(Respite::rapidjson ALIAS respite_rapidjson)
