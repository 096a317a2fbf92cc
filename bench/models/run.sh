#!/usr/bin/env bash
# Trains every model preset on one synthetic dataset and scores the extraction's held-out test
# slides with each: the AUC table issue 3 asks for. Not a test; CPU-heavy (inception-v3 trains at
# a few images/s on a laptop CPU).
# Usage: bench/models/run.sh [slides=8] [side=6144] [epochs=4] [models="tiny resnet18-frozen inception-v3"]
set -euo pipefail
cd "$(dirname "$0")/../.."
slides=${1:-8}; side=${2:-6144}; epochs=${3:-4}; models=${4:-tiny resnet18-frozen inception-v3}
out=bench/results/models-$slides-$side
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)
[ -f "${app[1]}" ] || CONFIGURATION=Release scripts/setup.sh
mkdir -p "$out"

if [ ! -f "$out/slides.done" ]; then
  "${app[@]}" synth "$out/slides" --slides "$slides" --normal 2 --size "${side}x${side}" --seed 21 --json > "$out/synth.json"
  touch "$out/slides.done"
fi
if [ ! -f "$out/extract.json" ]; then
  "${app[@]}" extract "$out/slides" --out "$out/patches" --seed 1 --tumor-slide-threshold 10 --json > "$out/extract.json.tmp"
  mv "$out/extract.json.tmp" "$out/extract.json"
fi
test_slides=$(/usr/bin/python3 -c "import json,sys; print(' '.join(s['name'] for s in json.load(open(sys.argv[1]))['slides'] if s['split']=='Test'))" "$out/extract.json")
echo "held-out test slides: $test_slides" >&2

for model in $models; do
  lr=(); [ "$model" = resnet18-frozen ] && lr=(--lr 1e-3)
  start=$(date +%s)
  "${app[@]}" train --patches "$out/patches" --model "$model" --epochs "$epochs" "${lr[@]}" --out "$out/train-$model" --json > "$out/train-$model.json"
  trained=$(date +%s)
  checkpoint=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['checkpoint'])" "$out/train-$model.json")
  rm -rf "$out/heatmaps-$model"
  for slide in $test_slides; do
    mask=(); [ -f "$out/slides/${slide}_mask.tif" ] && mask=(--mask "$out/slides/${slide}_mask.tif")
    "${app[@]}" heatmap "$out/slides/$slide.tif" --model "$checkpoint" --out "$out/heatmaps-$model" "${mask[@]}" --json > /dev/null
  done
  "${app[@]}" evaluate --heatmaps "$out/heatmaps-$model" --json > "$out/evaluate-$model.json"
  echo "$model $((trained - start)) $(( $(date +%s) - trained ))" >> "$out/times.txt"
done

/usr/bin/python3 bench/models/table.py "$out" $models | tee -a "bench/results/models-$(date +%F).md"
