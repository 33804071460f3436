#!/usr/bin/env bash
# CI: the README's commands where a newcomer may put the project, on another Node.js LTS than the machine's.
#
# A clean clone of this checkout (its committed HEAD) in a `mktemp -d` folder: mode 700, so as root the
# `postgres` user that runs the embedded PostgreSQL cannot enter it. There, on Node.js <major> (the registry's
# `node@<major>` package, installed in a cache outside the project; `machine` keeps the machine's Node):
#   1. `npm install`;
#   2. `npm test`, the whole suite, on the machine's Node.js (its embedded PostgreSQL starts from that folder);
#   3. `npm start` in the background on a free port: /api/health answers ok, / serves the web page, the
#      server really runs on that Node, and one browser journey (E2E_SPECS, default 01-foundation) passes.
# Everything it started is stopped and everything it made is removed, the embedded data included.
#
# Usage: scripts/ci-anywhere.sh [24|22|...|machine]   (CI_ANYWHERE_PARENT=/root puts the clone under /root)
set -euo pipefail
major="${1:-24}"
specs="${E2E_SPECS:-01-foundation}"
checkout="$(cd "$(dirname "$0")/.." && pwd)"
say() { printf '\n== %s\n' "$*"; }
fail() { printf 'ci-anywhere: %s\n' "$*" >&2; exit 1; }

machine_bin_dir="$(dirname "$(command -v node)")"
if [ "$major" = machine ]; then
  node_bin="$(command -v node)"
else
  cache="${THIDUA_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/thidua-ci}/node-$major"
  say "Node.js $major from the registry's node@$major package, into $cache"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
  node_bin="$cache/node_modules/node/bin/node"
  [ -x "$node_bin" ] || fail "node@$major left no binary at $node_bin (its install script did not run?)"
fi
version="$("$node_bin" -v)"
if [ "$major" != machine ] && [[ "$version" != v"$major".* ]]; then fail "$node_bin is $version, not Node.js $major"; fi
export PATH="$(dirname "$node_bin"):$PATH"
[ "$(node -v)" = "$version" ] || fail "node on PATH is $(node -v), not $version"

work="$(mktemp -d -p "${CI_ANYWHERE_PARENT:-${TMPDIR:-/tmp}}")"
pgid=""
data=""
cleanup() {
  if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
    kill -INT -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  # As root the data lives outside the clone, in a folder of its own under /var/lib/thidua.
  case "$data" in /var/lib/thidua/*/postgres) rm -rf "$(dirname "$data")" ;; esac
  rm -rf "$work"
}
trap cleanup EXIT

say "Clean clone of $checkout into $work/thidua ($(stat -c '%a %U' "$work"))"
git clone --quiet "$checkout" "$work/thidua"
cd "$work/thidua"

say "npm install (Node.js $version)"
npm install --no-audit --no-fund

say "npm test there, on the machine's Node.js ($("$machine_bin_dir/node" -v))"
PATH="$machine_bin_dir:$PATH" npm test

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
say "npm start on port $port"
PORT="$port" setsid npm start >"$work/start.log" 2>&1 &
pid=$!
pgid="$(ps -o pgid= "$pid" | tr -d ' ')"
base="http://127.0.0.1:$port"
deadline=$((SECONDS + 600)) # npm start builds first
until curl -fsS "$base/api/health" >"$work/health.json" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/start.log"; fail "npm start stopped before answering"; fi
  if [ "$SECONDS" -gt "$deadline" ]; then cat "$work/start.log"; fail "npm start did not answer within 10 minutes"; fi
  sleep 2
done
data="$(sed -n 's/^Khởi động PostgreSQL nhúng (dữ liệu: \(.*\), cổng .*/\1/p' "$work/start.log" | head -1)"
echo "data: $data"
grep -q '"status":"ok"' "$work/health.json" || fail "/api/health answered $(cat "$work/health.json")"
curl -fsS "$base/" | grep -q '<div id="root">' || fail "/ does not serve the web page"
curl -fsS "$base/sign-in" | grep -q '<div id="root">' || fail "a page of the app does not serve the web page"
server_pid="$(ps -o pid=,args= -g "$pgid" | awk '/backend\/dist\/main\.js/ { print $1; exit }')"
[ -n "$server_pid" ] || fail "no backend/dist/main.js process under npm start"
[ "$(readlink -f "/proc/$server_pid/exe")" = "$(readlink -f "$node_bin")" ] || fail "the server runs on $(readlink -f "/proc/$server_pid/exe"), not $node_bin"
echo "health: $(cat "$work/health.json"); web page: ok; server on $version"

say "Browser journey $specs on Node.js $version"
E2E_BASE_URL="$base" node --test --test-concurrency=1 $(ls e2e/specs/*.e2e.mjs | grep -E "/(${specs//,/|})[^/]*$")

say "ok: the README's commands work from a mktemp -d clone on Node.js $version"
