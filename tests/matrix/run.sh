#!/usr/bin/env bash
# Runs the office tests that matter most against real LibreOffice builds from Debian's packages, each in a chroot:
#
#   bash tests/matrix/run.sh [target …]      targets: debian11 (LibreOffice 7.0), debian12-backports (25.2),
#                                            debian12-arm64 (7.4 under qemu-user); default: debian11
#
# Installs dist/jixiao-*.oxt (scripts/package.sh) with unopkg as a normal user inside each chroot and runs, as that
# user with the chroot's python3 and LibreOffice: the service (templates, the sample report read with its findings,
# score and funding tables inserted in Writer and Calc, live recompute after an edit, sections, export/import,
# a UNO exception caught in Python and Basic, the grade bands a report keeps — through .xlsx too) and the deck's panel
# created (tests/uno, MATRIX_TESTS below).
# Prints a table: target, LibreOffice version, passed/failed, time. Needs root (chroot, mounts), mmdebstrap,
# and for arm64 debootstrap + qemu-user-static. Chroots are cached in ~/.cache/jixiao/matrix (~700 MB each).
set -euo pipefail
cd "$(dirname "$0")/../.."
source=$PWD
cache=${JIXIAO_MATRIX_CACHE:-$HOME/.cache/jixiao/matrix}
mirror=${JIXIAO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The office in Chinese (the tests read its UI language), Python macros (README's example), fonts for CJK text.
office_packages="libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-l10n-zh-cn python3-uno"
office_packages+=" libreoffice-script-provider-python fonts-noto-cjk"
packages="${office_packages// /,},util-linux,procps"
MATRIX_TESTS=${MATRIX_TESTS:-test_writer test_calc test_live_recompute test_sections test_panel_factory test_grade_bands test_bad_input.ExceptionsCrossTheBridgeTest test_comments}

# JIXIAO_MATRIX_OXT: another package, e.g. the default build's x86_64 one (scripts/test.sh).
oxt=${JIXIAO_MATRIX_OXT:-$(ls dist/jixiao-*.oxt 2>/dev/null | tail -n 1 || true)}
if [ -z "$oxt" ] || [ ! -f "$oxt" ]; then
  echo "matrix: no dist/jixiao-*.oxt — run scripts/package.sh first (or set JIXIAO_MATRIX_OXT)" >&2
  exit 2
fi
[ "$(id -u)" = 0 ] || { echo "matrix: run as root (chroot and mounts)" >&2; exit 2; }

need() { command -v "$1" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null; }; }

# make_chroot <target> <dir>: a Debian with LibreOffice, python3-uno and a user "jixiao"; reused once complete.
make_chroot() {
  local target=$1 dir=$2
  [ "$(cat "$dir/.jixiao-matrix-ready" 2>/dev/null)" = "$packages" ] && return 0
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  case "$target" in
    debian11)
      need mmdebstrap mmdebstrap
      mmdebstrap --quiet --variant=apt --include="$packages" bullseye "$dir" "deb $mirror bullseye main" ;;
    debian12-backports)
      need mmdebstrap mmdebstrap
      # LibreOffice from bookworm-backports (25.2), its dependencies from bookworm.
      mmdebstrap --quiet --variant=apt --include="$packages" --aptopt='APT::Default-Release "bookworm-backports"' \
        bookworm "$dir" "deb $mirror bookworm main" "deb $mirror bookworm-backports main" ;;
    debian12-arm64)
      need debootstrap debootstrap
      need qemu-aarch64-static qemu-user-static
      [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
      if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
        update-binfmts --enable qemu-aarch64 2>/dev/null || echo ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64-static:F' >/proc/sys/fs/binfmt_misc/register
      fi
      debootstrap --foreign --arch=arm64 --variant=minbase --include="$packages" bookworm "$dir" "$mirror"
      cp /usr/bin/qemu-aarch64-static "$dir/usr/bin/"
      chroot "$dir" /debootstrap/debootstrap --second-stage ;;
    *) echo "matrix: unknown target $target" >&2; return 2 ;;
  esac
  chroot "$dir" useradd --create-home --shell /bin/bash jixiao
  echo "$packages" >"$dir/.jixiao-matrix-ready"
}

# run_target <target>: prints "<LibreOffice version> <passed|failed>"; the log goes to build-matrix/<target>.log.
run_target() {
  local target=$1 dir=$cache/$target log=$source/build-matrix/$target.log
  make_chroot "$target" "$dir" >"$log" 2>&1 || { echo "? failed(chroot)"; return; }
  local work=/home/jixiao/jixiao
  rm -rf "$dir$work"
  mkdir -p "$dir$work/src/cli" "$dir$work/tests" "$dir$work/dist"
  cp -r tests/uno tests/data "$dir$work/tests/"
  cp src/cli/profile-seed.xcu "$dir$work/src/cli/"
  cp -r examples "$dir$work/"
  mkdir -p "$dir$work/extension" && cp -r extension/templates "$dir$work/extension/"
  cp "$oxt" "$dir$work/dist/"
  # The type library the Python bridge needs for Jixiao's own types: the one inside the package.
  (cd "$dir$work/dist" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("jixiao.rdb", ".")' "$(basename "$oxt")")
  chroot "$dir" chown -R jixiao:jixiao "$work"
  local version
  version=$(chroot "$dir" dpkg-query -W -f='${Version}' libreoffice-common 2>/dev/null | sed 's/^[0-9]*://; s/-.*//' || true)
  # A private mount namespace: /proc, /dev and /tmp for the chroot vanish with it, whatever happens.
  if unshare --mount --fork sh -c "
      mount -t proc proc '$dir/proc' && mount --rbind /dev '$dir/dev' && mount -t tmpfs tmpfs '$dir/tmp' &&
      chroot --userspec=jixiao:jixiao '$dir' env -i HOME=/home/jixiao PATH=/usr/bin:/bin LANG=C.UTF-8 \
        JIXIAO_SOURCE_DIR=$work JIXIAO_OXT=$work/dist/$(basename "$oxt") JIXIAO_RDB=$work/dist/jixiao.rdb \
        JIXIAO_TEST_DATA=$work/test-data JIXIAO_ARTIFACTS=$work/artifacts PYTHONDONTWRITEBYTECODE=1 \
        sh -c 'cd $work/tests/uno && timeout 1800 python3 -m unittest -v $MATRIX_TESTS'" >>"$log" 2>&1; then
    echo "${version:-?} passed"
  else
    echo "${version:-?} failed"
  fi
  # Nothing started in the chroot outlives the run (an office left by a crashed test): its processes are the
  # ones whose root is the chroot.
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$dir" ] && kill -KILL "${proc#/proc/}" 2>/dev/null || true
  done
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(debian11)
mkdir -p build-matrix
rows=()
status=0
for target in "${targets[@]}"; do
  started=$(date +%s)
  read -r version result < <(run_target "$target")
  rows+=("$(printf '%-20s %-12s %-8s %5s s' "$target" "$version" "$result" "$(($(date +%s) - started))")")
  [ "$result" = passed ] || status=1
done
printf '%-20s %-12s %-8s %7s\n' target LibreOffice result time
printf '%s\n' "${rows[@]}"
echo "(logs: build-matrix/<target>.log)"
exit $status
