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
      $(pkg-config --cflags --libs libcmark-gfm) -pthread -o "$FLOOR"
  fi
}
