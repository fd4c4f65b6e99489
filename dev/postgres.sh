#!/usr/bin/env bash
# PostgreSQL for development and tests: a private cluster under .dev/pg on 127.0.0.1:$PG_PORT.
# Usage: dev/postgres.sh start|stop|status
source "$(dirname "$0")/common.sh"

PG_HOME="$DEV_DIR/pg"
DB_USER=ckan
DB_PASS=ckan
DATABASES=(ckan_dev ckan_test ckan_bench ckan_agency ckan_deploy_test)  # ckan_agency: the agency CKAN that harvest tests start; ckan_deploy_test: the test deployment (dev/test-deployment.sh)
# The DataStore's own databases (dev/datastore.sh grants their permissions) and its read-only user.
DATASTORE_DATABASES=(datastore_dev datastore_test)
DATASTORE_RO_USER=datastore_ro
DATASTORE_RO_PASS=datastore_ro

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [[ -x $d/pg_ctl ]] && { echo "$d"; return; }; done
  return 1
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ensure_home() {
  mkdir -p "$PG_HOME"
  if [[ $(id -u) == 0 ]]; then
    # The postgres user must reach the data folder; a checkout under a private folder
    # (mode 700) cannot be entered, so then the cluster lives in /var/tmp, linked from .dev/pg.
    if ! runuser -u postgres -- test -x "$PG_HOME"; then
      local alt="/var/tmp/opengov-pg-$(printf '%s' "$DEV_DIR" | md5sum | cut -c1-12)"
      warn "user postgres cannot enter $PG_HOME; keeping the cluster in $alt"
      mkdir -p "$alt"; rmdir "$PG_HOME" 2>/dev/null || true
      [[ -L $PG_HOME ]] || ln -s "$alt" "$PG_HOME"
      PG_HOME="$alt"
    fi
    chown postgres:postgres "$PG_HOME"
  fi
  mkdir -p "$PG_HOME/run"
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$PG_HOME/run"
  chmod 700 "$PG_HOME/run"
}

psql_super() { as_pg "$BIN/psql" -h "$PG_HOME/run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

start() {
  if ! BIN=$(pg_bin); then
    apt_install postgresql
    BIN=$(pg_bin) || die "PostgreSQL is not installed and could not be installed (apt-get install postgresql)"
  fi
  if ! [[ -f $PG_HOME/data/PG_VERSION ]] || ! as_pg "$BIN/pg_ctl" -D "$PG_HOME/data" status >/dev/null 2>&1; then
    port_busy "$PG_PORT" && die "port $PG_PORT is taken by another program. Stop it, or choose another port: OPENGOV_PG_PORT=5434 make ..."
  fi
  ensure_home
  if [[ ! -f $PG_HOME/data/PG_VERSION ]]; then
    say "Creating the PostgreSQL cluster in $PG_HOME/data"
    as_pg "$BIN/initdb" -D "$PG_HOME/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 || die "initdb failed; see $LOG_DIR/initdb.log"
  fi
  if as_pg "$BIN/pg_ctl" -D "$PG_HOME/data" status >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    touch "$LOG_DIR/postgres.log"; [[ $(id -u) == 0 ]] && chown postgres "$LOG_DIR/postgres.log"
    as_pg "$BIN/pg_ctl" -D "$PG_HOME/data" -l "$LOG_DIR/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_HOME/run -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
      || die "PostgreSQL did not start; see $LOG_DIR/postgres.log"
  fi
  wait_until 30 postgres as_pg "$BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL is not accepting connections on 127.0.0.1:$PG_PORT; see $LOG_DIR/postgres.log"
  if [[ -z $(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'") ]]; then
    psql_super -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASS'"
  fi
  if [[ -z $(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname='$DATASTORE_RO_USER'") ]]; then
    psql_super -c "CREATE ROLE $DATASTORE_RO_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$DATASTORE_RO_PASS'"
  fi
  local db
  for db in "${DATABASES[@]}" "${DATASTORE_DATABASES[@]}"; do
    if [[ -z $(psql_super -c "SELECT 1 FROM pg_database WHERE datname='$db'") ]]; then
      say "Creating database $db"
      psql_super -c "CREATE DATABASE $db OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0"
    fi
  done
}

stop() {
  BIN=$(pg_bin) || return 0
  [[ -f $PG_HOME/data/PG_VERSION ]] || return 0
  if as_pg "$BIN/pg_ctl" -D "$PG_HOME/data" status >/dev/null 2>&1; then
    say "Stopping PostgreSQL"
    as_pg "$BIN/pg_ctl" -D "$PG_HOME/data" -m fast -w stop >/dev/null
  fi
}

status() {
  BIN=$(pg_bin) || { echo "postgres: not installed"; return 1; }
  if as_pg "$BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; then
    echo "postgres: running on 127.0.0.1:$PG_PORT"
  else
    echo "postgres: stopped"; return 1
  fi
}

# SQL from standard input, run as the cluster's superuser in database $1 (dev/datastore.sh).
super_sql() {
  BIN=$(pg_bin) || die "PostgreSQL is not installed; run dev/postgres.sh start"
  ensure_home
  if [[ -z $(psql_super -c "SELECT 1 FROM pg_database WHERE datname='$1'") ]]; then
    say "Creating database $1"
    psql_super -c "CREATE DATABASE \"$1\" OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0"
  fi
  as_pg "$BIN/psql" -h "$PG_HOME/run" -p "$PG_PORT" -U postgres -d "$1" -v ON_ERROR_STOP=1 -qtA
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  super-sql) super_sql "${2:?database name}" ;;
  *) die "usage: $0 start|stop|status|super-sql DATABASE" ;;
esac
