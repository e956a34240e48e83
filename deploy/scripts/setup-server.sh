#!/usr/bin/env bash
# Prepares a Debian 12 VPS for Sietch, as root, from a checkout of this repository's deploy/
# directory (e.g. `scp -r deploy root@host:/root/` then run deploy/scripts/setup-server.sh there):
#
#   - packages: ufw fail2ban caddy git curl prometheus prometheus-node-exporter, and Grafana from
#     Grafana's apt repository (key checked against its fingerprint, signed-by keyring);
#   - user and group `sietch`; /opt/sietch/{releases,data,conf,backups} with their owners and
#     modes; a template /opt/sietch/conf/sietch.env (only when missing); the backups git repository;
#   - UFW: deny incoming, allow outgoing, allow 22/tcp, 80/tcp, 443 (tcp and udp: HTTP/3), enabled;
#   - fail2ban: the jails sshd and caddy-sietch (deploy/fail2ban);
#   - Prometheus (127.0.0.1:9090), node exporter (127.0.0.1:9100) and Grafana (127.0.0.1:3001),
#     with the configuration in deploy/monitoring/ when it is there;
#   - Caddy: deploy/caddy/Caddyfile as /etc/caddy/Caddyfile, its settings in /etc/caddy/sietch.env
#     (0640 root:caddy) read through a systemd drop-in;
#   - the systemd units sietch.service, sietch-backup.service and sietch-backup.timer; the service
#     is enabled (and started once a release is installed: deploy.sh), the timer enabled and started.
#
# Idempotent: every step looks first and acts only when something differs; a second run changes
# nothing and restarts nothing. Each action is printed (`+ command`).
#
# Usage:
#   SIETCH_API_DOMAIN=api.example.org SIETCH_GRAFANA_DOMAIN=grafana.example.org \
#   ACME_EMAIL=ops@example.org GRAFANA_BASIC_AUTH_USER=admin \
#   GRAFANA_BASIC_AUTH_HASH="$(caddy hash-password)" \
#     deploy/scripts/setup-server.sh [--dry-run]
#
# Settings (environment variable, or the option after it):
#   SIETCH_API_DOMAIN        --api-domain NAME        public name of the API (DNS points here)
#   SIETCH_GRAFANA_DOMAIN    --grafana-domain NAME    public name of Grafana
#   ACME_EMAIL               --acme-email ADDRESS     contact for Let's Encrypt
#   GRAFANA_BASIC_AUTH_USER  --grafana-user NAME      Caddy's basic auth in front of Grafana
#   GRAFANA_BASIC_AUTH_HASH  --grafana-hash HASH      its bcrypt password hash (caddy hash-password)
#   F2B_IGNOREIP             --f2b-ignoreip "A B"     optional: addresses fail2ban never bans
#                                                     (e.g. Collab.Land's)
#   --dry-run    print every action instead of doing it (the checks still run; nothing is written)
#
# What a build machine cannot test (only --dry-run can run there): apt-get and the Grafana
# repository, useradd, ufw, systemctl (daemon-reload, enable, restart), fail2ban-client -t against
# the installed jails, promtool against the installed configuration, and the services' start-up.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo pipefail$/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

DRY_RUN=0
SIETCH_API_DOMAIN=${SIETCH_API_DOMAIN:-}
SIETCH_GRAFANA_DOMAIN=${SIETCH_GRAFANA_DOMAIN:-}
ACME_EMAIL=${ACME_EMAIL:-}
GRAFANA_BASIC_AUTH_USER=${GRAFANA_BASIC_AUTH_USER:-}
GRAFANA_BASIC_AUTH_HASH=${GRAFANA_BASIC_AUTH_HASH:-}
F2B_IGNOREIP=${F2B_IGNOREIP:-}

while [ $# -gt 0 ]; do
  case $1 in
    --dry-run) DRY_RUN=1 ;;
    --api-domain) SIETCH_API_DOMAIN=${2:?--api-domain needs a value}; shift ;;
    --grafana-domain) SIETCH_GRAFANA_DOMAIN=${2:?--grafana-domain needs a value}; shift ;;
    --acme-email) ACME_EMAIL=${2:?--acme-email needs a value}; shift ;;
    --grafana-user) GRAFANA_BASIC_AUTH_USER=${2:?--grafana-user needs a value}; shift ;;
    --grafana-hash) GRAFANA_BASIC_AUTH_HASH=${2:?--grafana-hash needs a value}; shift ;;
    --f2b-ignoreip) F2B_IGNOREIP=${2:?--f2b-ignoreip needs a value}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup-server.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIETCH_ROOT=/opt/sietch
GRAFANA_KEY_URL=https://apt.grafana.com/gpg.key
GRAFANA_KEY_FINGERPRINT=B53AE77BADB630A683046005963FA27710458545
GRAFANA_KEYRING=/etc/apt/keyrings/grafana.gpg
GRAFANA_SOURCES=/etc/apt/sources.list.d/grafana.list

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Services whose configuration changed: restarted (or reloaded) once, at the end.
declare -A CHANGED=()
UNITS_CHANGED=0

log() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

# run COMMAND...: runs it, printed first; with --dry-run only printed.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf 'would run: %s\n' "$*"
  else
    printf '+ %s\n' "$*"
    "$@"
  fi
}

fail() {
  echo "setup-server.sh: $*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# perms_ok PATH MODE OWNER GROUP: whether PATH has exactly that mode and owner.
perms_ok() {
  [ "$(stat -c '%a %U %G' "$1" 2>/dev/null)" = "${2#0} $3 $4" ]
}

# ensure_dir PATH MODE OWNER GROUP
ensure_dir() {
  local path=$1 mode=$2 owner=$3 group=$4
  if [ ! -d "$path" ]; then
    run install -d -m "$mode" -o "$owner" -g "$group" "$path"
  elif ! perms_ok "$path" "$mode" "$owner" "$group"; then
    run chown "$owner:$group" "$path"
    run chmod "$mode" "$path"
  fi
}

# install_file SRC DEST MODE OWNER GROUP [SERVICE]: copies SRC to DEST when the content differs and
# fixes mode and owner; SERVICE is marked changed when anything was done.
install_file() {
  local src=$1 dest=$2 mode=$3 owner=$4 group=$5 notify=${6:-}
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    perms_ok "$dest" "$mode" "$owner" "$group" && return 0
    run chown "$owner:$group" "$dest"
    run chmod "$mode" "$dest"
  else
    if [ -f "$dest" ] && [ "$DRY_RUN" = 1 ]; then
      diff -u "$dest" "$src" | sed 's/^/    | /' || true
    fi
    run install -D -m "$mode" -o "$owner" -g "$group" "$src" "$dest"
  fi
  if [ -n "$notify" ]; then CHANGED[$notify]=1; fi
  case $dest in
    /etc/systemd/system/*) UNITS_CHANGED=1 ;;
  esac
  return 0
}

# write_file DEST MODE OWNER GROUP [SERVICE] < CONTENT: install_file with the content from stdin.
write_file() {
  local tmp
  tmp=$(mktemp "$WORK/file.XXXXXX")
  cat > "$tmp"
  install_file "$tmp" "$@"
}

# install_tree SRC_DIR DEST_DIR OWNER GROUP [SERVICE]: every file of SRC_DIR (0644, directories
# 0755); files in DEST_DIR that SRC_DIR does not have are left alone.
install_tree() {
  local src=$1 dest=$2 owner=$3 group=$4 notify=${5:-} file rel
  ensure_dir "$dest" 0755 "$owner" "$group"
  while IFS= read -r -d '' file; do
    rel=${file#"$src"/}
    ensure_dir "$(dirname "$dest/$rel")" 0755 "$owner" "$group"
    install_file "$file" "$dest/$rel" 0644 "$owner" "$group" "$notify"
  done < <(find "$src" -type f -print0 | sort -z)
}

pkg_installed() {
  dpkg-query -W -f="\${Status}" "$1" 2>/dev/null | grep -q 'install ok installed'
}

APT_UPDATED=0
apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then
    run apt-get update -q
    APT_UPDATED=1
  fi
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

unit_enabled() { have systemctl && systemctl is-enabled --quiet "$1" 2>/dev/null; }
unit_active() { have systemctl && systemctl is-active --quiet "$1" 2>/dev/null; }

# --- settings ---------------------------------------------------------------------------------

check_settings() {
  local name_re='^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'
  [ -n "$SIETCH_API_DOMAIN" ] || fail "SIETCH_API_DOMAIN (--api-domain) is required"
  [ -n "$SIETCH_GRAFANA_DOMAIN" ] || fail "SIETCH_GRAFANA_DOMAIN (--grafana-domain) is required"
  [ -n "$ACME_EMAIL" ] || fail "ACME_EMAIL (--acme-email) is required"
  [ -n "$GRAFANA_BASIC_AUTH_USER" ] || fail "GRAFANA_BASIC_AUTH_USER (--grafana-user) is required"
  [ -n "$GRAFANA_BASIC_AUTH_HASH" ] || fail "GRAFANA_BASIC_AUTH_HASH (--grafana-hash) is required: caddy hash-password"
  [[ $SIETCH_API_DOMAIN =~ $name_re ]] || fail "SIETCH_API_DOMAIN is not a host name: $SIETCH_API_DOMAIN"
  [[ $SIETCH_GRAFANA_DOMAIN =~ $name_re ]] || fail "SIETCH_GRAFANA_DOMAIN is not a host name: $SIETCH_GRAFANA_DOMAIN"
  [[ $ACME_EMAIL =~ ^[^[:space:]@]+@[^[:space:]@]+$ ]] || fail "ACME_EMAIL is not an e-mail address: $ACME_EMAIL"
  [[ $GRAFANA_BASIC_AUTH_USER =~ ^[A-Za-z0-9._-]+$ ]] || fail "GRAFANA_BASIC_AUTH_USER may only hold letters, digits, . _ -"
  [[ $GRAFANA_BASIC_AUTH_HASH =~ ^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$ ]] \
    || fail "GRAFANA_BASIC_AUTH_HASH is not a bcrypt hash (make one with: caddy hash-password)"
  local ignoreip_re='^[0-9A-Fa-f.:/ ]+$'
  if [ -n "$F2B_IGNOREIP" ]; then
    [[ $F2B_IGNOREIP =~ $ignoreip_re ]] || fail "F2B_IGNOREIP: addresses or CIDR blocks, separated by spaces"
  fi
  for f in caddy/Caddyfile systemd/sietch.service backup/sietch-backup.service \
    backup/sietch-backup.timer fail2ban/jail.d/sietch.conf fail2ban/filter.d/caddy-sietch.conf; do
    [ -f "$DEPLOY_DIR/$f" ] || fail "missing $DEPLOY_DIR/$f (run from a checkout of deploy/)"
  done
  if [ "$DRY_RUN" = 0 ] && [ "$(id -u)" != 0 ]; then
    fail "run as root (or with --dry-run)"
  fi
}

# --- packages -------------------------------------------------------------------------------

setup_packages() {
  log "Packages"
  apt_install ca-certificates curl gnupg git ufw fail2ban python3-systemd caddy \
    prometheus prometheus-node-exporter
}

setup_grafana_repo() {
  log "Grafana apt repository ($GRAFANA_KEY_URL, key $GRAFANA_KEY_FINGERPRINT)"
  local key_ok=0
  if [ -f "$GRAFANA_KEYRING" ] && have gpg \
    && gpg --show-keys --with-colons "$GRAFANA_KEYRING" 2>/dev/null \
      | awk -F: -v fpr="$GRAFANA_KEY_FINGERPRINT" '
          $1 == "pub" { valid = $2 } $1 == "fpr" && $10 == fpr && valid != "e" && valid != "r" { ok = 1 }
          END { exit !ok }'; then
    key_ok=1
  fi
  if [ "$key_ok" = 0 ]; then
    if [ "$DRY_RUN" = 1 ]; then
      printf 'would run: %s\n' "curl -fsSL $GRAFANA_KEY_URL | gpg --dearmor > $GRAFANA_KEYRING (after checking fingerprint $GRAFANA_KEY_FINGERPRINT)"
    else
      ensure_dir /etc/apt/keyrings 0755 root root
      printf '+ %s\n' "curl -fsSL $GRAFANA_KEY_URL"
      curl -fsSL --proto '=https' "$GRAFANA_KEY_URL" -o "$WORK/grafana.asc"
      gpg --show-keys --with-colons "$WORK/grafana.asc" | awk -F: '$1 == "fpr" { print $10 }' > "$WORK/grafana.fpr"
      grep -qx "$GRAFANA_KEY_FINGERPRINT" "$WORK/grafana.fpr" \
        || fail "the key at $GRAFANA_KEY_URL does not have fingerprint $GRAFANA_KEY_FINGERPRINT (has: $(tr '\n' ' ' < "$WORK/grafana.fpr")); check Grafana's announcement before trusting a new key"
      gpg --dearmor < "$WORK/grafana.asc" > "$WORK/grafana.gpg"
      install_file "$WORK/grafana.gpg" "$GRAFANA_KEYRING" 0644 root root
      APT_UPDATED=0
    fi
  fi
  local before=${#CHANGED[@]}
  write_file "$GRAFANA_SOURCES" 0644 root root apt-sources <<EOF
deb [signed-by=$GRAFANA_KEYRING] https://apt.grafana.com stable main
EOF
  if [ "${#CHANGED[@]}" != "$before" ]; then APT_UPDATED=0; fi
  apt_install grafana
}

# --- the sietch user and /opt/sietch --------------------------------------------------------

setup_sietch_layout() {
  log "User sietch and $SIETCH_ROOT"
  if ! getent group sietch >/dev/null; then
    run groupadd --system sietch
  fi
  if ! getent passwd sietch >/dev/null; then
    run useradd --system --gid sietch --home-dir "$SIETCH_ROOT" --no-create-home \
      --shell /usr/sbin/nologin --comment "Sietch service" sietch
  fi
  ensure_dir "$SIETCH_ROOT" 0755 root root
  ensure_dir "$SIETCH_ROOT/releases" 0755 root root
  ensure_dir "$SIETCH_ROOT/data" 0750 sietch sietch
  ensure_dir "$SIETCH_ROOT/conf" 0750 root sietch
  ensure_dir "$SIETCH_ROOT/backups" 0750 sietch sietch

  # The settings file: a template only when missing (it holds the secrets; never overwritten).
  local env_file=$SIETCH_ROOT/conf/sietch.env
  if [ ! -f "$env_file" ]; then
    write_file "$env_file" 0640 root sietch <<EOF
# Sietch's settings: environment variables, see docs/configuration.md in the repository.
# Read by sietch.service and sietch-backup.service (EnvironmentFile). Keep 0640 root:sietch.
# DATABASE_PATH and BACKUP_DIR are set by the units (/opt/sietch/data, /opt/sietch/backups).
API_HOST=127.0.0.1
API_PORT=3000
PUBLIC_URL=https://$SIETCH_API_DOMAIN
LOG_FORMAT=plain
# DISCORD_BOT_TOKEN=
# DISCORD_GUILD_ID=
# ADMIN_API_KEYS=sha256:<digest>:name
# MEMBER_TOKEN_SECRET=
# BERACHAIN_RPC_URLS=
# BGT_ADDRESS=
# REWARD_VAULT_ADDRESSES=
EOF
  elif ! perms_ok "$env_file" 0640 root sietch; then
    run chown root:sietch "$env_file"
    run chmod 0640 "$env_file"
  fi

  # The backups git repository (sietch-backup.service commits snapshots into it as sietch).
  local repo=$SIETCH_ROOT/backups
  if [ ! -d "$repo/.git" ]; then
    run runuser -u sietch -- git init -q -b main "$repo"
  fi
  if [ "$(git config -f "$repo/.git/config" --get user.name 2>/dev/null)" != "Sietch backup" ]; then
    run runuser -u sietch -- git -C "$repo" config user.name "Sietch backup"
  fi
  if [ -z "$(git config -f "$repo/.git/config" --get user.email 2>/dev/null)" ]; then
    run runuser -u sietch -- git -C "$repo" config user.email "sietch@$(hostname -f 2>/dev/null || hostname)"
  fi
}

# --- firewall -------------------------------------------------------------------------------

setup_firewall() {
  log "UFW: deny incoming, allow outgoing, allow 22/tcp 80/tcp 443"
  if ! grep -qs '^DEFAULT_INPUT_POLICY="DROP"' /etc/default/ufw; then
    run ufw default deny incoming
  fi
  if ! grep -qs '^DEFAULT_OUTPUT_POLICY="ACCEPT"' /etc/default/ufw; then
    run ufw default allow outgoing
  fi
  local added="" rule
  if have ufw; then added=$(ufw show added 2>/dev/null || true); fi
  # 443 without a protocol: tcp, and udp for HTTP/3.
  for rule in 22/tcp 80/tcp 443; do
    if ! grep -qxF "ufw allow $rule" <<< "$added"; then
      run ufw allow "$rule"
    fi
  done
  if ! { have ufw && ufw status 2>/dev/null | grep -q '^Status: active'; }; then
    run ufw --force enable
  fi
}

# --- fail2ban -------------------------------------------------------------------------------

setup_fail2ban() {
  log "fail2ban: jails sshd and caddy-sietch"
  install_file "$DEPLOY_DIR/fail2ban/jail.d/sietch.conf" /etc/fail2ban/jail.d/sietch.conf 0644 root root fail2ban
  install_file "$DEPLOY_DIR/fail2ban/filter.d/caddy-sietch.conf" /etc/fail2ban/filter.d/caddy-sietch.conf 0644 root root fail2ban
  local local_file=/etc/fail2ban/jail.d/sietch-ignoreip.local
  if [ -n "$F2B_IGNOREIP" ]; then
    write_file "$local_file" 0644 root root fail2ban <<EOF
# Written by setup-server.sh from F2B_IGNOREIP: addresses fail2ban never bans.
[DEFAULT]
ignoreip = 127.0.0.1/8 ::1 $F2B_IGNOREIP
EOF
  elif [ -f "$local_file" ]; then
    note "$local_file kept (F2B_IGNOREIP not given)"
  fi
  # The jail's log files must exist before fail2ban starts (Caddy creates them on its first
  # start, which may come later).
  ensure_dir /var/log/caddy 0750 caddy caddy
  local f
  for f in /var/log/caddy/sietch-access.log /var/log/caddy/grafana-access.log; do
    if [ ! -f "$f" ]; then
      run install -m 0640 -o caddy -g caddy /dev/null "$f"
    fi
  done
}

# --- monitoring -----------------------------------------------------------------------------

setup_monitoring() {
  log "Prometheus (127.0.0.1:9090), node exporter (127.0.0.1:9100), Grafana (127.0.0.1:3001)"
  write_file /etc/default/prometheus-node-exporter 0644 root root prometheus-node-exporter <<'EOF'
# Written by setup-server.sh: node exporter on loopback only (Prometheus scrapes it there).
ARGS="--web.listen-address=127.0.0.1:9100"
EOF
  write_file /etc/default/prometheus 0644 root root prometheus <<'EOF'
# Written by setup-server.sh: Prometheus on loopback only (Grafana reads it there).
ARGS="--web.listen-address=127.0.0.1:9090 --storage.tsdb.retention.time=30d"
EOF
  write_file /etc/systemd/system/grafana-server.service.d/sietch.conf 0644 root root grafana-server <<EOF
# Written by setup-server.sh: Grafana on loopback only, behind Caddy (basic auth) at
# https://$SIETCH_GRAFANA_DOMAIN/.
[Service]
Environment=GF_SERVER_HTTP_ADDR=127.0.0.1
Environment=GF_SERVER_HTTP_PORT=3001
Environment=GF_SERVER_DOMAIN=$SIETCH_GRAFANA_DOMAIN
Environment=GF_SERVER_ROOT_URL=https://$SIETCH_GRAFANA_DOMAIN/
Environment=GF_ANALYTICS_REPORTING_ENABLED=false
Environment=GF_ANALYTICS_CHECK_FOR_UPDATES=false
EOF

  local mon=$DEPLOY_DIR/monitoring
  # Check the repository's files before installing them (where promtool is installed).
  if have promtool; then
    if [ -f "$mon/prometheus/prometheus.yml" ]; then
      printf '+ %s\n' "promtool check config --syntax-only $mon/prometheus/prometheus.yml"
      promtool check config --syntax-only "$mon/prometheus/prometheus.yml" >/dev/null \
        || fail "promtool check config failed for $mon/prometheus/prometheus.yml"
    fi
    local rules=() tests=()
    if [ -d "$mon/prometheus/rules" ]; then
      mapfile -t rules < <(find "$mon/prometheus/rules" -maxdepth 1 -type f -name '*.yml' ! -name '*.test.yml' | sort)
      mapfile -t tests < <(find "$mon/prometheus/rules" -maxdepth 1 -type f -name '*.test.yml' -printf '%f\n' | sort)
    fi
    if [ ${#rules[@]} -gt 0 ]; then
      printf '+ %s\n' "promtool check rules ${rules[*]}"
      promtool check rules "${rules[@]}" >/dev/null || fail "promtool check rules failed"
    fi
    if [ ${#tests[@]} -gt 0 ]; then
      printf '+ %s\n' "(cd $mon/prometheus/rules && promtool test rules ${tests[*]})"
      (cd "$mon/prometheus/rules" && promtool test rules "${tests[@]}" >/dev/null) || fail "promtool test rules failed"
    fi
  fi
  if [ -f "$mon/prometheus/prometheus.yml" ]; then
    install_file "$mon/prometheus/prometheus.yml" /etc/prometheus/prometheus.yml 0644 root root prometheus
  else
    note "no $mon/prometheus/prometheus.yml: Prometheus keeps its configuration"
  fi
  # Prometheus loads every /etc/prometheus/rules/*.yml: the rule files only, not the unit tests
  # (*.test.yml).
  if [ -d "$mon/prometheus/rules" ]; then
    ensure_dir /etc/prometheus/rules 0755 root root
    local rule
    while IFS= read -r -d '' rule; do
      install_file "$rule" "/etc/prometheus/rules/${rule##*/}" 0644 root root prometheus
    done < <(find "$mon/prometheus/rules" -maxdepth 1 -type f -name '*.yml' ! -name '*.test.yml' -print0 | sort -z)
  fi
  if [ -d "$mon/grafana/provisioning" ]; then
    install_tree "$mon/grafana/provisioning" /etc/grafana/provisioning root grafana grafana-server
  else
    note "no $mon/grafana/provisioning: Grafana keeps its provisioning"
  fi
  if [ -d "$mon/grafana/dashboards" ]; then
    install_tree "$mon/grafana/dashboards" /var/lib/grafana/dashboards root grafana grafana-server
  fi
  if [ -n "${CHANGED[prometheus]:-}" ] && [ "$DRY_RUN" = 0 ]; then
    run promtool check config /etc/prometheus/prometheus.yml
  fi
}

# --- Caddy ----------------------------------------------------------------------------------

setup_caddy() {
  log "Caddy: https://$SIETCH_API_DOMAIN -> 127.0.0.1:3000, https://$SIETCH_GRAFANA_DOMAIN -> 127.0.0.1:3001"
  # Check the Caddyfile with these settings before installing it (where caddy is installed).
  if have caddy; then
    printf '+ %s\n' "caddy validate --config $DEPLOY_DIR/caddy/Caddyfile --adapter caddyfile"
    if ! env SIETCH_API_DOMAIN="$SIETCH_API_DOMAIN" SIETCH_GRAFANA_DOMAIN="$SIETCH_GRAFANA_DOMAIN" \
      ACME_EMAIL="$ACME_EMAIL" GRAFANA_BASIC_AUTH_USER="$GRAFANA_BASIC_AUTH_USER" \
      GRAFANA_BASIC_AUTH_HASH="$GRAFANA_BASIC_AUTH_HASH" \
      caddy validate --config "$DEPLOY_DIR/caddy/Caddyfile" --adapter caddyfile > "$WORK/caddy-validate.log" 2>&1; then
      cat "$WORK/caddy-validate.log" >&2
      fail "caddy validate failed for $DEPLOY_DIR/caddy/Caddyfile"
    fi
  fi
  install_file "$DEPLOY_DIR/caddy/Caddyfile" /etc/caddy/Caddyfile 0644 root root caddy-reload
  # Single quotes: systemd takes the values literally (the hash is full of '$').
  write_file /etc/caddy/sietch.env 0640 root caddy caddy <<EOF
# Written by setup-server.sh: the values deploy/caddy/Caddyfile reads, for caddy.service.
SIETCH_API_DOMAIN='$SIETCH_API_DOMAIN'
SIETCH_GRAFANA_DOMAIN='$SIETCH_GRAFANA_DOMAIN'
ACME_EMAIL='$ACME_EMAIL'
GRAFANA_BASIC_AUTH_USER='$GRAFANA_BASIC_AUTH_USER'
GRAFANA_BASIC_AUTH_HASH='$GRAFANA_BASIC_AUTH_HASH'
EOF
  # The package's unit runs `caddy run --environ`, which prints the whole environment (the hash
  # included) to the journal at every start: run it without --environ.
  write_file /etc/systemd/system/caddy.service.d/sietch.conf 0644 root root caddy <<'EOF'
# Written by setup-server.sh: the Caddyfile's settings, and no environment dump in the journal.
[Service]
EnvironmentFile=/etc/caddy/sietch.env
ExecStart=
ExecStart=/usr/bin/caddy run --config /etc/caddy/Caddyfile
EOF
}

# --- Sietch's systemd units -----------------------------------------------------------------

setup_units() {
  log "systemd units: sietch.service, sietch-backup.service, sietch-backup.timer"
  install_file "$DEPLOY_DIR/systemd/sietch.service" /etc/systemd/system/sietch.service 0644 root root sietch
  install_file "$DEPLOY_DIR/backup/sietch-backup.service" /etc/systemd/system/sietch-backup.service 0644 root root
  install_file "$DEPLOY_DIR/backup/sietch-backup.timer" /etc/systemd/system/sietch-backup.timer 0644 root root sietch-backup.timer
}

# --- apply ----------------------------------------------------------------------------------

apply() {
  log "Services"
  local name
  if [ "$UNITS_CHANGED" = 1 ]; then
    run systemctl daemon-reload
  fi

  for name in prometheus-node-exporter prometheus grafana-server; do
    unit_enabled "$name" || run systemctl enable "$name"
    if [ -n "${CHANGED[$name]:-}" ]; then
      run systemctl restart "$name"
    elif ! unit_active "$name"; then
      run systemctl start "$name"
    fi
  done

  unit_enabled caddy || run systemctl enable caddy
  if [ -n "${CHANGED[caddy]:-}" ] || ! unit_active caddy; then
    run systemctl restart caddy
  elif [ -n "${CHANGED[caddy-reload]:-}" ]; then
    run systemctl reload caddy
  fi

  # After Caddy: the jails read its logs.
  if [ -n "${CHANGED[fail2ban]:-}" ] && [ "$DRY_RUN" = 0 ]; then
    run fail2ban-client -t
  fi
  unit_enabled fail2ban || run systemctl enable fail2ban
  if [ -n "${CHANGED[fail2ban]:-}" ] || ! unit_active fail2ban; then
    run systemctl restart fail2ban
  fi

  unit_enabled sietch.service || run systemctl enable sietch.service
  if [ -e "$SIETCH_ROOT/current" ]; then
    if [ -n "${CHANGED[sietch]:-}" ] && unit_active sietch.service; then
      run systemctl restart sietch.service
    elif ! unit_active sietch.service; then
      run systemctl start sietch.service
    fi
  else
    note "no release installed yet ($SIETCH_ROOT/current): deploy one with deploy/scripts/deploy.sh"
  fi

  if ! unit_enabled sietch-backup.timer || ! unit_active sietch-backup.timer; then
    run systemctl enable --now sietch-backup.timer
  elif [ -n "${CHANGED[sietch-backup.timer]:-}" ]; then
    run systemctl restart sietch-backup.timer
  fi
}

check_settings
if [ "$DRY_RUN" = 1 ]; then
  echo "Dry run: nothing is changed; the actions a real run would take are printed as 'would run:'."
fi
setup_packages
setup_grafana_repo
setup_sietch_layout
setup_firewall
setup_fail2ban
setup_monitoring
setup_caddy
setup_units
apply

log "Done"
if [ "$DRY_RUN" = 1 ]; then
  note "dry run: nothing was changed"
else
  note "next: fill in $SIETCH_ROOT/conf/sietch.env, then deploy a release:"
  note "  deploy/scripts/deploy.sh sietch-<version>.tar.gz"
fi
