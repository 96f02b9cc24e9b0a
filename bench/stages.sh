#!/usr/bin/env bash
# Builds and runs bench/stages.cpp (per-stage timings of fazhi's input stages)
# against the Release libraries in build-bench/. Usage: bench/stages.sh SITE
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 1 ] || { echo "usage: bench/stages.sh SITE" >&2; exit 2; }
cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ROOT/build-bench" --target fazhi_bench_stages -j2 >/dev/null
"$ROOT/build-bench/fazhi_bench_stages" "$1"
