#!/usr/bin/env bash
# Annotation memory benchmark (issue 11 #5): peak resident memory of reading one large ASAP XML file,
# streamed (AsapAnnotationReader) and as a document tree (the reader before issue 11, the baseline).
# Usage: bench/annotations/run.sh [megabytes=218]   # the file is kept in bench/results/annotations/ for reruns
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-218}
work=bench/results/annotations
file=$work/annotations-${megabytes}mb.xml
mkdir -p "$work"
bench=(dotnet run -c Release bench/annotations/AnnotationBench.cs --)
[ -f "$file" ] || "${bench[@]}" generate "$file" "$megabytes"
# Each mode in its own process, so each peak is its own; the program reports its VmHWM (peak RSS).
for mode in read tree; do "${bench[@]}" "$mode" "$file"; done | tee "$work/result-${megabytes}mb.jsonl"
