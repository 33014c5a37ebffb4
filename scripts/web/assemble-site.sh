#!/usr/bin/env bash
# Assembles the static site from the engine's emscripten output and the shell in platforms/web:
# page, scripts, WebAssembly, bundled data, manifest, icons and a service worker whose cache
# version is a hash of every other file. The result is a folder any static server can serve.
#
# Usage: scripts/web/assemble-site.sh EMSCRIPTEN_OUT_DIR SITE_DIR
set -euo pipefail
source "$(dirname "$0")/common.sh"

emscripten_out="${1:?usage: assemble-site.sh EMSCRIPTEN_OUT_DIR SITE_DIR}"
site="${2:?usage: assemble-site.sh EMSCRIPTEN_OUT_DIR SITE_DIR}"
shell_dir="$RESPITE_ROOT/platforms/web"

for file in respite.js respite.wasm respite.data; do
  [ -f "$emscripten_out/$file" ] || web_die "$emscripten_out/$file is missing; build the respite_web target first"
done

# Build next to the site and swap, so a server never sees a half-written folder.
staging="$site.partial"
rm -rf "$staging"
mkdir -p "$staging/icons"
cp "$emscripten_out"/respite.{js,wasm,data} "$staging/"
cp "$shell_dir/index.html" "$shell_dir/shell.js" "$shell_dir/manifest.webmanifest" "$staging/"
"$RESPITE_ROOT/scripts/web/make-icons.sh" "$staging/icons"

# Everything but the worker itself is precached; "./" is the page as navigations request it.
mapfile -t files < <(cd "$staging" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
version="$(cd "$staging" && sha256sum "${files[@]}" | sha256sum | cut -c1-16)"
precache="'./'"
for file in "${files[@]}"; do precache+=", '$file'"; done
sed -e "s|@RESPITE_CACHE_VERSION@|$version|" -e "s|@RESPITE_PRECACHE@|$precache|" \
  "$shell_dir/sw.js" >"$staging/sw.js"
grep -q '@RESPITE_' "$staging/sw.js" && web_die "sw.js still has a placeholder"

rm -rf "$site"
mv "$staging" "$site"
web_log "site assembled in $site (cache version $version)"
