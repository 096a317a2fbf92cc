#!/usr/bin/env bash
# Inference benchmark (issue 3, section 7). On one synthetic slide, in one run, with one batch size
# and one libtorch thread count, it measures:
#   (a) model-only forward of our InceptionV3 preset on random tensors, images/s
#   (b) our whole-slide inference (SlideHeatmapper) over the slide's tissue cells, cells/s
#   (c) a PyTorch peer loop (Debian python3-torch + python3-openslide) over the same cells, cells/s
#   (d) training end to end (TrainingRunner over an extraction of the slide) vs model-only steps, images/s
# and appends the table to bench/results/inference-<date>.md. See bench/inference/README.md.
# Usage: bench/inference/run.sh [batch=8] [threads=all cores] [size=3584] [steps=6] [forward-batches=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
batch=${1:-8}
threads=${2:-$(nproc)}
size=${3:-3584}
steps=${4:-6}
forward_batches=${5:-3}
work=bench/results/inference-$size
TUMORWEB_BENCH=1 CONFIGURATION=Release scripts/setup.sh
if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch python3-torchvision
fi
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)
mkdir -p "$work"

slide=$work/slides/tumor_001.tif
[ -f "$slide" ] || "${app[@]}" synth "$work/slides" --slides 1 --size "${size}x${size}" --seed 3 >/dev/null
# Seed 3 at 3584 x 3584: 85 tissue cells, 30 of them tumor. Every sampled patch goes to the train
# split; a low tumor-slide threshold so this one slide is sampled; about 85 patches, 10 batches of 8.
if [ ! -f "$work/extraction/catalog.db" ]; then
  "${app[@]}" extract "$work/slides" --out "$work/extraction" --seed 1 --validation-fraction 0 --test-fraction 0 \
    --tumor-slide-threshold 10 --tumor-fraction 1 --normal-per-tumor 2 --json >/dev/null
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet run -c Release bench/inference/InferenceBench.cs -- "$work" "$slide" "$work/extraction" "$batch" "$threads" "$steps" "$forward_batches"
/usr/bin/python3 bench/inference/torch_peer.py "$slide" "$work/heatmaps/tumor_001/cells.csv" "$batch" "$threads" > "$work/peer.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

table=$(/usr/bin/python3 bench/inference/table.py "$work" "$load_before" "$load_after")
results=bench/results/inference-$(date +%F).md
{ [ -s "$results" ] || printf '# Inference benchmark\n\n'; printf '%s\n\n' "$table"; } >> "$results"
printf '%s\n\nappended to %s\n' "$table" "$results"
