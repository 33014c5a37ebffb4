#!/usr/bin/env bash
# Gathers the C and C++ sources the Android and iOS builds compile, all from Debian's source
# packages at the versions of the installed -dev packages (the desktop build's versions): SDL2,
# SDL2_mixer, Dear ImGui, SQLite (its amalgamation, generated here with host tools), stb and
# libsodium; cereal and RapidJSON are copied from the installed headers. Nothing is copied into
# the repository. Writes OUT_DIR/sources.cmake for CMake and, with --android, the
# respite.sources.dir line of platforms/android/local.properties.
#
# Debian's libsdl2 source has no android-project/ (removed for the DFSG: debian/copyright,
# Files-Excluded), so SDL's Java classes (SDLActivity) are not among these; the Android build takes
# them from an upstream SDL release of the same version (sdl2.source.dir, platforms/android/README.md).
#
# Usage: platforms/mobile/fetch-sources.sh [--android] [OUT_DIR]
#        (default OUT_DIR: ${XDG_CACHE_HOME:-~/.cache}/respite-mobile/sources)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
android=0
if [ "${1:-}" = --android ]; then
  android=1
  shift
fi
out="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/respite-mobile/sources}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
apt_dir="$out/.apt"
download="$out/.download"

log() { echo "respite-mobile: $*" >&2; }
die() {
  echo "respite-mobile: error: $*" >&2
  exit 1
}

for tool in dpkg-source dpkg-query apt-get make cc tclsh; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install dpkg-dev build-essential tcl)"
done

# A private apt configuration that knows only deb-src lines (the first stanza of the system's
# debian.sources with Types: deb-src), so the system's apt sources stay as they are.
apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir"
  -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)
apt_source_update() {
  local system_sources=/etc/apt/sources.list.d/debian.sources
  [ -f "$system_sources" ] || die "$system_sources not found; cannot derive a deb-src entry"
  mkdir -p "$apt_dir/lists/partial"
  awk 'BEGIN { RS = ""; ORS = "\n" } NR == 1 { print }' "$system_sources" |
    sed 's/^Types:.*/Types: deb-src/' >"$apt_dir/src.sources"
  log "updating the private deb-src index in $apt_dir"
  apt-get "${apt_opts[@]}" update -qq
}

# Source version of an installed binary package: the mobile builds use what the desktop uses.
source_version_of() {
  local version
  version="$(dpkg-query -W -f='${source:Version}' "$1" 2>/dev/null || true)"
  [ -n "$version" ] || die "$1 is not installed (run scripts/deps.sh)"
  echo "$version"
}

# Fetches and unpacks Debian source package $1 at version $2 into $out/$3 (once; the folder is
# renamed into place only when complete).
unpack() {
  local package="$1" version="$2" name="$3" tree="$out/$3"
  if [ -f "$tree/.respite-version" ] && [ "$(cat "$tree/.respite-version")" = "$version" ]; then
    log "$name: $package $version (already unpacked)"
    return 0
  fi
  mkdir -p "$download"
  if ! (cd "$download" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version") \
    >/dev/null 2>&1; then
    apt_source_update
    (cd "$download" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version") ||
      die "could not fetch Debian source package $package=$version"
  fi
  local dsc="$download/${package}_${version#*:}.dsc"
  [ -f "$dsc" ] || die "missing $dsc after apt-get source"
  rm -rf "$tree" "$tree.partial"
  # apt-get source has checked the files against the signed index already.
  dpkg-source --no-check -x "$dsc" "$tree.partial" >/dev/null
  echo "$version" >"$tree.partial/.respite-version"
  mv "$tree.partial" "$tree"
  log "$name: $package $version"
}

unpack libsdl2 "$(source_version_of libsdl2-dev)" sdl2
unpack libsdl2-mixer "$(source_version_of libsdl2-mixer-dev)" sdl2-mixer
unpack imgui "$(source_version_of libimgui-dev)" imgui
unpack libstb "$(source_version_of libstb-dev)" stb
unpack libsodium "$(source_version_of libsodium-dev)" sodium
sqlite_version="$(source_version_of libsqlite3-dev)"
unpack sqlite3 "$sqlite_version" sqlite3-source

# SQLite's source tree generates its single-file amalgamation with host tools (lemon,
# mkkeywordhash, tclsh); the mobile builds compile only sqlite3.c.
amalgamation="$out/sqlite3"
if [ ! -f "$amalgamation/.respite-version" ] || [ "$(cat "$amalgamation/.respite-version")" != "$sqlite_version" ]; then
  build="$out/.sqlite3-build"
  rm -rf "$build" "$amalgamation" && mkdir -p "$build"
  (cd "$build" && "$out/sqlite3-source/configure" --disable-tcl --disable-readline >configure.log 2>&1) ||
    die "SQLite configure failed, see $build/configure.log"
  make -C "$build" -j "$(nproc)" sqlite3.c >"$build/make.log" 2>&1 ||
    die "SQLite amalgamation failed, see $build/make.log"
  mkdir -p "$amalgamation"
  cp "$build/sqlite3.c" "$build/sqlite3.h" "$build/sqlite3ext.h" "$amalgamation/"
  echo "$sqlite_version" >"$amalgamation/.respite-version"
  rm -rf "$build"
  log "sqlite3: amalgamation generated"
fi

# cereal and RapidJSON are header-only: their installed folders, never /usr/include itself.
for pair in libcereal-dev:cereal rapidjson-dev:rapidjson; do
  package="${pair%%:*}" folder="${pair#*:}"
  [ -n "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)" ] ||
    die "$package is not installed (run scripts/deps.sh)"
  mkdir -p "$out/headers/include"
  rm -rf "$out/headers/include/$folder"
  cp -r "/usr/include/$folder" "$out/headers/include/"
done

cat >"$out/sources.cmake" <<CMAKE
# Written by platforms/mobile/fetch-sources.sh: the Debian sources the mobile builds compile
# (platforms/mobile/dependencies.cmake). Pass with -C, or set RESPITE_MOBILE_SOURCES_DIR.
set(RESPITE_MOBILE_SOURCES_DIR "$out" CACHE PATH "Sources gathered by platforms/mobile/fetch-sources.sh")
CMAKE

if [ "$android" = 1 ]; then
  properties="$root/platforms/android/local.properties"
  touch "$properties"
  grep -v '^respite\.sources\.dir=' "$properties" >"$properties.new" || true
  echo "respite.sources.dir=$out" >>"$properties.new"
  mv "$properties.new" "$properties"
  log "wrote respite.sources.dir to $properties"
fi
log "sources ready in $out"
