#!/usr/bin/env bash
# Installs what TumorWeb needs on a fresh Debian 12 machine, then builds it.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
dpkg -s libopenslide0 >/dev/null 2>&1 || need_apt+=(libopenslide0)
if [ "${TUMORWEB_TESTS:-0}" = 1 ]; then
  # The browser tests drive Debian's Chromium through Playwright.
  dpkg -s chromium >/dev/null 2>&1 || need_apt+=(chromium)
  # The cluster-mode tests start throwaway PostgreSQL servers of their own (tests/Shared/Database).
  dpkg -s postgresql >/dev/null 2>&1 || need_apt+=(postgresql)
fi
if [ "${TUMORWEB_BENCH:-0}" = 1 ]; then
  for p in python3-openslide python3-pil python3-numpy time; do dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p"); done
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  if [[ " ${need_apt[*]} " == *" postgresql "* ]]; then
    # Nothing here uses Debian's default cluster; without this the package would create and start one.
    $SUDO mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/tumorweb.conf >/dev/null
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

scripts/frontend.sh
dotnet build TumorWeb.sln -c "${CONFIGURATION:-Release}" -nologo -v quiet
