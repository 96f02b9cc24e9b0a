#!/usr/bin/env bash
# Installs what the browser tests (tests/browser/run.mjs) need: Debian's
# chromium (never a browser downloaded by a tool), CJK fonts so screenshots
# show Chinese text, a Java runtime for the Nu Html Checker when java is
# missing, node/npm, and the npm packages pinned in tests/browser/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(chromium fonts-noto-cjk nodejs npm)
command -v java >/dev/null 2>&1 || PKGS+=(default-jre-headless)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere (nodesource); do not fight them.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "fazhi: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime;
# pagefind's binary comes in its platform package, no script needed.
(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund)
