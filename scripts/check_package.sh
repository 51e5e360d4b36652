#!/usr/bin/env bash
# Checks errlens' Debian package as CI does: what it holds, that its desktop entry and metainfo
# validate, and, installed on this machine, that `errlens` works from another directory on its
# own bundled samples (no path of the build machine in it).
#
#   scripts/check_package.sh PATH.deb [--install]
set -euo pipefail
deb="$1"
install="${2:-}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/errlens ./usr/share/applications/errlens.desktop \
    ./usr/share/icons/hicolor/scalable/apps/errlens.svg \
    ./usr/share/metainfo/io.github.errlens.errlens.metainfo.xml ./usr/share/man/man1/errlens.1.gz \
    ./usr/share/bash-completion/completions/errlens ./usr/share/zsh/vendor-completions/_errlens \
    ./usr/share/fish/vendor_completions.d/errlens.fish; do
    grep -q " $path\$" <<<"$contents" || { echo "the package lacks $path" >&2; exit 1; }
done
desktop-file-validate "$repo/assets/package/errlens.desktop"
appstreamcli validate --no-net --pedantic "$repo/assets/package/io.github.errlens.errlens.metainfo.xml"
echo "package contents, desktop entry and metainfo: ok"
[[ "$install" == --install ]] || exit 0

# The package's dependencies come from the machine's package lists (read them anew if stale).
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$deb" >/dev/null; }
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cd /
samples="$(HOME="$home" XDG_CACHE_HOME= errlens samples)"
[[ "$samples" == "$home"/* ]] || { echo "samples went to $samples, not the cache folder" >&2; exit 1; }
HOME="$home" XDG_CACHE_HOME= errlens summary --format json "$samples" >"$home/summary.json"
python3 - "$home/summary.json" "$repo/tests/sample-logs.expected.json" <<'PY'
import json, sys
summary, expected = (json.load(open(path)) for path in sys.argv[1:])
files = expected["files"]
want = sum(f["records"] for f in files.values())
assert summary["records"] == want, (summary["records"], want)
assert len(summary["inputs"]) == len(files), summary["inputs"]
print(f"installed errlens, run from /: {summary['records']} calls in {len(files)} bundled samples: ok")
PY
man -w errlens >/dev/null 2>&1 || zcat /usr/share/man/man1/errlens.1.gz | grep -q "errlens"
