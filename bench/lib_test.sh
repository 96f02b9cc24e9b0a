#!/usr/bin/env bash
# bench/lib.sh's disk helpers: bench_settle's waiting (with the file system,
# the probe and sleep stubbed: a real unsettled disk cannot be had on demand)
# and bench_probe and bench_fs on this machine's tmpfs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$ROOT/bench/lib.sh"
fail() { echo "lib_test: $*" >&2; exit 1; }

# bench_settle compares the disk with tmpfs: without one, nothing to test.
[ -d /dev/shm ] && [ -w /dev/shm ] || { echo "lib_test: no /dev/shm, skipped"; exit 77; }

# The real probe and file system type.
[ "$(bench_fs /dev/shm)" = tmpfs ] || fail "bench_fs /dev/shm: $(bench_fs /dev/shm)"
cost=$(bench_probe "$WORK")
awk -v c="$cost" 'BEGIN {exit !(c > 0 && c < 100000)}' || fail "bench_probe printed '$cost'"
[ "$(find "$WORK" -type f | wc -l)" = 2000 ] || fail "bench_probe did not keep its 2,000 files"
# Another file system is left alone: no probe, no wait.
[ "$(bench_settle /dev/shm)" = tmpfs ] || fail "bench_settle on tmpfs"

# An ext4 without a journal, stubbed: tmpfs's probe says 10 µs, the disk's
# come from a list, one a call (a file keeps the list's place across the
# subshells of $(…)), and sleep returns at once.
bench_fs() { echo ext4-nojournal; }
sleep() { :; }
bench_probe() {
  if [ "$1" = /dev/shm/.fazhi-settle ]; then echo 10.0; return; fi
  local next
  next=$(head -1 "$WORK/list")
  sed -i 1d "$WORK/list"
  echo "$next" >>"$WORK/asked"
  echo "$next"
}
settle() { # PROBE…: bench_settle's line; the probes it made go to $WORK/asked, what it said to $WORK/said
  : >"$WORK/asked"
  printf '%s\n' "$@" >"$WORK/list"
  bench_settle "$WORK/disk" 2>"$WORK/said"
}

line=$(settle 19.5)
[ "$line" = "ext4-nojournal, settled: a file created in 19.5 µs (tmpfs 10.0 µs)" ] || fail "settled at once: $line"
[ ! -s "$WORK/said" ] || fail "settled at once but said: $(cat "$WORK/said")"

line=$(settle 101.2 44.0 40.0)
[ "$line" = "ext4-nojournal, settled: a file created in 40.0 µs (tmpfs 10.0 µs)" ] || fail "after two waits: $line"
[ "$(wc -l <"$WORK/asked")" = 3 ] || fail "after two waits: $(wc -l <"$WORK/asked") probes"
grep -q "a file costs 101.2 µs to create (tmpfs 10.0): waiting" "$WORK/said" || fail "no word of the wait: $(cat "$WORK/said")"
[ "$(grep -c waiting "$WORK/said")" = 2 ] || fail "two waits, said: $(cat "$WORK/said")"

# Never settles: gives up after 6 minutes (13 probes), saying so.
line=$(settle 90 90 90 90 90 90 90 90 90 90 90 90 90 90 90 90)
[ "$line" = "ext4-nojournal, NOT settled after 360 s: a file created in 90 µs (tmpfs 10.0 µs)" ] ||
  fail "never settled: $line"
[ "$(wc -l <"$WORK/asked")" = 13 ] || fail "never settled: $(wc -l <"$WORK/asked") probes"
echo "lib_test: bench_fs, bench_probe and bench_settle pass"
