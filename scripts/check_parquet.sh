#!/usr/bin/env bash
# The scale-out recipe of the README, checked: errlens exports each log on its own to Parquet (as
# a team does per file or per day), DuckDB groups all the Parquet files with one SQL query, and
# the groups, counts, first and last times must be errlens summary's of the same files read
# together; pyarrow, a second reader, must count the same rows and statuses.
#
#   scripts/check_parquet.sh [LOG...]     (default: sample-logs/ and ../shared/real-logs/)
#
# DuckDB and pyarrow are test-only tools from PyPI, installed into a venv under ~/.cache on first
# use. ERRLENS=path/to/errlens uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="$HOME/.cache/errlens-parquet-check-venv"
if ! "$venv/bin/python" -c 'import duckdb, pyarrow' 2>/dev/null; then
  echo "installing duckdb and pyarrow into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'duckdb>=1.1' 'pyarrow>=15'
fi

if [ -z "${ERRLENS:-}" ]; then
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/errlens-target}"
  cargo build --quiet --no-default-features --features table
  ERRLENS="$CARGO_TARGET_DIR/debug/errlens"
fi

logs=("$@")
if [ ${#logs[@]} -eq 0 ]; then
  logs=(sample-logs/*)
  if [ -d ../shared/real-logs ]; then
    for log in ../shared/real-logs/*; do
      case "$(basename "$log")" in PROVENANCE.md | expected.json) continue ;; esac
      [ -f "$log" ] && logs+=("$log")
    done
  fi
fi

lake="$(mktemp -d)"
trap 'rm -rf "$lake"' EXIT
# One Parquet file per log, named by its position (two logs may share a name).
# Exit status 2 is an input errlens could not read (said on stderr, as the summary says it).
for at in "${!logs[@]}"; do
  "$ERRLENS" export --to parquet -o "$lake/part-$at.parquet" "${logs[$at]}" 2>"$lake/stderr" || {
    status=$?
    [ "$status" -eq 2 ] || { cat "$lake/stderr" >&2; exit "$status"; }
  }
done
"$ERRLENS" summary --format json "${logs[@]}" >"$lake/summary.json" 2>/dev/null || true
"$venv/bin/python" scripts/check_parquet.py "$lake" "$lake/summary.json"
