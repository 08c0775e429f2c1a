#!/usr/bin/env bash
# Installs everything Jixiao needs to build, test and run on Debian 12, from Debian's packages. Run as root.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  libreoffice-dev nlohmann-json3-dev libgtest-dev
  # the shipped component (cmake/toolchain-linux-*.cmake): clang + lld against Debian 11 sysroots that
  # scripts/fetch-sysroot.sh downloads with apt-get and a private configuration (the archive's keys)
  clang lld debian-archive-keyring
  # tests/matrix/run.sh: chroots with other Debian releases' LibreOffice (arm64 under qemu-user)
  mmdebstrap debootstrap qemu-user-static
  # fuzzing, sanitizers and formatting checks
  clang libclang-rt-14-dev clang-format clang-tidy
  # the office the extension runs in and the tests drive (python3-uno: Debian's /usr/bin/python3 only)
  libreoffice-writer libreoffice-calc libreoffice-l10n-zh-cn python3-uno fonts-noto-cjk
  libreoffice-script-provider-python
  # the deck's tab icons: SVG sources rendered to PNG at build time (oxt-package/CMakeLists.txt)
  librsvg2-bin
  # UI tests and looking at what users see
  xvfb xauth x11-utils imagemagick poppler-utils xdotool
  # jixiao-batch merge: the test that spreads a run over shards (docs/reviewers.md)
  parallel
  # setpriv (unopkg refuses to run as root) and process tools
  util-linux procps
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
