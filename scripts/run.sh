#!/usr/bin/env bash
# Sets up and starts TumorWeb. With no arguments it starts the web app on http://127.0.0.1:5000
# (data/tumorweb.db; a demo dataset is generated on first start); with arguments it runs that
# tumorweb subcommand, e.g. scripts/run.sh slide info some.svs
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION=Release scripts/setup.sh
app=(dotnet src/Web/bin/Release/net10.0/tumorweb.dll)

if [ $# -gt 0 ]; then exec "${app[@]}" "$@"; fi

exec "${app[@]}"
