#!/usr/bin/env bash
# Quick start, step 2: install what only the tests use (clang-format,
# clang-tidy, gcovr, nginx, apache2, dpkg-dev… through
# scripts/install-test-deps.sh; Debian's chromium, a Java runtime and the npm
# packages pinned in tests/browser through scripts/install-browser-deps.sh),
# then the whole suite through ctest, including the short fuzz run (ctest
# `fuzz`: every parser under libFuzzer with ASan and UBSan, 30 s each, in a
# second build with clang in build-fuzz/; a crash fails the suite and its
# input is kept in build-fuzz/crashes/). The build is configured so that a
# test whose tools are missing fails the configuration instead of quietly not
# running.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/fazhi ] || scripts/setup.sh
scripts/install-test-deps.sh
scripts/install-browser-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAZHI_REQUIRE_ALL_TESTS=ON -DFAZHI_FUZZ_TEST=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
