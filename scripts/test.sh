#!/usr/bin/env bash
# Sets up what the tests need and runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION=Release TUMORWEB_TESTS=1 scripts/setup.sh
log=$(mktemp)
set +e
dotnet test TumorWeb.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies, for CI logs.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
