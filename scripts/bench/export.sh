#!/usr/bin/env bash
# Export benchmark (issue 18): the 1 GiB NDJSON log exported to Parquet, next to `errlens summary`
# of the same file and the summary of the Parquet it wrote, in one run, alternating, so the
# machine's load falls on all alike. Wall time, CPU time (user + system) and peak RSS by
# /usr/bin/time; medians of --runs runs and the ratios to the summary.
#
#   scripts/bench/export.sh [--binary PATH] [--runs N]
#
# The data: $HOME/.cache/errlens-bench-data/mvo-1g.ndjson, made from mvo-256m.ndjson (4 copies)
# when absent; mvo-256m.ndjson comes from scripts/bench/run.sh (gen_data.py).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="" runs=3
while (($#)); do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--binary PATH] [--runs N]" >&2; exit 2 ;;
  esac
done

data="$HOME/.cache/errlens-bench-data"
big="$data/mvo-1g.ndjson"
if [ ! -f "$big" ]; then
  [ -f "$data/mvo-256m.ndjson" ] || python3 "$here/gen_data.py" --out "$data"
  echo "making $big (mvo-256m.ndjson 4 times)" >&2
  cat "$data/mvo-256m.ndjson" "$data/mvo-256m.ndjson" "$data/mvo-256m.ndjson" "$data/mvo-256m.ndjson" >"$big.part"
  mv "$big.part" "$big"
fi
if [ -z "$binary" ]; then
  target="${ERRLENS_BENCH_TARGET_DIR:-$HOME/.cache/errlens-target-bench}"
  echo "building: cargo build --release --no-default-features --features table (CARGO_TARGET_DIR=$target)" >&2
  (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release --no-default-features --features table)
  binary="$target/release/errlens"
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
parquet="$out/calls.parquet"
cat "$big" >/dev/null # a warm page cache for every run
# Each measured command: "wall_s cpu_s max_rss_kb" appended to its file.
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || {
    cat "$out/stderr" >&2; exit 1
  }
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$out/time" >>"$out/$name"
}
for ((run = 1; run <= runs; run++)); do
  measure summary "$binary" summary --format json "$big"
  measure export "$binary" export --to parquet -o "$parquet" "$big"
  measure parquet_summary "$binary" summary --format json "$parquet"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { cut -d' ' -f"$2" "$out/$1" | median; }
rows="$("$binary" summary --format json "$big" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["records"])')"
echo
echo "$(basename "$big"): $(du -m "$big" | cut -f1) MiB, $rows calls; Parquet written: $(du -m "$parquet" | cut -f1) MiB; $runs runs each, medians; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf "| %-40s | %8s | %8s | %9s | %-22s |\n" "command" "wall s" "CPU s" "peak MiB" "vs summary (wall, RSS)"
printf "|%s|%s|%s|%s|%s|\n" "------------------------------------------" "---------:" "---------:" "----------:" "------------------------"
base_wall="$(field summary 1)" base_rss="$(field summary 3)"
for name in summary export parquet_summary; do
  wall="$(field "$name" 1)" cpu="$(field "$name" 2)" rss="$(field "$name" 3)"
  case "$name" in
    summary) label="summary --format json (NDJSON)" ;;
    export) label="export --to parquet" ;;
    parquet_summary) label="summary of the Parquet written" ;;
  esac
  ratio="$(awk -v w="$wall" -v bw="$base_wall" -v r="$rss" -v br="$base_rss" 'BEGIN { printf "%.2fx, %.2fx", w / bw, r / br }')"
  printf "| %-40s | %8s | %8s | %9d | %-22s |\n" "$label" "$wall" "$cpu" "$((rss / 1024))" "$ratio"
done
