#!/usr/bin/env bash
# Preview-server benchmark: `fazhi serve` on both generated corpora with the
# defaults a new site has (search on), and beside `hugo server` (Debian's hugo)
# on the first (bench/gen_site.py's Markdown, the same for both tools).
#
#  1. save → reload and save → visible (also on the demo site): time from saving
#     one page (editor-style temp file + rename) to the reload message on the
#     open page's channel (fazhi: SSE, hugo: LiveReload WebSocket), and until the
#     page, fetched as the reloading browser does, shows the edit.
#     bench/serve/reload_latency.py. On each corpus: a paragraph added at the end
#     (the page and its search entries change) and as the first paragraph (its
#     summary changes, so lists, taxonomies and the feed follow).
#  2. requests/s for a small page (content/small.md, one sentence) under
#     wrk on loopback: `wrk -t2 -c16 -d10s` (the gen_site corpus).
#
# Usage: bench/serve/run.sh [--pages 10000] [--edits 5] [--duration 10s]
#                           [--corpora "site mixed"] [--search on|off]   (corpora: site, mixed, vocab, district)
#                           [--work DIR] [--fazhi PATH] [--no-hugo]
#
# district: bench/gen_district.py's units and years, about PAGES pages (450 a
# district), the edited page an annual report that is warned of (published
# after 1 April), as many of a real district's reports are.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PAGES=10000
EDITS=5
DURATION=10s
WORK=/tmp/fazhi-serve-bench
[ -d /dev/shm ] && [ -w /dev/shm ] && WORK=/dev/shm/fazhi-serve-bench
FAZHI=""
WITH_HUGO=1
CORPORA="site mixed"
SEARCH=on
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --edits) EDITS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --fazhi) FAZHI=$2; shift 2 ;;
    --no-hugo) WITH_HUGO=0; shift ;;
    --corpora) CORPORA=$2; shift 2 ;;
    --search) SEARCH=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
say() { echo "bench/serve: $*" >&2; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v python3 >/dev/null || missing+=(python3)
[ "$WITH_HUGO" = 1 ] && ! command -v hugo >/dev/null && missing+=(hugo)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "installing ${missing[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "$FAZHI" ]; then
  say "building fazhi (Release) in $ROOT/build-bench"
  cmake -S "$ROOT" -B "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build-bench" --target fazhi -j2 >/dev/null
  FAZHI=$ROOT/build-bench/fazhi
fi

# corpus → generator and the page to edit (its source and URL)
# (vocab: gen_site's pages with as many words as real text, only when asked for;
# docs/performance.md, run 30)
declare -A GEN=([site]=gen_site.py [mixed]=gen_mixed.py [vocab]=gen_site.py [district]=gen_district.py)
declare -A GEN_ARGS=([site]="" [mixed]="" [vocab]="--vocabulary 256")
# (district: d1u1's 2023 report was published on 15 April, which the build warns of)
declare -A PAGE_REL=([site]=content/posts/p00001.md [mixed]=content/dongtai/bmdt/tpxw/2021/m05000.md
  [vocab]=content/posts/p00001.md [district]=content/reports/d1u1-2023.md)
declare -A PAGE_URL=([site]=/posts/p00001/ [mixed]=/dongtai/bmdt/tpxw/2021/m05000/ [vocab]=/posts/p00001/
  [district]=/reports/d1u1-2023/)
for corpus in $CORPORA; do
  [ -n "${GEN[$corpus]:-}" ] || { echo "run.sh: unknown corpus $corpus (site, mixed, vocab, district)" >&2; exit 2; }
  dir=$WORK/$corpus$PAGES-search-$SEARCH
  if [ ! -d "$dir/fazhi/content" ]; then
    say "generating a $PAGES-page $corpus corpus (search $SEARCH) in $dir"
    rm -rf "$dir"
    if [ "$corpus" = district ]; then
      python3 "$ROOT/bench/gen_district.py" "$dir/fazhi" --districts $(( PAGES / 450 > 0 ? PAGES / 450 : 1 )) >/dev/null
      [ "$SEARCH" = off ] && printf '\n[search]\nenabled = false\n' >> "$dir/fazhi/site.toml"
    else
      # shellcheck disable=SC2086  # GEN_ARGS: words
      python3 "$ROOT/bench/${GEN[$corpus]}" "$PAGES" "$dir" --search "$SEARCH" ${GEN_ARGS[$corpus]} >/dev/null
    fi
  fi
done
SITE=$WORK/site$PAGES-search-$SEARCH
if [ ! -d "$SITE/fazhi/content" ]; then
  say "generating a $PAGES-page site in $SITE (for wrk and hugo)"
  python3 "$ROOT/bench/gen_site.py" "$PAGES" "$SITE" --search "$SEARCH" >/dev/null
fi
SMALL='---
title: 小页面
date: 2025-01-01
source: 示例单位
---

这是一个用于吞吐量测试的短页面。
'
printf '%s' "$SMALL" > "$SITE/fazhi/content/small.md"
printf '%s' "$SMALL" > "$SITE/hugo/content/small.md"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {  # url, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.1
  done
  return 1
}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpora: $CORPORA, $PAGES generated pages each, [search] $SEARCH; wrk and hugo on $SITE (+ content/small.md)"

# --- fazhi serve, demo site -------------------------------------------------
DEMO=$WORK/demo
rm -rf "$DEMO" && mkdir -p "$DEMO" && cp -r "$ROOT/site.toml" "$ROOT/content" "$DEMO/"
[ -d "$ROOT/data" ] && cp -r "$ROOT/data" "$DEMO/"
PORT=$(free_port)
"$FAZHI" serve "$DEMO" --port "$PORT" > "$WORK/fazhi-demo.out" 2> "$WORK/fazhi-demo.err" &
PIDS+=($!)
DEMO_PID=$!
wait_http "http://127.0.0.1:$PORT/about/" 60
echo "demo site ($(find "$DEMO/content" -name '*.md' | wc -l) Markdown files):"
python3 "$ROOT/bench/serve/reload_latency.py" fazhi "$PORT" "$DEMO" content/about.md /about/ \
  --edits "$EDITS" | sed 's/^/demo /'
kill -INT "$DEMO_PID"; wait "$DEMO_PID" || true

# --- fazhi serve, each corpus ------------------------------------------------
for corpus in $CORPORA; do
  dir=$WORK/$corpus$PAGES-search-$SEARCH
  PORT=$(free_port)
  say "starting fazhi serve on $PORT ($corpus: first build of $PAGES pages)"
  T0=$(date +%s%N)
  "$FAZHI" serve "$dir/fazhi" --port "$PORT" > "$WORK/fazhi-serve-$corpus.out" 2> "$WORK/fazhi-serve-$corpus.err" &
  PIDS+=($!)
  FAZHI_PID=$!
  wait_http "http://127.0.0.1:$PORT${PAGE_URL[$corpus]}" 300
  echo "$corpus: fazhi serve: first build and ready in $(( ($(date +%s%N) - T0) / 1000000 )) ms"
  echo "$corpus: edits at the end of the body (the summary stays), ${PAGE_REL[$corpus]}:"
  python3 "$ROOT/bench/serve/reload_latency.py" fazhi "$PORT" "$dir/fazhi" \
    "${PAGE_REL[$corpus]}" "${PAGE_URL[$corpus]}" --edits "$EDITS" | sed "s/^/$corpus /"
  { grep -E "已生成|只重新生成" "$WORK/fazhi-serve-$corpus.out" || true; } | tail -n $(( EDITS * 2 )) | sed "s/^/$corpus fazhi serve log: /"
  echo "$corpus: edits as the first paragraph (the summary changes: lists, taxonomies and feeds follow):"
  python3 "$ROOT/bench/serve/reload_latency.py" fazhi "$PORT" "$dir/fazhi" \
    "${PAGE_REL[$corpus]}" "${PAGE_URL[$corpus]}" --edits "$EDITS" --where start | sed "s/^fazhi/$corpus fazhi (summary)/"
  { grep -E "已生成|只重新生成" "$WORK/fazhi-serve-$corpus.out" || true; } | tail -n $(( EDITS * 2 )) | sed "s/^/$corpus fazhi serve log: /"
  kill -INT "$FAZHI_PID"; wait "$FAZHI_PID" || true
done

# --- fazhi serve, wrk ----------------------------------------------------------
PORT=$(free_port)
"$FAZHI" serve "$SITE/fazhi" --port "$PORT" > "$WORK/fazhi-serve-wrk.out" 2> "$WORK/fazhi-serve-wrk.err" &
PIDS+=($!)
FAZHI_PID=$!
wait_http "http://127.0.0.1:$PORT/small/" 300
echo "fazhi small page: $(curl -s "http://127.0.0.1:$PORT/small/" | wc -c) bytes"
echo "command: wrk -t2 -c16 -d$DURATION http://127.0.0.1:$PORT/small/"
wrk -t2 -c16 -d"$DURATION" "http://127.0.0.1:$PORT/small/" | sed 's/^/fazhi wrk: /'
kill -INT "$FAZHI_PID"; wait "$FAZHI_PID" || true

# --- hugo server ------------------------------------------------------------
if [ "$WITH_HUGO" = 1 ]; then
  PORT=$(free_port)
  say "starting hugo server on $PORT"
  T0=$(date +%s%N)
  (cd "$SITE/hugo" && exec hugo server --bind 127.0.0.1 --port "$PORT" \
     > "$WORK/hugo-server.out" 2>&1) &
  PIDS+=($!)
  HUGO_PID=$!
  wait_http "http://127.0.0.1:$PORT/small/" 600
  echo "hugo server: first build and ready in $(( ($(date +%s%N) - T0) / 1000000 )) ms ($(hugo version | cut -d' ' -f2))"
  python3 "$ROOT/bench/serve/reload_latency.py" hugo "$PORT" "$SITE/hugo" \
    content/posts/p00001.md /posts/p00001/ --edits "$EDITS" || echo "hugo reload measurement failed"
  echo "hugo small page: $(curl -s "http://127.0.0.1:$PORT/small/" | wc -c) bytes"
  echo "command: wrk -t2 -c16 -d$DURATION http://127.0.0.1:$PORT/small/"
  wrk -t2 -c16 -d"$DURATION" "http://127.0.0.1:$PORT/small/" | sed 's/^/hugo wrk: /'
  kill -INT "$HUGO_PID"; wait "$HUGO_PID" || true
fi
