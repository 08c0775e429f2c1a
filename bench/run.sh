#!/usr/bin/env bash
# Jixiao benchmarks (issue 6): recompute in Writer and Calc against Python macros, Python over the socket and
# the bare reads/writes floor; validation of the sample and of a ~100-page report; start-up with and without
# the extension; soffice memory around many recomputes. Prints figures and ratios; asserts no timing.
#
#   bash bench/run.sh            full run (several minutes; the figures in docs/benchmarks.md)
#   bash bench/run.sh --quick    every measurement once with small counts (CI: ctest -L bench)
#   bash bench/run.sh --json out.json --only a,b2   (sections: a b2 c2 d2 e2 f g)
#
# Needs the default build (the .oxt and the test-only probe .oxt); builds it if it is missing. Runs as root
# like the UNO tests (unopkg runs as nobody in a private profile, see tests/uno/office.py).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${JIXIAO_BUILD_DIR:-$root/build}
if [[ -z "${JIXIAO_OXT:-}" ]]; then
  if ! ls "$build"/jixiao-*.oxt >/dev/null 2>&1 || [[ ! -f "$build/bench/jixiao-with-probe.oxt" ]]; then
    cmake --preset default >/dev/null && cmake --build --preset default
  fi
  JIXIAO_OXT=$(ls "$build"/jixiao-*.oxt | head -n 1)
  export JIXIAO_OXT JIXIAO_RDB="$build/jixiao.rdb" JIXIAO_SOURCE_DIR="$root"
  export JIXIAO_BENCH_OXT="$build/bench/jixiao-with-probe.oxt"
  export SOFFICE=${SOFFICE:-/usr/lib/libreoffice/program/soffice} UNOPKG=${UNOPKG:-/usr/lib/libreoffice/program/unopkg}
fi
# The in-process Python macro needs LibreOffice's Python script provider (not in scripts/install-deps.sh).
if [[ ! -e /usr/lib/libreoffice/program/pythonscript.py ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-script-provider-python >/dev/null
  else
    echo "bench: install libreoffice-script-provider-python (Python macros inside soffice)" >&2; exit 1
  fi
fi
export PYTHONPATH="$root/tests/uno${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1
# Only Debian's python3 has the uno module.
exec "${JIXIAO_BENCH_PYTHON:-/usr/bin/python3}" "$root/bench/driver.py" "$@"
