# Shared by the bench scripts (sourced): the helper programs they time with.
# Needs ROOT (the repository) and WORK (the scratch folder) set.

# bench_measure: builds bench/measure.cpp into $WORK/bin when missing or
# older than its source; sets MEASURE.
bench_measure() {
  mkdir -p "$WORK/bin"
  MEASURE=$WORK/bin/measure
  if [ ! -x "$MEASURE" ] || [ "$ROOT/bench/measure.cpp" -nt "$MEASURE" ]; then
    g++ -O2 -std=c++20 -Wall -Wextra -Werror "$ROOT/bench/measure.cpp" -o "$MEASURE"
  fi
}

# bench_tools: bench_measure, the floor program (bench/floor.cpp) as FLOOR,
# and a Release fazhi in build-bench/ as FAZHI unless FAZHI is already set.
bench_tools() {
  bench_measure
  if [ -z "$FAZHI" ]; then
    echo "bench: building fazhi (Release) in $ROOT/build-bench" >&2
    cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$ROOT/build-bench" --target fazhi -j2 >/dev/null
    FAZHI=$ROOT/build-bench/fazhi
  fi
  FLOOR=$WORK/bin/floor
  if [ ! -x "$FLOOR" ] || [ "$ROOT/bench/floor.cpp" -nt "$FLOOR" ]; then
    echo "bench: building the floor program" >&2
    g++ -O2 -std=c++20 -Wall -Wextra -Werror "$ROOT/bench/floor.cpp" \
      $(pkg-config --cflags --libs libcmark-gfm) -pthread \
      -Wl,--export-dynamic-symbol=cmark_manage_extensions_special_characters -o "$FLOOR"
  fi
}

# bench_corpus CORPUS PAGES DIR: a generated site in DIR (kept when DIR holds
# a complete one) with fazhi/ (search on), fazhi-off/ (the same Markdown
# hard-linked, search off) and hugo/. CORPUS is site (bench/gen_site.py: one
# folder of similar pages) or mixed (bench/gen_mixed.py: short tagged pages
# in deep folders, large tables, long reports). The generator's report goes
# to stderr.
bench_corpus() {
  local corpus=$1 pages=$2 dir=$3
  [ -f "$dir/.complete" ] && return 0
  case "$corpus" in
    site) python3 "$ROOT/bench/gen_site.py" "$pages" "$dir" --search on >&2 ;;
    mixed) python3 "$ROOT/bench/gen_mixed.py" "$pages" "$dir" --search on >&2 ;;
    # gen_site's pages with a vocabulary as large as real text's (175,000
    # index terms at 10,000 pages, where gen_site's own text has 20,000).
    vocab) python3 "$ROOT/bench/gen_site.py" "$pages" "$dir" --search on --vocabulary 256 >&2 ;;
    *) echo "bench: unknown corpus $corpus (site, mixed, vocab)" >&2; exit 2 ;;
  esac
  cp -al "$dir/fazhi" "$dir/fazhi-off"
  # A new file, not the hard link: drop any [search] table, then turn it off.
  awk '/^\[/{skip = ($0 == "[search]")} !skip' "$dir/fazhi/site.toml" > "$dir/site-off.toml"
  printf '\n[search]\nenabled = false\n' >> "$dir/site-off.toml"
  rm "$dir/fazhi-off/site.toml"
  mv "$dir/site-off.toml" "$dir/fazhi-off/site.toml"
  touch "$dir/.complete"
}

# bench_fs DIR: the file system DIR is on, as the bench scripts tell them
# apart: tmpfs, ext4-nojournal, or df's type (ext4, xfs, …).
bench_fs() {
  local dev type
  read -r dev type < <(df -T "$1" | awk 'NR == 2 {print $1, $2}')
  if [ "$type" = ext4 ] && [ -r "/sys/fs/ext4/$(basename "$dev")/journal_task" ] &&
    [ "$(cat "/sys/fs/ext4/$(basename "$dev")/journal_task")" = "<none>" ]; then
    type=ext4-nojournal
  fi
  echo "$type"
}

# bench_probe DIR: microseconds to create an empty file in a new folder
# under DIR (the mean of 2,000; they are kept: deleting them would unsettle
# the disk, below).
bench_probe() {
  python3 - "$1" <<'PY'
import os, sys, tempfile, time
d = tempfile.mkdtemp(prefix="probe-", dir=sys.argv[1])
t = time.perf_counter()
for i in range(2000):
    os.close(os.open(os.path.join(d, str(i)), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
print(f"{(time.perf_counter() - t) / 2000 * 1e6:.1f}")
PY
}

# bench_settle DIR: on ext4 without a journal, waits until creating a file in
# DIR costs at most 4 times what it costs on tmpfs (/dev/shm), probing every
# 30 s, at most 6 minutes; then prints what the last probe found. Such an
# ext4 does not hand out again an inode freed in the last 5 s, or in the last
# 305 s while the block of the inode table holding it is dirty
# (recently_deleted() in the kernel's fs/ext4/ialloc.c), and every file
# created searches past those: after a deletion of thousands of files (a
# test run's scratch folders, the last benchmark's outputs) creating a file
# cost 5 to 15 times as much for minutes (docs/performance.md, run 43), and
# a first build measured the deletion more than the build. Other file systems
# (tmpfs, an ext4 with a journal) are left alone.
bench_settle() {
  local dir=$1 fs base cost waited=0
  fs=$(bench_fs "$dir")
  if [ "$fs" != ext4-nojournal ] || [ ! -d /dev/shm ]; then
    echo "$fs"
    return 0
  fi
  mkdir -p "$dir/.settle" /dev/shm/.fazhi-settle
  base=$(bench_probe /dev/shm/.fazhi-settle)
  rm -rf /dev/shm/.fazhi-settle
  while :; do
    cost=$(bench_probe "$dir/.settle")
    if awk -v c="$cost" -v b="$base" 'BEGIN {exit !(c <= 4 * b)}'; then
      echo "$fs, settled: a file created in ${cost} µs (tmpfs ${base} µs)"
      return 0
    fi
    if [ "$waited" -ge 360 ]; then
      echo "$fs, NOT settled after ${waited} s: a file created in ${cost} µs (tmpfs ${base} µs)"
      return 0
    fi
    echo "bench: $dir is on ext4 without a journal and a file costs ${cost} µs to create (tmpfs ${base}): waiting for the inodes deleted in the last 5 minutes to age" >&2
    sleep 30
    waited=$((waited + 30))
  done
}

# bench_warn_deletions DIR WHAT: on ext4 without a journal, says that a
# script which deletes its last output before each run (WHAT: what to use
# instead) measures the inodes just freed along with the build.
bench_warn_deletions() {
  [ "$(bench_fs "$1")" = ext4-nojournal ] || return 0
  echo "bench: warning: $1 is on ext4 without a journal, and each run here deletes the last run's output first:" >&2
  echo "bench: every build then searches past the inodes just freed (bench_settle, bench/lib.sh); $2" >&2
}
