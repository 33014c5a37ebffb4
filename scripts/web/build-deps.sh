#!/usr/bin/env bash
# Builds the third-party libraries of the web build (SDL2, SDL2_mixer, Dear ImGui, stb, SQLite,
# libsodium) to WebAssembly from Debian's *source* packages, into a cache outside the build
# folder, and writes a CMake initial-cache file pointing at them. Each library lands in its own
# folder keyed by its source version, the emscripten version and its build flags, so a second run
# rebuilds nothing and a change to one library's flags rebuilds only that library. Run by
# scripts/build-web.
#
# Usage: scripts/web/build-deps.sh OUT.cmake
set -euo pipefail
source "$(dirname "$0")/common.sh"

out_cmake="${1:?usage: build-deps.sh OUT.cmake}"
jobs="${RESPITE_WEB_JOBS:-$(nproc)}"
em_version="$(web_installed_version emscripten)"
[ -n "$em_version" ] || web_die "emscripten is not installed (scripts/build-web installs it)"
prefix_root="$RESPITE_WEB_CACHE/emscripten-${em_version//[^A-Za-z0-9.+-]/_}"
work_root="$RESPITE_WEB_CACHE/work"
source_root="$RESPITE_WEB_CACHE/src"
apt_dir="$RESPITE_WEB_CACHE/apt"
mkdir -p "$prefix_root" "$work_root" "$source_root"

# The slow steps run at a lower priority so other people's builds on a shared machine keep going.
nice_cmd=(nice -n 10)

# --- Debian source packages --------------------------------------------------------------------
# A private apt configuration that knows only deb-src lines, so the system's sources stay as
# they are: a copy of the first stanza of the system's debian.sources with Types: deb-src.
apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir"
  -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)

apt_source_update() {
  local system_sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$system_sources" ] || web_die "$system_sources not found; cannot derive a deb-src entry"
  mkdir -p "$apt_dir/lists/partial"
  awk 'BEGIN { RS = ""; ORS = "\n" } NR == 1 { print }' "$system_sources" |
    sed 's/^Types:.*/Types: deb-src/' >"$apt_dir/src.sources"
  web_log "updating the private deb-src index in $apt_dir"
  apt-get "${apt_opts[@]}" update -qq
}

# Source version of the installed native -dev package, so the web and desktop builds share sources.
source_version_of() {
  local binary="$1" version
  version="$(dpkg-query -W -f='${source:Version}' "$binary" 2>/dev/null || true)"
  [ -n "$version" ] || web_die "$binary is not installed (run scripts/deps.sh)"
  echo "$version"
}

# Fetches (once) and unpacks (once) Debian source package $1 at version $2; prints its folder.
fetch_source() {
  local package="$1" version="$2" tree="$source_root/${1}_${2}"
  if [ ! -f "$tree/.unpacked" ]; then
    local download="$source_root/download"
    mkdir -p "$download"
    if ! (cd "$download" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version") \
      >/dev/null 2>&1; then
      apt_source_update
      (cd "$download" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version") ||
        web_die "could not fetch Debian source package $package=$version"
    fi
    local dsc="$download/${package}_${version#*:}.dsc"
    [ -f "$dsc" ] || web_die "missing $dsc after apt-get source"
    rm -rf "$tree" "$tree.partial"
    # apt-get source has checked the files against the signed index already.
    dpkg-source --no-check -x "$dsc" "$tree.partial" >/dev/null
    # dpkg-source leaves a copy of the upstream tarballs next to the tree; the download has them.
    rm -f "$source_root"/*.orig.tar.* "$source_root"/*.orig-*.tar.*
    touch "$tree.partial/.unpacked"
    mv "$tree.partial" "$tree"
  fi
  echo "$tree"
}

# Runs "$3..." to install into a fresh folder, then renames it to $1: a folder without the
# .partial suffix is always complete. $2 names the library in messages.
build_into() {
  local dest="$1" what="$2"
  shift 2
  if [ -f "$dest/.complete" ]; then
    web_log "$what: cached in $dest"
    return 0
  fi
  web_log "$what: building into $dest"
  rm -rf "$dest.partial"
  mkdir -p "$dest.partial"
  local start=$SECONDS
  "$@" "$dest.partial"
  date -u +%FT%TZ >"$dest.partial/.complete"
  rm -rf "$dest"
  mv "$dest.partial" "$dest"
  web_log "$what: done in $((SECONDS - start)) s"
}

# --- SDL2 -----------------------------------------------------------------------------------
sdl2_version="$(source_version_of libsdl2-dev)"
# Threads off: the site runs without SharedArrayBuffer (no cross-origin isolation headers needed).
sdl2_flags=(-DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_THREADS=OFF
  -DSDL_TEST=OFF -DSDL_HIDAPI=OFF)
sdl2_prefix="$prefix_root/sdl2-$sdl2_version-$(web_hash "$sdl2_version" "${sdl2_flags[@]}")"

build_sdl2() {
  local dest="$1" src build="$work_root/sdl2"
  src="$(fetch_source libsdl2 "$sdl2_version")"
  rm -rf "$build"
  # Every CMake probe starts emcc, so this configure takes several minutes; it runs once per cache.
  "${nice_cmd[@]}" emcmake cmake -S "$src" -B "$build" -G Ninja "${sdl2_flags[@]}" \
    -DCMAKE_INSTALL_PREFIX="$dest" >"$work_root/sdl2-configure.log" 2>&1 ||
    web_die "SDL2 configure failed, see $work_root/sdl2-configure.log"
  "${nice_cmd[@]}" cmake --build "$build" -j "$jobs" >"$work_root/sdl2-build.log" 2>&1 ||
    web_die "SDL2 build failed, see $work_root/sdl2-build.log"
  cmake --install "$build" >/dev/null
  rm -rf "$build"
}
build_into "$sdl2_prefix" "SDL2 $sdl2_version" build_sdl2

# --- SDL2_mixer ----------------------------------------------------------------------------------
mixer_version="$(source_version_of libsdl2-mixer-dev)"
# Only the codecs that need no external library: WAV and OGG (stb_vorbis, shipped in the source).
mixer_flags=(-DCMAKE_BUILD_TYPE=MinSizeRel -DBUILD_SHARED_LIBS=OFF -DSDL2MIXER_SAMPLES=OFF
  -DSDL2MIXER_CMD=OFF -DSDL2MIXER_DEPS_SHARED=OFF -DSDL2MIXER_VENDORED=OFF -DSDL2MIXER_FLAC=OFF
  -DSDL2MIXER_MOD=OFF -DSDL2MIXER_MIDI=OFF -DSDL2MIXER_OPUS=OFF -DSDL2MIXER_MP3=OFF
  -DSDL2MIXER_VORBIS=STB -DSDL2MIXER_WAVE=ON)
mixer_prefix="$prefix_root/sdl2-mixer-$mixer_version-$(web_hash "$mixer_version" "$sdl2_prefix" "${mixer_flags[@]}")"

build_mixer() {
  local dest="$1" src build="$work_root/sdl2-mixer"
  src="$(fetch_source libsdl2-mixer "$mixer_version")"
  rm -rf "$build"
  "${nice_cmd[@]}" emcmake cmake -S "$src" -B "$build" -G Ninja "${mixer_flags[@]}" \
    -DSDL2_DIR="$sdl2_prefix/lib/cmake/SDL2" -DCMAKE_FIND_ROOT_PATH="$sdl2_prefix" \
    -DCMAKE_INSTALL_PREFIX="$dest" >"$work_root/sdl2-mixer-configure.log" 2>&1 ||
    web_die "SDL2_mixer configure failed, see $work_root/sdl2-mixer-configure.log"
  "${nice_cmd[@]}" cmake --build "$build" -j "$jobs" >"$work_root/sdl2-mixer-build.log" 2>&1 ||
    web_die "SDL2_mixer build failed, see $work_root/sdl2-mixer-build.log"
  cmake --install "$build" >/dev/null
  rm -rf "$build"
}
build_into "$mixer_prefix" "SDL2_mixer $mixer_version" build_mixer

# --- Dear ImGui --------------------------------------------------------------------------------
imgui_version="$(source_version_of libimgui-dev)"
# The same translation units as Debian's libimgui.a, minus the backends other than SDL (compiled by
# the project itself) and FreeType; stb comes from the copies in imgui's own source.
imgui_flags=(-O2 -DNDEBUG -fno-exceptions)
imgui_prefix="$prefix_root/imgui-$imgui_version-$(web_hash "$imgui_version" "${imgui_flags[@]}")"

build_imgui() {
  local dest="$1" src objects=() unit object build="$work_root/imgui"
  src="$(fetch_source imgui "$imgui_version")"
  rm -rf "$build" && mkdir -p "$build"
  for unit in imgui.cpp imgui_demo.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp \
    misc/cpp/imgui_stdlib.cpp; do
    object="$build/$(basename "$unit" .cpp).o"
    "${nice_cmd[@]}" em++ "${imgui_flags[@]}" -I"$src" -c "$src/$unit" -o "$object"
    objects+=("$object")
  done
  mkdir -p "$dest/lib" "$dest/include/imgui/backends" "$dest/share/imgui/backends"
  emar rcs "$dest/lib/libimgui.a" "${objects[@]}"
  cp "$src"/*.h "$src/misc/cpp/imgui_stdlib.h" "$dest/include/imgui/"
  for unit in imgui_impl_sdl imgui_impl_sdlrenderer; do
    cp "$src/backends/$unit.h" "$dest/include/imgui/backends/"
    cp "$src/backends/$unit.cpp" "$src/backends/$unit.h" "$dest/share/imgui/backends/"
  done
  rm -rf "$build"
}
build_into "$imgui_prefix" "Dear ImGui $imgui_version" build_imgui

# --- SQLite ------------------------------------------------------------------------------------
sqlite_version="$(source_version_of libsqlite3-dev)"
# Single-threaded (no pthreads on this site) and without loadable extensions (no dlopen).
sqlite_flags=(-O2 -DNDEBUG -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DQS=0
  -DSQLITE_DEFAULT_FOREIGN_KEYS=1 -DSQLITE_ENABLE_COLUMN_METADATA)
sqlite_prefix="$prefix_root/sqlite3-$sqlite_version-$(web_hash "$sqlite_version" "${sqlite_flags[@]}")"

build_sqlite() {
  local dest="$1" src build="$work_root/sqlite3"
  src="$(fetch_source sqlite3 "$sqlite_version")"
  rm -rf "$build" && mkdir -p "$build"
  # Debian ships SQLite's full source tree; its own makefile generates the amalgamation with host
  # tools (lemon, mkkeywordhash, tclsh). Only the generated sqlite3.c is compiled to WebAssembly.
  (cd "$build" && "${nice_cmd[@]}" "$src/configure" --disable-tcl --disable-readline \
    >"$work_root/sqlite3-configure.log" 2>&1) ||
    web_die "SQLite configure failed, see $work_root/sqlite3-configure.log"
  "${nice_cmd[@]}" make -C "$build" -j "$jobs" sqlite3.c >"$work_root/sqlite3-build.log" 2>&1 ||
    web_die "SQLite amalgamation failed, see $work_root/sqlite3-build.log"
  mkdir -p "$dest/lib" "$dest/include"
  "${nice_cmd[@]}" emcc "${sqlite_flags[@]}" -c "$build/sqlite3.c" -o "$build/sqlite3.o"
  emar rcs "$dest/lib/libsqlite3.a" "$build/sqlite3.o"
  cp "$build/sqlite3.h" "$build/sqlite3ext.h" "$dest/include/"
  rm -rf "$build"
}
build_into "$sqlite_prefix" "SQLite $sqlite_version" build_sqlite

# --- stb -----------------------------------------------------------------------------------------
stb_version="$(source_version_of libstb-dev)"
# Debian's libstb holds every stb implementation; the engine uses the PNG reader and writer
# (respite shot, pack checks), so those two are compiled here. stb_vorbis (pack sound checks) is
# installed as a header only, as Debian installs it (stb_vorbis.c as stb_vorbis.h): its code comes
# from SDL2_mixer's copy, the same v1.22 API, since two copies in one program would clash.
stb_flags=(-O2 -DNDEBUG)
stb_prefix="$prefix_root/stb-$stb_version-$(web_hash "$stb_version" "${stb_flags[@]}" image image_write vorbis.h)"

build_stb() {
  local dest="$1" src build="$work_root/stb" unit
  src="$(fetch_source libstb "$stb_version")"
  rm -rf "$build" && mkdir -p "$build" "$dest/lib" "$dest/include/stb"
  for unit in image image_write; do
    local define
    define="STB_$(echo "$unit" | tr '[:lower:]' '[:upper:]')_IMPLEMENTATION"
    printf '#define %s\n#include "stb_%s.h"\n' "$define" "$unit" >"$build/stb_$unit.c"
    "${nice_cmd[@]}" emcc "${stb_flags[@]}" -I"$src" -c "$build/stb_$unit.c" -o "$build/stb_$unit.o"
    cp "$src/stb_$unit.h" "$dest/include/stb/"
  done
  cp "$src/stb_vorbis.c" "$dest/include/stb/stb_vorbis.h"
  emar rcs "$dest/lib/libstb.a" "$build"/*.o
  rm -rf "$build"
}
build_into "$stb_prefix" "stb $stb_version" build_stb

# --- libsodium ---------------------------------------------------------------------------------
sodium_version="$(source_version_of libsodium-dev)"
# libsodium's own recipe for emscripten (dist-build/emscripten.sh): no threads, no assembly, no
# stack protector. Its random numbers then come from the browser's crypto.getRandomValues.
# --host: configure must not try to run what it compiles (node cannot run emcc 3.1.6 output as is).
sodium_configure=(--host=wasm32-unknown-emscripten --disable-shared --enable-static --without-pthreads
  --disable-ssp --disable-asm --disable-pie)
sodium_cflags="-O2"
sodium_prefix="$prefix_root/sodium-$sodium_version-$(web_hash "$sodium_version" "${sodium_configure[@]}" "$sodium_cflags")"

build_sodium() {
  local dest="$1" src build="$work_root/sodium"
  src="$(fetch_source libsodium "$sodium_version")"
  rm -rf "$build" && mkdir -p "$build"
  # The Debian source has configure.ac but no generated configure (Debian runs autoreconf too).
  (cd "$src" && autoreconf -fi) >"$work_root/sodium-autoreconf.log" 2>&1 ||
    web_die "libsodium autoreconf failed, see $work_root/sodium-autoreconf.log"
  (cd "$build" && "${nice_cmd[@]}" emconfigure "$src/configure" "${sodium_configure[@]}" --prefix="$dest" \
    CFLAGS="$sodium_cflags") >"$work_root/sodium-configure.log" 2>&1 ||
    web_die "libsodium configure failed, see $work_root/sodium-configure.log"
  "${nice_cmd[@]}" emmake make -C "$build" -j "$jobs" install >"$work_root/sodium-build.log" 2>&1 ||
    web_die "libsodium build failed, see $work_root/sodium-build.log"
  rm -rf "$dest/lib/pkgconfig" "$dest"/lib/*.la "$build"
}
build_into "$sodium_prefix" "libsodium $sodium_version" build_sodium

# --- Header-only libraries -------------------------------------------------------------------
# cereal and RapidJSON are used as the Debian packages install them; only their own folders are
# exposed to emcc (never /usr/include itself, whose glibc headers would clash with emscripten's).
cereal_version="$(web_installed_version libcereal-dev)"
rapidjson_version="$(web_installed_version rapidjson-dev)"
[ -n "$cereal_version" ] && [ -n "$rapidjson_version" ] ||
  web_die "libcereal-dev and rapidjson-dev must be installed (run scripts/deps.sh)"
headers_prefix="$prefix_root/headers-$(web_hash "$cereal_version" "$rapidjson_version")"
copy_headers() {
  mkdir -p "$1/include"
  cp -r /usr/include/cereal /usr/include/rapidjson "$1/include/"
}
build_into "$headers_prefix" "cereal $cereal_version + RapidJSON $rapidjson_version headers" copy_headers

# Libraries built with other flags or versions, and folders of interrupted builds, are dropped.
for entry in "$prefix_root"/*; do
  case "$entry" in
    "$sdl2_prefix" | "$mixer_prefix" | "$imgui_prefix" | "$stb_prefix" | "$sqlite_prefix" | "$sodium_prefix" | \
      "$headers_prefix") ;;
    *) rm -rf "$entry" ;;
  esac
done

# The unpacked trees (a few hundred MB) are only needed while building; the downloads stay.
find "$source_root" -mindepth 1 -maxdepth 1 -type d ! -name download -exec rm -rf {} +

# --- Pointers for CMake ------------------------------------------------------------------------
mkdir -p "$(dirname "$out_cmake")"
cat >"$out_cmake" <<CMAKE
# Written by scripts/web/build-deps.sh: where the cached WebAssembly dependencies are (FORCE: a
# rebuilt library moves to a new folder, and -C alone would keep an existing build's old path).
set(RESPITE_WEB_SDL2_PREFIX "$sdl2_prefix" CACHE PATH "SDL2 built for WebAssembly" FORCE)
set(RESPITE_WEB_SDL2_MIXER_PREFIX "$mixer_prefix" CACHE PATH "SDL2_mixer built for WebAssembly" FORCE)
set(RESPITE_WEB_IMGUI_PREFIX "$imgui_prefix" CACHE PATH "Dear ImGui built for WebAssembly" FORCE)
set(RESPITE_WEB_STB_PREFIX "$stb_prefix" CACHE PATH "stb (image reader and writer) built for WebAssembly" FORCE)
set(RESPITE_WEB_SQLITE_PREFIX "$sqlite_prefix" CACHE PATH "SQLite built for WebAssembly" FORCE)
set(RESPITE_WEB_SODIUM_PREFIX "$sodium_prefix" CACHE PATH "libsodium built for WebAssembly" FORCE)
set(RESPITE_WEB_HEADERS_PREFIX "$headers_prefix" CACHE PATH "Header-only libraries for WebAssembly" FORCE)
CMAKE
web_log "dependency pointers written to $out_cmake"
