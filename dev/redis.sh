#!/usr/bin/env bash
# Redis for CKAN's jobs and ckanext-harvest's queues, on 127.0.0.1:$REDIS_PORT, data in .dev/redis.
# Usage: dev/redis.sh start|stop|status
source "$(dirname "$0")/common.sh"

REDIS_HOME="$DEV_DIR/redis"
PIDFILE="$REDIS_HOME/redis.pid"

ping() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping | grep -q PONG; }

start() {
  need_cmd redis-server || apt_install redis-server
  need_cmd redis-server || die "redis-server is not installed and could not be installed (apt-get install redis-server)"
  mkdir -p "$REDIS_HOME"
  if pid_alive "$PIDFILE" && ping; then
    say "Redis already running on 127.0.0.1:$REDIS_PORT"; return
  fi
  port_busy "$REDIS_PORT" && die "port $REDIS_PORT is taken by another program. Stop it, or choose another port: OPENGOV_REDIS_PORT=6381 make ..."
  say "Starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_HOME" --daemonize yes \
    --pidfile "$PIDFILE" --logfile "$LOG_DIR/redis.log" --save 60 1 --protected-mode yes \
    || die "Redis did not start; see $LOG_DIR/redis.log"
  wait_until 20 redis ping || die "Redis does not answer on 127.0.0.1:$REDIS_PORT; see $LOG_DIR/redis.log"
}

stop() {
  if pid_alive "$PIDFILE"; then
    say "Stopping Redis"
    # A Redis whose data folder is gone cannot save, refuses a plain shutdown and ignores SIGTERM.
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 \
      || redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 \
      || kill "$(cat "$PIDFILE")"
  fi
}

status() {
  if need_cmd redis-cli && ping 2>/dev/null; then echo "redis: running on 127.0.0.1:$REDIS_PORT"
  else echo "redis: stopped"; return 1; fi
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  *) die "usage: $0 start|stop|status" ;;
esac
