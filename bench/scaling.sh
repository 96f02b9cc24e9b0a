#!/usr/bin/env bash
# Scaling checks (issue 18, failure 6): for each kind of input that once took
# quadratic time, `fazhi check` runs on sites with 0 (the base), N and 2N of it
# (bench/scaling_site.py), and the extra work of 2N must be at most
# RATIO_MAX (2.3) times the extra work of N. Exit 1 when a kind fails.
#
# Work is counted in instructions with valgrind's callgrind, not in seconds:
# an instruction count is the same on an idle machine and on a 2-core VM
# shared by eight builds, where wall and CPU time vary by tens of percent
# between runs, so a ratio of counts tells linear (2.0) from quadratic
# (about 4) with no retries and no tolerance for noise. fazhi runs with
# --jobs 1: with its worker threads the count moved by up to 2 million
# instructions between runs of the same site (valgrind schedules the threads
# differently each time), which once put the privacy kind's ratio at 2.307
# (2.03-2.06 otherwise); on one thread it moves by 20,000 at most.
# Subtracting the count at the base removes the fixed cost (startup, the
# theme). 2.3 leaves room for the n log n of sorting (2.14 at these sizes)
# and fails well below 4.
#
# Kinds: headings values sections deep-sections privacy (by default) and
# district (whole build of a many-unit site; slower under callgrind, ask for it
# with --kinds district; --n is then the number of districts).
# ctest `scaling` (label bench) runs it with --n 2000: about a minute of CPU.
# Exit 77 (skipped) without valgrind.
#
# Usage: bench/scaling.sh [--fazhi PATH] [--kinds "headings values ..."] [--n N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAZHI="$ROOT/build/fazhi"
KINDS="headings values sections deep-sections privacy"
N=""
RATIO_MAX=2.3
while [ $# -gt 0 ]; do
  case "$1" in
    --fazhi) FAZHI=$2; shift 2 ;;
    --kinds) KINDS=$2; shift 2 ;;
    --n) N=$2; shift 2 ;;
    *) echo "usage: $0 [--fazhi PATH] [--kinds \"...\"] [--n N]" >&2; exit 2 ;;
  esac
done
command -v valgrind >/dev/null || { echo "scaling: valgrind is not installed (scripts/install-test-deps.sh)" >&2; exit 77; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-scaling-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Instructions executed by `fazhi check` on a site of `kind` with n items.
# The district kind counts a whole `build` of n districts of 60 units x 5
# years (bench/gen_district.py): the tracker, unit pages and unit comparisons
# are written by build only.
count() {
  local kind=$1 n=$2 dir="$WORK/$1-$2"
  if [ "$kind" = district ]; then
    python3 "$ROOT/bench/gen_district.py" "$dir" --districts "$n"
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$FAZHI" build "$dir" --quiet --jobs 1 2>&1 >/dev/null ||
      true; } | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    return
  fi
  python3 "$ROOT/bench/scaling_site.py" "$kind" "$n" "$dir"
  # `check` may fail (deep-sections is refused): only the count matters.
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$FAZHI" check "$dir" --jobs 1 2>&1 >/dev/null || true; } |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

fail=0
printf '%-14s %7s %15s %15s %15s %7s\n' kind N "instr(base)" "instr(N)" "instr(2N)" ratio
for kind in $KINDS; do
  n=$N
  base=0
  if [ -z "$n" ]; then
    case "$kind" in
      headings|values) n=10000 ;;
      sections) n=5000 ;;       # in nests of 50: rendering stays within the depth limit
      deep-sections) n=10000 ;; # one nest of n: refused at the 65th level
      privacy) n=20000 ;;
      district) n=2 ;;          # 2 and 4 districts of 60 units: 600 and 1,200 reports
      *) n=10000 ;;
    esac
  fi
  # A refused template renders nothing, so its fixed cost is that of one
  # just over the limit, not of an empty one.
  [ "$kind" = deep-sections ] && base=100
  c0=$(count "$kind" "$base")
  c1=$(count "$kind" "$n")
  c2=$(count "$kind" $((2 * n)))
  ratio=$(python3 -c "print(f'{($c2 - $c0) / max(1, $c1 - $c0):.3f}')")
  verdict=ok
  if python3 -c "import sys; sys.exit(0 if ($c2 - $c0) <= $RATIO_MAX * ($c1 - $c0) else 1)"; then :; else
    verdict="FAIL (more than ${RATIO_MAX}x)"
    fail=1
  fi
  printf '%-14s %7s %15s %15s %15s %7s %s\n' "$kind" "$n" "$c0" "$c1" "$c2" "$ratio" "$verdict"
done
exit $fail
