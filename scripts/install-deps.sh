#!/usr/bin/env bash
# Installs, from Debian 12 packages only, what fazhi needs to build and test.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail
PKGS=(
  cmake g++ pkg-config make
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libkainjow-mustache-dev libcpp-httplib-dev libssl-dev doctest-dev
  libyaml-dev libtomlplusplus-dev nlohmann-json3-dev
  libzip-dev libxml2-dev libxml2-utils libjemalloc-dev
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "fazhi: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
