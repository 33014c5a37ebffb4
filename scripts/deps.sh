#!/usr/bin/env bash
# Installs the Debian packages Respite builds and tests with, if any are missing.
# Sourced by scripts/run and scripts/test; safe to run again (it installs nothing when all are there).
set -euo pipefail

RESPITE_DEBIAN_PACKAGES=(
  cmake g++ make pkg-config
  libsdl2-dev libsdl2-mixer-dev libimgui-dev libcereal-dev catch2 rapidjson-dev
  libsqlite3-dev libsodium-dev libzip-dev tzdata
  fonts-noto-core libstb-dev
  clang libclang-rt-14-dev  # scripts/fuzz (libFuzzer), run by scripts/test
)

missing=()
for package in "${RESPITE_DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "respite: installing missing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
      echo "respite: please install as root: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
