#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, build, then unit, UNO (real headless soffice) and UI
# (soffice under Xvfb) tests through ctest, and the fuzzers for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
# One line, first, if the office tests cannot run on this machine (they are then "Not Run" in ctest's summary).
/usr/bin/python3 tests/uno/office.py --preflight || true
# No soffice may outlive the run, even if a test crashes: every test kills its own process group, and
# this trap catches anything left over.
trap 'pkill -KILL -f "soffice.bin.*jixiao-profile" 2>/dev/null || true' EXIT
bash tests/fuzz/run.sh build-fuzz "${JIXIAO_FUZZ_SECONDS:-15}"
# The core and its unit tests again under AddressSanitizer + UBSan (Debug, no UNO; build-sanitize/).
cmake --preset sanitize
cmake --build --preset sanitize
ctest --preset sanitize
# The x86_64 library as built above, in Debian 11's LibreOffice 7.0 (a chroot from Debian's packages, cached in
# ~/.cache/jixiao/matrix): about 3 min to make the chroot once, 40 s of tests. Other targets: tests/matrix/run.sh.
matrix=0
JIXIAO_MATRIX_OXT=$(ls build/jixiao-*.oxt | head -n 1) bash tests/matrix/run.sh debian11 || matrix=$?
# Last, so its summary is the run's closing line.
ctest --preset default
exit $matrix
