#!/usr/bin/env bash
# The doctest suite (and the fazhi binary its CLI tests run) built with
# AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/, then run.
# Any report fails the test that triggered it: UBSan is built with
# -fno-sanitize-recover, ASan stops at its first error, LeakSanitizer reports
# leaks at exit. scripts/test.sh does not run it (its fuzz test runs the
# parsers under ASan and UBSan); run it after a change to how memory is held
# or shared between threads.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
cmake -S . -B build-asan -DFAZHI_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$JOBS" --target fazhi fazhi_tests
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
ctest --test-dir build-asan -L doctest --output-on-failure -j"$JOBS"
