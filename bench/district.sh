#!/usr/bin/env bash
# District scale (issue 15): build time and peak memory of district sites of
# 60 units x 5 years (bench/gen_district.py) as one site of D districts, and
# as D one-district sites built one after another (a province's districts
# each with its own site). Prints, per D, the median wall, CPU (user+sys) and
# peak RSS of `fazhi build`, the pages written, and CPU per district, which
# stays flat when the build is linear in the number of units.
#
# Timing: bench/measure.cpp (fork, exec, wait4 of the one fazhi process).
# CPU time is the figure to compare on a shared machine; wall time depends
# on the other load (the script prints the load average with each row).
#
# Usage: bench/district.sh [--districts "1 10 100"] [--runs 3] [--loop 10]
#                          [--work DIR] [--fazhi PATH]
#   --loop N   also build N one-district sites in a loop (0: skip)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DISTRICTS="1 10 100"
RUNS=3
LOOP=10
WORK=/tmp/fazhi-district-bench
FAZHI="$ROOT/build/fazhi"
while [ $# -gt 0 ]; do
  case "$1" in
    --districts) DISTRICTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --loop) LOOP=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --fazhi) FAZHI=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "district.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$FAZHI" ] || { echo "district.sh: no fazhi binary at $FAZHI (build it first)" >&2; exit 2; }
. "$ROOT/bench/lib.sh"
bench_measure

calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# run_builds SITE: RUNS cold builds into an empty folder; prints "wall cpu rss_mib files".
run_builds() {
  local site=$1 walls=() cpus=() rsss=()
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    "$MEASURE" "$WORK/m" "$FAZHI" build "$site" --output "$WORK/out" --quiet >/dev/null
    read -r wall user sys rss <"$WORK/m"
    walls+=("$wall"); cpus+=("$(calc "$user + $sys")"); rsss+=("$rss")
  done
  local files; files=$(find "$WORK/out" -type f | wc -l)
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)" \
    "$(( $(printf '%s\n' "${rsss[@]}" | median | cut -d. -f1) / 1024 ))" "$files"
}

echo "fazhi: $FAZHI ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, work $WORK ($(df -T "$WORK" | awk 'NR==2 {print $2}'))"
printf '%-28s %8s %8s %8s %9s %9s  %s\n' site wall_s cpu_s rss_MiB files cpu/dist load
for d in $DISTRICTS; do
  site="$WORK/site-$d"
  python3 "$ROOT/bench/gen_district.py" "$site" --districts "$d"
  read -r wall cpu rss files < <(run_builds "$site")
  printf '%-28s %8.2f %8.2f %8d %9d %9.3f  %s\n' "one site, $d district(s)" "$wall" "$cpu" "$rss" "$files" \
    "$(calc "$cpu / $d")" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$site"
done

if [ "$LOOP" -gt 0 ]; then
  site="$WORK/site-1"
  python3 "$ROOT/bench/gen_district.py" "$site" --districts 1
  total_wall=0 total_cpu=0 max_rss=0
  for _ in $(seq "$LOOP"); do
    rm -rf "$WORK/out"
    "$MEASURE" "$WORK/m" "$FAZHI" build "$site" --output "$WORK/out" --quiet >/dev/null
    read -r wall user sys rss <"$WORK/m"
    total_wall=$(calc "$total_wall + $wall")
    total_cpu=$(calc "$total_cpu + $user + $sys")
    [ "$rss" -gt "$max_rss" ] && max_rss=$rss
  done
  printf '%-28s %8.2f %8.2f %8d %9s %9.3f  %s\n' "$LOOP one-district sites" "$total_wall" "$total_cpu" \
    "$((max_rss / 1024))" - "$(calc "$total_cpu / $LOOP")" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$site"
fi
rm -rf "$WORK/out"
