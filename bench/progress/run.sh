#!/usr/bin/env bash
# Progress benchmark (issue 4): delay from a job's progress event to its arrival at SignalR clients
# of /hubs/runs, for an extraction and a tiny training job, with 1 and with 5 hub clients.
# The app runs from the Release build with a fresh data folder; a small synthetic dataset is made in it.
# Usage: bench/progress/run.sh [clients=1,5] [epochs=2] [slides=4] [size=8192]
# SKIP_SETUP=1 skips set-up and build. Appends the table to bench/results/progress-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-1,5}
epochs=${2:-2}
slides=${3:-4}
size=${4:-8192}
work="$PWD/bench/results/progress"
out="$PWD/bench/results/progress-$(date -u +%Y-%m-%d).md"
[ "${SKIP_SETUP:-0}" = 1 ] || CONFIGURATION=Release scripts/setup.sh
source bench/lib/app.sh

# A fresh data folder each run; the dataset lives inside it, under the only data root.
rm -rf "$work"
mkdir -p "$work/data"
dotnet "$app" synth "$work/data/synthetic" --slides "$slides" --size "${size}x${size}" --normal 1 --seed 11 >/dev/null
start_app "$work/data" "$work/data" "$work/app.log"

[ -s "$out" ] || printf '# Progress benchmark\n\n' > "$out"
dotnet run -c Release bench/progress/ProgressBench.cs -- "$url" "$work/data/synthetic" "$out" "$clients" "$epochs"
echo "results: $out"
