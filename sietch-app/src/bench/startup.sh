#!/usr/bin/env bash
# Start-up benchmark of the built image: time from process start to the first 200 on /health,
# and resident memory (VmRSS) once it answers and after it has settled for 2 s. Prints each run
# and the median of RUNS (default 5). Talks only to 127.0.0.1; every process it starts is stopped.
#
#   ./mvnw -B -DskipTests package && sietch-app/src/bench/startup.sh [IMAGE_DIR]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
image=${1:-}
if [ -z "$image" ]; then
  for candidate in "$here"/../../target/sietch-*/; do image=$candidate; break; done
fi
image=$(cd "$image" && pwd)
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "image: $image"
echo "runtime: $("$image/runtime/bin/java" -version 2>&1 | head -n 1)"
printf '%-4s %14s %16s %16s\n' run "to 200 (ms)" "RSS at 200 (MiB)" "RSS +2 s (MiB)"
: > "$work/results"
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  rm -rf "$work/run"; mkdir -p "$work/run"
  start=$(date +%s%N)
  (cd "$work/run" && exec env -i PATH=/nonexistent API_PORT="$port" DATABASE_PATH="$work/run/sietch.db" \
      "$image/bin/sietch" serve > "$work/run/out.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/run/out.log"; exit 1; }
    sleep 0.01
  done
  ready=$(date +%s%N)
  rss_ready=$(rss_mib "$pid")
  sleep 2
  rss_settled=$(rss_mib "$pid")
  kill -TERM "$pid"; wait "$pid" || true
  ms=$(( (ready - start) / 1000000 ))
  printf '%-4s %14s %16s %16s\n' "$i" "$ms" "$rss_ready" "$rss_settled"
  echo "$ms $rss_ready $rss_settled" >> "$work/results"
done
printf '%-4s %14s %16s %16s\n' median \
  "$(cut -d' ' -f1 "$work/results" | median)" \
  "$(cut -d' ' -f2 "$work/results" | median)" \
  "$(cut -d' ' -f3 "$work/results" | median)"
