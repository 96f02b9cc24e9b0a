#!/usr/bin/env bash
# Line coverage of generator/ by the doctest suite (unit and whole-site tests,
# and the fazhi binary the CLI tests run): build-cov/ (Debug, gcov
# instrumentation), ctest -L doctest, then gcovr. Test code is not counted.
# Report: build-cov/coverage/index.html (per file, line by line) and
# build-cov/coverage/summary.txt (per file); the total is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
if ! command -v gcovr >/dev/null 2>&1; then
  echo "coverage: gcovr not found (scripts/install-test-deps.sh installs it)" >&2
  exit 1
fi
cmake -S . -B build-cov -DFAZHI_COVERAGE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-cov -j"$JOBS" --target fazhi fazhi_tests
# Counts from this run only.
find build-cov -name '*.gcda' -delete
if ! ctest --test-dir build-cov -L doctest -j"$JOBS" --output-on-failure >build-cov/ctest.log 2>&1; then
  tail -n 30 build-cov/ctest.log >&2
  echo "coverage: tests failed (build-cov/ctest.log); no report" >&2
  exit 1
fi
tail -n 1 build-cov/ctest.log
rm -rf build-cov/coverage && mkdir -p build-cov/coverage
gcovr --root . --object-directory build-cov -j "$JOBS" \
  --filter 'generator/' --exclude '.*_test\.cpp$' --exclude '.*_test_[a-z_]*\.h$' \
  --html-details build-cov/coverage/index.html --txt build-cov/coverage/summary.txt --print-summary
