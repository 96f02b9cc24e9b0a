#!/usr/bin/env bash
# The documented GitHub Actions workflow (deploy/github-workflow.yml):
# validated against the workflow schema by action-validator (pinned in
# package.json), then its build job's shell steps run in order by
# run-workflow.mjs in a repository holding only the demo site, with fazhi
# installed from this build the way the Debian package installs it. The
# `uses:` steps (checkout, Pages) are GitHub's own and listed, not run.
# usage: github_workflow_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

"$here/node_modules/.bin/action-validator" "$src/deploy/github-workflow.yml"

install_fazhi "$build"
site=$work/site
copy_demo "$src" "$site"
base=https://sfj.github.io/fzbg
node "$here/run-workflow.mjs" "$src/deploy/github-workflow.yml" build "$site" \
  "vars.FAZHI_DEB=" "steps.pages.outputs.base_url=$base" >"$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
# Exactly these steps are GitHub's own; every other step ran here.
uses=$(grep '^uses: ' "$work/run.log" | tr '\n' ' ')
[ "$uses" = "uses: actions/checkout uses: actions/configure-pages uses: actions/upload-pages-artifact " ] || {
  echo "unexpected uses: steps: $uses"
  exit 1
}
runs=$(grep -c '^run: ' "$work/run.log")
[ "$runs" = 4 ] || { cat "$work/run.log"; echo "expected 4 shell steps, ran $runs"; exit 1; }
grep -q '^fazhi 0' "$work/run.log"
grep -q "<loc>$base/reports/2024/</loc>" "$site/public/sitemap.xml"
(cd "$site/public" && sha256sum --quiet --check ../public.sha256)
echo "github-workflow: valid; $runs shell steps ran, $(wc -l <"$site/public.sha256") files built for $base/"
