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
# and changed files are copied with rsync (over ssh, or to a local folder);
# the files of the last upload that left the site are deleted there, with the
# folders they leave empty, and nothing else; on success public.sha256 is
# copied to uploaded.sha256.
#
# A server that takes no rsync (a 站群 platform that takes uploaded archives):
# with CHANGES=changes.tar set, nothing is sent; the new and changed files go
# into changes.tar and the paths to delete into changes.tar.removed (files
# first, then the folders they leave empty, deepest first).
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
if [ -f "$old" ]; then cp "$old" "$work/old"; else : >"$work/old"; fi
export LC_ALL=C
# Lines only in the new manifest: new files, or files whose SHA-256 changed.
sort "$work/old" >"$work/old.sorted"
sort "$new" >"$work/new.sorted"
comm -13 "$work/old.sorted" "$work/new.sorted" | cut -c67- >"$work/changed"
# Paths only in the old manifest: files that left the site.
cut -c67- "$work/old" | sort >"$work/old.paths"
cut -c67- "$new" | sort >"$work/new.paths"
comm -23 "$work/old.paths" "$work/new.paths" >"$work/removed"
# The folders of a list of paths, with all their parents.
folders() { sed -n 's#/[^/]*$##p' "$1" | awk '{ while (1) { print; if (!sub("/[^/]*$", "")) break } }' | sort -u; }
folders "$work/old.paths" >"$work/old.dirs"
folders "$work/new.paths" >"$work/new.dirs"
# Folders that held only removed files (an empty one left behind would answer 403, not 404).
comm -23 "$work/old.dirs" "$work/new.dirs" | sort -r >"$work/removed.dirs"
echo "upload-changed: $(wc -l <"$work/changed") new or changed, $(wc -l <"$work/removed") removed, $(wc -l <"$work/new.paths") in the site"
if [ -n "${CHANGES:-}" ]; then
  tar -cf "$CHANGES" -C "$public" -T "$work/changed"
  cat "$work/removed" "$work/removed.dirs" >"$CHANGES.removed"
  echo "upload-changed: wrote $CHANGES and $CHANGES.removed; $old is left as it was until they are applied"
  exit 0
fi
if [ -s "$work/changed" ]; then
  rsync -t --chmod=D755,F644 --files-from="$work/changed" "$public/" "$dest"
fi
if [ -s "$work/removed" ]; then
  # Delete exactly the removed files and emptied folders: rsync --delete
  # over a filter that lets through only them (and the folders above them,
  # to get there) and protects everything else at DEST. Nothing is copied.
  escape() { sed 's/[][*?]/\\&/g' "$1"; }
  { folders "$work/removed" | escape /dev/stdin | sed 's#.*#+ /&/#'
    escape "$work/removed" | sed 's#.*#+ /&#'
    echo '- *'; } >"$work/filter"
  rsync -r --delete --existing --ignore-existing --filter="merge $work/filter" "$public/" "$dest"
fi
cp "$new" "$old"
