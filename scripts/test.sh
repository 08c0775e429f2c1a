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
# Last, so its summary is the run's closing line.
ctest --preset default
