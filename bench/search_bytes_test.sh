#!/usr/bin/env bash
# The search index's load per query at 50,000 pages (issue 17's target: a
# query loads at most 300 KB of index data), on four generated corpora:
# bench/gen_site.py's text, its --vocabulary 512 variant, whose words
# spread over many more terms, bench/gen_district.py's districts (a
# city's 31,460 reports, profiles and unit pages: kinds of very different
# sizes, one publisher's reports in a series; also queried for a unit and
# a unit's year) and bench/gen_mixed.py's short pages, tables and long
# reports (until session 47 unmeasured here: 13 of its 18 queries loaded
# more than 300 KB, up to 579,290 bytes). Each is generated, built with search on (the
# default), and every query of bench/search_bytes.mjs's set is counted:
# the manifest and the files the client reads for the query and its first
# ten rows, as a browser with an empty cache fetches them. Exit 1 when a
# query loads more than MAX bytes.
#
# A count of bytes, not a time: the same site gives the same count on any
# machine. It guards what went unnoticed for four sessions: the index gained
# terms found on most pages, its buckets packed two or three of them, and
# a query reached 309,305 bytes on gen_site's text while only the other
# corpus was measured (docs/search.md, session 34).
#
# ctest `search_bytes` (label bench) runs it; about 70 s and 1.2 GB of
# output at a time, in /dev/shm when it has room, else in TMPDIR.
# Exit 77 (skipped) without node.
#
# Usage: bench/search_bytes_test.sh FAZHI [--n 50000] [--max 300000] [--corpora "site vocab district mixed"]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAZHI=$1
shift
N=50000
MAX=300000
CORPORA="site vocab district mixed"
while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=$2; shift 2 ;;
    --max) MAX=$2; shift 2 ;;
    --corpora) CORPORA=$2; shift 2 ;;
    *) echo "usage: $0 FAZHI [--n N] [--max BYTES] [--corpora \"site vocab district mixed\"]" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null || { echo "search_bytes: node is not installed (scripts/install-test-deps.sh)" >&2; exit 77; }

# A 50,000-page output is about 1.1 GB: in memory when there is room for it.
PARENT=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt 3000000 ]; then
  PARENT=/dev/shm
fi
WORK=$(mktemp -d "$PARENT/fazhi-search-bytes-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

status=0
for corpus in $CORPORA; do
  dir="$WORK/$corpus"
  case "$corpus" in
    site | vocab)
      extra=()
      [ "$corpus" = vocab ] && extra=(--vocabulary 512)
      python3 "$ROOT/bench/gen_site.py" "$N" "$dir" --search on "${extra[@]}" > /dev/null
      what="bench/gen_site.py $N --search on ${extra[*]}" ;;
    district)
      # About 458 pages a district (60 units, five years).
      districts=$(( (N + 454) / 455 ))
      python3 "$ROOT/bench/gen_district.py" "$dir/fazhi" --districts "$districts" > /dev/null
      what="bench/gen_district.py --districts $districts" ;;
    mixed)
      # Short pages beside tables and long reports (12,000-20,000
      # characters), whose metadata is many times a short page's.
      python3 "$ROOT/bench/gen_mixed.py" "$N" "$dir" > /dev/null
      what="bench/gen_mixed.py $N" ;;
    *) echo "search_bytes: unknown corpus $corpus (site, vocab, district or mixed)" >&2; exit 2 ;;
  esac
  # (Its late reports are warned of: the warnings only if the build fails.)
  "$FAZHI" build "$dir/fazhi" --output "$dir/public" --quiet 2> "$WORK/build.err" || { cat "$WORK/build.err" >&2; exit 1; }
  echo "== $corpus: $what"
  node "$ROOT/bench/search_bytes.mjs" "$dir/public" --max "$MAX" || status=1
  if [ "$corpus" = district ]; then
    node "$ROOT/bench/search_bytes.mjs" "$dir/public" --max "$MAX" \
      行政执法三项制度 法治政府建设年度报告 示例区1示例单位1 示例区1示例单位12023 || status=1
  fi
  rm -rf "$dir"
done
exit $status
