#!/usr/bin/env bash
# Tile benchmark (issue 4): p50/p99 latency of the DZI tile endpoint at 1 and 20 concurrent clients,
# cold and warm cache, on one large synthetic slide served by the real app.
# Usage: bench/tiles/run.sh [side=30000] [seconds-per-phase=20]
# The slide is kept in bench/results/tiles-<side>/ for reruns; SKIP_SETUP=1 skips set-up and build.
set -euo pipefail
cd "$(dirname "$0")/../.."
side=${1:-30000}
seconds=${2:-20}
work="$PWD/bench/results/tiles-$side"
out="$PWD/bench/results/tiles-$(date -u +%Y-%m-%d).md"
[ "${SKIP_SETUP:-0}" = 1 ] || CONFIGURATION=Release scripts/setup.sh
source bench/lib/app.sh

if [ ! -f "$work/slides/tumor_001.tif" ]; then
  dotnet "$app" synth "$work/slides" --slides 1 --size "${side}x${side}" --seed 7
fi

# A fresh data folder each run, so the app starts with an empty tile cache.
rm -rf "$work/data"
start_app "$work/data" "$work" "$work/app.log"
TUMORWEB_COOKIE=$(session_cookie admin "$admin_password")
export TUMORWEB_COOKIE

dotnet run -c Release bench/tiles/TileBench.cs -- "$url" "$work/data/tumorweb.db" \
  "$work/slides/tumor_001.tif" "$side" "$side" "$seconds" "$out"
echo "results: $out"
