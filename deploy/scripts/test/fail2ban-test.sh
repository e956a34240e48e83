#!/usr/bin/env bash
# Tests deploy/fail2ban: the filter caddy-sietch against deploy/fail2ban/test/sample-access.log
# (Caddy 2.6 JSON access-log lines, taken from a real Caddy in front of the service; addresses
# from the documentation ranges), and the jail file loaded by fail2ban-client next to Debian's
# configuration. Needs Debian's fail2ban package (fail2ban-regex, fail2ban-client, /etc/fail2ban);
# needs no root and starts no fail2ban server.
#
#   deploy/scripts/test/fail2ban-test.sh       exit 0: the filter matches exactly the expected lines
#
# Expected: 401/403/429 answers by 203.0.113.7 (4), 198.51.100.23 (3), 2001:db8::1 (1) and
# 203.0.113.9 (1, Grafana's basic auth); not the 200/400/404 lines, nor the addresses and statuses
# a client wrote into its User-Agent or query string.
set -euo pipefail

F2B_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../fail2ban" && pwd)
command -v fail2ban-regex >/dev/null 2>&1 || { echo "fail2ban-test: fail2ban is not installed (apt-get install fail2ban)" >&2; exit 2; }

echo "+ fail2ban-regex $F2B_DIR/test/sample-access.log $F2B_DIR/filter.d/caddy-sietch.conf"
fail2ban-regex "$F2B_DIR/test/sample-access.log" "$F2B_DIR/filter.d/caddy-sietch.conf" | sed -n '/^Lines:/p'
actual=$(fail2ban-regex -o ip "$F2B_DIR/test/sample-access.log" "$F2B_DIR/filter.d/caddy-sietch.conf" | sort | uniq -c | awk '{print $2 "=" $1}' | tr '\n' ' ')
expected="198.51.100.23=3 2001:db8::1=1 203.0.113.7=4 203.0.113.9=1 "
if [ "$actual" != "$expected" ]; then
  echo "fail2ban-test: FAILED: matched $actual, expected $expected"
  exit 1
fi
echo "ok - matched per address: $actual"

# The jails, loaded with Debian's /etc/fail2ban (log paths pointed at the sample: fail2ban refuses
# a jail whose log file does not exist).
conf=$(mktemp -d)
trap 'rm -rf "$conf"' EXIT
cp -a /etc/fail2ban/. "$conf/"
sed "s#/var/log/caddy/#$conf/#" "$F2B_DIR/jail.d/sietch.conf" > "$conf/jail.d/sietch.conf"
cp "$F2B_DIR/filter.d/caddy-sietch.conf" "$conf/filter.d/"
cp "$F2B_DIR/test/sample-access.log" "$conf/sietch-access.log"
cp "$F2B_DIR/test/sample-access.log" "$conf/grafana-access.log"
echo "+ fail2ban-client -c <copy of /etc/fail2ban with deploy/fail2ban> -t"
fail2ban-client -c "$conf" -t 2>&1 | grep -v "'allowipv6' not defined"
dump=$(fail2ban-client -c "$conf" -d 2>/dev/null)
for jail in sshd caddy-sietch; do
  grep -q "\['add', '$jail'," <<< "$dump" || { echo "fail2ban-test: FAILED: jail $jail is not enabled"; exit 1; }
  echo "ok - jail $jail is enabled"
done
echo "fail2ban-test: passed"
