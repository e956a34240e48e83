#!/usr/bin/env bash
# Sync benchmark: indexes EVENTS (default 1,000,000) generated events over WALLETS (default
# 100,000) wallets into a scratch SQLite database, then times the first and an incremental sync
# and reports the database and snapshot sizes. Uses the built image's runtime and jars.
#
#   ./mvnw -B -DskipTests package && sietch-app/src/bench/sync-benchmark.sh
set -euo pipefail
app=$(cd "$(dirname "$0")/../.." && pwd)
image=
for candidate in "$app"/target/sietch-*/; do image=$candidate; break; done
exec "$image/runtime/bin/java" -XX:+UseSerialGC -Xmx1g --enable-native-access=ALL-UNNAMED \
  -Dwallets="${WALLETS:-100000}" -Devents="${EVENTS:-1000000}" \
  -cp "$app/target/test-classes:$image/lib/*" dev.sietch.app.bench.SyncBenchmark
