#!/usr/bin/env bash
# Verifies deploy/systemd/sietch.service, deploy/backup/sietch-backup.service and
# deploy/backup/sietch-backup.timer with `systemd-analyze verify`, unchanged, inside a temporary
# root: the units in ROOT/etc/systemd/system, the host's own units beside them (the verified ones
# refer to network-online.target, multi-user.target, timers.target, ...), and an executable
# ROOT/opt/sietch/current/bin/sietch, so ExecStart= names the real path. Needs systemd-analyze
# (Debian: package systemd); needs no root and no running systemd.
#
#   deploy/scripts/test/verify-units.sh       exit 0: clean (no finding printed at all)
#
# systemd-analyze exits 0 on some findings (an unknown key, a relative path: "ignoring"), so any
# output counts as a failure here. What it cannot check: that the user and group sietch exist,
# that EnvironmentFile= and the ReadWritePaths= directories exist (both make the unit fail at
# start), that the JVM runs under the hardening, and how the service really starts and stops.
set -euo pipefail

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v systemd-analyze >/dev/null 2>&1 || { echo "verify-units: systemd-analyze is not installed" >&2; exit 2; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

system_units=
for dir in /usr/lib/systemd/system /lib/systemd/system; do
  if [ -f "$dir/multi-user.target" ]; then system_units=$dir; break; fi
done
[ -n "$system_units" ] || { echo "verify-units: no systemd unit directory (multi-user.target) on this host" >&2; exit 2; }
mkdir -p "$root$system_units" "$root/etc/systemd/system" "$root/opt/sietch/current/bin"
cp -a "$system_units/." "$root$system_units/"
printf '#!/bin/sh\nexit 0\n' > "$root/opt/sietch/current/bin/sietch"
chmod 755 "$root/opt/sietch/current/bin/sietch"
cp "$DEPLOY_DIR/systemd/sietch.service" "$DEPLOY_DIR/backup/sietch-backup.service" \
  "$DEPLOY_DIR/backup/sietch-backup.timer" "$root/etc/systemd/system/"

echo "+ systemd-analyze verify --root=$root --man=no sietch.service sietch-backup.service sietch-backup.timer"
status=0
output=$(systemd-analyze verify --root="$root" --man=no \
  sietch.service sietch-backup.service sietch-backup.timer 2>&1) || status=$?
if [ "$status" != 0 ] || [ -n "$output" ]; then
  printf '%s\n' "$output"
  echo "verify-units: FAILED (exit $status)"
  exit 1
fi
echo "verify-units: clean"
