#!/usr/bin/env bash
# Sets up and starts TumorWeb. With no arguments it makes a demo dataset (synthetic slides) under
# data/demo on first start and extracts its training patches; with arguments it runs that
# tumorweb subcommand, e.g. scripts/run.sh slide info some.svs
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION=Release scripts/setup.sh
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)

if [ $# -gt 0 ]; then exec "${app[@]}" "$@"; fi

mkdir -p data
if [ ! -f data/demo/tumor_001.tif ]; then
  "${app[@]}" synth data/demo --slides 6 --normal 2 --size 8192x8192 --seed 1
fi
"${app[@]}" extract data/demo --out data/demo-patches --seed 1 --tumor-slide-threshold 20
