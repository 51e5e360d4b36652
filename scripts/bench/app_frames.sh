#!/usr/bin/env bash
# The app's speed figures (issue 5) with a big file, in a real window under Xvfb: errlens (a
# release build with the GUI) opens FILE with ERRLENS_FRAME_STATS set, while xdotool hovers the
# charts during loading, then opens the records table, scrolls it with the wheel, jumps to its end
# and back, and pans the timeline. The app writes the distribution of its frame times (the work of
# `ui`, before painting, which here is Mesa's software renderer: by the clock, and as CPU time of the
# window's thread), when the first counts were shown, how often they were refreshed while loading
# and when all was loaded.
#
#   scripts/bench/app_frames.sh [FILE] [BINARY]
#   ERRLENS_BENCH_NO_MOUSE=1 scripts/bench/app_frames.sh ...   # the load alone: no mouse, no clicks
#
# FILE defaults to the bench's 1 GiB NDJSON (scripts/bench/run.sh generates it); BINARY to a
# `cargo build --release` in $ERRLENS_BENCH_TARGET_DIR (default ~/.cache/errlens-target-bench).
# Needs xvfb and xdotool.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-$HOME/.cache/errlens-bench-data/mvo-1g.ndjson}"
target="${ERRLENS_BENCH_TARGET_DIR:-$HOME/.cache/errlens-target-bench}"
binary="${2:-}"
# Where the page tabs are (Overview at x 289, Records at 364): below the buttons, the file's chip
# and the filter bar; builds before the chips had a line of their own drew them at 80.
tab_y="${ERRLENS_TAB_Y:-103}"
if [ -z "$binary" ]; then
    (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release >&2)
    binary="$target/release/errlens"
fi
out="$(mktemp -d)"
stats="$out/frames.txt"
export DISPLAY=:96
Xvfb "$DISPLAY" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $(jobs -p) 2>/dev/null || true; kill $xvfb 2>/dev/null || true' EXIT
sleep 1

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); file: $file ($(du -h "$file" | cut -f1))"
XDG_DATA_HOME="$out/data" ERRLENS_FRAME_STATS="$stats" "$binary" "$file" >"$out/errlens.log" 2>&1 &
app=$!
no_mouse="${ERRLENS_BENCH_NO_MOUSE:-}"
# While loading: move over the charts (hover labels) for about six seconds.
for step in $(seq 1 60); do
    [ -n "$no_mouse" ] && break
    xdotool mousemove $((300 + (step * 13) % 700)) $((150 + (step * 7) % 300))
    sleep 0.1
done
# Wait for the load to finish (the stats file says so), at most two minutes.
for _ in $(seq 1 240); do
    grep -q "all loaded" "$stats" 2>/dev/null && break
    sleep 0.5
done
if [ -n "$no_mouse" ]; then
    kill "$app" 2>/dev/null || true
    echo "frame stats (ERRLENS_FRAME_STATS), the load alone:"
    cat "$stats"
    exit 0
fi
# The records table: open it, wheel down and up, End, Home.
xdotool mousemove 364 "$tab_y" click 1
sleep 1
xdotool mousemove 700 500
for _ in $(seq 1 30); do xdotool click 5; sleep 0.05; done
for _ in $(seq 1 30); do xdotool click 4; sleep 0.05; done
# Xvfb runs no window manager: keys go to the focused window only, so give it the focus first.
{ xdotool search --pid "$app" 2>/dev/null || true; } | head -1 | xargs -r xdotool windowfocus
xdotool key End
sleep 1
xdotool key Home
sleep 1
# Back to the overview: drag the timeline to pan it.
xdotool mousemove 289 "$tab_y" click 1
sleep 1
xdotool mousemove 700 420 mousedown 1
for x in $(seq 700 -20 300); do xdotool mousemove "$x" 420; sleep 0.03; done
xdotool mouseup 1
sleep 2.5
kill "$app" 2>/dev/null || true
echo "frame stats (ERRLENS_FRAME_STATS):"
cat "$stats"
