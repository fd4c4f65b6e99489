#!/usr/bin/env bash
# The deployment `make bench` measures: the same nginx + gunicorn + supervisor stack as `make run`
# (dev/deployment.sh) as a site of its own, plus stock CKAN beside it for the side-by-side pages.
# Usage: dev/bench-deployment.sh start|stop|status|restart|token|ini|stock-ini
#
#   http://127.0.0.1:5010  the portal (ours), over database ckan_bench_deploy, Solr core ckan_bench,
#                          Redis database 13; its consumers also load ckanext-harvest's stock `ckan`
#                          harvester (the harvest benchmark's comparison; the portal never runs it)
#   http://127.0.0.1:5011  stock CKAN (no opengov plugin, CKAN's own dataset schema) over the same
#                          database and Solr core: a second gunicorn app behind the same nginx
#
# Its own database, not ckan_bench: the in-process benchmarks (`make bench`) empty that one.
# Settings: OPENGOV_BENCH_CKAN_PORT (5010), OPENGOV_BENCH_STOCK_PORT (5011), OPENGOV_BENCH_DEPLOY_DIR
# (.dev/deploy-bench), OPENGOV_BENCH_DEPLOY_DB (ckan_bench_deploy), OPENGOV_BENCH_SOLR_CORE
# (ckan_bench), OPENGOV_BENCH_REDIS_DB (13), OPENGOV_BENCH_WEB_WORKERS (one per core, for each
# app), OPENGOV_BENCH_FETCH_CONSUMERS (1), OPENGOV_BENCH_HARVEST_EVERY (10 s).
source "$(dirname "$0")/common.sh"

export OPENGOV_DEPLOY_DIR="${OPENGOV_BENCH_DEPLOY_DIR:-$DEV_DIR/deploy-bench}"
export OPENGOV_DEPLOY_LOG_DIR="${OPENGOV_BENCH_DEPLOY_LOG_DIR:-$LOG_DIR/deploy-bench}"
export OPENGOV_CKAN_INI="$OPENGOV_DEPLOY_DIR/ckan.ini"
export OPENGOV_CKAN_PORT="${OPENGOV_BENCH_CKAN_PORT:-5010}"
export OPENGOV_HARVEST_EVERY="${OPENGOV_BENCH_HARVEST_EVERY:-10}"
export OPENGOV_WEB_WORKERS="${OPENGOV_BENCH_WEB_WORKERS:-$(nproc)}"
export OPENGOV_FETCH_CONSUMERS="${OPENGOV_BENCH_FETCH_CONSUMERS:-1}"
STOCK_PORT="${OPENGOV_BENCH_STOCK_PORT:-5011}"
STOCK_INI="$OPENGOV_DEPLOY_DIR/stock.ini"
DB="${OPENGOV_BENCH_DEPLOY_DB:-ckan_bench_deploy}"
CORE="${OPENGOV_BENCH_SOLR_CORE:-ckan_bench}"
ADMIN_NAME=bench-admin
CKAN="$VENV/bin/ckan"
# The .ini alone decides the database, Solr and Redis (the caller's CKAN_* would override it).
ckan_of() { env -u CKAN_SQLALCHEMY_URL -u CKAN_SOLR_URL -u CKAN_REDIS_URL -u CKAN_INI "$CKAN" -c "$@"; }

configure() {
  [[ $OPENGOV_CKAN_PORT != "$STOCK_PORT" ]] || die "OPENGOV_BENCH_CKAN_PORT and OPENGOV_BENCH_STOCK_PORT must differ"
  mkdir -p "$OPENGOV_DEPLOY_DIR/nginx/sites" "$OPENGOV_DEPLOY_DIR/programs" "$OPENGOV_DEPLOY_LOG_DIR"
  echo "SELECT 1" | "$ROOT/dev/postgres.sh" super-sql "$DB" >/dev/null || die "could not create the database $DB"
  [[ $CORE == ckan_bench ]] && "$ROOT/dev/solr.sh" start >/dev/null  # adds the core when missing
  curl -fsS "http://127.0.0.1:$SOLR_PORT/solr/$CORE/select?q=*:*&rows=0" >/dev/null \
    || die "Solr core $CORE is missing (dev/solr.sh start adds ckan_bench)"
  OPENGOV_SITE_ID=opengov_bench \
  OPENGOV_SECRET_KEY=bench-secret-not-for-production \
  OPENGOV_JWT_SECRET=bench-jwt-secret-not-for-production \
  OPENGOV_SQLALCHEMY_URL="postgresql://ckan:ckan@127.0.0.1:$PG_PORT/$DB" \
  OPENGOV_SOLR_URL="http://127.0.0.1:$SOLR_PORT/solr/$CORE" \
  OPENGOV_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${OPENGOV_BENCH_REDIS_DB:-13}" \
  OPENGOV_STORAGE_PATH="$OPENGOV_DEPLOY_DIR/storage" \
  OPENGOV_HARVEST_ALLOWED_HOSTS=127.0.0.1 OPENGOV_DATASTORE_DB=datastore_bench_deploy \
    site_ini "$OPENGOV_CKAN_INI" "$OPENGOV_DEPLOY_LOG_DIR/db.log" fresh
  # The stock harvester, for the harvest benchmark only (benchmarks/stock-harvester.ini does the
  # same for the in-process one).
  sed -i 's|^\(ckan.plugins = .*\)$|\1 ckan_harvester|' "$OPENGOV_CKAN_INI"
  # Stock CKAN: the same site, database and Solr core; none of our plugins, CKAN's own schema.
  mkdir -p "$OPENGOV_DEPLOY_DIR/storage-stock/webassets/.webassets-cache"
  cat >"$STOCK_INI" <<EOF
# Stock CKAN beside the portal for the page benchmark (dev/bench-deployment.sh).
[app:main]
use = config:ckan.ini
ckan.plugins = activity image_view
ckan.views.default_views = image_view
ckan.site_url = http://127.0.0.1:$STOCK_PORT
ckan.storage_path = $OPENGOV_DEPLOY_DIR/storage-stock
EOF
  sed -n '/^\[loggers\]/,$p' "$OPENGOV_CKAN_INI" >>"$STOCK_INI"
  ckan_of "$STOCK_INI" asset build >"$OPENGOV_DEPLOY_LOG_DIR/stock-assets.log" 2>&1 \
    || die "ckan asset build (stock) failed; see $OPENGOV_DEPLOY_LOG_DIR/stock-assets.log"
  local sock="$OPENGOV_DEPLOY_DIR/stock.sock"
  cat >"$OPENGOV_DEPLOY_DIR/programs/stock-web.conf" <<EOF
[program:stock-web]
command=$VENV/bin/gunicorn --workers $OPENGOV_WEB_WORKERS --bind unix:$sock --umask 0007 --timeout 180
  --forwarded-allow-ips * --no-control-socket --access-logfile - --error-logfile - --name stock-web
  ckanext.opengov.ops.wsgi:application
environment=CKAN_INI="$STOCK_INI"
autorestart=true
startsecs=3
stopasgroup=true
killasgroup=true
redirect_stderr=true
stdout_logfile=$OPENGOV_DEPLOY_LOG_DIR/stock-web.log
stdout_logfile_maxbytes=20MB
EOF
  # The same proxy and cache rules as the portal's @ckan location (dev/nginx.conf.in).
  cat >"$OPENGOV_DEPLOY_DIR/nginx/sites/stock.conf" <<EOF
upstream stock_web { server unix:$sock fail_timeout=0; }
server {
  listen 127.0.0.1:$STOCK_PORT;
  location / {
    proxy_pass http://stock_web;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_read_timeout 180s;
    proxy_cache ckan;
    proxy_cache_key "stock\$scheme\$host\$request_uri";
    proxy_cache_bypass \$opengov_personal;
    proxy_no_cache \$opengov_personal \$upstream_http_set_cookie \$opengov_status_uncacheable;
    proxy_cache_lock on;
    proxy_cache_background_update on;
    proxy_hide_header Cache-Control;
    add_header Cache-Control \$opengov_cache_control always;
    add_header X-Cache-Status \$upstream_cache_status always;
  }
}
EOF
}

token() {
  [[ -f $OPENGOV_CKAN_INI ]] || die "the bench deployment is not configured; run '$0 start'"
  if ! ckan_of "$OPENGOV_CKAN_INI" user show "$ADMIN_NAME" 2>/dev/null | grep -q "name=$ADMIN_NAME"; then
    ckan_of "$OPENGOV_CKAN_INI" user add "$ADMIN_NAME" "email=$ADMIN_NAME@opengov.example" "password=bench-admin-1234" \
      >>"$OPENGOV_DEPLOY_LOG_DIR/admin.log" 2>&1 || die "could not create $ADMIN_NAME; see $OPENGOV_DEPLOY_LOG_DIR/admin.log"
  fi
  ckan_of "$OPENGOV_CKAN_INI" sysadmin add "$ADMIN_NAME" >>"$OPENGOV_DEPLOY_LOG_DIR/admin.log" 2>&1 \
    || die "could not make $ADMIN_NAME a sysadmin; see $OPENGOV_DEPLOY_LOG_DIR/admin.log"
  ckan_of "$OPENGOV_CKAN_INI" user token add "$ADMIN_NAME" bench 2>>"$OPENGOV_DEPLOY_LOG_DIR/admin.log" | tail -1 | tr -d '[:space:]'
}

case "${1:-}" in
  start)
    port_busy "$STOCK_PORT" && ! pid_alive "$OPENGOV_DEPLOY_DIR/supervisord.pid" \
      && die "port $STOCK_PORT is taken; choose another: OPENGOV_BENCH_STOCK_PORT=5021"
    configure; exec "$ROOT/dev/deployment.sh" start ;;
  token) token ;;
  ini) echo "$OPENGOV_CKAN_INI" ;;
  stock-ini) echo "$STOCK_INI" ;;
  stop|status|restart) exec "$ROOT/dev/deployment.sh" "$1" ;;
  *) die "usage: $0 start|stop|status|restart|token|ini|stock-ini" ;;
esac
