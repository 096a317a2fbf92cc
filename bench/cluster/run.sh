#!/usr/bin/env bash
# Cluster scaling benchmark (issue 15): extraction and evaluation of the same synthetic slides, run
# three ways through the web app's API: embedded (one process on SQLite, pinned to one core), one
# `tumorweb worker` on one core, and two workers on one core each (cluster mode on a throwaway
# PostgreSQL on loopback, started and removed here). Prints wall times and the scaling efficiency
# t(1 worker) / (2 x t(2 workers)); appends the table to bench/results/cluster-<date>.md.
# Usage: bench/cluster/run.sh [slides=8] [size=16384]     SKIP_SETUP=1 skips set-up and build; REPEATS=5 extractions
# per setup (the median is the result).
# Needs 2 cores (taskset -c 0 and -c 1), Debian's postgresql, and runs as root or the postgres user.
set -euo pipefail
cd "$(dirname "$0")/../.."
slides=${1:-8}
size=${2:-16384}
repeats=${REPEATS:-5}
work="$PWD/bench/results/cluster"
out="$PWD/bench/results/cluster-$(date -u +%Y-%m-%d).md"
[ "${SKIP_SETUP:-0}" = 1 ] || CONFIGURATION=Release scripts/setup.sh
app="$PWD/src/Web/bin/Release/net10.0/tumorweb.dll"
password="bench admin passphrase"
pids=()
pg_data=""
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$pg_data" ]; then as_postgres "$bin/pg_ctl" stop -D "$pg_data" -m immediate >/dev/null 2>&1 || true; cp "$(dirname "$pg_data")/server.log" "$work/postgresql.log" 2>/dev/null || true; rm -rf "$(dirname "$pg_data")"; fi
}
trap cleanup EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }

rm -rf "$work"
mkdir -p "$work"
dotnet "$app" synth "$work/slides" --slides "$slides" --normal $((slides / 4)) --size "${size}x${size}" --seed 17 >/dev/null
# A small dataset each setup runs once, untimed, before the timed jobs: .NET compiles each code path on
# its first call (and EF Core each query), which a long-running worker pays once in its life.
dotnet "$app" synth "$work/warmup" --slides 4 --normal 1 --size 4096x4096 --seed 5 >/dev/null
cores=$(nproc)
# This script's own polling (curl, python) stays on core 0 with the web node, off the second worker's core.
taskset -cp 0 $$ >/dev/null

wait_http() { # wait_http URL LOG: up to 120 s
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "no answer from $1 within 120 s; see $2" >&2; exit 1
}
api() { curl -sf -H "Authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
wait_job() { # wait_job ID: waits (up to 2 h) until the job is final; prints its JSON
  local job
  for _ in $(seq 1 14400); do
    job=$(api "${url}api/jobs/$1")
    case $(echo "$job" | grep -o '"status":"[A-Za-z]*"') in *Completed*|*Failed*|*Cancelled*|*Interrupted*) echo "$job"; return 0;; esac
    sleep 0.5
  done
  echo "job $1 did not finish within 2 h" >&2; exit 1
}
# cpu_seconds: CPU seconds used so far (user/system) by each of this setup's processes (web node or embedded app,
# workers) and by all of PostgreSQL's processes together, from /proc.
cpu_seconds() {
  python3 - "${pids[@]}" <<'PY'
import os, pwd, sys
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return int(fields[11]) / tick, int(fields[12]) / tick
    except OSError:
        return 0.0, 0.0
try:
    uid = pwd.getpwnam("postgres").pw_uid
except KeyError:
    uid = -1
pg = [cpu(p) for p in os.listdir("/proc") if p.isdigit() and os.stat(f"/proc/{p}").st_uid == uid]
times = [cpu(p) for p in sys.argv[1:]] + [(sum(u for u, _ in pg), sum(t for _, t in pg))]
print(" ".join(f"{u:.2f}/{t:.2f}" for u, t in times))
PY
}
# quiet: waits (up to 120 s) until this setup's processes use less than a fifth of a core: a timed job must not
# share its cores with work the dataset's registration left running (thumbnails, the JIT's second pass).
quiet() {
  local before after
  for _ in $(seq 1 120); do
    before=$(cpu_seconds); sleep 1; after=$(cpu_seconds)
    python3 -c "import sys; t = lambda s: sum(float(x) for p in s.split() for x in p.split('/')); sys.exit(0 if t(sys.argv[2]) - t(sys.argv[1]) < 0.2 else 1)" \
      "$before" "$after" && return 0
  done
}
timed_job() { # timed_job KIND BODY: prints "seconds runId", the seconds from the job's own createdAt to its completedAt
  # (so the 0.5 s polling and this script's bookkeeping are not timed); logs the CPU seconds each process spent on it
  local job id before
  before=$(cpu_seconds)
  id=$(api -X POST "${url}api/jobs/$1" -d "$2" | json "d['id']")
  job=$(wait_job "$id")
  [ "$(echo "$job" | json "d['status']")" = Completed ] || { echo "$1 job $id: $job" >&2; exit 1; }
  python3 -c "import sys; a, b = sys.argv[2].split(), sys.argv[3].split(); d = lambda x, y, i: float(x.split('/')[i]) - float(y.split('/')[i]); print(sys.argv[1] + ': CPU s user/system (app or web node, workers..., PostgreSQL):', ' '.join(f'{d(x, y, 0):.1f}/{d(x, y, 1):.1f}' for x, y in zip(a, b)))" \
    "$(basename "$dataset_folder") $1" "$(cpu_seconds)" "$before" >> "$work/cpu.log"
  echo "$job" | json "'%.1f %s' % ((__import__('datetime').datetime.fromisoformat(d['completedAt']) - __import__('datetime').datetime.fromisoformat(d['createdAt'])).total_seconds(), d['runId'])"
}
# run_jobs FOLDER COUNT REPEATS: registers the COUNT slides of FOLDER, extracts REPEATS times (timed; each a new
# run), trains tiny for 1 epoch on the first (not timed), evaluates every slide (timed). Prints the median
# extraction time, the evaluation time, the slide AUC and every extraction time.
run_jobs() {
  local dataset ids extract first train evaluate times=()
  dataset_folder=$1
  dataset=$(api -X POST "${url}api/datasets" -d "{\"folder\":\"$1\",\"name\":\"$(basename "$1")\",\"tumorSlideThreshold\":10}" | json "d['id']")
  for _ in $(seq 1 240); do
    ids=$(api "${url}api/datasets/$dataset" | json "','.join(str(s['id']) for s in d['slides']) if len(d['slides']) == $2 and all(s['width'] > 0 for s in d['slides']) else ''")
    [ -n "$ids" ] && break; sleep 0.5
  done
  [ -n "$ids" ] || { echo "dataset scan did not finish" >&2; exit 1; }
  quiet
  # Every tumour cell and as many normal ones: enough patches per slide that the per-slide work, not the
  # one-off plan (grids) and the hand-offs between items, is what is timed.
  for _ in $(seq 1 "$3"); do
    extract=$(timed_job extraction "{\"datasetId\":$dataset,\"tumorSlideThreshold\":10,\"tumorFraction\":1,\"normalPerTumor\":1}")
    first=${first:-$extract}
    times+=("${extract% *}")
  done
  train=$(timed_job training "{\"extractionRunId\":${first#* },\"preset\":\"tiny\",\"epochs\":1}")
  evaluate=$(timed_job evaluation "{\"trainingRunId\":${train#* },\"datasetId\":$dataset,\"slideIds\":[$ids]}")
  # The median of the extractions: this VM's speed wanders from one minute to the next.
  echo "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }') ${evaluate% *}" \
    "$(api "${url}api/evaluations/${evaluate#* }" | json "d['run']['slideAuc']") $(IFS=/; echo "${times[*]}")"
}
start_web() { # start_web DATA LOG [SETTING...]: the web app on a free port, pinned to core 0
  local data=$1 log=$2; shift 2
  port=$(free_port); url="http://127.0.0.1:$port/"
  taskset -c 0 dotnet "$app" --urls "http://127.0.0.1:$port" --TumorWeb:DataDirectory="$data" --TumorWeb:DemoDataset=false \
    --TumorWeb:DataRoots:0="$work" --TumorWeb:Accounts:AdminPassword="$password" "$@" > "$log" 2>&1 &
  pids+=($!)
  wait_http "${url}account/login" "$log"
}
# Timestamped one-line logs, to see where each item's time goes.
export Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__SingleLine=true \
  Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff "
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }

echo "embedded, one core ..." >&2
echo "embedded" >> "$work/cpu.log"
start_web "$work/embedded" "$work/embedded.log"
token=$(dotnet "$app" tokens create admin --name bench --db "$work/embedded/tumorweb.db")
run_jobs "$work/warmup" 4 1 >/dev/null
read -r e_extract e_evaluate e_auc e_all <<< "$(run_jobs "$work/slides" "$slides" "$repeats")"
stop_all

pg_data="$(mktemp -d /tmp/tumorweb-bench-pg-XXXX)/data"
chown postgres "$(dirname "$pg_data")" 2>/dev/null || true
as_postgres "$bin/initdb" -D "$pg_data" -U postgres --auth=trust --no-locale -E UTF8 --no-sync >/dev/null
pg_port=$(free_port)
as_postgres "$bin/pg_ctl" start -D "$pg_data" -w -t 30 -l "$(dirname "$pg_data")/server.log" -o "-p $pg_port -k $(dirname "$pg_data") -c listen_addresses=127.0.0.1 -c log_lock_waits=on -c deadlock_timeout=100ms -c log_min_duration_statement=200" >/dev/null

cluster() { # cluster NAME WORKERS: web node (no jobs) + WORKERS workers, worker i on core i-1
  local name=$1 workers=$2
  echo "cluster $name, $workers worker(s)" >> "$work/cpu.log"
  "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE $name" >/dev/null
  export TumorWeb__Cluster__PostgreSql="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$name"
  start_web "$work/$name" "$work/$name-web.log" --TumorWeb:Cluster:RunJobs=false
  token=$(dotnet "$app" tokens create admin --name bench)
  for i in $(seq 1 "$workers"); do
    taskset -c $((i - 1)) dotnet "$app" worker --queues cpu,gpu --concurrency 1 --name "$name-worker-$i" \
      --TumorWeb:DataDirectory="$work/$name" --TumorWeb:DataRoots:0="$work" > "$work/$name-worker-$i.log" 2>&1 &
    pids+=($!)
  done
  run_jobs "$work/warmup" 4 1 >/dev/null
  run_jobs "$work/slides" "$slides" "$repeats"
  stop_all
  unset TumorWeb__Cluster__PostgreSql
}
echo "cluster, one worker ..." >&2
read -r w1_extract w1_evaluate w1_auc w1_all <<< "$(cluster one 1)"
echo "cluster, two workers ..." >&2
read -r w2_extract w2_evaluate w2_auc w2_all <<< "$(cluster two 2)"

efficiency() { python3 -c "print(f'{$1 / (2 * $2):.2f}')"; }
{
  echo
  echo "## Cluster scaling, $(date -u +%Y-%m-%d), $slides slides of ${size}x${size}, $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo
  echo "| run | extraction s (median) | extraction s (each) | evaluation s | slide AUC |"
  echo "|---|---:|---:|---:|---:|"
  echo "| embedded, 1 core | $e_extract | $e_all | $e_evaluate | $e_auc |"
  echo "| 1 worker, 1 core | $w1_extract | $w1_all | $w1_evaluate | $w1_auc |"
  echo "| 2 workers, 1 core each | $w2_extract | $w2_all | $w2_evaluate | $w2_auc |"
  echo
  echo "Scaling efficiency t(1 worker) / (2 x t(2 workers)): extraction $(efficiency "$w1_extract" "$w2_extract"), evaluation $(efficiency "$w1_evaluate" "$w2_evaluate") (target 0.85)."
} | tee -a "$out"
