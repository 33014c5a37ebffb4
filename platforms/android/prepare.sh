#!/usr/bin/env bash
# Gets everything the Android build reads from outside this folder, on a Debian 12 machine with this
# repository's desktop dependencies (scripts/deps.sh), and records where it is in local.properties:
#   1. the Debian sources of SDL2, SDL2_mixer, Dear ImGui, SQLite, stb and libsodium
#      (platforms/mobile/fetch-sources.sh --android -> respite.sources.dir);
#   2. a desktop build of the fonts and cue sounds (build/android-host -> respite.host.build.dir);
#   3. checks that sdl2.source.dir names an upstream SDL release with android-project/ (the one part
#      Debian does not ship; see README.md), given as the first argument or already in the file.
#
# Usage: platforms/android/prepare.sh [SDL_SOURCE_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
properties="$here/local.properties"
touch "$properties"

set_property() {
  grep -v "^$1=" "$properties" >"$properties.new" || true
  echo "$1=$2" >>"$properties.new"
  mv "$properties.new" "$properties"
}

"$root/platforms/mobile/fetch-sources.sh" --android

host="$root/build/android-host"
cmake -S "$root" -B "$host" -DCMAKE_BUILD_TYPE=Release -DRESPITE_BUILD_TESTS=OFF -DRESPITE_BUILD_BENCH=OFF >/dev/null
cmake --build "$host" --target respite_fonts respite_cue_sounds
set_property respite.host.build.dir "$host"

if [ -n "${1:-}" ]; then
  set_property sdl2.source.dir "$(cd "$1" && pwd)"
fi
sdl="$(sed -n 's/^sdl2\.source\.dir=//p' "$properties" | tail -n 1)"
if [ -z "$sdl" ] || [ ! -f "$sdl/android-project/app/src/main/java/org/libsdl/app/SDLActivity.java" ]; then
  echo "prepare.sh: sdl2.source.dir is not set to an SDL release tree with android-project/;" >&2
  echo "  pass the unpacked SDL2-$(dpkg-query -W -f='${Version}' libsdl2-dev | sed 's/+.*//') release as the argument." >&2
  exit 1
fi
echo "prepare.sh: ready; now: cd $here && gradle assembleDebug (or open the folder in Android Studio)"
