#!/usr/bin/env bash
# The documented incremental upload (deploy/upload-changed.sh), run: the demo
# is built with --manifest and uploaded to a folder with rsync; then one page
# is edited and one removed, the site rebuilt and uploaded again. Checks that
# the second upload copied exactly the files whose SHA-256 changed (the others
# keep the old time stamp they were given), deleted the removed page and left
# no empty folder, and that the server holds exactly the new build. The same
# change as a tar archive plus a list of removals (for servers without rsync)
# gives the same tree.
# usage: upload_test.sh FAZHI SOURCE_DIR
set -euo pipefail
fazhi=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
upload="$src/deploy/upload-changed.sh"

site=$work/site server=$work/server
copy_demo "$src" "$site"
printf -- '---\ntitle: 临时通知\ndate: 2026-11-20\n---\n\n本页将被删除。\n' >"$site/content/notice.md"
"$fazhi" build "$site" --manifest "$work/public.sha256" --quiet 2>/dev/null
sh "$upload" "$site/public" "$work/public.sha256" "$work/uploaded.sha256" "$server/" | tee "$work/first.log"
cmp "$work/public.sha256" "$work/uploaded.sha256"
(cd "$server" && sha256sum --quiet --check "$work/public.sha256")
files=$(wc -l <"$work/public.sha256")
grep -qx "upload-changed: $files new or changed, 0 removed, $files in the site" "$work/first.log"
[ -f "$server/notice/index.html" ]
[ -z "$(find "$server" -name '.*')" ]  # nothing of fazhi's own is uploaded

# Mark every uploaded file, edit one page, remove another, rebuild.
cp -r "$server" "$work/server-before"
find "$server" -type f -exec touch -d 2001-01-01 {} +
sed -i 's/演示一个区级单位如何公开/演示一个区级单位怎样公开/' "$site/content/about.md"
grep -q 怎样公开 "$site/content/about.md"
rm "$site/content/notice.md"
cp "$work/public.sha256" "$work/first.sha256"
"$fazhi" build "$site" --manifest "$work/public.sha256" --quiet 2>/dev/null
sh "$upload" "$site/public" "$work/public.sha256" "$work/uploaded.sha256" "$server/" | tee "$work/second.log"

# The changed set, computed here from the two manifests independently of the script.
changed=$(LC_ALL=C join -j 2 -v 2 <(LC_ALL=C sort -k2 "$work/first.sha256") <(LC_ALL=C sort -k2 "$work/public.sha256") | wc -l)
same_path_new_hash=$(LC_ALL=C join -j 2 <(LC_ALL=C sort -k2 "$work/first.sha256") <(LC_ALL=C sort -k2 "$work/public.sha256") | awk '$2 != $3' | wc -l)
removed=$(LC_ALL=C join -j 2 -v 1 <(LC_ALL=C sort -k2 "$work/first.sha256") <(LC_ALL=C sort -k2 "$work/public.sha256") | wc -l)
files=$(wc -l <"$work/public.sha256")
expect="upload-changed: $((changed + same_path_new_hash)) new or changed, $removed removed, $files in the site"
grep -qx "$expect" "$work/second.log" || { echo "expected: $expect"; exit 1; }
[ "$same_path_new_hash" -ge 2 ]  # about/index.html and search/index.json at least
[ "$removed" -ge 1 ]
# Untouched: the files whose SHA-256 did not change still carry 2001-01-01.
old=$(find "$server" -type f ! -newermt 2001-01-02 | wc -l)
[ "$old" = $((files - changed - same_path_new_hash)) ] || { echo "$old files kept their time stamp"; exit 1; }
[ ! -e "$server/notice/index.html" ]
[ -z "$(find "$server" -type d -empty)" ] || { echo "empty folders left:"; find "$server" -type d -empty; exit 1; }
(cd "$server" && sha256sum --quiet --check "$work/public.sha256")
[ "$(find "$server" -type f | wc -l)" = "$files" ]

# Without rsync: the same change as an archive and a list of removals.
cp "$work/first.sha256" "$work/uploaded-tar.sha256"
CHANGES="$work/changes.tar" sh "$upload" "$site/public" "$work/public.sha256" "$work/uploaded-tar.sha256" unused
cmp "$work/first.sha256" "$work/uploaded-tar.sha256"  # unchanged until the archive is applied
tar -xf "$work/changes.tar" -C "$work/server-before"
(cd "$work/server-before" && while IFS= read -r p; do if [ -d "$p" ]; then rmdir "$p"; else rm "$p"; fi; done <"$work/changes.tar.removed")
[ -z "$(find "$work/server-before" -type d -empty)" ]
(cd "$work/server-before" && sha256sum --quiet --check "$work/public.sha256")
[ "$(find "$work/server-before" -type f | wc -l)" = "$files" ]
echo "upload: first upload $(wc -l <"$work/first.sha256") files; after one edit and one removal $((changed + same_path_new_hash)) copied, $removed deleted, of $files"
