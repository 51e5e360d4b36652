#!/usr/bin/env bash
# Text formats benchmark (issues 15 and 22): `errlens summary` on a 64 MiB log of each text format
# family, beside `wc -l` (and the awk one-liner of issue 22) in the same run, and beside another
# errlens binary when one is given, so figures are ratios on one noisy machine.
#
#   scripts/bench/formats.sh [--binary PATH] [--before PATH] [--data DIR]
#
# The logs are made by repeating real files of ../shared/real-logs (read in place, written to the
# data folder, never to the repository) up to 64 MiB; W3C keeps one header.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
real="$repo/../shared/real-logs"
data="${HOME}/.cache/errlens-bench-data/formats"
binary=""
before=""
while (($#)); do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --before) before="$2"; shift 2 ;;
        --data) data="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$binary" ]]; then
    target="${ERRLENS_BENCH_TARGET_DIR:-$HOME/.cache/errlens-target-bench}"
    (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --release --no-default-features >&2)
    binary="$target/release/errlens"
fi
[[ -d "$real" ]] || { echo "no $real: the logs are made from the real files" >&2; exit 2; }
mkdir -p "$data"

# name, source file, lines of header kept once (W3C)
families=(
    "combined:apache-combined-10k.log:0"
    "haproxy:haproxy-httplog-syslog.log:0"
    "squid:squid-native.log:0"
    "w3c:iis-w3c.log:4"
    "logfmt:loki-distributor-logfmt.log:0"
    "oslo-wsgi:openstack-nova-2k.log:0"
)
size=$((64 << 20))
for family in "${families[@]}"; do
    IFS=: read -r name source header <<<"$family"
    out="$data/$name-64m.log"
    [[ -s "$out" ]] && continue
    python3 - "$real/$source" "$out" "$header" "$size" <<'PY'
import sys
source, out, header, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
lines = open(source, "rb").read().splitlines(keepends=True)
head, body = lines[:header], lines[header:]
if header:  # later headers of the file (IIS restarts) stay out of the repeated body
    body = [line for line in body if not line.startswith(b"#")]
with open(out, "wb") as f:
    f.writelines(head)
    written = sum(map(len, head))
    while written < size:
        for line in body:
            f.write(line)
            written += len(line)
            if written >= size:
                break
PY
done

for family in "${families[@]}"; do
    IFS=: read -r name _ _ <<<"$family"
    log="$data/$name-64m.log"
    echo "== $name: $(wc -l <"$log") lines, $(($(stat -c %s "$log") >> 20)) MiB; format: $("$binary" summary --format json "$log" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["inputs"][0]["format"], d["records"], "calls")')"
    commands=("$binary summary --format json $log" "wc -l $log")
    [[ "$name" == combined ]] && commands+=("awk '{print \$9}' $log | sort | uniq -c")
    [[ -n "$before" ]] && commands+=("$before summary --format json $log")
    cat "$log" >/dev/null
    table="$(mktemp)"
    hyperfine --warmup 1 --runs 5 --style none --export-markdown "$table" "${commands[@]}" >/dev/null
    cat "$table"
    rm -f "$table"
done
