#!/usr/bin/env bash
# Installs the front-end packages from npm (package-lock.json) and copies what the pages load
# into wwwroot/lib, so the app never reaches a CDN at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
rm -rf wwwroot/lib
mkdir -p wwwroot/lib/apexcharts wwwroot/lib/openseadragon
cp node_modules/apexcharts/dist/apexcharts.min.js node_modules/apexcharts/dist/apexcharts.css wwwroot/lib/apexcharts/
cp node_modules/openseadragon/build/openseadragon/openseadragon.min.js wwwroot/lib/openseadragon/
cp -r node_modules/openseadragon/build/openseadragon/images wwwroot/lib/openseadragon/images
mkdir -p wwwroot/lib/annotorious
cp node_modules/@annotorious/openseadragon/dist/annotorious-openseadragon.js node_modules/@annotorious/openseadragon/dist/annotorious-openseadragon.css wwwroot/lib/annotorious/
