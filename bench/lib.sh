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
