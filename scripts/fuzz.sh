#!/usr/bin/env bash
# Fuzzing (issue 18): builds the fuzz targets of fuzz/ with clang's libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/, gathers a
# seed corpus (fuzz/seeds/ plus the demo site, the default theme and the
# test fixtures), and runs each target for --time seconds, --jobs targets
# at a time. Inputs that reach new code are kept in
# build-fuzz/corpus/<target>/, so later runs start from there. A crash, a
# sanitizer report, a leak, an input slower than --timeout seconds or above
# --rss MiB fails the run (exit 1); the input is kept as
# build-fuzz/crashes/<target>-<kind>-<sha1> and the output names it, with
# the sanitizer's report and the command that replays it. Every seed runs
# first, so an input once found and added to fuzz/seeds/<target>/ stays a
# regression test.
#
# Usage: scripts/fuzz.sh [--time SECONDS] [--targets "csv markdown ..."]
#                        [--timeout S] [--rss MB] [--jobs N] [--require]
# Exit 77 (skipped, for ctest) when clang++ or libFuzzer is missing, 1 with
# --require. The ctest `fuzz` (label fuzz, registered with
# -DFAZHI_FUZZ_TEST=ON, which scripts/test.sh sets) runs
# `scripts/fuzz.sh --time 30 --jobs 2`. AFL++ instead:
#   CC=afl-clang-fast CXX=afl-clang-fast++ cmake -S . -B build-afl -DFAZHI_FUZZ=ON
#   then afl-fuzz -i SEEDS -o OUT -- build-afl/fuzz/fuzz_csv
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TIME=30
ALL_TARGETS="front_matter config csv formula markdown mustache import privacy resources request_head site"
TARGETS=$ALL_TARGETS
TIMEOUT=10
RSS=2048
JOBS=${JOBS:-$(nproc)}
MISSING=77
while [ $# -gt 0 ]; do
  case "$1" in
    --time) TIME=$2; shift 2 ;;
    --targets) TARGETS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --rss) RSS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --require) MISSING=1; shift ;;
    *) echo "usage: $0 [--time S] [--targets \"...\"] [--timeout S] [--rss MB] [--jobs N] [--require]" >&2; exit 2 ;;
  esac
done
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/install-test-deps.sh)" >&2; exit $MISSING; }
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
  echo "fuzz: clang++ cannot link libFuzzer (scripts/install-test-deps.sh)" >&2
  exit $MISSING
fi

BUILD=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DFAZHI_FUZZ=ON -DFAZHI_WERROR=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# One make run for all targets: CMake's Makefiles build several --targets
# one after another, each checking every library's dependencies again.
targets=(fuzz_all)
if [ "$TARGETS" != "$ALL_TARGETS" ]; then
  targets=()
  for t in $TARGETS; do targets+=("fuzz_$t"); done
fi
cmake --build "$BUILD" -j"$JOBS" --target "${targets[@]}"

# Seeds: fuzz/seeds/<target>/ and files of the repository of the same kind.
SEEDS="$BUILD/seeds"
rm -rf "$SEEDS"
mkdir -p "$BUILD/crashes"
for t in $TARGETS; do
  mkdir -p "$SEEDS/$t" "$BUILD/corpus/$t"
  [ -d "fuzz/seeds/$t" ] && cp fuzz/seeds/"$t"/* "$SEEDS/$t/" 2>/dev/null || true
done
copy() {  # copy TARGET FILES...
  local t=$1; shift
  [ -d "$SEEDS/$t" ] || return 0
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$SEEDS/$t/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
mapfile -t pages < <(find content -name '*.md' | sort)
copy front_matter "${pages[@]}"
copy markdown "${pages[@]}"
copy config site.toml
copy csv data/indicators/*.csv
copy mustache themes/default/layouts/*.mustache themes/default/partials/*.mustache
copy import tests/fixtures/import/*.txt tests/fixtures/import/*.html ../shared/seeds/*.txt
if [ -d "$SEEDS/privacy" ]; then
  for f in "${pages[@]}" data/indicators/*.csv; do  # first byte: the kind of file
    { printf '\0'; cat "$f"; } >"$SEEDS/privacy/$(echo "$f" | tr '/' '_')"
  done
fi
if [ -d "$SEEDS/resources" ]; then  # first byte: 0 HTML, 1 CSS, 2 Markdown
  for f in themes/default/layouts/*.mustache themes/default/partials/*.mustache; do
    { printf '\0'; cat "$f"; } >"$SEEDS/resources/$(echo "$f" | tr '/' '_')"
  done
  for f in themes/default/static/css/*.css; do
    { printf '\1'; cat "$f"; } >"$SEEDS/resources/$(echo "$f" | tr '/' '_')"
  done
  for f in "${pages[@]}"; do
    { printf '\2'; cat "$f"; } >"$SEEDS/resources/$(echo "$f" | tr '/' '_')"
  done
fi
if [ -d "$SEEDS/import" ]; then
  # A .docx seed, made with Python's zipfile (no binary in the repository).
  python3 - "$SEEDS/import/report.docx" <<'PY'
import sys, zipfile
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def p(text, num=None):
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ''
    return f'<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> </w:t><w:br/></w:r></w:p>'
body = p('某区司法局2024年法治政府建设年度报告') + p('主要举措和成效', 1) + p('办理行政复议案件368件，办结率80.16%。')
doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}</w:body></w:document>'
num = (f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
       '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
       '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', doc)
    z.writestr('word/numbering.xml', num)
PY
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# One target: its log in build-fuzz/fuzz-<target>.log, its exit status in
# build-fuzz/fuzz-<target>.status.
fuzz_one() {
  local t=$1 max_len=4096 rc=0
  case $t in site|import) max_len=65536 ;; esac
  "$BUILD/fuzz/fuzz_$t" -max_total_time="$TIME" -timeout="$TIMEOUT" -rss_limit_mb="$RSS" \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$t-" \
    "$BUILD/corpus/$t" "$SEEDS/$t" >"$BUILD/fuzz-$t.log" 2>&1 || rc=$?
  echo "$rc" >"$BUILD/fuzz-$t.status"
}
start=$SECONDS
for t in $TARGETS; do
  rm -f "$BUILD/fuzz-$t.status"
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
  fuzz_one "$t" &
done
wait

fail=0
printf '%-13s %9s %6s %6s %7s  %s\n' target runs cov ft corpus result
for t in $TARGETS; do
  log="$BUILD/fuzz-$t.log"
  status=ok
  if [ "$(cat "$BUILD/fuzz-$t.status" 2>/dev/null)" != 0 ]; then
    status="FAILED: $(grep -m1 -E '==ERROR|^SUMMARY|ERROR: libFuzzer|runtime error:' "$log" || tail -1 "$log")"
    fail=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  corpus=$(find "$BUILD/corpus/$t" -type f | wc -l)
  printf '%-13s %9s %6s %6s %7s  %s\n' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$status"
done
echo "fuzz: $(echo $TARGETS | wc -w) targets, $TIME s each, $JOBS at a time: $((SECONDS - start)) s"
if [ $fail -ne 0 ]; then
  # What a CI log needs to act on a failure: the report and where the input is.
  for t in $TARGETS; do
    [ "$(cat "$BUILD/fuzz-$t.status" 2>/dev/null)" = 0 ] && continue
    log="$BUILD/fuzz-$t.log"
    echo
    echo "=== fuzz_$t failed (whole log: $log)"
    sed -n '/==ERROR\|ERROR: libFuzzer\|runtime error:/,/^SUMMARY/p' "$log" | head -60
    input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ -n "$input" ]; then
      echo "input kept: $input ($(stat -c %s "$input") bytes)"
      echo "replay:     $BUILD/fuzz/fuzz_$t $input"
      echo "once fixed: add it to fuzz/seeds/$t/ (every run starts with the seeds) with a test"
    fi
  done
  echo "fuzz: a target failed" >&2
fi
exit $fail
