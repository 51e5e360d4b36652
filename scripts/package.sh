#!/usr/bin/env bash
# Builds errlens' Debian package: the binary, its icon, desktop entry, AppStream metainfo, man page
# and shell completions (bash, zsh, fish), with the libraries it needs as dependencies.
#
#   scripts/package.sh [--profile release|dev]    # prints the path of the .deb it wrote
#
# The build goes to $CARGO_TARGET_DIR (default target/); the package to <target>/debian/.
# Needs dpkg-deb and dpkg-shlibdeps (Debian's dpkg and dpkg-dev).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
profile=release
while (($#)); do
    case "$1" in
        --profile) profile="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
target="${CARGO_TARGET_DIR:-$repo/target}"
case "$profile" in release) out_dir=release ;; dev) out_dir=debug ;; *) out_dir="$profile" ;; esac
cargo build --profile "$profile" --locked >&2
binary="$target/$out_dir/errlens"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
arch="$(dpkg --print-architecture)"
stage="$target/debian/errlens_${version}_${arch}"
rm -rf "$stage"
install -Dm755 "$binary" "$stage/usr/bin/errlens"
strip --strip-debug "$stage/usr/bin/errlens" 2>/dev/null || true
install -Dm644 assets/package/errlens.desktop "$stage/usr/share/applications/errlens.desktop"
install -Dm644 assets/package/errlens.svg "$stage/usr/share/icons/hicolor/scalable/apps/errlens.svg"
install -Dm644 assets/package/io.github.errlens.errlens.metainfo.xml \
    "$stage/usr/share/metainfo/io.github.errlens.errlens.metainfo.xml"
mkdir -p "$stage/usr/share/man/man1" "$stage/usr/share/bash-completion/completions" \
    "$stage/usr/share/zsh/vendor-completions" "$stage/usr/share/fish/vendor_completions.d" \
    "$stage/usr/share/doc/errlens"
"$binary" man | gzip -9n >"$stage/usr/share/man/man1/errlens.1.gz"
"$binary" completions bash >"$stage/usr/share/bash-completion/completions/errlens"
"$binary" completions zsh >"$stage/usr/share/zsh/vendor-completions/_errlens"
"$binary" completions fish >"$stage/usr/share/fish/vendor_completions.d/errlens.fish"
cat >"$stage/usr/share/doc/errlens/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: errlens
License: MIT OR Apache-2.0
COPYRIGHT

# The libraries the binary links, found by dpkg-shlibdeps (which wants a debian/control), and
# those the window opens at run time (X11 or Wayland, OpenGL; Vulkan for the wgpu fallback).
shlibs_dir="$(mktemp -d)"
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir -p "$shlibs_dir/debian"
printf 'Source: errlens\n\nPackage: errlens\nArchitecture: any\n' >"$shlibs_dir/debian/control"
linked="$(cd "$shlibs_dir" && dpkg-shlibdeps -O "$stage/usr/bin/errlens" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
runtime="libgl1, libegl1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1"
depends="${linked:+$linked, }$runtime"

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: errlens
Version: $version
Architecture: $arch
Maintainer: errlens developers <errlens@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: libvulkan1, mesa-vulkan-drivers, xdg-desktop-portal | zenity, fonts-dejavu-core
Section: devel
Priority: optional
Description: make sense of failing API calls
 errlens reads API logs in the shapes they come in (app and client-library logs,
 access logs, cloud exports, HAR, CSV, JSON, gzip), groups the failed calls by
 status and documented error kind, explains each with the vendor's fix, and
 composes a support email with secrets and personal data removed.
CONTROL
deb="$target/debian/errlens_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$deb" >&2
echo "$deb"
