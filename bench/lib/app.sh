# Sourced by the benchmarks that drive the real web app: start_app DATA_DIR DATA_ROOT LOG [SETTING...]
# starts the Release build on a free-ish loopback port with DemoDataset off and the first admin
# ("admin", $admin_password), waits until it answers, and sets $port, $url, $pid and $token (an API
# token of the admin, made with the CLI, exported as TUMORWEB_TOKEN for the bench programs). The app is
# killed when the calling script exits. session_cookie USER PASSWORD signs in through the sign-in
# form as a browser does and prints the session cookie ("TumorWeb.Session=...").
app=src/Web/bin/Release/net10.0/tumorweb.dll
admin_password="bench admin passphrase"

start_app() {
  local data=$1 root=$2 log=$3
  shift 3
  port=$((20000 + RANDOM % 20000))
  url="http://127.0.0.1:$port/"
  dotnet "$app" --urls "http://127.0.0.1:$port" --TumorWeb:DataDirectory="$data" --TumorWeb:DemoDataset=false \
    --TumorWeb:DataRoots:0="$root" --TumorWeb:Accounts:AdminPassword="$admin_password" "$@" > "$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "${url}account/login"; then
      token=$(dotnet "$app" tokens create admin --name bench --db "$data/tumorweb.db")
      export TUMORWEB_TOKEN=$token TUMORWEB_ADMIN_PASSWORD=$admin_password
      return 0
    fi
    sleep 0.5
  done
  echo "tumorweb did not answer on $url within 60 s; see $log" >&2
  return 1
}

session_cookie() {
  local jar
  jar=$(mktemp)
  local form
  form=$(curl -sf -c "$jar" -b "$jar" "${url}account/login")
  local antiforgery
  antiforgery=$(printf '%s' "$form" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$1" --data-urlencode "Password=$2" \
    --data-urlencode "ReturnUrl=/" --data-urlencode "__RequestVerificationToken=$antiforgery" "${url}account/signin"
  awk '$6 == "TumorWeb.Session" { print $6 "=" $7 }' "$jar"
  rm -f "$jar"
}
