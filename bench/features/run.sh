#!/usr/bin/env bash
# Feature benchmark (issue: model 1 feature extraction): ResNet18 features/s on this CPU, and
# model 1 trained on cached features vs recomputing the frozen base every epoch.
# Usage: bench/features/run.sh [slides=6] [side=8192] [epochs=5] [threads=all cores]
# Slides and their extraction are kept in bench/results/features-<slides>x<side>/ for reruns.
set -euo pipefail
cd "$(dirname "$0")/../.."
slides=${1:-6}
side=${2:-8192}
epochs=${3:-5}
threads=${4:-$(nproc)}
CONFIGURATION=Release scripts/setup.sh
dotnet run -c Release bench/features/FeatureBench.cs -- \
  "bench/results/features-${slides}x${side}" "$slides" "$side" "$epochs" "$threads"
