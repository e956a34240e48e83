#!/usr/bin/env bash
# Installs a Sietch release and switches the service to it, rolling back when it is not healthy.
#
# Usage: deploy.sh [--root DIR] [--keep N] [--health-url URL] [--health-timeout SECONDS]
#                  [--no-aot-cache] TARBALL
#
#   TARBALL            sietch-<version>.tar.gz from the build: one top directory sietch-<version>/
#                      holding an executable bin/sietch
#   --root DIR         installation root (default /opt/sietch): releases in DIR/releases/<version>,
#                      DIR/current -> releases/<version> (a relative link)
#   --keep N           releases kept after a successful deploy, newest first by modification time
#                      (default 3); the current and the previous one are always kept
#   --health-url URL   polled after the restart (default http://127.0.0.1:3000/health)
#   --health-timeout S seconds for 3 answers 200 in a row, 1 s apart (default 90)
#   --no-aot-cache     skip `bin/sietch aot-cache` (the JVM start-up cache for the release's path)
#
# Environment: SERVICE_MANAGER (default systemctl; run as `$SERVICE_MANAGER restart $SIETCH_SERVICE`,
# it may hold arguments, e.g. "systemctl --user"), SIETCH_SERVICE (default sietch).
#
# Steps: check the tarball; extract it into releases/.incoming.<pid> and rename that to
# releases/<version> (refused when <version> is the current release; an existing non-current
# directory of that version is replaced); build the AOT cache (a failure is only a warning);
# switch `current` atomically (a new link renamed over the old one); restart the service; poll
# the health URL. Healthy: prune old releases, print "deployed <version>". Not healthy: switch
# `current` back, restart, poll again, remove the failed release's directory and print
# "rolled back to <previous>".
#
# Exit status:
#   0  deployed <version>
#   1  the new release was not healthy; rolled back to the previous release, which is healthy
#   2  the new release was not healthy and there was no previous release (current stays at the
#      new one), or the previous one is not healthy either (current points at it again); nothing
#      is removed
#   3  refused, nothing changed: usage, an invalid tarball, the version is already current, or
#      another deploy holds the lock (DIR/.deploy.lock)
set -euo pipefail

ROOT=/opt/sietch
KEEP=3
HEALTH_URL=http://127.0.0.1:3000/health
HEALTH_TIMEOUT=90
AOT_CACHE=1
SERVICE_MANAGER=${SERVICE_MANAGER:-systemctl}
SIETCH_SERVICE=${SIETCH_SERVICE:-sietch}

say() { printf 'deploy: %s\n' "$*"; }
warn() { printf 'deploy: warning: %s\n' "$*" >&2; }
refuse() {
  printf 'deploy: refused: %s\n' "$*" >&2
  exit 3
}
usage() {
  sed -n '2,/^set -euo pipefail$/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

TARBALL=
while [ $# -gt 0 ]; do
  case $1 in
    --root) ROOT=${2:-}; [ -n "$ROOT" ] || refuse "--root needs a directory"; shift ;;
    --keep) KEEP=${2:-}; shift ;;
    --health-url) HEALTH_URL=${2:-}; [ -n "$HEALTH_URL" ] || refuse "--health-url needs a URL"; shift ;;
    --health-timeout) HEALTH_TIMEOUT=${2:-}; shift ;;
    --no-aot-cache) AOT_CACHE=0 ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) refuse "unknown option $1 (see --help)" ;;
    *)
      [ -z "$TARBALL" ] || refuse "one tarball at a time (got $TARBALL and $1)"
      TARBALL=$1
      ;;
  esac
  shift
done
if [ $# -gt 0 ]; then
  if [ -n "$TARBALL" ] || [ $# -ne 1 ]; then refuse "one tarball at a time"; fi
  TARBALL=$1
fi
[ -n "$TARBALL" ] || refuse "no tarball given (usage: deploy.sh [options] sietch-<version>.tar.gz)"
[[ $KEEP =~ ^[1-9][0-9]*$ ]] || refuse "--keep must be a whole number >= 1, was '$KEEP'"
[[ $HEALTH_TIMEOUT =~ ^[1-9][0-9]*$ ]] || refuse "--health-timeout must be a whole number of seconds >= 1, was '$HEALTH_TIMEOUT'"
if [ ! -f "$TARBALL" ] || [ ! -r "$TARBALL" ]; then refuse "no readable file $TARBALL"; fi
[ -d "$ROOT" ] || refuse "no directory $ROOT (--root)"
ROOT=$(cd "$ROOT" && pwd -P)
RELEASES=$ROOT/releases
CURRENT=$ROOT/current
read -r -a MANAGER <<< "$SERVICE_MANAGER"
[ ${#MANAGER[@]} -gt 0 ] || refuse "SERVICE_MANAGER is empty"
for tool in tar curl flock timeout; do
  command -v "$tool" >/dev/null 2>&1 || refuse "$tool is not installed"
done

# One deploy at a time. The lock's descriptor is closed for the commands started below (9>&-), so
# nothing they leave running can hold it.
exec 9>> "$ROOT/.deploy.lock"
flock -n 9 || refuse "another deploy is running (it holds $ROOT/.deploy.lock)"

INCOMING=$RELEASES/.incoming.$$
WORK=$(mktemp -d)
trap 'rm -rf "$INCOMING" "$WORK" "$ROOT/.current.$$"' EXIT

# --- check the tarball ----------------------------------------------------------------------

tar -tzf "$TARBALL" > "$WORK/members" 2> "$WORK/tar-errors" \
  || refuse "$TARBALL is not a readable .tar.gz: $(head -n 3 "$WORK/tar-errors")"
[ -s "$WORK/members" ] || refuse "$TARBALL is empty"
# the top directories, with or without a leading ./
TOP=$(sed -e 's#^\./##' -e 's#/.*##' "$WORK/members" | grep -v '^\.\{0,1\}$' | sort -u)
[ "$(printf '%s\n' "$TOP" | wc -l)" -eq 1 ] \
  || refuse "$TARBALL must hold one top directory sietch-<version>/, has: $(printf '%s' "$TOP" | tr '\n' ' ')"
[[ $TOP =~ ^sietch-([0-9A-Za-z][0-9A-Za-z._+-]*)$ ]] \
  || refuse "$TARBALL: the top directory must be sietch-<version>, is '$TOP'"
VERSION=${BASH_REMATCH[1]}
if grep -Eq '(^|/)\.\.(/|$)|^/' "$WORK/members"; then
  refuse "$TARBALL has absolute paths or '..' in its member names"
fi
grep -Eqx "(\./)?$TOP/bin/sietch" "$WORK/members" || refuse "$TARBALL has no $TOP/bin/sietch"

# --- the current and previous release ------------------------------------------------------

PREVIOUS_TARGET=
if [ -L "$CURRENT" ]; then
  PREVIOUS_TARGET=$(readlink "$CURRENT")
elif [ -e "$CURRENT" ]; then
  refuse "$CURRENT exists but is not a symbolic link; move it away first"
fi
PREVIOUS=${PREVIOUS_TARGET%/}
PREVIOUS=${PREVIOUS##*/}
if [ -n "$PREVIOUS_TARGET" ] && [ "$PREVIOUS" = "$VERSION" ]; then
  refuse "$VERSION is the current release ($CURRENT -> $PREVIOUS_TARGET); deploy a new version"
fi

# --- unpack ---------------------------------------------------------------------------------

mkdir -p "$RELEASES"
# Left behind by an interrupted deploy (the lock is ours, so none is in use).
find "$RELEASES" -mindepth 1 -maxdepth 1 -name '.incoming.*' -exec rm -rf {} +
find "$ROOT" -mindepth 1 -maxdepth 1 -name '.current.*' -type l -delete

say "unpacking $TARBALL ($VERSION)"
mkdir "$INCOMING"
tar -xzf "$TARBALL" -C "$INCOMING" --no-same-owner
NEW=$INCOMING/$TOP
if [ ! -f "$NEW/bin/sietch" ] || [ ! -x "$NEW/bin/sietch" ]; then
  refuse "$TARBALL: $TOP/bin/sietch is not an executable file"
fi
RELEASE=$RELEASES/$VERSION
if [ -e "$RELEASE" ] || [ -L "$RELEASE" ]; then
  say "replacing the existing $RELEASE (not the current release)"
  mv -T "$RELEASE" "$INCOMING/replaced"
fi
mv -T "$NEW" "$RELEASE"
# Pruning goes by modification time: the newest is the one deployed last, not the one built last.
touch "$RELEASE"

# --- AOT cache ------------------------------------------------------------------------------

if [ "$AOT_CACHE" = 1 ]; then
  say "building the AOT cache: $RELEASE/bin/sietch aot-cache"
  # A clean environment: the training run must not pick up production settings (a bot token,
  # RPC endpoints) from whoever runs this script. At most 10 minutes.
  if ! (cd "$WORK" && env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    timeout --kill-after=10 600 "$RELEASE/bin/sietch" aot-cache 9>&-); then
    warn "aot-cache failed; $VERSION starts without the AOT cache (slower start-up only)"
  fi
fi

# --- switch, restart, check -----------------------------------------------------------------

# switch_to TARGET: points current at TARGET atomically (a new link renamed over the old one).
switch_to() {
  ln -sfn "$1" "$ROOT/.current.$$"
  mv -T "$ROOT/.current.$$" "$CURRENT"
}

restart() {
  # A release that failed at start-up may have used up the unit's start limit
  # (StartLimitBurst); systemd would then refuse this restart too, the rollback's included.
  "${MANAGER[@]}" reset-failed "$SIETCH_SERVICE" 9>&- > /dev/null 2>&1 || true
  say "restarting: ${MANAGER[*]} restart $SIETCH_SERVICE"
  "${MANAGER[@]}" restart "$SIETCH_SERVICE" 9>&-
}

LAST_ANSWER=
# healthy: 3 answers 200 in a row, 1 s apart, within HEALTH_TIMEOUT seconds.
healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT)) in_a_row=0 code
  LAST_ANSWER="no answer"
  while [ "$SECONDS" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$HEALTH_URL" 9>&-) || true
    if [ "$code" = 200 ]; then
      in_a_row=$((in_a_row + 1))
      [ "$in_a_row" -ge 3 ] && return 0
    else
      in_a_row=0
      if [ -z "$code" ] || [ "$code" = 000 ]; then LAST_ANSWER="no connection"; else LAST_ANSWER="HTTP $code"; fi
    fi
    sleep 1
  done
  return 1
}

# prune: keeps the newest KEEP releases (by modification time) and always current and previous.
prune() {
  local kept=0 mtime name
  while read -r mtime name; do
    : "$mtime"
    if [ "$name" = "$VERSION" ] || [ "$name" = "$PREVIOUS" ]; then
      kept=$((kept + 1))
      continue
    fi
    if [ "$kept" -lt "$KEEP" ]; then
      kept=$((kept + 1))
      continue
    fi
    say "removing the old release $name"
    rm -rf "${RELEASES:?}/$name"
  done < <(find "$RELEASES" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%T@ %f\n' | sort -rn)
}

say "switching $CURRENT to releases/$VERSION${PREVIOUS:+ (previous: $PREVIOUS)}"
switch_to "releases/$VERSION"
reason=
if ! restart; then
  reason="the restart command failed"
elif ! healthy; then
  reason="$HEALTH_URL did not answer 200 three times in a row within ${HEALTH_TIMEOUT} s (last: $LAST_ANSWER)"
fi

if [ -z "$reason" ]; then
  prune
  say "$VERSION is healthy"
  echo "deployed $VERSION"
  exit 0
fi

say "$VERSION is not healthy: $reason"
if [ -z "$PREVIOUS_TARGET" ]; then
  say "no previous release to roll back to; $CURRENT stays at releases/$VERSION"
  echo "not deployed: $VERSION is unhealthy and there is no previous release"
  exit 2
fi
say "rolling back: switching $CURRENT to $PREVIOUS_TARGET"
switch_to "$PREVIOUS_TARGET"
if restart && healthy; then
  say "removing the failed release $RELEASE"
  rm -rf "$RELEASE"
  echo "rolled back to $PREVIOUS"
  exit 1
fi
say "the previous release $PREVIOUS is not healthy either (last: $LAST_ANSWER); $CURRENT -> $PREVIOUS_TARGET"
echo "rollback to $PREVIOUS failed: unhealthy"
exit 2
