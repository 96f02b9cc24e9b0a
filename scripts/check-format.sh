#!/usr/bin/env bash
# The `format` test: every tracked C++ file must already be formatted as
# .clang-format says. Only files git tracks are checked (build trees,
# node_modules and scratch files are not), as they are in the working tree.
# Fix with: git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "check-format: $CLANG_FORMAT not found (scripts/install-test-deps.sh installs it)" >&2
  exit 77
fi
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-format: not a git checkout; the file list comes from git ls-files" >&2
  exit 1
fi
files=()
while IFS= read -r -d '' f; do
  [ -f "$f" ] && files+=("$f")  # tracked but deleted in the working tree: nothing to check
done < <(git ls-files -z -- '*.cpp' '*.cc' '*.h' '*.hpp')
if [ ${#files[@]} -eq 0 ]; then
  echo "check-format: no C++ files found" >&2
  exit 1
fi
if printf '%s\0' "${files[@]}" | xargs -0 "$CLANG_FORMAT" --dry-run --Werror; then
  echo "check-format: ${#files[@]} files formatted as .clang-format says"
else
  echo "check-format: run clang-format -i on the files above" >&2
  exit 1
fi
