#!/usr/bin/env bash
# Opens files in errlens the three ways a person does, under Xvfb, and takes a screenshot after
# each: from the command line, from the Open dialog (rfd falls back to zenity when there is no
# desktop portal), and by drag and drop from a GTK window (a real XDND drag, driven by xdotool).
#
#   scripts/person/try.sh [ERRLENS_BINARY] [OUT_DIR]
#
# Needs: xvfb xdotool xclip imagemagick zenity python3-gi gir1.2-gtk-3.0 (Debian packages).
# Screenshots: OUT_DIR/{1-command-line,2-dialog,3-dialog-opened,4-dragging,5-dropped}.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-${CARGO_TARGET_DIR:-target}/debug/errlens}"
out="${2:-/tmp/errlens-person}"
logs="${REAL_LOGS:-../shared/real-logs}"
mkdir -p "$out"

export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
# A fresh settings folder, so the window starts as on a first run with the files given.
export XDG_DATA_HOME="$out/data" XDG_CONFIG_HOME="$out/config"
trap 'kill $(jobs -p) 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
sleep 1

shot() { import -window root "$out/$1.png"; echo "screenshot: $out/$1.png"; }

"$binary" "$logs/envoy-mixed-text.log" >"$out/errlens.log" 2>&1 &
sleep 8
shot 1-command-line

# The Open button (top left), then the dialog's location bar: paste, since typing races GTK's
# completion.
xdotool mousemove 33 12 click 1
sleep 4
xdotool mousemove 500 300
printf '%s' "$(realpath "$logs/istio-access.ndjson")" | xclip -selection clipboard
xdotool key ctrl+l
sleep 0.5
xdotool key ctrl+a ctrl+v
sleep 1
shot 2-dialog
xdotool key Return
sleep 4
shot 3-dialog-opened

/usr/bin/python3 scripts/person/drag_source.py 1320 100 "$logs/traefik-access.ndjson" "$logs/problem-json.har" \
    >"$out/drag.log" 2>&1 &
sleep 3
xdotool mousemove 1400 150
xdotool mousedown 1
for x in 1390 1370 1340 1300 1250 1200 1100 1000 900 800 700 650 600; do
    xdotool mousemove "$x" 400
    sleep 0.1
done
sleep 1.5
shot 4-dragging
xdotool mouseup 1
sleep 4
shot 5-dropped
