#!/usr/bin/env bash
# The CKAN web server and the background-job worker for `make run`.
# Usage: dev/portal.sh start|stop|status
source "$(dirname "$0")/common.sh"

INI="$DEV_DIR/ckan.ini"
CKAN="$VENV/bin/ckan"
URL="http://127.0.0.1:$CKAN_PORT"
WEB_PID="$DEV_DIR/ckan-web.pid"
WORKER_PID="$DEV_DIR/ckan-worker.pid"

web_ready() { curl -fsS "$URL/api/3/action/status_show" >/dev/null; }

start() {
  [[ -f $INI ]] || die "$INI is missing; run 'make run'"
  if pid_alive "$WEB_PID" && web_ready; then
    say "The portal is already running at $URL"
  else
    port_busy "$CKAN_PORT" && die "port $CKAN_PORT is taken by another program. Stop it, or choose another port: OPENGOV_CKAN_PORT=5001 make run"
    say "Starting CKAN at $URL"
    # Built before the first page: webassets makes its folders with check-then-mkdir, which races.
    "$CKAN" -c "$INI" asset build >"$LOG_DIR/ckan-assets.log" 2>&1 || die "ckan asset build failed; see $LOG_DIR/ckan-assets.log"
    nohup "$CKAN" -c "$INI" run -H 127.0.0.1 -p "$CKAN_PORT" --disable-reloader >"$LOG_DIR/ckan.log" 2>&1 &
    echo $! >"$WEB_PID"
    wait_until 120 ckan web_ready || {
      pid_alive "$WEB_PID" || die "CKAN exited while starting; see $LOG_DIR/ckan.log"
      die "CKAN does not answer at $URL; see $LOG_DIR/ckan.log"
    }
  fi
  if ! pid_alive "$WORKER_PID"; then
    say "Starting the background-job worker"
    nohup "$CKAN" -c "$INI" jobs worker >"$LOG_DIR/ckan-worker.log" 2>&1 &
    echo $! >"$WORKER_PID"
  fi
}

stop_pid() {
  if pid_alive "$1"; then
    say "Stopping $2"
    kill "$(cat "$1")" 2>/dev/null || true
    wait_until 20 "$2" bash -c "! kill -0 $(cat "$1") 2>/dev/null" || kill -9 "$(cat "$1")" 2>/dev/null || true
  fi
  rm -f "$1"
}

stop() {
  stop_pid "$WORKER_PID" "the job worker"
  stop_pid "$WEB_PID" "CKAN"
}

status() {
  if web_ready 2>/dev/null; then echo "ckan: running at $URL"; else echo "ckan: stopped"; return 1; fi
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  *) die "usage: $0 start|stop|status" ;;
esac
