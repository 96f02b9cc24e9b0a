#!/usr/bin/env bash
# Quick start, step 1: install the compiler and the libraries (Debian
# packages only), compile, build the demo site. Nothing else: no npm, no
# browser, no test tools (scripts/test.sh installs those), so this works on
# a machine that reaches only a Debian mirror, or nothing when the packages
# are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/fazhi build .
echo
echo "The demo site is in public/. To look at it:"
echo "  ./build/fazhi serve        # then open http://127.0.0.1:1313/"
