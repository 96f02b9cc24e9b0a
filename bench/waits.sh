#!/usr/bin/env bash
# Where the threads of one build sleep, and for how long: records every
# context switch of the machine during `fazhi build SITE --output OUT` (perf,
# sched:sched_switch with DWARF stacks, so it needs root or
# perf_event_paranoid <= -1), pairs each time a fazhi thread goes to sleep
# with the time it runs again, and sums those waits by the two innermost
# fazhi (or cmark) functions of the stack it slept in. A thread preempted
# (still runnable) waited for a core, not for anything of ours: counted apart. Sleeps of the thread
# pool's idle workers (ParallelForWorker itself) are left out: they are a
# stage waiting for its last pages, not a lock. Stacks perf could not unwind
# are summed under the first frames it has (often the futex call).
#
#   bench/waits.sh FAZHI SITE OUT [TOP]     (OUT is deleted first)
#
# docs/performance.md, run 34: the Markdown finish lock, the search index's
# and the output sink's locks before and after they changed.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: bench/waits.sh FAZHI SITE OUT [TOP]" >&2; exit 2; }
FAZHI=$1 SITE=$2 OUT=$3 TOP=${4:-10}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT" "$(dirname "$OUT")/.$(basename "$OUT").fazhi"
perf record -q -a -e sched:sched_switch --call-graph dwarf,16384 -o "$TMP/perf.data" -- \
  "$FAZHI" build "$SITE" --output "$OUT" --quiet >/dev/null 2>&1
perf script -i "$TMP/perf.data" -F tid,time,trace,ip,sym 2>/dev/null > "$TMP/switches.txt"
python3 - "$TMP/switches.txt" "$TOP" <<'PY'
import collections, re, sys
asleep = {}  # tid -> (time it went to sleep, where)
preempted = 0
total = collections.Counter()
count = collections.Counter()
for block in open(sys.argv[1]).read().split('\n\n'):
    lines = block.strip().split('\n')
    m = re.match(r'\s*\d+\s+([\d.]+):\s+prev_comm=(\S+) prev_pid=(\d+) .*prev_state=(\S+) .*next_pid=(\d+)',
                 lines[0])
    if not m:
        continue
    t, comm, prev, state, nxt = float(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)
    if comm.startswith('fazhi'):
        if state.startswith('R'):  # preempted, not asleep: it waited for a core, not for a lock
            preempted += 1
            continue
        frames = [l.split(None, 1)[1] for l in lines[1:] if len(l.split(None, 1)) > 1]
        ours = [f for f in frames if 'fazhi::' in f or 'cmark' in f]
        where = ours[:2] or [f for f in frames[10:] if 'unknown' not in f][:2]
        asleep[prev] = (t, ' <- '.join(f[:60] for f in where))
    if nxt in asleep:
        t0, where = asleep.pop(nxt)
        if 'ParallelForWorker' in where.split(' <- ')[0]:
            continue
        total[where] += (t - t0) * 1000
        count[where] += 1
print(f'waits outside the thread pool: {sum(total.values()):.1f} ms in {sum(count.values())} sleeps '
      f'({preempted} preemptions not counted)')
for where, ms in total.most_common(int(sys.argv[2])):
    print(f'{ms:8.1f} ms {count[where]:6d}  {where[:150]}')
PY
