#!/usr/bin/env bash
# Shared settings for the web build scripts (sourced, never run): where the cached WebAssembly
# dependencies live, how to reach Debian's source packages, and the environment emcc needs.

RESPITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RESPITE_WEB_CACHE="${RESPITE_WEB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/respite-web}"
RESPITE_WEB_BUILD="${RESPITE_WEB_BUILD:-$RESPITE_ROOT/build/web}"

# Debian's emscripten looks for node-acorn in /usr/share/nodejs, which a node built outside Debian
# does not search by default.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

web_log() { echo "respite-web: $*" >&2; }
web_die() {
  echo "respite-web: error: $*" >&2
  exit 1
}

# Runs a command as root (directly, or through sudo when available).
web_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    web_die "please run as root: $*"
  fi
}

# Installs the named Debian packages that are not installed yet.
web_apt_install() {
  local missing=() package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  web_log "installing missing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! web_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    web_as_root apt-get update -qq
    web_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Version of an installed Debian package (empty when not installed).
web_installed_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }

# Short stable hash of its arguments, used to key cache folders by everything that shapes them.
web_hash() { printf '%s\n' "$@" | sha256sum | cut -c1-12; }
