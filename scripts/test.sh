#!/usr/bin/env bash
# Quick start, step 2: install the tools only the tests use
# (scripts/install-test-deps.sh), then the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/fazhi ] || scripts/setup.sh
scripts/install-test-deps.sh
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
