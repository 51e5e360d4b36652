#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after another, SECONDS each (default 600), one job
# each, and prints per target: executions, corpus size and findings.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Corpora grow in fuzz/corpus/<target> and findings land in fuzz/artifacts/<target>; both are in
# .gitignore. A first run seeds each corpus with the heads of sample-logs/ (and ../shared/real-logs/
# when it is there). Needs cargo-fuzz (`cargo install cargo-fuzz`); it uses nightly flags, which a
# stable toolchain allows with RUSTC_BOOTSTRAP=1, set here. AddressSanitizer is off (errlens denies
# unsafe code; the targets look for panics, hangs, memory blow-ups and broken invariants), which
# also keeps the build and the runs fast. CI does not run this: it takes minutes per target.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
all_targets=(ingest_detect ingest_lines ingest_csv ingest_document redact email format_engine)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2
  exit 1
fi
cargo fuzz build --sanitizer none

# A few KiB from the start of each log, behind the bytes a target reads first.
seed() {
  local target="$1" prefix="$2" dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return
  local sources=(sample-logs/*)
  [ -d ../shared/real-logs ] && sources+=(../shared/real-logs/*)
  for file in "${sources[@]}"; do
    local name
    name="$(basename "$file")"
    { printf "$prefix"; if [[ "$file" == *.gz ]]; then gzip -dc "$file"; else cat "$file"; fi; } 2>/dev/null \
      | head -c 4096 >"$dir/seed-$name" || true
    # redact's selector bit 6 plants a shapeless secret among cookies (0x40) or as a known value
    # seen again (0x58), also with the first line as terms to hide (0xd8): seeded too, so the
    # fuzzer starts in those modes as well.
    if [ "$target" = redact ]; then
      for mode in 40 58 d8; do
        { printf "\x${mode}\x20\x00"; head -c 4093 "$file"; } 2>/dev/null >"$dir/seed-$mode-$name" || true
      done
    fi
  done
}

max_len() {
  case "$1" in
    redact) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

declare -A prefixes=(
  [ingest_detect]=''
  [ingest_lines]='\x00'
  [ingest_csv]=''
  [ingest_document]='\x01'
  [redact]='\x01\x20\x00'
  [email]='\x20\x00'
)

# format_engine reads a pattern on the first line: each bundled definition's pattern with its
# sample line, and a line it does not match.
seed_patterns() {
  local dir="fuzz/corpus/format_engine"
  mkdir -p "$dir"
  ls "$dir"/pattern-* >/dev/null 2>&1 && return
  python3 - "$dir" assets/formats/*.toml <<'PY'
import sys, tomllib
out, files = sys.argv[1], sys.argv[2:]
for path in files:
    for n, definition in enumerate(tomllib.load(open(path, "rb")).get("format", [])):
        patterns = ([definition["pattern"]] if "pattern" in definition else []) + definition.get("patterns", [])
        for m, pattern in enumerate(patterns):
            with open(f"{out}/pattern-{definition['name']}-{m}", "w") as f:
                f.write(f"{pattern}\n{definition['sample']}\n{definition['sample'][:-9]} x\n")
PY
}

status=0
report=()
for target in "${targets[@]}"; do
  seed "$target" "${prefixes[$target]:-}"
  [ "$target" = format_engine ] && seed_patterns
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/last-run.log"
  # ingest_* share fuzz/dict/ingest.dict; redact has its own; email uses both.
  dict=()
  if [ "$target" = email ]; then
    both="$(mktemp)"
    trap 'rm -f "$both"' EXIT
    cat fuzz/dict/ingest.dict fuzz/dict/redact.dict >"$both"
    dict=("-dict=$both")
  elif [ -f "fuzz/dict/${target%%_*}.dict" ]; then
    dict=("-dict=fuzz/dict/${target%%_*}.dict")
  fi
  echo "== $target: ${seconds}s"
  set +e
  cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "${dict[@]}" >"$log" 2>&1
  code=$?
  set -e
  executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  corpus="$(find "fuzz/corpus/$target" -type f | wc -l)"
  findings="$(find "fuzz/artifacts/$target" -type f ! -name '*.log' | wc -l)"
  if [ "$code" -ne 0 ] || [ "$findings" -ne 0 ]; then
    status=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 || true
  fi
  report+=("$(printf '%-16s %6ss %12s executions %7s corpus files %3s findings (exit %s)' \
    "$target" "$seconds" "$executions" "$corpus" "$findings" "$code")")
done
printf '\n%s\n' "${report[@]}"
exit "$status"
