#!/bin/sh
# Builds every libFuzzer target with clang and runs each for N seconds (default 20) on its seed corpus.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]. Exits non-zero if a build fails or any fuzzer finds a crash,
# leak, sanitizer report or timeout; crash inputs are left in BUILD_DIR/fuzz-artifacts/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR [SECONDS]}
seconds=${2:-20}

CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DJIXIAO_FUZZ=ON -DJIXIAO_BUILD_UNO=OFF -DJIXIAO_BUILD_TESTS=OFF
cmake --build "$build"

mkdir -p "$build/fuzz-artifacts"
status=0
for source in "$here"/fuzz_*.cpp; do
  name=$(basename "$source" .cpp)
  # Work on a copy so new inputs do not pile up in the repository's seed corpus.
  work="$build/fuzz-corpus/$name"
  mkdir -p "$work"
  if [ -d "$here/corpus/$name" ]; then cp -R "$here/corpus/$name/." "$work/"; fi
  echo "== $name: $seconds s"
  if ! "$build/tests/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/fuzz-artifacts/$name-" "$work" 2>"$build/fuzz-artifacts/$name.log"; then
    echo "!! $name failed; see $build/fuzz-artifacts/$name.log"
    tail -n 40 "$build/fuzz-artifacts/$name.log"
    status=1
  else
    tail -n 1 "$build/fuzz-artifacts/$name.log"
  fi
done
exit $status
