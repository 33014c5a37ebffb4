#!/usr/bin/env bash
# Draws the web app's icons with ImageMagick (no image file is committed): three concentric
# circles, a breath in the theme's sea green, on a rounded square ("any" purpose) or full bleed
# ("maskable": Android crops it to its own shape, so the mark stays inside the central 80 %).
# Output is byte-for-byte reproducible (no timestamps), so the service worker's version only
# changes when the icons really do.
#
# Usage: scripts/web/make-icons.sh OUT_DIR
set -euo pipefail

out="${1:?usage: make-icons.sh OUT_DIR}"
convert=/usr/bin/convert # the real ImageMagick, not a stand-in earlier on PATH
[ -x "$convert" ] || {
  echo "make-icons: ImageMagick is not installed (apt-get install imagemagick)" >&2
  exit 1
}
mkdir -p "$out"

primary='#2C6E70' # theme.cpp: light palette primary
soft='#D5E8E5'    # primary_soft
paper='#F4F2ED'   # background

png_options=(-define png:exclude-chunks=date,time,tIME -strip)

# $1 = output file, $2 = size, $3 = "rounded" or "bleed". Drawn at 4x and scaled down for clean
# anti-aliased edges at every size.
draw() {
  local file="$1" size="$2" shape="$3" big=$(($2 * 4))
  local c=$((big / 2)) corner=$((big * 22 / 100))
  # The circles' radii as a share of the size; the maskable icon's largest circle is at 36 %,
  # inside the 40 % safe zone.
  local r1 r2 r3
  if [ "$shape" = bleed ]; then
    r1=$((big * 36 / 100)) r2=$((big * 27 / 100)) r3=$((big * 16 / 100))
  else
    r1=$((big * 40 / 100)) r2=$((big * 30 / 100)) r3=$((big * 18 / 100))
  fi
  local background
  if [ "$shape" = bleed ]; then
    background=(-fill "$primary" -draw "rectangle 0,0 $((big - 1)),$((big - 1))")
  else
    background=(-fill "$primary" -draw "roundrectangle 0,0 $((big - 1)),$((big - 1)) $corner,$corner")
  fi
  "$convert" -size "${big}x${big}" xc:none "${background[@]}" \
    -fill "${soft}66" -draw "circle $c,$c $c,$((c - r1))" \
    -fill "${soft}" -draw "circle $c,$c $c,$((c - r2))" \
    -fill "$paper" -draw "circle $c,$c $c,$((c - r3))" \
    -resize "${size}x${size}" "${png_options[@]}" "PNG32:$file"
}

draw "$out/icon-512.png" 512 rounded
draw "$out/icon-192.png" 192 rounded
draw "$out/icon-32.png" 32 rounded
draw "$out/icon-maskable-512.png" 512 bleed
# iOS draws home-screen icons with its own rounded mask and no transparency.
draw "$out/icon-180.png" 180 bleed
