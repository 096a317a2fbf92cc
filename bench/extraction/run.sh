#!/usr/bin/env bash
# Extraction benchmark (issue: foundation, section 7). Generates one large synthetic slide and
# measures, in one run on the same slide:
#   (a) patches/s of `tumorweb extract`          (b) patches/s of the seed's Python loop
#   (c) exact tumor grid: ours vs one read per cell (seed)   (d) peak RSS of each
# Usage: bench/extraction/run.sh [size=30000] [seed=7]
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-30000}
seed=${2:-7}
work=bench/results/extraction-$size
TUMORWEB_BENCH=1 CONFIGURATION=Release scripts/setup.sh
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)
rm -rf "$work/out" "$work/seed-png"; mkdir -p "$work"

if [ ! -f "$work/slides/tumor_001.tif" ]; then
  /usr/bin/time -f '%e %M' -o "$work/synth.time" "${app[@]}" synth "$work/slides" --slides 1 --size "${size}x${size}" --seed "$seed" >/dev/null
fi
slide=$work/slides/tumor_001.tif
mask=$work/slides/tumor_001_mask.tif

# (a) our extraction (grid + sampling + patches); a single tumor slide, so every patch is train.
/usr/bin/time -f '%e %M' -o "$work/extract.time" \
  "${app[@]}" extract "$work/slides" --out "$work/out" --seed 1 --validation-fraction 0 --test-fraction 0 --json > "$work/extract.json"
# (c) our exact tumor grid alone: grid.json's tumorSeconds times the mask scan only (files open),
#     as the seed loop's seconds do; the whole command's time is reported beside it.
/usr/bin/time -f '%e %M' -o "$work/grid.time" "${app[@]}" grid "$slide" --mask "$mask" --json > "$work/grid.json"
# (b) the seed's loop over the same cells: mask check + read_region + PNG save, one patch at a time
/usr/bin/time -f '%e %M' -o "$work/seed-patches.time" \
  /usr/bin/python3 bench/extraction/seed_loop.py patches "$slide" "$mask" "$work/out/catalog.db" "$work/seed-png" > "$work/seed-patches.json"
# (c) the seed's tumor grid: one 128x128 mask read per cell
/usr/bin/time -f '%e %M' -o "$work/seed-grid.time" \
  /usr/bin/python3 bench/extraction/seed_loop.py grid "$mask" 128 > "$work/seed-grid.json"

/usr/bin/python3 - "$work" "$size" <<'PY'
import json, sys
work, size = sys.argv[1], sys.argv[2]
j = lambda n: json.load(open(f"{work}/{n}.json"))
t = lambda n: [float(v) for v in open(f"{work}/{n}.time").read().split()]
ex, seedp, seedg, grid = j("extract"), j("seed-patches"), j("seed-grid"), j("grid")
ours_grid_s = grid["tumorSeconds"]
scan = grid["maskScan"]
ours_pps = ex["patchesPerSecond"]
seed_pps = seedp["patches"] / seedp["seconds"]
rows = [
    ("slide", f"{size} x {size}", "", ""),
    ("(a) extraction, patches/s", f"{ours_pps:.0f}", f"{seed_pps:.1f}", f"{ours_pps / seed_pps:.1f}x (target >= 4x)"),
    ("(c) exact tumor grid (scan), s", f"{ours_grid_s:.2f}", f"{seedg['seconds']:.1f}", f"{seedg['seconds'] / ours_grid_s:.1f}x (target >= 20x)"),
    ("    mask tiles decoded / all", f"{scan['tilesDecoded']} / {scan['tiles']}", "", scan["method"]),
    ("    grid command, whole process, s", f"{t('grid')[0]:.1f}", "", f"tissue scan {grid['tissueSeconds']:.1f} s"),
    ("tumor cells", str(grid["tumorCells"]), str(seedg["tumorCells"]), "must agree"),
    ("(d) peak RSS extract, MB", f"{t('extract')[1] / 1024:.0f}", f"{t('seed-patches')[1] / 1024:.0f}", "target < 1024"),
    ("(d) peak RSS grid, MB", f"{t('grid')[1] / 1024:.0f}", f"{t('seed-grid')[1] / 1024:.0f}", ""),
    ("patches", str(ex["totals"]["extracted"]), str(seedp["patches"]), ""),
]
print(f"{'measure':32} {'tumorweb':>12} {'seed python':>12}  ratio")
for r in rows: print(f"{r[0]:32} {r[1]:>12} {r[2]:>12}  {r[3]}")
PY
