#!/usr/bin/env bash
# The portal as it is deployed: nginx on 127.0.0.1:$OPENGOV_CKAN_PORT in front of gunicorn web
# workers, the CKAN jobs worker, the harvest gather and fetch consumers and the scheduler, all
# run and restarted by a private supervisord. Usage: dev/deployment.sh start|stop|status|restart
#
# Settings (environment):
#   OPENGOV_CKAN_INI         the site's .ini (default .dev/ckan.ini, written by dev/config.sh)
#   OPENGOV_DEPLOY_DIR       configs, sockets, pidfiles, nginx cache (default .dev/deploy)
#   OPENGOV_DEPLOY_LOG_DIR   one log per process (default .dev/logs)
#   OPENGOV_CKAN_PORT        nginx's port (default 5000)
#   OPENGOV_WEB_WORKERS      gunicorn workers (default: one per core, `nproc`)
#   OPENGOV_FETCH_CONSUMERS  harvest fetch consumers (default 1)
#   OPENGOV_HARVEST_EVERY    seconds between `ckan harvester run` (default 60)
#   OPENGOV_TRANSPARENCY_AT  local time of the nightly transparency refresh (default 02:00)
source "$(dirname "$0")/common.sh"

INI="${OPENGOV_CKAN_INI:-$DEV_DIR/ckan.ini}"
DEPLOY_DIR="${OPENGOV_DEPLOY_DIR:-$DEV_DIR/deploy}"
DEPLOY_LOG_DIR="${OPENGOV_DEPLOY_LOG_DIR:-$LOG_DIR}"
URL="http://127.0.0.1:$CKAN_PORT"
CONF="$DEPLOY_DIR/supervisord.conf"
SUPERVISORD=/usr/bin/supervisord
SUPERVISORCTL=/usr/bin/supervisorctl
NGINX=/usr/sbin/nginx

ctl() { "$SUPERVISORCTL" -c "$CONF" "$@"; }
web_ready() { curl -fsS -o /dev/null "$URL/api/3/action/status_show"; }
# Programs not RUNNING, one per line (empty when all are).
not_running() { { ctl status 2>/dev/null || true; } | awk '$2 != "RUNNING" {print $1 " " $2}'; }

ini_value() { sed -n "s|^$1 *= *||p" "$INI" | tail -1; }

# nginx location blocks for CKAN's static folders, tried in CKAN's order, then CKAN itself.
static_locations() {
  local folders=() i next
  mapfile -t folders < <("$VENV/bin/python" -m ckanext.opengov.ops.public_paths "$INI" 2>>"$DEPLOY_LOG_DIR/deploy.log")
  ((${#folders[@]} > 0)) || die "could not list CKAN's static folders; see $DEPLOY_LOG_DIR/deploy.log"
  for i in "${!folders[@]}"; do
    next="@static$((i + 1))"; ((i + 1 == ${#folders[@]})) && next="@ckan"
    if ((i == 0)); then printf '    location / {\n'; else printf '    location @static%d {\n' "$i"; fi
    printf '      root %s;\n      try_files $uri %s;\n' "${folders[$i]}" "$next"
    printf '      expires 1h;\n      add_header X-Content-Type-Options nosniff always;\n'
    printf '      add_header Referrer-Policy strict-origin-when-cross-origin always;\n    }\n'
  done
}

configure() {
  [[ -f $INI ]] || die "$INI is missing; run 'make run' (dev/config.sh writes it)"
  mkdir -p "$DEPLOY_DIR/nginx/tmp" "$DEPLOY_DIR/nginx/cache" "$DEPLOY_DIR/nginx/sites" "$DEPLOY_DIR/programs" \
    "$DEPLOY_DIR/scheduler" "$DEPLOY_LOG_DIR"
  export ROOT VENV INI DEPLOY_DIR DEPLOY_LOG_DIR CKAN_PORT
  export NGINX_PREFIX="$DEPLOY_DIR/nginx" NGINX_CONF="$DEPLOY_DIR/nginx/nginx.conf"
  export WEB_SOCKET="$DEPLOY_DIR/web.sock"
  ((${#WEB_SOCKET} < 100)) || die "the socket path $WEB_SOCKET is too long for a Unix socket; choose a shorter OPENGOV_DEPLOY_DIR"
  export WEB_WORKERS="${OPENGOV_WEB_WORKERS:-$(nproc)}"
  export FETCH_CONSUMERS="${OPENGOV_FETCH_CONSUMERS:-1}"
  export HARVEST_EVERY="${OPENGOV_HARVEST_EVERY:-60}"
  export TRANSPARENCY_AT="${OPENGOV_TRANSPARENCY_AT:-02:00}"
  export SITE_LABEL; SITE_LABEL=$(ini_value ckan.site_id)
  export SESSION_COOKIE; SESSION_COOKIE=$(ini_value SESSION_COOKIE_NAME); SESSION_COOKIE=${SESSION_COOKIE:-ckan}
  export STORAGE_PATH; STORAGE_PATH=$(ini_value ckan.storage_path)
  [[ $WEB_WORKERS =~ ^[1-9][0-9]*$ ]] || die "OPENGOV_WEB_WORKERS must be a number of processes, not '$WEB_WORKERS'"
  [[ $FETCH_CONSUMERS =~ ^[1-9][0-9]*$ ]] || die "OPENGOV_FETCH_CONSUMERS must be a number of processes, not '$FETCH_CONSUMERS'"
  [[ $HARVEST_EVERY =~ ^[1-9][0-9]*$ ]] || die "OPENGOV_HARVEST_EVERY must be a number of seconds, not '$HARVEST_EVERY'"
  [[ $TRANSPARENCY_AT =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || die "OPENGOV_TRANSPARENCY_AT must be HH:MM, not '$TRANSPARENCY_AT'"
  # nginx's workers leave root for the owner of the data they serve (the checkout's user).
  export NGINX_USER=""
  [[ $(id -u) == 0 ]] && NGINX_USER="user $(stat -c %U "$DEPLOY_DIR") $(stat -c %G "$DEPLOY_DIR");"
  export STATIC_LOCATIONS; STATIC_LOCATIONS=$(static_locations)
  render "$ROOT/dev/nginx.conf.in" "$NGINX_CONF" || die "could not write $NGINX_CONF"
  render "$ROOT/dev/supervisord.conf.in" "$CONF" || die "could not write $CONF"
  "$NGINX" -t -q -p "$NGINX_PREFIX" -c "$NGINX_CONF" -e "$DEPLOY_LOG_DIR/nginx-error.log" 2>>"$DEPLOY_LOG_DIR/deploy.log" \
    || die "nginx refuses $NGINX_CONF; see $DEPLOY_LOG_DIR/deploy.log"
}

install_tools() {
  [[ -x $NGINX && -x $SUPERVISORD ]] || apt_install nginx supervisor
  [[ -x $NGINX && -x $SUPERVISORD ]] || die "nginx or supervisor is missing (apt-get install nginx supervisor)"
  [[ -x $VENV/bin/gunicorn ]] || die "gunicorn is missing from $VENV (run 'make install')"
}

# The processes dev/portal.sh started before the supervised deployment (an old .dev/).
stop_legacy() {
  local f
  for f in "$DEV_DIR/ckan-worker.pid" "$DEV_DIR/ckan-web.pid"; do
    if pid_alive "$f"; then kill "$(cat "$f")" 2>/dev/null || true; fi
    rm -f "$f"
  done
}

report_failures() {
  local down program
  down=$(not_running)
  [[ -n $down ]] || return 0
  while read -r program _; do
    warn "$program is not running; the end of its log:"
    tail -n 15 "$DEPLOY_LOG_DIR/${program##*:}.log" >&2 2>/dev/null || true
  done <<<"$down"
}

# A fingerprint of the extension's Python code.
code_sum() { find "$ROOT/ckanext" -name '*.py' -print0 | sort -z | xargs -0 cat | sha1sum; }

start() {
  install_tools
  stop_legacy
  configure
  # Built before the first page: webassets makes its folders with check-then-mkdir, which races
  # between the workers.
  "$VENV/bin/ckan" -c "$INI" asset build >"$DEPLOY_LOG_DIR/assets.log" 2>&1 \
    || die "ckan asset build failed; see $DEPLOY_LOG_DIR/assets.log"
  if supervisor_up "$DEPLOY_DIR"; then
    say "The deployment's supervisor is running; applying the configuration"
    ctl reread >/dev/null && ctl update >/dev/null || die "supervisorctl could not apply $CONF"
    if [[ $(sha1sum <"$INI") != "$(cat "$DEPLOY_DIR/ini.sha1" 2>/dev/null)" ]]; then
      say "$INI changed: restarting every process"
      ctl restart all >/dev/null 2>&1 || true
    elif [[ $(code_sum) != "$(cat "$DEPLOY_DIR/code.sha1" 2>/dev/null)" ]]; then
      # The web workers reload below; the long-running commands would keep the old code.
      say "The extension's code changed: restarting the workers, consumers and scheduler"
      ctl status | awk '$1 !~ /^(web|nginx)$/ {print $1}' | xargs -r -n1 "$SUPERVISORCTL" -c "$CONF" restart >/dev/null 2>&1 || true
    fi
    ctl start all >/dev/null 2>&1 || true
    # Graceful reloads: nginx re-reads its configuration, gunicorn replaces its workers (they
    # load the code again) while the old ones finish their requests.
    ctl signal HUP nginx web >/dev/null 2>&1 || true
  else
    port_busy "$CKAN_PORT" && die "port $CKAN_PORT is taken by another program. Stop it, or choose another port: OPENGOV_CKAN_PORT=5001 make run"
    say "Starting nginx on $URL, $WEB_WORKERS web workers, the jobs worker, the harvest consumers and the scheduler (supervisord)"
    # A clean environment: the .ini alone decides the database, Solr and Redis (CKAN_* variables
    # of the caller, e.g. the test run's, would override it).
    env -i PATH="/usr/sbin:/usr/bin:/sbin:/bin" HOME="${HOME:-/root}" LANG=C.UTF-8 TZ="${TZ:-}" \
      "$SUPERVISORD" -c "$CONF" >>"$DEPLOY_LOG_DIR/deploy.log" 2>&1 \
      || die "supervisord did not start; see $DEPLOY_LOG_DIR/deploy.log and $DEPLOY_LOG_DIR/supervisord.log"
  fi
  sha1sum <"$INI" >"$DEPLOY_DIR/ini.sha1"
  code_sum >"$DEPLOY_DIR/code.sha1"
  if ! wait_until 180 "the portal" web_ready; then
    report_failures
    die "the portal does not answer at $URL; see the logs in $DEPLOY_LOG_DIR"
  fi
  # Programs that crash at once show as STARTING/BACKOFF for a while: give them their startsecs.
  wait_until 30 "every process" bash -c "[[ -z \$($SUPERVISORCTL -c '$CONF' status | awk '\$2 != \"RUNNING\"') ]]" || {
    report_failures
    die "some processes of the deployment do not stay up; see $DEPLOY_LOG_DIR"
  }
  say "The portal answers at $URL"
}

stop() {
  stop_legacy
  supervisor_stop "$DEPLOY_DIR" "the deployment in $DEPLOY_DIR"
}

# Every process with its state, then the portal through nginx. Exits 1 naming what is down.
status() {
  local failed=0 down
  if ! supervisor_up "$DEPLOY_DIR"; then
    echo "deployment ($URL): stopped"
    return 1
  fi
  ctl status | sed 's/^/  /' || true  # supervisorctl exits 3 when one is down: said below
  down=$(not_running)
  if [[ -n $down ]]; then
    echo "deployment: down: $(echo "$down" | awk '{print $1}' | paste -sd ' ')"; failed=1
  fi
  if web_ready 2>/dev/null; then echo "portal: answers at $URL"; else echo "portal: no answer at $URL"; failed=1; fi
  return $failed
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  restart) stop; start ;;
  *) die "usage: $0 start|stop|status|restart" ;;
esac
