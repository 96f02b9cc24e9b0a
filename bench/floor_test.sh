#!/usr/bin/env bash
# The floor program (bench/floor.cpp) on a two-page site, with and without
# --like: what it writes is what the benchmark's comparison assumes.
# Usage: bench/floor_test.sh FLOOR
set -euo pipefail
FLOOR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "floor_test: $*" >&2; exit 1; }

mkdir -p "$T/site/content/posts"
printf -- '---\ntitle: 一\n---\n# 标题\n\n正文。\n' > "$T/site/content/posts/a.md"
printf -- '# 无前言\n' > "$T/site/content/b.md"
want_a='<h1>标题</h1>
<p>正文。</p>'

# Without a list: the bare HTML of each body, front matter skipped.
"$FLOOR" "$T/site" "$T/out" -j 2 2> "$T/err"
[ "$(cat "$T/out/posts/a/index.html")" = "$want_a" ] || fail "posts/a: $(cat "$T/out/posts/a/index.html")"
[ "$(cat "$T/out/b/index.html")" = "<h1>无前言</h1>" ] || fail "b: $(cat "$T/out/b/index.html")"
grep -q "2 pages, 0 other files" "$T/err" || fail "summary: $(cat "$T/err")"
# Built as bench/lib.sh and CMakeLists.txt build it, its parses need no lock.
grep -q "parses at once" "$T/err" || fail "parses take turns: $(cat "$T/err")"

# With a list: a listed page padded with spaces to its listed size, an
# unlisted page as it is, every other listed file written at its size.
printf 'posts/a/index.html\t500\ntags/税务/index.html\t70\nsearch/p/0.json\t9\n' > "$T/like.tsv"
"$FLOOR" "$T/site" "$T/like" -j 2 --like "$T/like.tsv" 2> "$T/err"
[ "$(stat -c %s "$T/like/posts/a/index.html")" = 500 ] || fail "posts/a is not 500 bytes"
head -c "$(printf '%s' "$want_a" | wc -c)" "$T/like/posts/a/index.html" | cmp -s - <(printf '%s' "$want_a") || fail "posts/a lost its HTML"
[ "$(cat "$T/like/b/index.html")" = "<h1>无前言</h1>" ] || fail "b changed"
[ "$(stat -c %s "$T/like/tags/税务/index.html")" = 70 ] || fail "tags/税务 is not 70 bytes"
[ "$(stat -c %s "$T/like/search/p/0.json")" = 9 ] || fail "search/p/0.json is not 9 bytes"
[ "$(find "$T/like" -type f | wc -l)" = 4 ] || fail "files: $(find "$T/like" -type f)"
grep -q "2 pages, 2 other files" "$T/err" || fail "summary: $(cat "$T/err")"

# A list without sizes is refused.
printf 'posts/a/index.html\n' > "$T/bad.tsv"
if "$FLOOR" "$T/site" "$T/bad" --like "$T/bad.tsv" 2> "$T/err"; then fail "a bad list was accepted"; fi
grep -q "cannot read" "$T/err" || fail "bad list: $(cat "$T/err")"
echo "floor_test: ok"
