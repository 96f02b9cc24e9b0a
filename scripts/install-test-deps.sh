#!/usr/bin/env bash
# Installs, from Debian 12 packages only, the tools that only the tests and
# the quality checks use (nothing here is needed to build or run fazhi, so
# scripts/test.sh calls this and scripts/setup.sh does not):
#   clang-format  the `format` test (scripts/check-format.sh)
#   clang-tidy    the `tidy` test (scripts/check-tidy.sh; brings run-clang-tidy)
#   gcovr         the line-coverage report (scripts/coverage.sh)
# The sanitizer suite needs nothing more: g++ ships ASan and UBSan.
# Idempotent: packages already present are skipped by apt.
set -euo pipefail
PKGS=(clang-format clang-tidy gcovr)
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
