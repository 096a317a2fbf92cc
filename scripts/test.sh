#!/usr/bin/env bash
# Sets up what the tests need and runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION=Release TUMORWEB_TESTS=1 scripts/setup.sh
# Tests that need the sample slides skip when their folder is missing; say so once, up front.
testdata=${TUMORWEB_TESTDATA:-../shared/testdata}
[ -d "$testdata" ] || echo "No sample slides in $testdata: the tests that need them are skipped (set TUMORWEB_TESTDATA to their folder)."
log=$(mktemp)
set +e
dotnet test TumorWeb.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies, for CI logs.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
