#!/usr/bin/env bash
# Collab.Land check benchmark: GET /eligibility/{address} with wrk (Debian package `wrk`),
# -t2 -c32 -d10s, client and server on this machine. The service runs from the built image on a
# scratch database synced from WALLETS (default 100,000) generated claims; the requests rotate over
# members, ranked non-members and unknown wallets. Prints wrk's latency distribution and the
# server's peak RSS during the run. Every request still passes the rate limiter (its limit is raised
# so the one client, loopback, is not refused). SERVER_JAVA_OPTS adds JVM options (e.g. -Xmx128m);
# KEEP_LOG=FILE keeps the server's log.
#
#   ./mvnw -B -DskipTests package && sietch-app/src/bench/eligibility-wrk.sh
set -euo pipefail
app=$(cd "$(dirname "$0")/../.." && pwd)
image=
for candidate in "$app"/target/sietch-*/; do image=$candidate; break; done
wallets=${WALLETS:-100000}
port=${PORT:-3917}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

awk -v n="$wallets" 'BEGIN { for (i = 1; i <= n; i++) printf "claim,%d,0x%064x,0,0x%040x,%d000000000000000000\n", i, i, i, i }' \
  > "$work/events.csv"
SIETCH_EVENTS_FILE="$work/events.csv" DATABASE_PATH="$work/sietch.db" LOG_LEVEL=warn \
  "$image/bin/sietch" sync --once --no-progress > /dev/null

SIETCH_EVENTS_FILE="$work/events.csv" DATABASE_PATH="$work/sietch.db" API_PORT="$port" LOG_LEVEL=warn \
  SIETCH_JAVA_OPTS="-Dsietch.sync.interval=24h -Dsietch.http.rate-limits.public=1000000000 ${SERVER_JAVA_OPTS:-}" \
  "$image/bin/sietch" serve > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.1
done

cat > "$work/rotate.lua" <<LUA
local n = $wallets
math.randomseed(42)
request = function()
  -- 1/3 members (top ranks), 1/3 ranked non-members, 1/3 unknown wallets
  local pick = math.random(3)
  local i
  if pick == 1 then i = n - math.random(69) + 1 elseif pick == 2 then i = math.random(n - 69) else i = n + math.random(n) end
  return wrk.format("GET", string.format("/eligibility/0x%040x", i))
end
LUA

# warm up (JIT, the in-memory ranking), then measure
wrk -t2 -c32 -d5s -s "$work/rotate.lua" "http://127.0.0.1:$port" > /dev/null
peak=0
( while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$server/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$work/peak"
    sleep 0.2
  done ) &
sampler=$!
wrk -t2 -c32 -d10s --latency -s "$work/rotate.lua" "http://127.0.0.1:$port"
kill "$sampler" 2>/dev/null || true
echo "server peak RSS during the run: $(( $(cat "$work/peak") / 1024 )) MiB"
if [ -n "${KEEP_LOG:-}" ]; then cp "$work/serve.log" "$KEEP_LOG"; fi
