#!/usr/bin/env bash
# The deployment `make test` starts beside the in-process tests: the same nginx + gunicorn +
# supervisor stack as `make run` (dev/deployment.sh), with a site of its own, so tests reach
# it only over HTTP, as visitors and API clients do. Usage: dev/test-deployment.sh start|stop|status|token
#
# Its own database (ckan_deploy_test) and Redis database: the in-process tests empty the test
# database at will, and ckanext-harvest's `harvester run` (which the scheduler runs) re-queues
# every WAITING harvest object of its database, so sharing either would let this deployment's
# consumers take work from in-process harvest tests. It shares the test Solr core under another
# site id (CKAN scopes every query and every clear to its site id).
# `token` prints an API token of the deployment's sysadmin (created when missing).
# Settings: OPENGOV_TEST_CKAN_PORT (5005), OPENGOV_TEST_DEPLOY_DIR (.dev/deploy-test),
# OPENGOV_TEST_DEPLOY_DB (ckan_deploy_test), OPENGOV_TEST_DEPLOY_REDIS_DB (3),
# OPENGOV_TEST_HARVEST_EVERY (15 s), CKAN_SOLR_URL (as the tests get it; default test.ini's).
source "$(dirname "$0")/common.sh"

TEST_INI="$ROOT/test.ini"
test_ini() { sed -n "s|^$1 *= *||p" "$TEST_INI" | head -1; }

export OPENGOV_DEPLOY_DIR="${OPENGOV_TEST_DEPLOY_DIR:-$DEV_DIR/deploy-test}"
export OPENGOV_DEPLOY_LOG_DIR="${OPENGOV_TEST_DEPLOY_LOG_DIR:-$LOG_DIR/deploy-test}"
export OPENGOV_CKAN_INI="$OPENGOV_DEPLOY_DIR/ckan.ini"
export OPENGOV_CKAN_PORT="${OPENGOV_TEST_CKAN_PORT:-5005}"
export OPENGOV_HARVEST_EVERY="${OPENGOV_TEST_HARVEST_EVERY:-15}"
export OPENGOV_WEB_WORKERS="${OPENGOV_TEST_WEB_WORKERS:-2}"
ADMIN_NAME="${OPENGOV_TEST_DEPLOY_ADMIN:-deploy-admin}"
ADMIN_PASSWORD="${OPENGOV_TEST_DEPLOY_ADMIN_PASSWORD:-deployment-test-1234}"
CKAN="$VENV/bin/ckan"

configure() {
  # Rendered again on every start: ports and the Solr URL may differ between runs.
  OPENGOV_SITE_ID=opengov_deploy_test \
  OPENGOV_SECRET_KEY=deploy-test-secret-not-for-production \
  OPENGOV_JWT_SECRET=deploy-test-jwt-secret-not-for-production \
  OPENGOV_SQLALCHEMY_URL="postgresql://ckan:ckan@127.0.0.1:$PG_PORT/${OPENGOV_TEST_DEPLOY_DB:-ckan_deploy_test}" \
  OPENGOV_SOLR_URL="${CKAN_SOLR_URL:-$(test_ini solr_url)}" \
  OPENGOV_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${OPENGOV_TEST_DEPLOY_REDIS_DB:-3}" \
  OPENGOV_STORAGE_PATH="$OPENGOV_DEPLOY_DIR/storage" \
  OPENGOV_HARVEST_ALLOWED_HOSTS=127.0.0.1 OPENGOV_DATASTORE_DB=datastore_deploy_test \
    site_ini "$OPENGOV_CKAN_INI" "$LOG_DIR/deploy-test-db.log" fresh
}

token() {
  [[ -f $OPENGOV_CKAN_INI ]] || die "the test deployment is not configured; run '$0 start'"
  local ckan=(env -u CKAN_SQLALCHEMY_URL -u CKAN_SOLR_URL -u CKAN_REDIS_URL -u CKAN_INI -u CKAN_DATASTORE_WRITE_URL -u CKAN_DATASTORE_READ_URL "$CKAN" -c "$OPENGOV_CKAN_INI")
  if ! "${ckan[@]}" user show "$ADMIN_NAME" 2>/dev/null | grep -q "name=$ADMIN_NAME"; then
    "${ckan[@]}" user add "$ADMIN_NAME" "email=$ADMIN_NAME@opengov.example" "password=$ADMIN_PASSWORD" \
      >>"$LOG_DIR/deploy-test-admin.log" 2>&1 || die "could not create $ADMIN_NAME; see $LOG_DIR/deploy-test-admin.log"
  fi
  "${ckan[@]}" sysadmin add "$ADMIN_NAME" >>"$LOG_DIR/deploy-test-admin.log" 2>&1 \
    || die "could not make $ADMIN_NAME a sysadmin; see $LOG_DIR/deploy-test-admin.log"
  "${ckan[@]}" user token add "$ADMIN_NAME" tests 2>>"$LOG_DIR/deploy-test-admin.log" | tail -1 | tr -d '[:space:]'
}

case "${1:-}" in
  start) configure; exec "$ROOT/dev/deployment.sh" start ;;
  token) token ;;
  stop|status|restart) exec "$ROOT/dev/deployment.sh" "$1" ;;
  *) die "usage: $0 start|stop|status|restart|token" ;;
esac
