#!/usr/bin/env bash
# The deployment `make test` starts beside the in-process tests: the same nginx + gunicorn +
# supervisor stack as `make run` (dev/deployment.sh), on the TEST database and Solr core with
# test.ini's site id and secrets, so tests can create records in-process and see them (or not)
# through the real deployment. Usage: dev/test-deployment.sh start|stop|status
#
# It has its own Redis database, so its harvest consumers and jobs worker never take messages
# queued by in-process tests. Settings: CKAN_SQLALCHEMY_URL and CKAN_SOLR_URL (as the tests get
# them; default test.ini's), OPENGOV_TEST_CKAN_PORT (5005), OPENGOV_TEST_DEPLOY_DIR
# (.dev/deploy-test), OPENGOV_TEST_DEPLOY_REDIS_DB (3), OPENGOV_TEST_HARVEST_EVERY (15 s).
source "$(dirname "$0")/common.sh"

TEST_INI="$ROOT/test.ini"
test_ini() { sed -n "s|^$1 *= *\(string:\)\{0,1\}||p" "$TEST_INI" | head -1; }

export OPENGOV_DEPLOY_DIR="${OPENGOV_TEST_DEPLOY_DIR:-$DEV_DIR/deploy-test}"
export OPENGOV_DEPLOY_LOG_DIR="${OPENGOV_TEST_DEPLOY_LOG_DIR:-$LOG_DIR/deploy-test}"
export OPENGOV_CKAN_INI="$OPENGOV_DEPLOY_DIR/ckan.ini"
export OPENGOV_CKAN_PORT="${OPENGOV_TEST_CKAN_PORT:-5005}"
export OPENGOV_HARVEST_EVERY="${OPENGOV_TEST_HARVEST_EVERY:-15}"
export OPENGOV_WEB_WORKERS="${OPENGOV_TEST_WEB_WORKERS:-2}"

if [[ ${1:-} == start ]]; then
  # Rendered again on every start: the test database and ports may differ between runs.
  rm -f "$OPENGOV_CKAN_INI"
  OPENGOV_SITE_ID=$(test_ini ckan.site_id) \
  OPENGOV_SECRET_KEY=$(test_ini SECRET_KEY) \
  OPENGOV_JWT_SECRET=$(test_ini api_token.jwt.encode.secret) \
  OPENGOV_SQLALCHEMY_URL="${CKAN_SQLALCHEMY_URL:-$(test_ini sqlalchemy.url)}" \
  OPENGOV_SOLR_URL="${CKAN_SOLR_URL:-$(test_ini solr_url)}" \
  OPENGOV_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/${OPENGOV_TEST_DEPLOY_REDIS_DB:-3}" \
  OPENGOV_STORAGE_PATH="$ROOT/.dev/storage-test" \
  OPENGOV_HARVEST_ALLOWED_HOSTS=127.0.0.1 \
    "$ROOT/dev/config.sh" >/dev/null
fi
exec "$ROOT/dev/deployment.sh" "$@"
