#!/usr/bin/env bash
# The documented GitLab CI pipeline (deploy/gitlab-ci.yml), run unchanged with
# gitlab-ci-local (pinned in package.json; shell executor) in a repository
# holding only the demo site, with fazhi installed from this build the way
# the Debian package installs it. Three pipelines:
#  1. a push, built as of yesterday (TZ shifted a day back): check, build,
#     pages and upload pass; the upload (to a local folder) sends every file;
#  2. a push after one page was edited: the upload sends only what changed;
#  3. a scheduled pipeline on the same commit, as of today (the file's own
#     TZ): the site now says 截至 today, and only the files that show the date
#     are uploaded.
# usage: gitlab_ci_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
gcl="$here/node_modules/.bin/gitlab-ci-local"

install_fazhi "$build"

repo=$work/site server=$work/server
copy_demo "$src" "$repo"
cp "$src/deploy/gitlab-ci.yml" "$repo/.gitlab-ci.yml"
git -C "$repo" init -q -b main
git -C "$repo" remote add origin https://gitlab.example.gov.cn/sfj/fzbg.git
commit() { git -C "$repo" add -A && git -C "$repo" -c user.name=fazhi -c user.email=fazhi@example.invalid commit -qm "$1"; }
commit "site"

pipeline() { # LOG [--variable K=V …]
  local log=$1
  shift
  (cd "$repo" && "$gcl" --force-shell-executor --home "$work/gcl-home" \
    --variable CI_PAGES_URL=https://www.example.gov.cn/sfj/fzbg --variable DEPLOY_TARGET="$server/" "$@") \
    >"$work/$log" 2>&1 || { cat "$work/$log"; exit 1; }
  for job in check build pages upload; do
    grep -q "PASS  $job" "$work/$log" || { cat "$work/$log"; echo "job $job did not pass"; exit 1; }
  done
}
uploaded() { sed -n 's/.*upload-changed: \([0-9]*\) new or changed.*/\1/p' "$work/$1"; }

# 1. As of yesterday: TZ 24 hours behind the file's CST-8.
# The date shows on the demo profile's page (its rectification table is "截至 as_of"); the profiles
# list has no summary since 示例 profiles are kept out of real counts.
yesterday=$(TZ=XST+16 date +%F)
pipeline push1.log --variable TZ=XST+16
files=$(wc -l <"$repo/public.sha256")
[ "$(uploaded push1.log)" = "$files" ]
grep -q "截至 $yesterday" "$server/profiles/2024-sfj/index.html"
(cd "$server" && sha256sum --quiet --check "$repo/public.sha256")

# The pages artifact: each text file of 1 KB or more gzipped beside it, for
# GitLab Pages to send to a browser that accepts gzip.
pages_dir=$repo/.gitlab-ci-local/artifacts/pages/public
gz=0
while IFS= read -r f; do
  gunzip -c "$f" | cmp -s - "${f%.gz}" || { echo "pages: $f does not decompress to ${f%.gz}"; exit 1; }
  gz=$((gz + 1))
done < <(find "$pages_dir" -name '*.gz')
[ -f "$pages_dir/js/search.js.gz" ] && [ -f "$pages_dir/index.html.gz" ] || { echo "pages: no .gz of search.js or index.html"; exit 1; }
[ ! -e "$pages_dir/robots.txt.gz" ] || { echo "pages: a file under 1 KB was compressed"; exit 1; }

# 2. One page edited.
sed -i 's/演示一个区级单位如何公开/演示一个区级单位怎样公开/' "$repo/content/about.md"
commit "about: wording"
pipeline push2.log --variable TZ=XST+16
n2=$(uploaded push2.log)
[ "$n2" -ge 2 ] && [ "$n2" -lt 20 ] || { echo "edit uploaded $n2 files"; exit 1; }
grep -q 怎样公开 "$server/about/index.html"
(cd "$server" && sha256sum --quiet --check "$repo/public.sha256")

# 3. The nightly schedule: same commit, as of today.
today_before=$(TZ=CST-8 date +%F)
pipeline schedule.log --variable CI_PIPELINE_SOURCE=schedule
today_after=$(TZ=CST-8 date +%F)
n3=$(uploaded schedule.log)
grep -q -e "截至 $today_before" -e "截至 $today_after" "$server/profiles/2024-sfj/index.html"
[ "$n3" -ge 1 ] && [ "$n3" -lt "$files" ] || { echo "the scheduled rebuild uploaded $n3 files"; exit 1; }
(cd "$server" && sha256sum --quiet --check "$repo/public.sha256")
echo "gitlab-ci: 3 pipelines passed (check, build, pages, upload); pages holds $gz files gzipped beside them; uploaded $files files, then $n2 after an edit, then $n3 in the scheduled rebuild a day later"
