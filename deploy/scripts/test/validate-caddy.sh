#!/usr/bin/env bash
# Validates deploy/caddy/Caddyfile with Caddy (Debian's caddy 2.6): `caddy validate` with the
# environment variables the file reads set to example values, and `caddy fmt` (the file must be
# formatted as Caddy formats it). Needs caddy; needs no root and no network (validate does not
# obtain certificates).
#
#   deploy/scripts/test/validate-caddy.sh      exit 0: valid and formatted
#
# The variables: SIETCH_API_DOMAIN, SIETCH_GRAFANA_DOMAIN, ACME_EMAIL, GRAFANA_BASIC_AUTH_USER and
# GRAFANA_BASIC_AUTH_HASH (a bcrypt hash such as `caddy hash-password --plaintext x` prints; the
# one below is of "x"). Without them the file does not even parse.
set -euo pipefail

CADDYFILE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/caddy/Caddyfile
command -v caddy >/dev/null 2>&1 || { echo "validate-caddy: caddy is not installed" >&2; exit 2; }

export SIETCH_API_DOMAIN=api.example.org
export SIETCH_GRAFANA_DOMAIN=grafana.example.org
export ACME_EMAIL=ops@example.org
export GRAFANA_BASIC_AUTH_USER=admin
# shellcheck disable=SC2016 # a literal bcrypt hash, '$' included
export GRAFANA_BASIC_AUTH_HASH='$2a$14$pBg1wPMjg3.qM8cbkrR8ouQZWvZRM72vohi72pLVeSr8PQta1HrGm'

echo "+ caddy validate --config $CADDYFILE --adapter caddyfile"
caddy validate --config "$CADDYFILE" --adapter caddyfile 2>&1 | grep -v '"level":"info"' || true
caddy validate --config "$CADDYFILE" --adapter caddyfile > /dev/null 2>&1 \
  || { echo "validate-caddy: caddy validate FAILED"; exit 1; }

echo "+ caddy fmt $CADDYFILE | diff $CADDYFILE -"
if ! caddy fmt "$CADDYFILE" | diff -u "$CADDYFILE" -; then
  echo "validate-caddy: not formatted as 'caddy fmt' formats it"
  exit 1
fi
echo "validate-caddy: valid and formatted"
