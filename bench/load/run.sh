#!/usr/bin/env bash
# Load benchmark (issue 5, "Load"): 50 concurrent clients browse slide tiles and hold a SignalR
# connection to /hubs/runs while an extraction and a tiny training job run, for a bounded time; then
# the same jobs run again without load and their results are compared.
# The app runs from the Release build with a fresh data folder; a small synthetic dataset is made in it.
# Usage: bench/load/run.sh [seconds=60] [clients=50] [epochs=2] [slides=4] [size=8192]
# SKIP_SETUP=1 skips set-up and build. Writes bench/results/load-<date>.md.
# Every client signs in through the sign-in form as the Viewer "viewer" (made here with the CLI). They
# all come from 127.0.0.1, so the per-address sign-in limit is raised to the client count; 50 people
# of a lab would come from 50 addresses.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
clients=${2:-50}
epochs=${3:-2}
slides=${4:-4}
size=${5:-8192}
work="$PWD/bench/results/load"
out="$PWD/bench/results/load-$(date -u +%Y-%m-%d).md"
[ "${SKIP_SETUP:-0}" = 1 ] || CONFIGURATION=Release scripts/setup.sh
source bench/lib/app.sh

# A fresh data folder each run (empty tile cache, no earlier runs); the dataset lives inside it.
rm -rf "$work"
mkdir -p "$work/data"
dotnet "$app" synth "$work/data/synthetic" --slides "$slides" --size "${size}x${size}" --normal 1 --seed 11 >/dev/null
start_app "$work/data" "$work/data" "$work/app.log" --TumorWeb:Accounts:SignInAttemptsPerMinute=$((clients + 10))
export TUMORWEB_VIEWER_PASSWORD="bench viewer passphrase"
echo "$TUMORWEB_VIEWER_PASSWORD" | dotnet "$app" users add viewer --role Viewer --db "$work/data/tumorweb.db" >/dev/null

# `dotnet app.dll` hosts the app in this very process, so $pid's VmHWM is the app's peak RSS.
dotnet run -c Release bench/load/LoadBench.cs -- "$url" "$work/data/synthetic" "$pid" "$out" "$seconds" "$clients" "$epochs"
echo "results: $out"
