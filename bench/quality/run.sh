#!/usr/bin/env bash
# Stain-shift study (issue 13): trains on default-stain synthetic slides, scores unseen slides at the
# default stain and shifted ones (synth --stain-shift), with each colour method on its own and
# together. Not a test; CPU-heavy. Prints a markdown table and appends it to bench/results/.
# Usage: bench/quality/run.sh [side=4096] [epochs=4] [models="tiny resnet18-frozen"] [shift=0.8]
set -euo pipefail
cd "$(dirname "$0")/../.."
side=${1:-4096}; epochs=${2:-4}; models=${3:-tiny resnet18-frozen}; shift=${4:-0.8}
out=bench/results/quality-$side-$epochs-$shift
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)
[ -f "${app[1]}" ] || CONFIGURATION=Release scripts/setup.sh
mkdir -p "$out"
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {'d': d}))" "$@"; }

once() { # once <marker> <command...>: runs a step unless an earlier run of the script finished it
  local marker=$1; shift
  [ -f "$out/$marker.done" ] && return 0
  "$@"; touch "$out/$marker.done"
}
synth() { "${app[@]}" synth "$out/$1" --slides "$2" --normal "$3" --size "${side}x${side}" --seed "$4" "${@:5}" --json > "$out/$1.json"; }
once train-slides synth train-slides 8 2 21
once test-default synth test-default 6 3 31
once test-shifted synth test-shifted 6 3 41 --stain-shift "$shift"
once extract "${app[@]}" extract "$out/train-slides" --out "$out/patches" --seed 1 --tumor-slide-threshold 10 \
  --validation-fraction 0.25 --test-fraction 0 --json > "$out/extract.json"

train() { # train <name> <patches> <options...>: one training run, its checkpoint path in <name>.ckpt
  local name=$1 patches=$2; shift 2
  [ -f "$out/$name.ckpt" ] && return 0
  local start; start=$(date +%s)
  "${app[@]}" train --patches "$patches" --db "$out/patches/catalog.db" --epochs "$epochs" --out "$out/runs/$name" "$@" --json > "$out/$name.train.json"
  echo "$name $(( $(date +%s) - start ))" >> "$out/train-seconds.txt"
  json "$out/$name.train.json" "d['checkpoint']" > "$out/$name.ckpt"
}
score() { # score <config> <checkpoint name> <heatmap options...>: heatmaps and evaluation of both test sets
  local config=$1 model; model=$(cat "$out/$2.ckpt"); shift 2
  for set in test-default test-shifted; do
    [ -f "$out/$config.$set.json" ] && continue
    rm -rf "$out/heatmaps/$config/$set"
    for slide in "$out/$set"/*.tif; do
      case $slide in *_mask.tif) continue;; esac
      local name; name=$(basename "$slide" .tif)
      local mask=(); [ -f "$out/$set/${name}_mask.tif" ] && mask=(--mask "$out/$set/${name}_mask.tif")
      "${app[@]}" heatmap "$slide" --model "$model" --out "$out/heatmaps/$config/$set" "${mask[@]}" "$@" --json > /dev/null
    done
    "${app[@]}" evaluate --heatmaps "$out/heatmaps/$config/$set" --json > "$out/$config.$set.json"
  done
}

for model in $models; do
  lr=(); [ "$model" = resnet18-frozen ] && lr=(--lr 1e-3)
  base=(--model "$model" "${lr[@]}")
  train "$model-baseline" "$out/patches" "${base[@]}"
  score "$model-baseline" "$model-baseline"
  score "$model-tta8" "$model-baseline" --tta 8
  train "$model-macenko" "$out/patches" "${base[@]}" --stain-normalize macenko
  score "$model-macenko" "$model-macenko"
  train "$model-reinhard" "$out/patches" "${base[@]}" --stain-normalize reinhard
  score "$model-reinhard" "$model-reinhard"
  colour=()
  if [ "$model" = tiny ]; then # the cached-feature presets compute each patch's features once: no colour jitter
    train "$model-colour" "$out/patches" "${base[@]}" --color-augment strong
    score "$model-colour" "$model-colour"
    colour=(--color-augment light)
  fi
  top=$(json "$out/extract.json" "sum(s['normalExtracted'] for s in d['slides'] if s['split']=='Train')" 2>/dev/null || echo 200)
  if [ ! -f "$out/$model-mined.json" ]; then
    "${app[@]}" mine --model "$(cat "$out/$model-baseline.ckpt")" --patches "$out/patches" --top "$top" \
      --out "$out/mined-$model" --json > "$out/$model-mined.json"
  fi
  train "$model-hardneg" "$out/mined-$model" "${base[@]}"
  score "$model-hardneg" "$model-hardneg"
  train "$model-macenko-colour" "$out/patches" "${base[@]}" --stain-normalize macenko "${colour[@]}"
  if [ ! -f "$out/$model-mined-macenko.json" ]; then
    "${app[@]}" mine --model "$(cat "$out/$model-macenko-colour.ckpt")" --patches "$out/patches" --top "$top" \
      --out "$out/mined-macenko-$model" --json > "$out/$model-mined-macenko.json"
  fi
  train "$model-combined" "$out/mined-macenko-$model" "${base[@]}" --stain-normalize macenko "${colour[@]}"
  score "$model-combined" "$model-combined" --tta 8
done

/usr/bin/python3 bench/quality/table.py "$out" $models | tee -a "bench/results/quality-$(date +%F).md"
