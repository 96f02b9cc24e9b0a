#!/usr/bin/env bash
# Instructions a build executes, counted by valgrind's callgrind, on both
# generated corpora with search on and off: a figure that does not move with
# the machine's load or its phases, unlike wall time on a shared VM, where
# one build varies by 20-40 % (docs/performance.md, runs 13 and 14). For
# judging a change that is smaller than that noise; wall and memory against
# Hugo are bench/compare.sh's.
#
#   corpora  site   bench/gen_site.py  (one folder of similar pages)
#            mixed  bench/gen_mixed.py (short tagged pages in deep folders,
#                   large tables, long reports)
#   tools    fazhi-on   fazhi build, [search] on (the default)
#            fazhi-off  the same site with [search] enabled = false
#
# Each build runs on one thread (--jobs 1: the count does not depend on the
# number of cores; compare counts taken on one machine, as libc picks its
# string functions by CPU) into a new output folder. With --baseline, the other binary runs
# on the same sites and the change is printed beside each row.
#
# Usage: bench/instructions.sh [--pages 2000] [--corpora "site mixed"]
#                              [--fazhi PATH] [--baseline PATH] [--work DIR]
#   --fazhi     the binary to count (default: a Release build in build-bench/)
#   --baseline  a binary to compare with (say, main's)
#   --work      folder for the sites and outputs (default /dev/shm/fazhi-instr)
# Needs: valgrind (installed from Debian when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAGES=2000
CORPORA="site mixed"
FAZHI=""
BASELINE=""
WORK=/tmp/fazhi-instr
[ -d /dev/shm ] && [ -w /dev/shm ] && WORK=/dev/shm/fazhi-instr
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --corpora) CORPORA=$2; shift 2 ;;
    --fazhi) FAZHI=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "instructions.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if ! command -v valgrind >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "instructions: installing valgrind from Debian" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq valgrind >/dev/null
fi
mkdir -p "$WORK"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
if [ -z "$FAZHI" ]; then
  echo "instructions: building fazhi (Release) in $ROOT/build-bench" >&2
  cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build-bench" --target fazhi -j2 >/dev/null
  FAZHI=$ROOT/build-bench/fazhi
fi

# count BINARY SITE: the instructions of one build, on one thread; a build
# that fails is reported and stops the script (its count would mean nothing).
count() {
  local out=$WORK/out log=$WORK/callgrind.log
  rm -rf "$out" "$WORK/.out.fazhi"
  if ! valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" build "$2" --output "$out" \
    --quiet --jobs 1 >"$log" 2>&1; then
    echo "instructions: $1 failed on $2:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log"
}

printf '%-7s %-10s %16s' corpus tool instructions
[ -n "$BASELINE" ] && printf ' %16s %8s' baseline change
printf '\n'
for corpus in $CORPORA; do
  bench_corpus "$corpus" "$PAGES" "$WORK/$corpus-$PAGES"
  for tool in fazhi-on fazhi-off; do
    site=$WORK/$corpus-$PAGES/fazhi
    [ "$tool" = fazhi-off ] && site=$WORK/$corpus-$PAGES/fazhi-off
    n=$(count "$FAZHI" "$site")
    printf '%-7s %-10s %16s' "$corpus" "$tool" "$n"
    if [ -n "$BASELINE" ]; then
      b=$(count "$BASELINE" "$site")
      printf ' %16s %+7.2f%%' "$b" "$(python3 -c "print(100.0 * ($n - $b) / $b)")"
    fi
    printf '\n'
  done
done
