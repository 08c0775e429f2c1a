#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine, as root: installs what is missing, builds, then shows Jixiao on the
# sample report — in Writer with the deck open when there is a display, otherwise as build/demo/sample-report.odt
# and .pdf with the validation findings printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
oxt=$(ls build/jixiao-*.oxt | head -n 1)
JIXIAO_OXT="$PWD/$oxt" JIXIAO_RDB="$PWD/build/jixiao.rdb" exec /usr/bin/python3 tools/demo.py "$@"
