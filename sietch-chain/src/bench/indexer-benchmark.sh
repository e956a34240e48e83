#!/usr/bin/env bash
# Indexer benchmark on a real anvil node: BLOCKS (default 200,000) blocks, CLAIMS (default 50,000)
# claims over 10 PoL vaults, BURNS (default 1,000) burns. Times a baseline scan
# (sequential 10,000-block eth_getLogs windows per vault, then for the burns) against Sietch's
# indexer from an empty ledger in the same run (median of 3 each), then an incremental sync after
# 1,000 new blocks, with RPC call counts. The comparison runs on loopback and through a proxy that
# adds LATENCIES milliseconds per request (default "0,50": a hosted endpoint's round trip). Uses a
# JDK >= 21 (JAVA, default: the toolchain's Temurin 25; the proxy needs jdk.httpserver, which the
# image's trimmed runtime leaves out), the image's jars, the chain module's test classes (contracts,
# test kit) and the anvil the build installed.
#
#   ./mvnw -B package -pl sietch-app -am -Dsurefire.skip=true && sietch-chain/src/bench/indexer-benchmark.sh
#   (or after a full ./mvnw -B verify)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
image=$(ls -d "$root"/sietch-app/target/sietch-*/ | head -n 1)
anvil="$root/sietch-chain/target/node/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
exec "$java" -XX:+UseSerialGC -Xmx1g --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -Dsietch.anvil.bin="$anvil" -Dblocks="${BLOCKS:-200000}" -Dclaims="${CLAIMS:-50000}" -Dburns="${BURNS:-1000}" \
  -Dlatencies="${LATENCIES:-0,50}" \
  -cp "$root/sietch-chain/target/test-classes:$image/lib/*" dev.sietch.chain.IndexerBenchmark
