#!/usr/bin/env bash
# The release: dist/jixiao-<version>.oxt with the component for Linux x86_64 and aarch64, each built with clang +
# lld against a Debian 11 sysroot (cmake/toolchain-linux-<arch>.cmake; sysroots fetched from Debian's packages
# by scripts/fetch-sysroot.sh into ~/.cache/jixiao/sysroot and reused), then checked as shipped
# (tests/package/check_shipped_libraries.py). Builds in build-release/; needs what scripts/install-deps.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF -DJIXIAO_PORTABLE=ON \
  "-DJIXIAO_OXT_ARCHITECTURES=x86_64;aarch64" >/dev/null
cmake --build build-release --target oxt
oxt=$(ls build-release/jixiao-*.oxt)
python3 tests/package/check_shipped_libraries.py "$oxt" x86_64 aarch64
mkdir -p dist
cp "$oxt" dist/
echo "package: dist/$(basename "$oxt") ($(du -h "$oxt" | cut -f1)) in $(($(date +%s) - started)) s"
