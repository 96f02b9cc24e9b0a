#!/usr/bin/env bash
# Quick start, step 1: install what is missing, compile, build the demo site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The browser tests (axe, vnu, screenshots) are part of the suite; their
# tools are installed here too, before CMake looks for them.
scripts/install-browser-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/fazhi build .
echo
echo "The demo site is in public/. To look at it:"
echo "  ./build/fazhi serve        # then open http://127.0.0.1:1313/"
