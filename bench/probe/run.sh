#!/usr/bin/env bash
# Hardening probe (issue 11, "Proof"): runs the probe set of the outside review against a real
# tumorweb process (Release build, fresh data folder, first admin from --TumorWeb:Accounts:AdminPassword)
# and prints a table: probe, expected, observed, pass. Exits non-zero if any line fails.
# Usage: bench/probe/run.sh      SKIP_SETUP=1 skips set-up and build. Writes bench/results/probe-<date>.md.
# Needs bash, curl and python3 (standard library: JSON, and the WebSocket SignalR client of probe #1).
# The app runs twice: first with a high sign-in limit (the probes sign in many times from 127.0.0.1),
# then restarted on the same data folder with the default limit (10 a minute) for probe #6.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C
work="$PWD/bench/results/probe"
out="$PWD/bench/results/probe-$(date -u +%Y-%m-%d).md"
[ "${SKIP_SETUP:-0}" = 1 ] || CONFIGURATION=Release scripts/setup.sh
source bench/lib/app.sh

rm -rf "$work"
mkdir -p "$work/data"
db="$work/data/tumorweb.db"
password="probe user passphrase"

rows=()
failed=0
# row PROBE EXPECTED OBSERVED PASS: PASS is the exit status of the check, "$(CHECK; echo $?)" (0 = pass)
row() {
  local mark=yes
  if [ "$4" != 0 ]; then mark=**NO**; failed=$((failed + 1)); fi
  rows+=("| $1 | $2 | $3 | $mark |")
  printf '%-6s %s: %s\n' "$mark" "$1" "$3" >&2
}

# req ARGS...: one request; status in $status, headers in $work/h, body in $work/b, time in $ms.
req() {
  local w
  w=$(curl -s -o "$work/b" -D "$work/h" -w '%{http_code} %{time_total}' "$@")
  status=${w% *}
  ms=$(awk -v t="${w#* }" 'BEGIN { printf "%d", t * 1000 }')
}
hdr() { { grep -i "^$1:" "$work/h" || true; } | tail -1 | cut -d' ' -f2- | tr -d '\r'; }
bearer() { printf 'Authorization: Bearer %s' "$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
antiforgery() { sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' "$work/b" | head -1 | sed 's/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g'; }

# signin JAR USERFIELD PASSWORD [RETURNURL [CURL ARGS...]]: loads the sign-in page and posts its form
# as a browser does; USERFIELD is a curl --data-urlencode spec ("UserName=olga" or "UserName@file").
# Leaves the POST's answer in $status, $ms, $location.
signin() {
  local jar=$1 user=$2 pass=$3 back=${4:-/}
  shift 4 || shift $#
  req -c "$jar" -b "$jar" "$@" "${url}account/login"
  local af
  af=$(antiforgery)
  req -c "$jar" -b "$jar" "$@" --data-urlencode "$user" --data-urlencode "Password=$pass" \
    --data-urlencode "ReturnUrl=$back" --data-urlencode "__RequestVerificationToken=$af" "${url}account/signin"
  location=$(hdr Location)
}
cookie_of() { awk '$6 == "TumorWeb.Session" { print $6 "=" $7 }' "$1"; }
audit_count() { curl -sf -H "$(bearer "$token")" "${url}api/audit?take=1000" | json 'len(d)'; }

start_app "$work/data" "$work/data" "$work/app.log" --TumorWeb:Accounts:SignInAttemptsPerMinute=1000
admin=$token
for user in lena olga otto; do
  echo "$password" | dotnet "$app" users add "$user" --role Operator --db "$db" >/dev/null
done
lena_token=$(dotnet "$app" tokens create lena --name probe --db "$db")
olga_json=$(dotnet "$app" tokens create olga --name "live dashboard" --json --db "$db")
olga_token=$(printf '%s' "$olga_json" | json 'd["token"]')
olga_token_id=$(printf '%s' "$olga_json" | json 'd["id"]')
otto_token=$(dotnet "$app" tokens create otto --name control --db "$db")

# --- #2 a lockout does not switch off the user's API token
for _ in 1 2 3 4 5; do signin "$work/stranger" "UserName=lena" "not her password at all"; done
signin "$work/stranger" "UserName=lena" "$password"
locked=$location
req -H "$(bearer "$lena_token")" "${url}api/datasets"
row "#2 lockout vs token" "5 wrong passwords lock sign-in (error=invalid); the user's token still gets 200 on /api/datasets" \
  "sign-in after lockout → $locked; token → $status" "$([ "$status" = 200 ] && [[ "$locked" == *error=invalid* ]]; echo $?)"

# --- #12 a token cannot mint tokens
req -H "$(bearer "$admin")" -H 'Content-Type: application/json' -d '{"name":"child"}' "${url}api/tokens"
row "#12 token mints token" "POST /api/tokens with a Bearer token → 403" "$status $(json 'd.get("detail","")' < "$work/b" 2>/dev/null || true)" \
  "$([ "$status" = 403 ]; echo $?)"

# --- #3 unbounded text and bodies
head -c 100000 /dev/zero | tr '\0' a > "$work/longname"
before=$(audit_count)
signin "$work/huge" "UserName@$work/longname" "whatever password"
after=$(audit_count)
row "#3 100,000-char user name" "sign-in → 400; audit log does not grow" "$status; audit entries $before → $after" \
  "$([ "$status" = 400 ] && [ "$before" = "$after" ]; echo $?)"

signin "$work/olga" "UserName=olga" "$password"
olga_signin=$status
olga_cookie=$(cookie_of "$work/olga")
req -b "$work/olga" -H 'Content-Type: application/json' -d "{\"name\":\"$(head -c 101 /dev/zero | tr '\0' t)\"}" "${url}api/tokens"
row "#3 101-char token name" "POST /api/tokens (cookie session) → 400" "sign-in $olga_signin; $status $(json 'd.get("detail","")' < "$work/b" 2>/dev/null || true)" \
  "$([ "$status" = 400 ]; echo $?)"

req -H "$(bearer "$admin")" -H 'Content-Type: application/json' -d "{\"folder\":\"x\",\"name\":\"$(head -c 1025 /dev/zero | tr '\0' d)\"}" "${url}api/datasets"
row "#3 1,025-char dataset name" "POST /api/datasets → 400" "$status $(json 'd.get("detail","")' < "$work/b" 2>/dev/null || true)" \
  "$([ "$status" = 400 ]; echo $?)"

{ printf '{"name":"'; head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' x; printf '"}'; } > "$work/big.json"
req -H "$(bearer "$admin")" -H 'Content-Type: application/json' --data-binary "@$work/big.json" "${url}api/datasets"
row "#3 5 MB JSON body" "POST /api/datasets → 413" "$status" "$([ "$status" = 413 ]; echo $?)"

req -H "$(bearer "$admin")" "${url}api/datasets"
cache=$(hdr Cache-Control)
row "#3 no-store" "GET /api/datasets has Cache-Control: no-store" "$status, Cache-Control: ${cache:-none}" \
  "$([ "$cache" = no-store ]; echo $?)"

# --- #7 user enumeration
signin "$work/enum" "UserName=nobody-here" "some password"
unknown_location=$location unknown_ms=$ms unknown_status=$status
signin "$work/enum" "UserName=otto" "not his password at all"
row "#7 unknown user vs wrong password" "same redirect Location; both ≥ 400 ms" \
  "$unknown_status $unknown_location ($unknown_ms ms) / $status $location ($ms ms)" \
  "$([ -n "$location" ] && [ "$unknown_location" = "$location" ] && [ "$unknown_ms" -ge 400 ] && [ "$ms" -ge 400 ]; echo $?)"

# --- #8 cross-site requests (olga's session from #3)
req -b "$work/olga" -X POST -H 'Origin: https://evil.example' "${url}api/datasets/1/refresh"
refresh=$status
req -b "$work/olga" -X POST -H 'Origin: https://evil.example' "${url}account/signout"
signout=$status
req -H "$(bearer "$olga_token")" -X POST -H 'Origin: https://evil.example' "${url}api/datasets/1/refresh"
tokened=$status
req -b "$work/olga" "${url}api/jobs"
row "#8 cross-site with cookie" "POST /api/datasets/1/refresh and /account/signout with Origin: https://evil.example → 403; session still live" \
  "refresh $refresh, signout $signout; /api/jobs afterwards $status" "$([ "$refresh" = 403 ] && [ "$signout" = 403 ] && [ "$status" = 200 ]; echo $?)"
row "#8 cross-site with token" "same refresh with a Bearer token → not 403" "$tokened" "$([ "$tokened" != 403 ]; echo $?)"

# --- #10 crafted input
req -H "$(bearer "$admin")" -H 'Content-Type: application/json' -d '{"folder": 5}' "${url}api/datasets"
row "#10 folder of the wrong type" "{\"folder\": 5} → 400 application/problem+json" "$status $(hdr Content-Type)" \
  "$([ "$status" = 400 ] && [[ "$(hdr Content-Type)" == application/problem+json* ]]; echo $?)"
req -H "$(bearer "$admin")" -H 'Content-Type: application/json' -d '{"folder":"slides\u0000x","name":"nul"}' "${url}api/datasets"
row "#10 NUL in folder" "folder \"slides\\u0000x\" → 400" "$status $(hdr Content-Type)" "$([ "$status" = 400 ]; echo $?)"
python3 -c 'import json; print(json.dumps({"trainingRunId": 1, "datasetId": 1, "slideIds": list(range(1, 40001))}))' > "$work/ids.json"
req -H "$(bearer "$admin")" -H 'Content-Type: application/json' --data-binary "@$work/ids.json" "${url}api/jobs/evaluation"
row "#10 40,000 slide ids" "evaluation job → 400" "$status $(json 'd.get("detail","")' < "$work/b" 2>/dev/null || true)" \
  "$([ "$status" = 400 ]; echo $?)"
signin "$work/crlf" "UserName=otto" "$password" $'/datasets\r\nX-Injected: 1'
row "#10 CR LF in ReturnUrl" "sign-in with ReturnUrl /datasets%0d%0aX-Injected: 1 → redirect to /" "$status Location: $location" \
  "$([ "$status" = 302 ] && [ "$location" = / ]; echo $?)"

# --- #11 headers of a page
req -b "$work/crlf" "${url}"
csp=$(hdr Content-Security-Policy)
row "#11 CSP" "GET / (signed in): Content-Security-Policy has script-src 'self' and frame-ancestors 'none'" "$status, CSP: ${csp:-none}" \
  "$([ "$status" = 200 ] && [[ "$csp" == *"script-src 'self'"* ]] && [[ "$csp" == *"frame-ancestors 'none'"* ]]; echo $?)"

# --- #9 sign-out ends the session for every copy of the cookie (otto's session from #10)
copy=$(cookie_of "$work/crlf")
req -H "Cookie: $copy" "${url}api/jobs"
live=$status
req -b "$work/crlf" -c "$work/crlf" "${url}"
af=$(antiforgery)
req -b "$work/crlf" -c "$work/crlf" --data-urlencode "__RequestVerificationToken=$af" "${url}account/signout"
signed_out=$status
req -H "Cookie: $copy" "${url}api/jobs"
row "#9 copied cookie after sign-out" "saved cookie: 200 before, 401 on /api/jobs after POST /account/signout" \
  "before $live; sign-out $signed_out; after $status" "$([ "$live" = 200 ] && [ "$status" = 401 ]; echo $?)"

# --- #1 hub feed ends when its token is revoked (re-check every 30 s)
if hub=$(python3 bench/probe/hub_revocation.py "$url" "$olga_token" "$olga_token_id" "$otto_token" 60 2>&1); then hub_ok=0; else hub_ok=1; fi
row "#1 hub feed after revoke" "a /hubs/runs WebSocket feed is closed by the server ≤ 60 s after its token is revoked (re-check every 30 s); another token's feed stays open" \
  "$(printf '%s' "$hub" | tail -1)" "$hub_ok"

# --- #6 the sign-in limit holds whatever X-Forwarded-For says (default limit, so restart the app)
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
start_app "$work/data" "$work/data" "$work/app-default-limit.log"
codes=()
for i in $(seq 1 11); do
  signin "$work/xff" "UserName=nobody-here" "some password" / -H "X-Forwarded-For: 203.0.113.$i"
  codes+=("$status")
done
row "#6 X-Forwarded-For rotation" "11 sign-in posts in a minute from 127.0.0.1, each with another X-Forwarded-For → the 11th gets 429" \
  "${codes[*]}" "$([ "${codes[10]}" = 429 ]; echo $?)"

{
  echo "# Hardening probe, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/probe/run.sh\` against tumorweb $(git rev-parse --short HEAD) on $(uname -n) ($failed failed)."
  echo
  echo "| probe | expected | observed | pass |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$out"
cat "$out"
echo "results: $out"
[ "$failed" = 0 ]
