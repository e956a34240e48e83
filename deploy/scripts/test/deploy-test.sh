#!/usr/bin/env bash
# Tests deploy/scripts/deploy.sh against a temporary root, fake releases, a fake service manager
# and a small health server. Needs bash, tar, gzip, curl, flock and python3; needs no root, no
# systemd and no network beyond 127.0.0.1.
#
#   deploy/scripts/test/deploy-test.sh          (from anywhere; exit 0 when every check passed)
#
# The pieces:
#   - releases: sietch-<version>.tar.gz with sietch-<version>/bin/sietch (a tiny sh script whose
#     `aot-cache` writes aot-cache.built, or fails when the release holds AOT_FAIL), conf/, lib/,
#     runtime/; a good release holds the file HEALTHY, a bad one does not;
#   - the service manager (SERVICE_MANAGER): on `restart <service>` it writes
#     `readlink root/current` into root/running (root: FAKE_ROOT; after FAKE_RESTART_DELAY
#     seconds, if set);
#   - the health server: python3 on a free 127.0.0.1 port; GET /<root>/health answers 200 when
#     root/running names a release directory holding HEALTHY, 503 otherwise (<root> is the name
#     of a root directory in the test's temporary directory).
# Each check prints "ok - ..." or "FAIL - ..."; the last line is "N passed, M failed".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# DEPLOY_SH: another deploy.sh to test (default: the one beside this directory).
DEPLOY=${DEPLOY_SH:-$(cd "$HERE/.." && pwd)/deploy.sh}
[ -x "$DEPLOY" ] || { echo "deploy-test: $DEPLOY is not executable" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=
BACKGROUND_PIDS=()
cleanup() {
  local pid
  for pid in "${BACKGROUND_PIDS[@]}" $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0
check() { # check DESCRIPTION COMMAND...: runs COMMAND, counts and prints the outcome
  local description=$1
  shift
  if "$@"; then
    PASSED=$((PASSED + 1))
    echo "ok - $description"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL - $description"
  fi
}
section() { printf '\n# %s\n' "$*"; }

# --- fixtures -------------------------------------------------------------------------------

mkdir -p "$WORK/tarballs" "$WORK/bin" "$WORK/build"

# make_release VERSION good|bad [aot-fail]: writes $WORK/tarballs/sietch-VERSION.tar.gz
make_release() {
  local version=$1 kind=$2 extra=${3:-} dir=$WORK/build/sietch-$1
  rm -rf "$dir"
  mkdir -p "$dir/bin" "$dir/conf" "$dir/lib" "$dir/runtime"
  cat > "$dir/bin/sietch" <<'EOF'
#!/bin/sh
# Fake launcher for the deploy test.
home=$(cd "$(dirname "$0")/.." && pwd -P)
case ${1:-} in
  aot-cache)
    if [ -f "$home/AOT_FAIL" ]; then echo "aot-cache: failing on purpose" >&2; exit 1; fi
    printf '%s\n' "$home" > "$home/aot-cache.built"
    echo "AOT cache written" ;;
  *) echo "fake sietch $*" ;;
esac
EOF
  chmod 755 "$dir/bin/sietch"
  echo "# version $version" > "$dir/conf/application.conf"
  if [ "$kind" = good ]; then : > "$dir/HEALTHY"; fi
  if [ "$extra" = aot-fail ]; then : > "$dir/AOT_FAIL"; fi
  tar -czf "$WORK/tarballs/sietch-$version.tar.gz" -C "$WORK/build" "sietch-$version"
}

ROOT=$WORK/root
mkdir -p "$ROOT"

cat > "$WORK/bin/fake-service-manager" <<'EOF'
#!/bin/sh
# Fake service manager: "restart <service>" records which release the service now runs;
# "reset-failed <service>" is recorded too (systemd's start limit is cleared before a restart).
if [ "$1" = reset-failed ] && [ -n "$2" ] && [ -d "$FAKE_ROOT" ]; then
  echo "reset-failed $2" >> "$FAKE_ROOT/manager.log"
  exit 0
fi
if [ "$1" != restart ] || [ -z "$2" ] || [ ! -d "$FAKE_ROOT" ]; then
  echo "fake-service-manager: usage: FAKE_ROOT=DIR fake-service-manager restart SERVICE" >&2
  exit 64
fi
sleep "${FAKE_RESTART_DELAY:-0}"
readlink "$FAKE_ROOT/current" > "$FAKE_ROOT/running.tmp"
mv "$FAKE_ROOT/running.tmp" "$FAKE_ROOT/running"
echo "$2" >> "$FAKE_ROOT/restarts.log"
EOF
chmod 755 "$WORK/bin/fake-service-manager"

cat > "$WORK/health-server.py" <<'EOF'
# Health server for the deploy test: GET /<root>/health is 200 when BASE/<root>/running names a
# release holding HEALTHY, else 503.
import http.server, os, sys
base, port_file = sys.argv[1], sys.argv[2]

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        parts = self.path.strip("/").split("/")
        root = os.path.join(base, parts[0]) if len(parts) == 2 and parts[1] == "health" else None
        try:
            if root is None or parts[0] in ("", ".", ".."):
                raise OSError("no such root")
            with open(os.path.join(root, "running")) as f:
                target = f.read().strip()
            healthy = bool(target) and os.path.isfile(os.path.join(root, target, "HEALTHY"))
        except OSError:
            healthy = False
        body = b'{"status":"healthy"}' if healthy else b'{"status":"down"}'
        self.send_response(200 if healthy else 503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
EOF
python3 "$WORK/health-server.py" "$WORK" "$WORK/port" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  [ -s "$WORK/port" ] && break
  sleep 0.1
done
[ -s "$WORK/port" ] || { echo "deploy-test: the health server did not start" >&2; exit 2; }
PORT=$(cat "$WORK/port")

export SERVICE_MANAGER=$WORK/bin/fake-service-manager
export SIETCH_SERVICE=sietch-test

# deploy [ARGS...] TARBALL: runs deploy.sh on ROOT; sets RC and OUT (stdout and stderr).
RC=0
OUT=
deploy() {
  RC=0
  OUT=$(FAKE_ROOT=$ROOT "$DEPLOY" --root "$ROOT" --health-url "http://127.0.0.1:$PORT/${ROOT##*/}/health" \
    --health-timeout 4 "$@" 2>&1) || RC=$?
  printf '%s\n' "$OUT" | sed 's/^/    | /'
}
last_line_is() { [ "$(printf '%s\n' "$OUT" | tail -n 1)" = "$1" ]; }
output_has() { grep -qF -- "$1" <<< "$OUT"; }
current_is() { [ "$(readlink "$ROOT/current")" = "$1" ]; }
running_is() { [ "$(cat "$ROOT/running")" = "$1" ]; }
releases_are() { [ "$(cd "$ROOT/releases" && find . -mindepth 1 -maxdepth 1 ! -name '.*' -printf '%f\n' | sort | tr '\n' ' ')" = "$1 " ]; }
exists() { [ -e "$1" ]; }
absent() { [ ! -e "$1" ] && [ ! -L "$1" ]; }
no_leftovers() { [ -z "$(find "$ROOT" "$ROOT/releases" -maxdepth 1 \( -name '.incoming.*' -o -name '.current.*' \))" ]; }
rc_is() { [ "$RC" = "$1" ]; }
rc_and_output() { rc_is "$1" && output_has "$2"; }
rc_and_last_line() { rc_is "$1" && last_line_is "$2"; }
snapshot() { (cd "$ROOT" && find . -path ./.deploy.lock -prune -o -printf '%p %y %s %l\n' | sort); }

make_release 1.0.0 good
make_release 2.0.0 good
make_release 3.0.0 bad
make_release 4.0.0 good aot-fail
for v in 5.0.0 6.0.0 7.0.0 8.0.0 9.0.0; do make_release "$v" good; done

# --- the checks ------------------------------------------------------------------------------

section "first deploy: good 1.0.0 (no previous release)"
deploy "$WORK/tarballs/sietch-1.0.0.tar.gz"
check "exit status 0" rc_is 0
check "last line is 'deployed 1.0.0'" last_line_is "deployed 1.0.0"
check "current is the relative link releases/1.0.0" current_is releases/1.0.0
check "the service was restarted on releases/1.0.0" running_is releases/1.0.0
check "the restart named SIETCH_SERVICE" grep -qx sietch-test "$ROOT/restarts.log"
check "the start limit was cleared before the restart" grep -qx "reset-failed sietch-test" "$ROOT/manager.log"
check "aot-cache ran in releases/1.0.0 (its real path)" grep -qx "$(cd "$ROOT/releases/1.0.0" && pwd -P)" "$ROOT/releases/1.0.0/aot-cache.built"
check "no .incoming.* or .current.* left behind" no_leftovers

section "second deploy: good 2.0.0"
deploy "$WORK/tarballs/sietch-2.0.0.tar.gz"
check "exit status 0" rc_is 0
check "last line is 'deployed 2.0.0'" last_line_is "deployed 2.0.0"
check "it names 1.0.0 as the previous release" output_has "previous: 1.0.0"
check "current -> releases/2.0.0" current_is releases/2.0.0
check "running releases/2.0.0" running_is releases/2.0.0
check "releases 1.0.0 and 2.0.0 are on disk" releases_are "1.0.0 2.0.0"

section "the current version again: refused, nothing changed"
before=$(snapshot)
deploy "$WORK/tarballs/sietch-2.0.0.tar.gz"
check "exit status 3" rc_is 3
check "the message says 2.0.0 is the current release" output_has "2.0.0 is the current release"
check "nothing under the root changed" [ "$before" = "$(snapshot)" ]

section "bad 3.0.0: unhealthy, rolled back to 2.0.0"
deploy "$WORK/tarballs/sietch-3.0.0.tar.gz"
check "exit status 1" rc_is 1
check "last line is 'rolled back to 2.0.0'" last_line_is "rolled back to 2.0.0"
check "the reason names the health URL and its last answer" output_has "did not answer 200 three times in a row within 4 s (last: HTTP 503)"
check "current -> releases/2.0.0 again" current_is releases/2.0.0
check "running releases/2.0.0 again" running_is releases/2.0.0
check "the failed release's directory is removed" absent "$ROOT/releases/3.0.0"
check "releases 1.0.0 and 2.0.0 are still there" releases_are "1.0.0 2.0.0"

section "invalid tarballs: refused, nothing changed"
before=$(snapshot)
mkdir -p "$WORK/bad/two/sietch-5.0.0/bin" "$WORK/bad/two/other" "$WORK/bad/nobin/sietch-5.0.0/conf" \
  "$WORK/bad/noexec/sietch-5.0.0/bin" "$WORK/bad/name/release-5.0.0/bin"
printf '#!/bin/sh\n' > "$WORK/bad/two/sietch-5.0.0/bin/sietch"
printf '#!/bin/sh\n' > "$WORK/bad/noexec/sietch-5.0.0/bin/sietch"
printf '#!/bin/sh\n' > "$WORK/bad/name/release-5.0.0/bin/sietch"
chmod 755 "$WORK/bad/two/sietch-5.0.0/bin/sietch" "$WORK/bad/name/release-5.0.0/bin/sietch"
chmod 644 "$WORK/bad/noexec/sietch-5.0.0/bin/sietch"
tar -czf "$WORK/bad/two.tar.gz" -C "$WORK/bad/two" sietch-5.0.0 other
tar -czf "$WORK/bad/nobin.tar.gz" -C "$WORK/bad/nobin" sietch-5.0.0
tar -czf "$WORK/bad/noexec.tar.gz" -C "$WORK/bad/noexec" sietch-5.0.0
tar -czf "$WORK/bad/name.tar.gz" -C "$WORK/bad/name" release-5.0.0
printf 'not a tarball\n' > "$WORK/bad/garbage.tar.gz"
deploy "$WORK/bad/two.tar.gz"
check "two top directories: exit 3, 'one top directory'" rc_and_output 3 "one top directory"
deploy "$WORK/bad/nobin.tar.gz"
check "no bin/sietch: exit 3" rc_and_output 3 "has no sietch-5.0.0/bin/sietch"
deploy "$WORK/bad/noexec.tar.gz"
check "bin/sietch not executable: exit 3" rc_and_output 3 "is not an executable file"
deploy "$WORK/bad/name.tar.gz"
check "top directory not sietch-<version>: exit 3" rc_and_output 3 "must be sietch-<version>"
deploy "$WORK/bad/garbage.tar.gz"
check "not a tar.gz: exit 3" rc_is 3
deploy "$WORK/bad/missing.tar.gz"
check "no such file: exit 3" rc_is 3
deploy --keep 0 "$WORK/tarballs/sietch-5.0.0.tar.gz"
check "--keep 0: exit 3" rc_is 3
check "nothing under the root changed, no restart" [ "$before" = "$(snapshot)" ]

section "good 4.0.0 whose aot-cache fails: a warning, still deployed"
deploy "$WORK/tarballs/sietch-4.0.0.tar.gz"
check "exit status 0" rc_is 0
check "last line is 'deployed 4.0.0'" last_line_is "deployed 4.0.0"
check "a warning about aot-cache" output_has "warning: aot-cache failed"
check "current -> releases/4.0.0" current_is releases/4.0.0

section "--no-aot-cache: good 5.0.0"
deploy --no-aot-cache "$WORK/tarballs/sietch-5.0.0.tar.gz"
check "exit status 0, deployed 5.0.0" rc_and_last_line 0 "deployed 5.0.0"
check "aot-cache did not run" absent "$ROOT/releases/5.0.0/aot-cache.built"
check "3 kept (newest first: 5.0.0 current, 4.0.0 previous, 2.0.0); 1.0.0 pruned" releases_are "2.0.0 4.0.0 5.0.0"

section "good 6.0.0 and 7.0.0: only the newest 3 kept"
deploy "$WORK/tarballs/sietch-6.0.0.tar.gz"
check "deployed 6.0.0" rc_and_last_line 0 "deployed 6.0.0"
deploy "$WORK/tarballs/sietch-7.0.0.tar.gz"
check "deployed 7.0.0" rc_and_last_line 0 "deployed 7.0.0"
check "releases 5.0.0 6.0.0 7.0.0" releases_are "5.0.0 6.0.0 7.0.0"

section "an older version deployed again counts as the newest (modification time, not name)"
deploy "$WORK/tarballs/sietch-2.0.0.tar.gz"
check "deployed 2.0.0" rc_and_last_line 0 "deployed 2.0.0"
check "releases 2.0.0 6.0.0 7.0.0 (5.0.0 is the oldest)" releases_are "2.0.0 6.0.0 7.0.0"
check "current -> releases/2.0.0" current_is releases/2.0.0

section "--keep 1: the current and the previous release are never removed"
deploy --keep 1 "$WORK/tarballs/sietch-8.0.0.tar.gz"
check "deployed 8.0.0" rc_and_last_line 0 "deployed 8.0.0"
check "releases 2.0.0 (previous) and 8.0.0 (current)" releases_are "2.0.0 8.0.0"

section "an existing directory of a non-current version is replaced"
mkdir -p "$ROOT/releases/7.0.0"
: > "$ROOT/releases/7.0.0/stale-file"
deploy "$WORK/tarballs/sietch-7.0.0.tar.gz"
check "deployed 7.0.0" rc_and_last_line 0 "deployed 7.0.0"
check "the stale directory's content is gone" absent "$ROOT/releases/7.0.0/stale-file"
check "the new content is there" exists "$ROOT/releases/7.0.0/HEALTHY"

section "two deploys at once: the second is refused by the lock"
FAKE_ROOT=$ROOT FAKE_RESTART_DELAY=3 "$DEPLOY" --root "$ROOT" --health-url "http://127.0.0.1:$PORT/root/health" \
  --health-timeout 10 --no-aot-cache \
  "$WORK/tarballs/sietch-9.0.0.tar.gz" > "$WORK/first.out" 2>&1 &
first=$!
BACKGROUND_PIDS+=("$first")
for _ in $(seq 1 50); do
  grep -q "restarting" "$WORK/first.out" 2>/dev/null && break
  sleep 0.1
done
deploy "$WORK/tarballs/sietch-8.0.0.tar.gz"
check "the second deploy exits 3" rc_is 3
check "it says another deploy holds the lock" output_has "another deploy is running"
first_rc=0
wait "$first" || first_rc=$?
sed 's/^/    | /' "$WORK/first.out"
check "the first deploy finished: exit 0" [ "$first_rc" = 0 ]
check "the first deploy's last line is 'deployed 9.0.0'" [ "$(tail -n 1 "$WORK/first.out")" = "deployed 9.0.0" ]
check "current -> releases/9.0.0" current_is releases/9.0.0
deploy --no-aot-cache "$WORK/tarballs/sietch-8.0.0.tar.gz"
check "the lock is free again: the next deploy (8.0.0) runs and exits 0" rc_and_last_line 0 "deployed 8.0.0"

section "bad 3.0.0 when the previous release is unhealthy too: exit 2"
rm "$ROOT/releases/8.0.0/HEALTHY"   # 8.0.0 is current: make it unhealthy
deploy --no-aot-cache "$WORK/tarballs/sietch-3.0.0.tar.gz"
check "exit status 2" rc_is 2
check "last line says the rollback to 8.0.0 failed" last_line_is "rollback to 8.0.0 failed: unhealthy"
check "current -> releases/8.0.0 (the previous release)" current_is releases/8.0.0
check "the failed release is kept for a look" exists "$ROOT/releases/3.0.0"

section "bad release on an empty root: no previous release, exit 2"
ROOT_SAVED=$ROOT
ROOT=$WORK/empty-root
mkdir -p "$ROOT"
deploy --no-aot-cache "$WORK/tarballs/sietch-3.0.0.tar.gz"
check "exit status 2" rc_is 2
check "it says there is no previous release" output_has "no previous release"
check "current -> releases/3.0.0 (nothing else to point at)" current_is releases/3.0.0
ROOT=$ROOT_SAVED

printf '\n%s passed, %s failed\n' "$PASSED" "$FAILED"
[ "$FAILED" = 0 ]
