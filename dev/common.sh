# Shared settings for the dev/ scripts. Every service listens on 127.0.0.1 only and keeps its
# data under $DEV_DIR (.dev/ in the checkout, ignored by git). Ports can be moved with the
# environment variables below when a port is taken.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEV_DIR="${OPENGOV_DEV_DIR:-$ROOT/.dev}"
VENV="${OPENGOV_VENV:-$ROOT/.venv}"
PG_PORT="${OPENGOV_PG_PORT:-5433}"
REDIS_PORT="${OPENGOV_REDIS_PORT:-6380}"
SOLR_PORT="${OPENGOV_SOLR_PORT:-8983}"
CKAN_PORT="${OPENGOV_CKAN_PORT:-5000}"
LOG_DIR="$DEV_DIR/logs"
mkdir -p "$DEV_DIR" "$LOG_DIR"

say()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# port_busy PORT: true when something already listens on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND...: poll COMMAND every half second.
wait_until() {
  local limit=$1 what=$2; shift 2
  local tries=$((limit * 2))
  while ((tries-- > 0)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}

# pid_alive FILE: the pid in FILE names a running process.
pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

need_cmd() { command -v "$1" >/dev/null 2>&1; }

# apt_install PKG...: install Debian packages that are missing (we run as root on dev and CI).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || die "missing Debian packages: ${missing[*]}. Install them: sudo apt-get install ${missing[*]}"
  say "Installing Debian packages: ${missing[*]}"
  if ! { apt-get install -y -qq "${missing[@]}" >"$LOG_DIR/apt.log" 2>&1 ||
         { apt-get update -qq >>"$LOG_DIR/apt.log" 2>&1 && apt-get install -y -qq "${missing[@]}" >>"$LOG_DIR/apt.log" 2>&1; }; }; then
    die "apt-get could not install ${missing[*]}; see $LOG_DIR/apt.log"
  fi
}

# site_ini INI LOG [fresh]: a site's .ini from the OPENGOV_* settings the caller passes
# (dev/config.sh; `fresh` renders it anew, else its secrets are kept), its DataStore grants
# (dev/datastore.sh) and its database upgraded (log in LOG). The caller's CKAN_* variables (a
# test run's) would override the .ini, so none reaches these commands.
site_ini() {
  local ini=$1 log=$2
  local clean=(env -u CKAN_SQLALCHEMY_URL -u CKAN_SOLR_URL -u CKAN_REDIS_URL -u CKAN_INI
               -u CKAN_DATASTORE_WRITE_URL -u CKAN_DATASTORE_READ_URL)
  [[ ${3:-} != fresh ]] || rm -f "$ini"
  OPENGOV_CKAN_INI="$ini" "${clean[@]}" "$ROOT/dev/config.sh" >/dev/null || die "dev/config.sh could not write $ini"
  "${clean[@]}" "$ROOT/dev/datastore.sh" "$ini" >/dev/null || die "the DataStore of $ini could not be set up"
  "${clean[@]}" "$VENV/bin/ckan" -c "$ini" db upgrade >"$log" 2>&1 || die "ckan db upgrade of $ini failed; see $log"
}

# A private supervisord whose files are in DIR (supervisord.conf, supervisor.sock, supervisord.pid):
# supervisor_up DIR answers whether it runs; supervisor_stop DIR WHAT shuts it down (its programs
# with it), waiting at most 90 s before killing it.
supervisor_up() {
  [[ -S $1/supervisor.sock ]] && pid_alive "$1/supervisord.pid" \
    && /usr/bin/supervisorctl -c "$1/supervisord.conf" pid >/dev/null 2>&1
}
supervisor_stop() {
  if supervisor_up "$1"; then
    say "Stopping $2"
    /usr/bin/supervisorctl -c "$1/supervisord.conf" shutdown >/dev/null 2>&1 || true
  fi
  if pid_alive "$1/supervisord.pid"; then
    wait_until 90 supervisord bash -c "! kill -0 $(cat "$1/supervisord.pid") 2>/dev/null" \
      || kill -9 "$(cat "$1/supervisord.pid")" 2>/dev/null || true
  fi
}

# render TEMPLATE OUT: writes TEMPLATE with each @NAME@ replaced by the exported $NAME (an
# unknown name is an error), atomically.
render() {
  "$VENV/bin/python" - "$1" "$2" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
def value(match):
    name = match.group(1)
    if name not in os.environ:
        sys.exit(f"{sys.argv[1]}: @{name}@ has no value")
    return os.environ[name]
out = re.sub(r"@([A-Z_]+)@", value, text)
open(sys.argv[2] + ".new", "w").write(out)
os.replace(sys.argv[2] + ".new", sys.argv[2])
PY
}
