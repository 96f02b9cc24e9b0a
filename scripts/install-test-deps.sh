#!/usr/bin/env bash
# Installs what only the tests and the quality checks use (nothing here is
# needed to build or run fazhi; scripts/test.sh calls this, scripts/setup.sh
# does not):
#   Debian packages:
#     clang-format   the `format` test (scripts/check-format.sh)
#     clang-tidy     the `tidy` check (scripts/check-tidy.sh; brings run-clang-tidy)
#     gcovr          the line-coverage report (scripts/coverage.sh)
#     clang, libclang-rt-14-dev  the fuzz targets (scripts/fuzz.sh, ctest `fuzz`)
#     valgrind       the scaling test (bench/scaling.sh: callgrind counts)
#     dpkg-dev, help2man  the .deb (Depends, man page); man-db and
#       bash-completion (the package test reads both)
#     nginx, apache2 the server recipes; rsync the upload recipe
#     git, python3   the GitLab pipeline test, the crawler
#     node-acorn     the `js_es5` test (scripts/check-js-es5.mjs)
#   npm packages pinned in tests/deploy/package-lock.json: gitlab-ci-local,
#     action-validator.
# The sanitizer suite needs nothing more: g++ ships ASan and UBSan. The
# browser test's tools come from scripts/install-browser-deps.sh.
# Idempotent: packages already present are skipped. The tests start their
# own nginx and Apache on loopback ports and stop them; the packages' own
# services are not started on install (both would want port 80), through a
# policy-rc.d that exists only while apt runs, unless the machine has one.
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(clang-format clang-tidy gcovr clang libclang-rt-14-dev valgrind dpkg-dev help2man man-db bash-completion nginx apache2 rsync git python3 node-acorn)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "fazhi: installing ${missing[*]}"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
command -v npm >/dev/null 2>&1 || scripts/install-browser-deps.sh  # brings node and npm
(cd tests/deploy && npm ci --no-audit --no-fund)
