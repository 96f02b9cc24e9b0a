#!/usr/bin/env bash
# Speed and memory of fazhi against Hugo (Debian's package) and against the
# floor (read + cmark-gfm + write, bench/floor.cpp) on generated sites of N
# Chinese Markdown pages (bench/gen_site.py). Prints, per size, the median
# wall time, median CPU time (user+sys) and median peak RSS of each tool, and
# the ratios. Then the cold build time of the demo site.
#
# Timing: bench/measure.cpp (fork, exec, wait4: wall, user+sys, peak RSS of the one process).
#
# With --rebuild, instead: per size, Hugo and fazhi side by side, each into its
# own output folder: a cold build (empty folder), the first rebuild after it,
# rebuilds of the unchanged site into the existing output, and rebuilds with
# one page changed; then fazhi's rebuilt output is compared (diff -r) with a
# fresh build into an empty folder. Run it on a real disk: --work DIR on ext4.
#
# Usage: bench/run.sh [--sizes "1000 10000 50000"] [--runs 3] [--runs-large 1]
#                     [--large 50000] [--work DIR] [--fazhi PATH] [--no-hugo] [--rebuild]
#                     [--search off|on]
#   --runs        runs per tool for sizes below --large (median reported)
#   --runs-large  runs per tool for sizes of at least --large
#   --work        folder for sites and outputs (default /dev/shm/fazhi-bench, a tmpfs)
#   --fazhi       a fazhi binary to use instead of building build-bench/fazhi
#   --rebuild     the rebuild scenarios above instead of cold builds
#   --search      fazhi's [search] in the generated site (default off, so that
#                 figures stay comparable with earlier runs; Hugo builds no
#                 index either way: bench/compare.sh adds Hugo + Pagefind)
# Environment: JOBS (threads of the floor program, default nproc; fazhi uses all cores).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES="1000 10000 50000"
RUNS=3
RUNS_LARGE=1
LARGE=50000
# tmpfs by default: on the 2-core VM this was written on, ext4 took 150-300 us
# per mkdir/create and the same run varied 5x, which measured the disk, not
# the generators. Pass --work /some/disk/dir to include the disk.
WORK=/tmp/fazhi-bench
[ -d /dev/shm ] && [ -w /dev/shm ] && WORK=/dev/shm/fazhi-bench
FAZHI=""
WITH_HUGO=1
REBUILD=0
SEARCH=off
JOBS=${JOBS:-$(nproc)}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --runs-large) RUNS_LARGE=$2; shift 2 ;;
    --large) LARGE=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --fazhi) FAZHI=$2; shift 2 ;;
    --no-hugo) WITH_HUGO=0; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --search) SEARCH=$2; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

say() { echo "bench: $*" >&2; }

# --- tools -----------------------------------------------------------------
apt_install() {
  local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "installing $* from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if [ "$WITH_HUGO" = 1 ] && ! command -v hugo >/dev/null; then apt_install hugo; fi
command -v pkg-config >/dev/null && pkg-config --exists libcmark-gfm || "$ROOT/scripts/install-deps.sh"

. "$ROOT/bench/lib.sh"
bench_tools

# --- measuring ---------------------------------------------------------------
RESULTS=$WORK/results.tsv
: > "$RESULTS"
COUNTS=$WORK/counts.txt
: > "$COUNTS"
# measure SIZE TOOL OUTDIR CMD...: one run into an empty OUTDIR (and no fazhi
# work folder beside it); appends "size tool wall user sys maxrss_kb".
measure() {
  local size=$1 tool=$2 out=$3; shift 3
  rm -rf "$out" "$out".tmp-* "$(dirname "$out")/.$(basename "$out").fazhi" 2>/dev/null || true
  measure_keep "$size" "$tool" "$@"
}
# measure_keep SIZE TOOL CMD...: one run into whatever output exists; the
# row ends with the 1-minute load average before the run.
measure_keep() {
  local size=$1 tool=$2; shift 2
  sync
  local t=$WORK/time.txt l
  l=$(cut -d' ' -f1 /proc/loadavg)
  if ! "$MEASURE" "$t" "$@" >"$WORK/$tool.log" 2>&1; then
    say "$tool failed on $size pages; its output:"; tail -20 "$WORK/$tool.log" >&2
    return 1
  fi
  echo "$size $tool $(tail -1 "$t") $l" >> "$RESULTS"
}

# rebuilds N SITE RUNS: the --rebuild scenarios, Hugo and fazhi interleaved.
rebuilds() {
  local n=$1 site=$2 runs=$3 r
  local hout=$WORK/out-hugo fout=$WORK/out-fazhi
  local hugo_cmd=(hugo --quiet -s "$site/hugo" -d "$hout")
  local fazhi_cmd=("$FAZHI" build "$site/fazhi" --output "$fout")
  both() {  # both SCENARIO: one run of each into its existing output
    if [ "$WITH_HUGO" = 1 ]; then measure_keep "$n/$1" hugo "${hugo_cmd[@]}"; fi
    measure_keep "$n/$1" fazhi "${fazhi_cmd[@]}"
  }
  say "N=$n cold"
  if [ "$WITH_HUGO" = 1 ]; then measure "$n/cold" hugo "$hout" "${hugo_cmd[@]}"; fi
  measure "$n/cold" fazhi "$fout" "${fazhi_cmd[@]}"
  say "N=$n first rebuild"
  both rebuild-1
  for r in $(seq 1 "$runs"); do say "N=$n unchanged $r/$runs"; both unchanged; done
  # The page's Markdown is one file hard-linked into both sites.
  local page=$site/fazhi/content/posts/p00001.md size0
  size0=$(stat -c %s "$page")
  for r in $(seq 1 "$runs"); do
    say "N=$n one page changed $r/$runs"
    printf '\n第%d次修改：本段为测量只改一页的重建而追加。\n' "$r" >> "$page"
    both one-page
    truncate -s "$size0" "$page"
  done
  # Output bytes: the rebuilt folder against a fresh build into an empty one.
  "$FAZHI" build "$site/fazhi" --output "$fout" --quiet
  rm -rf "$WORK/out-fresh" "$WORK/.out-fresh.fazhi"
  "$FAZHI" build "$site/fazhi" --output "$WORK/out-fresh" --quiet
  if diff -r "$fout" "$WORK/out-fresh" >/dev/null; then
    echo "$n identical $(find "$fout" -type f | wc -l)" >> "$WORK/identical.txt"
  else
    echo "$n DIFFERENT" >> "$WORK/identical.txt"
  fi
  rm -rf "$hout" "$fout" "$WORK/.out-fazhi.fazhi" "$WORK/out-fresh" "$WORK/.out-fresh.fazhi"
}

if [ "$REBUILD" = 1 ]; then
  : > "$WORK/identical.txt"
  say "work folder: $(df -T "$WORK" | awk 'NR==2 {print $1, $2}'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
bench_warn_deletions "$WORK" "for first builds use bench/compare.sh --new-folders, which waits for the disk to settle"
for n in $SIZES; do
  site=$WORK/site-$n
  [ "$SEARCH" = on ] && site=$WORK/site-$n-search
  if [ ! -f "$site/.complete" ]; then
    python3 "$ROOT/bench/gen_site.py" "$n" "$site" --search "$SEARCH" >&2
    touch "$site/.complete"
  fi
  runs=$RUNS; [ "$n" -ge "$LARGE" ] && runs=$RUNS_LARGE
  if [ "$REBUILD" = 1 ]; then
    rebuilds "$n" "$site" "$runs"
    continue
  fi
  for r in $(seq 1 "$runs"); do
    say "N=$n run $r/$runs"
    # Interleaved, so a change in machine load hits every tool alike.
    if [ "$WITH_HUGO" = 1 ]; then
      measure "$n" hugo "$WORK/out-hugo" hugo --quiet -s "$site/hugo" -d "$WORK/out-hugo"
    fi
    measure "$n" fazhi "$WORK/out-fazhi" "$FAZHI" build "$site/fazhi" --output "$WORK/out-fazhi" || true
    measure "$n" floor "$WORK/out-floor" "$FLOOR" "$site/fazhi" "$WORK/out-floor" -j "$JOBS"
  done
  # HTML files of the last run, to show the tools did comparable work.
  count() { find "$1" -name '*.html' 2>/dev/null | wc -l; }
  echo "$n $(count "$WORK/out-hugo") $(count "$WORK/out-fazhi") $(count "$WORK/out-floor")" >> "$COUNTS"
  rm -rf "$WORK/out-hugo" "$WORK/out-fazhi" "$WORK/out-floor"
done

if [ "$REBUILD" = 1 ]; then
  say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 - "$RESULTS" "$WORK/identical.txt" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    key, tool, wall, user, sys_, rss, load = line.split()
    rows[(key, tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024, float(load)))
def med(key, tool):
    r = rows.get((key, tool))
    return (statistics.median(x[0] for x in r), statistics.median(x[1] for x in r),
            min(x[0] for x in r), max(x[0] for x in r), len(r),
            min(x[3] for x in r), max(x[3] for x in r)) if r else None
print("%-16s %-6s %4s %9s %15s %9s %16s %15s %11s" % ("pages/scenario", "tool", "runs", "wall s", "(min-max)",
                                           "cpu s", "hugo/fazhi wall", "hugo/fazhi cpu", "load"))
for key in dict.fromkeys(k for k, _ in rows):
    h, f = med(key, "hugo"), med(key, "fazhi")
    for tool, m in (("hugo", h), ("fazhi", f)):
        if not m: continue
        ratio = "%15.2fx" % (h[0] / f[0]) if tool == "fazhi" and h and f[0] > 0 else ""
        cratio = "%14.2fx" % (h[1] / f[1]) if tool == "fazhi" and h and f[1] > 0 else ""
        print("%-16s %-6s %4d %9.3f %7.3f-%-7.3f %9.3f %16s %15s %5.2f-%-5.2f" % (
            key, tool, m[4], m[0], m[2], m[3], m[1], ratio, cratio, m[5], m[6]))
print()
for line in open(sys.argv[2]):
    n, verdict, *files = line.split()
    print("%s pages: rebuilt output vs fresh build: %s%s" % (n, verdict, " (%s files)" % files[0] if files else ""))
EOF
  exit 0
fi

# Demo site: a cold build is a fresh process on the repository's own site.
DEMO_RUNS=5
for r in $(seq 1 $DEMO_RUNS); do
  measure demo fazhi "$WORK/out-demo" "$FAZHI" build "$ROOT" --output "$WORK/out-demo" || break
done

# --- report ------------------------------------------------------------------
python3 - "$RESULTS" "$COUNTS" <<'EOF'
import collections, statistics, sys
files = {}
for line in open(sys.argv[2]):
    size, *c = line.split()
    files.update({(size, t): int(x) for t, x in zip(("hugo", "fazhi", "floor"), c)})
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, tool, wall, user, sys_, rss, load = line.split()
    rows[(size, tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024, float(load)))
def med(size, tool):
    r = rows.get((size, tool))
    if not r: return None
    return (tuple(statistics.median(x[i] for x in r) for i in range(3)) + (len(r),) +
            (min(x[3] for x in r), max(x[3] for x in r)))
sizes = sorted({s for s, _ in rows if s != "demo"}, key=int)
print("%-7s %-6s %5s %9s %9s %10s %8s %11s" % ("pages", "tool", "runs", "wall s", "cpu s", "peak MiB",
                                            "html", "load"))
for s in sizes:
    for tool in ("hugo", "fazhi", "floor"):
        m = med(s, tool)
        if m:
            print("%-7s %-6s %5d %9.3f %9.3f %10.1f %8d %5.2f-%-5.2f" % (
                s, tool, m[3], m[0], m[1], m[2], files.get((s, tool), 0), m[4], m[5]))
print()
print("%-7s %16s %16s %16s %16s" % ("pages", "hugo/fazhi wall", "hugo/fazhi cpu",
                                     "fazhi/hugo RSS", "fazhi/floor wall"))
for s in sizes:
    h, f, fl = med(s, "hugo"), med(s, "fazhi"), med(s, "floor")
    def r(a, b, i):
        return "%15.2fx" % (a[i] / b[i]) if a and b and b[i] > 0 else "%16s" % "-"
    print("%-7s %s %s %s %s" % (s, r(h, f, 0), r(h, f, 1), r(f, h, 2), r(f, fl, 0)))
d = med("demo", "fazhi")
if d:
    print("\ndemo site cold build (fazhi, median of %d): %.0f ms wall, %.0f ms cpu, %.1f MiB peak"
          % (d[3], d[0] * 1000, d[1] * 1000, d[2]))
EOF
