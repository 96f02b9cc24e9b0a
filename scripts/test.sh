#!/usr/bin/env bash
# Quick start, step 2: the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/fazhi ] || scripts/setup.sh
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
