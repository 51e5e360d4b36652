#!/usr/bin/env bash
# Text formats benchmark (issues 15 and 22): `errlens summary` on a 64 MiB log of each text format
# family, beside the awk one-liner of issue 22 and `wc -l` in the same run, and beside another
# errlens binary when one is given, so figures are ratios on one noisy machine. The families and
# how their logs are made are in families.py; run.sh runs them too, with the NDJSON figures.
#
#   scripts/bench/formats.sh [--binary PATH] [--before PATH] [--data DIR] [--quick]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
args=("$@")
if [[ " $* " != *" --binary "* ]]; then
    target="${ERRLENS_BENCH_TARGET_DIR:-$HOME/.cache/errlens-target-bench}"
    (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release --no-default-features >&2)
    args+=(--binary "$target/release/errlens")
fi
exec python3 "$here/bench.py" --families-only "${args[@]}"
