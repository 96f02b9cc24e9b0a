#!/usr/bin/env bash
# fazhi with and without search against Hugo, Hugo + Pagefind and the floor,
# on both generated corpora, in one run:
#
#   corpora  site   bench/gen_site.py  (one folder of similar 3.4 KB pages)
#            mixed  bench/gen_mixed.py (short tagged pages in deep folders,
#                   large tables, long reports)
#            vocab  (only when asked for: --corpora vocab) gen_site.py's pages
#                   with --vocabulary 256: as many words as real text has, for
#                   the search index's share (docs/performance.md, run 30)
#            Hugo gets the same layouts (gen_site.py's) for all.
#   tools    hugo          Debian's hugo on the same Markdown
#            pagefind      Pagefind (npm `pagefind`, the version pinned in
#                          tests/browser/package-lock.json, its native
#                          pagefind_extended binary, which segments Chinese)
#                          indexing Hugo's output just written
#            hugo+pagefind the two above one after the other: wall and CPU
#                          summed, peak RSS the larger of the two
#            fazhi-on      fazhi build with [search] on (the default of a new site)
#            fazhi-off     the same site with [search] enabled = false
#            floor         bench/floor.cpp (read + cmark-gfm + write only)
#            floor-like    the same, writing what fazhi-on's output holds
#                          (`floor --like`: the same files, folders and bytes,
#                          the pages padded to their size with spaces), so
#                          only fazhi's own work is left between the two
#            floor-like-off the same for fazhi-off's output (no search/):
#                          the ratio of fazhi-off to it is fazhi's work
#                          without the search index
#
# Every tool runs RUNS times, interleaved (a change in machine load hits all
# alike), except Pagefind: PAGEFIND_RUNS times (it takes minutes of CPU at
# 10,000 pages; hugo+pagefind pairs its runs with Hugo's runs of the same
# rounds). Each row is the median wall, CPU (user+sys) and peak RSS of the
# runs, taken by bench/measure.cpp, with the range of the 1-minute load
# average seen before the runs of that row (the machine is shared: CPU time is
# the figure that holds under load). Then the ratios the targets are stated in.
#
# Usage: bench/compare.sh [--pages 10000] [--runs 3] [--pagefind-runs 1]
#                         [--corpora "site mixed"] [--work DIR] [--fazhi PATH]
#                         [--new-folders]
#   --work         folder for sites and outputs (default /dev/shm/fazhi-compare, a tmpfs)
#   --fazhi        a fazhi binary to use instead of building build-bench/fazhi
#   --new-folders  every build into a folder of its own, nothing deleted until
#                  all runs are done (by default each tool's previous output is
#                  deleted just before its run). ext4 without a journal does
#                  not reuse inodes freed in the last 5 minutes, and a
#                  build soon after a deletion searches past them: this
#                  measures first builds without that (docs/performance.md,
#                  runs 16 and 43). Needs room for every output at once.
# On ext4 without a journal each corpus's runs also wait until creating a file
# costs what it does on a settled disk (bench_settle, bench/lib.sh: a deletion
# by anything else, a test run's scratch folders, lasts as long); the report
# ends with what the probe found.
# Needs: hugo (installed from Debian when missing), the npm packages of
# tests/browser (scripts/install-browser-deps.sh; run here when missing).
# Environment: JOBS (threads of the floor program, default nproc).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PAGES=10000
RUNS=3
PAGEFIND_RUNS=1
CORPORA="site mixed"
WORK=/tmp/fazhi-compare
[ -d /dev/shm ] && [ -w /dev/shm ] && WORK=/dev/shm/fazhi-compare
FAZHI=""
NEW_FOLDERS=0
JOBS=${JOBS:-$(nproc)}
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --pagefind-runs) PAGEFIND_RUNS=$2; shift 2 ;;
    --corpora) CORPORA=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --fazhi) FAZHI=$2; shift 2 ;;
    --new-folders) NEW_FOLDERS=1; shift ;;
    -h|--help) sed -n '2,54p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

say() { echo "compare: $*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

# --- tools -----------------------------------------------------------------
if ! command -v hugo >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "installing hugo from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hugo >/dev/null
fi
PAGEFIND=$ROOT/tests/browser/node_modules/@pagefind/linux-x64/bin/pagefind_extended
if [ ! -x "$PAGEFIND" ]; then
  say "Pagefind missing: running scripts/install-browser-deps.sh (npm ci of tests/browser)"
  "$ROOT/scripts/install-browser-deps.sh" >&2
fi
PAGEFIND_VERSION=$("$PAGEFIND" --version | awk '{print $NF}')
command -v pkg-config >/dev/null && pkg-config --exists libcmark-gfm || "$ROOT/scripts/install-deps.sh"

. "$ROOT/bench/lib.sh"
bench_tools

# --- sites -------------------------------------------------------------------
# site(CORPUS) -> WORK/CORPUS-PAGES (bench_corpus, bench/lib.sh).
make_site() { bench_corpus "$1" "$PAGES" "$WORK/$1-$PAGES"; }

# --- measuring ---------------------------------------------------------------
RESULTS=$WORK/results.tsv
: > "$RESULTS"
COUNTS=$WORK/counts.tsv
: > "$COUNTS"
# measure CORPUS TOOL CMD...: one run; appends "corpus tool wall user sys maxrss_kb load".
measure() {
  local corpus=$1 tool=$2; shift 2
  sync
  local l t=$WORK/time.txt
  l=$(load)
  if ! "$MEASURE" "$t" "$@" >"$WORK/$tool.log" 2>&1; then
    say "$tool failed on $corpus; its output:"; tail -20 "$WORK/$tool.log" >&2
    return 1
  fi
  echo "$corpus $tool $(tail -1 "$t") $l" >> "$RESULTS"
}
fresh() { rm -rf "$@" 2>/dev/null || true; for d in "$@"; do rm -rf "$(dirname "$d")/.$(basename "$d").fazhi"; done; }
# out TOOL: the output folder of TOOL in this round (of this corpus and round
# with --new-folders, where fresh then deletes nothing until the end).
out() { if [ "$NEW_FOLDERS" = 1 ]; then echo "$WORK/out-$1-$corpus-$r"; else echo "$WORK/out-$1"; fi; }
start_run() { [ "$NEW_FOLDERS" = 1 ] || fresh "$@"; }
html() { find "$1" -name '*.html' 2>/dev/null | wc -l; }

say "fazhi $FAZHI; hugo $(hugo version | awk '{print $2}'); pagefind $PAGEFIND_VERSION; load $(cut -d' ' -f1-3 /proc/loadavg)"
DISK_NOTES=""
[ "$NEW_FOLDERS" = 1 ] || bench_warn_deletions "$WORK" "--new-folders avoids it"
for corpus in $CORPORA; do
  make_site "$corpus"
  site=$WORK/$corpus-$PAGES
  DISK_NOTES+="$corpus: $(bench_settle "$WORK")"$'\n'
  pagefind_files=""
  for r in $(seq 1 "$RUNS"); do
    say "$corpus, $PAGES pages, run $r/$RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
    start_run "$(out hugo)"
    measure "$corpus" hugo hugo --quiet -s "$site/hugo" -d "$(out hugo)"
    if [ "$r" -le "$PAGEFIND_RUNS" ]; then
      measure "$corpus" pagefind "$PAGEFIND" --site "$(out hugo)" --output-subdir pagefind --quiet
      pagefind_files=$(find "$(out hugo)/pagefind" -type f 2>/dev/null | wc -l)
    fi
    start_run "$(out on)"
    measure "$corpus" fazhi-on "$FAZHI" build "$site/fazhi" --output "$(out on)" --quiet
    (cd "$(out on)" && find . -type f -printf '%P\t%s\n') > "$WORK/like.tsv"
    start_run "$(out off)"
    measure "$corpus" fazhi-off "$FAZHI" build "$site/fazhi-off" --output "$(out off)" --quiet
    (cd "$(out off)" && find . -type f -printf '%P\t%s\n') > "$WORK/like-off.tsv"
    start_run "$(out floor)"
    measure "$corpus" floor "$FLOOR" "$site/fazhi" "$(out floor)" -j "$JOBS"
    start_run "$(out like)"
    measure "$corpus" floor-like "$FLOOR" "$site/fazhi" "$(out like)" -j "$JOBS" --like "$WORK/like.tsv"
    start_run "$(out like-off)"
    measure "$corpus" floor-like-off "$FLOOR" "$site/fazhi-off" "$(out like-off)" -j "$JOBS" \
      --like "$WORK/like-off.tsv"
  done
  r=$RUNS  # the last round's outputs
  echo "$corpus hugo $(html "$(out hugo)")" >> "$COUNTS"
  echo "$corpus pagefind ${pagefind_files:-0}" >> "$COUNTS"  # of its last run
  echo "$corpus fazhi-on $(html "$(out on)") $(find "$(out on)/search" -type f 2>/dev/null | wc -l)" >> "$COUNTS"
  echo "$corpus fazhi-off $(html "$(out off)")" >> "$COUNTS"
  echo "$corpus floor $(html "$(out floor)")" >> "$COUNTS"
  echo "$corpus floor-like $(html "$(out like)") $(find "$(out like)/search" -type f 2>/dev/null | wc -l)" >> "$COUNTS"
  echo "$corpus floor-like-off $(html "$(out like-off)")" >> "$COUNTS"
  [ "$NEW_FOLDERS" = 1 ] || fresh "$WORK/out-hugo" "$WORK/out-on" "$WORK/out-off" "$WORK/out-floor" "$WORK/out-like" \
    "$WORK/out-like-off"
done
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$NEW_FOLDERS" = 1 ]; then
  for d in "$WORK"/out-*; do fresh "$d"; done
fi
rm -rf "$WORK/.settle"

# --- report ------------------------------------------------------------------
python3 - "$RESULTS" "$COUNTS" "$PAGES" "$PAGEFIND_VERSION" <<'EOF'
import collections, statistics, sys
results, counts, pages, pf_version = sys.argv[1:5]
rows = collections.defaultdict(list)
for line in open(results):
    corpus, tool, wall, user, sys_, rss, load = line.split()
    rows[(corpus, tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024, float(load)))
files = {}
for line in open(counts):
    corpus, tool, *n = line.split()
    files[(corpus, tool)] = " / ".join(n)
corpora = list(dict.fromkeys(c for c, _ in rows))
def med(corpus, tool):
    r = rows.get((corpus, tool))
    if not r: return None
    return {"wall": statistics.median(x[0] for x in r), "cpu": statistics.median(x[1] for x in r),
            "rss": statistics.median(x[2] for x in r), "runs": len(r),
            "load": (min(x[3] for x in r), max(x[3] for x in r))}
for c in corpora:
    h, p = rows.get((c, "hugo"), []), rows.get((c, "pagefind"), [])
    # Hugo + Pagefind, run by run: the two processes in sequence.
    rows[(c, "hugo+pagefind")] = [(a[0] + b[0], a[1] + b[1], max(a[2], b[2]), max(a[3], b[3]))
                                  for a, b in zip(h, p)]
tools = ["hugo", "pagefind", "hugo+pagefind", "fazhi-on", "fazhi-off", "floor", "floor-like", "floor-like-off"]
print("%d pages; Pagefind %s; wall = median wall s, cpu = median user+sys s, load = 1-min load "
      "average before the runs (min-max)" % (int(pages), pf_version))
print()
print("%-7s %-14s %4s %8s %8s %9s %11s  %s" % ("corpus", "tool", "runs", "wall s", "cpu s",
                                              "peak MiB", "load", "html / files"))
for c in corpora:
    for t in tools:
        m = med(c, t)
        if m:
            print("%-7s %-14s %4d %8.3f %8.3f %9.1f %5.2f-%-5.2f  %s" % (
                c, t, m["runs"], m["wall"], m["cpu"], m["rss"], m["load"][0], m["load"][1],
                files.get((c, t), "")))
print()
print("ratios (target: Hugo/fazhi >= 6 in wall and CPU, fazhi/Hugo RSS <= 0.167, fazhi/floor wall <= 1.5);")
print("wall, cpu, peak: of the medians; rounds: the wall ratio within each round, lowest-highest (the")
print("tools of a round run one after the other, so a change in the machine's speed between rounds")
print("moves both sides of a round's ratio alike)")
print("%-7s %-26s %8s %8s %8s  %s" % ("corpus", "", "wall", "cpu", "peak", "rounds"))
for c in corpora:
    def ratio(label, a, b):
        ma, mb = med(c, a), med(c, b)
        if not ma or not mb: return
        ra, rb = rows[(c, a)], rows[(c, b)]
        rounds = [x[0] / y[0] for x, y in zip(ra, rb)]
        print("%-7s %-26s %7.2fx %7.2fx %7.2fx  %.2f-%.2fx" % (
            c, label, ma["wall"] / mb["wall"], ma["cpu"] / mb["cpu"], ma["rss"] / mb["rss"],
            min(rounds), max(rounds)))
    ratio("hugo / fazhi-off", "hugo", "fazhi-off")
    ratio("hugo / fazhi-on", "hugo", "fazhi-on")
    ratio("hugo+pagefind / fazhi-on", "hugo+pagefind", "fazhi-on")
    ratio("fazhi-on / hugo", "fazhi-on", "hugo")
    ratio("fazhi-on / floor", "fazhi-on", "floor")
    ratio("fazhi-off / floor", "fazhi-off", "floor")
    ratio("fazhi-on / floor-like", "fazhi-on", "floor-like")
    ratio("fazhi-off / floor-like-off", "fazhi-off", "floor-like-off")
    ratio("fazhi-on / fazhi-off", "fazhi-on", "fazhi-off")
EOF
printf '\nfile system of %s, before each corpus (bench_settle, bench/lib.sh):\n%s' "$WORK" "$DISK_NOTES"
