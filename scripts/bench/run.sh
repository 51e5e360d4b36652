#!/usr/bin/env bash
# errlens benchmark (issue 5): builds a release errlens (core + CLI, no GUI), generates the data
# if needed, and runs scripts/bench/bench.py. See scripts/bench/README.md.
#
#   scripts/bench/run.sh [--quick] [--binary PATH] [--data DIR] [--mem-runs N]
#
# Without --binary it builds `cargo build --release --no-default-features` into
# $ERRLENS_BENCH_TARGET_DIR (default $HOME/.cache/errlens-target-bench) and measures that binary.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

missing=()
for tool in python3 jq hyperfine wc sort uniq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "missing: ${missing[*]}" >&2
    echo "install them with: apt-get install -y jq hyperfine   (python3 3.11+ is needed too)" >&2
    exit 2
fi

have_binary=0
for arg in "$@"; do
    case "$arg" in --binary|--binary=*) have_binary=1 ;; -h|--help) exec python3 "$here/bench.py" --help ;; esac
done

args=("$@")
if ((!have_binary)); then
    target="${ERRLENS_BENCH_TARGET_DIR:-$HOME/.cache/errlens-target-bench}"
    echo "building: cargo build --release --no-default-features (CARGO_TARGET_DIR=$target)" >&2
    (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release --no-default-features)
    args+=(--binary "$target/release/errlens")
fi

exec python3 "$here/bench.py" "${args[@]}"
