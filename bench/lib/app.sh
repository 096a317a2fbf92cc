# Sourced by the benchmarks that drive the real web app: start_app DATA_DIR DATA_ROOT LOG starts the
# Release build on a free-ish loopback port with DemoDataset off, waits until it answers, and sets
# $port, $url and $pid; the app is killed when the calling script exits.
app=src/Web/bin/Release/net10.0/tumorweb.dll

start_app() {
  local data=$1 root=$2 log=$3
  port=$((20000 + RANDOM % 20000))
  url="http://127.0.0.1:$port/"
  dotnet "$app" --urls "http://127.0.0.1:$port" --TumorWeb:DataDirectory="$data" --TumorWeb:DemoDataset=false \
    --TumorWeb:DataRoots:0="$root" > "$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$url" && return 0
    sleep 0.5
  done
  echo "tumorweb did not answer on $url within 60 s; see $log" >&2
  return 1
}
