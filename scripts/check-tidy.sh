#!/usr/bin/env bash
# The `tidy` test: clang-tidy, with the checks chosen in .clang-tidy, over every
# translation unit of the build (its compile_commands.json), in parallel.
# Any finding fails the test (.clang-tidy sets WarningsAsErrors).
# Usage: scripts/check-tidy.sh [build-dir]   (default: build)
# Fix a finding, or, when it is a false positive, say why on the line with
# // NOLINT(check-name): reason
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
if ! command -v run-clang-tidy >/dev/null 2>&1 || ! command -v clang-tidy >/dev/null 2>&1; then
  echo "check-tidy: clang-tidy / run-clang-tidy not found (scripts/install-test-deps.sh installs them)" >&2
  exit 77
fi
if [ ! -f "$BUILD/compile_commands.json" ]; then
  echo "check-tidy: $BUILD/compile_commands.json missing; configure with cmake first" >&2
  exit 1
fi
# The compile commands are g++'s: clang does not know -Wno-restrict, and under
# -Werror that unknown option would be an error.
start=$SECONDS
run-clang-tidy -p "$BUILD" -j "${TIDY_JOBS:-$(nproc)}" -quiet \
  -extra-arg=-Wno-unknown-warning-option "$PWD/(generator|tests|bench)/" >"$BUILD/tidy.log" 2>&1 && rc=0 || rc=$?
# Each finding with its source line and caret, once: clang-tidy reports a
# header's finding once per file that includes it.
python3 - "$BUILD/tidy.log" <<'PY'
import re, sys
diag = re.compile(r"^\S+:\d+:\d+: (warning|error): ")
blocks, cur = [], None
ansi = re.compile(r"\x1b\[[0-9;]*m")  # run-clang-tidy always asks for colour
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = ansi.sub("", line)
    if diag.match(line):
        cur = [line]
        blocks.append(cur)
    elif re.match(r"^(\S*clang-tidy\S* |\d+ warnings? |Suppressed \d+ |Use -header-filter|Found compiler error)", line):
        cur = None  # run-clang-tidy's own lines and clang-tidy's summaries
    elif cur is not None:
        cur.append(line)  # the source line, the caret, notes
seen = set()
for b in blocks:
    text = "".join(b)
    if text not in seen:
        seen.add(text)
        sys.stdout.write(text)
PY
if [ "$rc" -ne 0 ]; then
  echo "check-tidy: findings above (full output: $BUILD/tidy.log)" >&2
  exit 1
fi
echo "check-tidy: clean in $((SECONDS - start)) s ($(grep -c '"file"' "$BUILD/compile_commands.json") files)"
