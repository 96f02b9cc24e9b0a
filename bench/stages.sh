#!/usr/bin/env bash
# Builds and runs bench/stages.cpp (per-stage timings of fazhi's input stages)
# against the Release core library in build-bench/. Usage: bench/stages.sh SITE
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 1 ] || { echo "usage: bench/stages.sh SITE" >&2; exit 2; }
cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$ROOT/build-bench" --target fazhi_core -j2 >/dev/null
g++ -O2 -std=c++20 -Wall -Wextra -Werror -I"$ROOT/generator" "$ROOT/bench/stages.cpp" \
  "$ROOT/build-bench/libfazhi_core.a" $(pkg-config --cflags --libs libcmark-gfm yaml-0.1 tomlplusplus) \
  -pthread -o "$ROOT/build-bench/stages"
"$ROOT/build-bench/stages" "$1"
