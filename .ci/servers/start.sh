#!/usr/bin/env bash
# Installs (when missing) and starts the real servers the tests use, once for the whole run, bound to 127.0.0.1.
# Sourced by .ci/run: exports each server's address for the test projects (tests/Wearables.Twins.Testing reads
# them; without them each test process starts its own) and records the PIDs it started in TWINS_SERVER_PIDS.
# Stop them with `stop_test_servers` (by those PIDs, never by name).

servers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$servers_dir/../.." && pwd)"
logs="$repo_root/TestResults/servers"
mkdir -p "$logs"
TWINS_SERVER_PIDS=""

need_debian() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_port() { # name port seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "$1 did not start on port $2; its log:"; tail -20 "$logs/$1.log"; return 1; fi
    sleep 0.2
  done
  exec 3>&- 2>/dev/null || true
}

start_test_servers() {
  # chromium: the dashboard's browser test drives Debian's build through Playwright.
  need_debian redis-server mosquitto chromium
  (cd "$servers_dir" && [ -f node_modules/.installed ] || { npm ci --no-audit --no-fund >/dev/null && date -u > node_modules/.installed; })

  local port
  port=$(free_port)
  node "$servers_dir/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$port" --createTableMs 0 --deleteTableMs 0 \
    >"$logs/dynalite.log" 2>&1 &
  TWINS_SERVER_PIDS="$TWINS_SERVER_PIDS $!"
  wait_port dynalite "$port" 60 || return 1
  export TWINS_TEST_DYNAMODB_URL="http://127.0.0.1:$port"

  port=$(free_port)
  node "$servers_dir/fauxqs.mjs" "$port" >"$logs/fauxqs.log" 2>&1 &
  TWINS_SERVER_PIDS="$TWINS_SERVER_PIDS $!"
  wait_port fauxqs "$port" 60 || return 1
  export TWINS_TEST_FAUXQS_URL="http://127.0.0.1:$port"

  local tool="$repo_root/.tools/smtp4dev"
  [ -x "$tool/smtp4dev" ] || dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$tool" >/dev/null
  local smtp web home
  smtp=$(free_port); web=$(free_port); home=$(mktemp -d)
  HOME="$home" "$tool/smtp4dev" --urls="http://127.0.0.1:$web" --smtpport="$smtp" --imapport="$(free_port)" \
    --pop3port="$(free_port)" --bindaddress=127.0.0.1 --disableipv6 --db= --baseappdatapath="$home/data" \
    --nousersettings >"$logs/smtp4dev.log" 2>&1 &
  TWINS_SERVER_PIDS="$TWINS_SERVER_PIDS $!"
  wait_port smtp4dev "$web" 120 || return 1
  export TWINS_TEST_SMTP_URL="smtp://127.0.0.1:$smtp" TWINS_TEST_SMTP_API_URL="http://127.0.0.1:$web"
  echo "test servers: dynamodb $TWINS_TEST_DYNAMODB_URL, s3/sqs/sns $TWINS_TEST_FAUXQS_URL, smtp $TWINS_TEST_SMTP_URL"
}

stop_test_servers() {
  for pid in $TWINS_SERVER_PIDS; do kill "$pid" 2>/dev/null || true; done
}
