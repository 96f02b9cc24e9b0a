#!/bin/sh
# Uploads only what changed in a fazhi site since the last upload, by
# comparing the manifests `fazhi build --manifest` writes (one line a file:
# its SHA-256 and its path, as sha256sum prints them).
#
#   fazhi build SITE --base-url https://www.example.gov.cn/sfj/fzbg/ --manifest public.sha256
#   upload-changed.sh SITE/public public.sha256 uploaded.sha256 user@host:/srv/www/sfj/fzbg/
#
# uploaded.sha256 is the manifest of the last upload (keep it with the deploy
# job, e.g. in the CI cache); when it is missing, everything is uploaded. New
# and changed files are copied with rsync (over ssh, or to a local folder),
# files that left the site are deleted there, and on success public.sha256 is
# copied to uploaded.sha256.
#
# A server that takes no rsync (a 站群 platform that takes uploaded archives):
# with CHANGES=changes.tar set, nothing is sent; the new and changed files go
# into changes.tar and the paths to delete into changes.tar.removed.
set -eu
if [ $# -ne 4 ]; then
  echo "usage: $0 PUBLIC_DIR NEW_MANIFEST LAST_UPLOADED_MANIFEST DEST" >&2
  exit 2
fi
public=$1 new=$2 old=$3 dest=$4
# sha256sum escapes a path holding a backslash or a newline; such a path
# cannot go through rsync --files-from, so it is refused rather than mangled.
if grep -q '^\\' "$new"; then
  echo "$0: $new lists a path with a backslash or newline; upload it by hand" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$old" ] && cp "$old" "$work/old" || : >"$work/old"
# Lines only in the new manifest: new files, or files whose SHA-256 changed.
LC_ALL=C sort "$work/old" >"$work/old.sorted"
LC_ALL=C sort "$new" >"$work/new.sorted"
LC_ALL=C comm -13 "$work/old.sorted" "$work/new.sorted" | cut -c67- >"$work/changed"
# Paths only in the old manifest: files that left the site.
cut -c67- "$work/old.sorted" >"$work/old.paths"
cut -c67- "$work/new.sorted" >"$work/new.paths"
LC_ALL=C comm -23 "$work/old.paths" "$work/new.paths" >"$work/removed"
echo "upload-changed: $(wc -l <"$work/changed") new or changed, $(wc -l <"$work/removed") removed, $(wc -l <"$work/new.paths") in the site"
if [ -n "${CHANGES:-}" ]; then
  tar -cf "$CHANGES" -C "$public" -T "$work/changed"
  cp "$work/removed" "$CHANGES.removed"
  echo "upload-changed: wrote $CHANGES and $CHANGES.removed; $old is left as it was until they are applied"
  exit 0
fi
# --delete-missing-args: a listed path missing from public/ is deleted at DEST.
cat "$work/changed" "$work/removed" >"$work/list"
rsync -t --chmod=D755,F644 --files-from="$work/list" --delete-missing-args "$public/" "$dest"
cp "$new" "$old"
