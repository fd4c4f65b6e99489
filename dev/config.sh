#!/usr/bin/env bash
# Writes a CKAN .ini from dev/ckan.ini.in: .dev/ckan.ini (the `make run` site) by default, once,
# with fresh secrets; later runs keep it (a newer template is applied again, secrets kept).
# dev/test-deployment.sh renders the test deployment's .ini with the same script, through:
#   OPENGOV_CKAN_INI (output), OPENGOV_SITE_ID, OPENGOV_SQLALCHEMY_URL, OPENGOV_SOLR_URL,
#   OPENGOV_REDIS_URL, OPENGOV_STORAGE_PATH, OPENGOV_SECRET_KEY, OPENGOV_JWT_SECRET,
#   OPENGOV_DATASTORE_DB (the DataStore database, datastore_dev by default).
# OPENGOV_HARVEST_ALLOWED_HOSTS, when set (even empty), replaces the harvest allow-list line.
source "$(dirname "$0")/common.sh"

INI="${OPENGOV_CKAN_INI:-$DEV_DIR/ckan.ini}"
STORAGE_PATH="${OPENGOV_STORAGE_PATH:-$DEV_DIR/storage}"
TEMPLATE="$ROOT/dev/ckan.ini.in"
mkdir -p "$(dirname "$INI")"
# Made here, not on the first page: webassets creates it with check-then-mkdir, which races.
mkdir -p "$STORAGE_PATH/webassets/.webassets-cache"

set_allowed_hosts() {
  [[ -v OPENGOV_HARVEST_ALLOWED_HOSTS ]] || return 0
  local hosts=${OPENGOV_HARVEST_ALLOWED_HOSTS//[|\\&]/}
  if grep -q '^ckanext.opengov.harvest.allowed_hosts *=' "$INI"; then
    sed -i "s|^ckanext.opengov.harvest.allowed_hosts *=.*|ckanext.opengov.harvest.allowed_hosts = $hosts|" "$INI"
  else
    sed -i "s|^\[app:main\]$|[app:main]\nckanext.opengov.harvest.allowed_hosts = $hosts|" "$INI"
  fi
  say "Harvests may reach: ${hosts:-public addresses only} ($INI)"
}

if [[ -f $INI && ! $TEMPLATE -nt $INI ]]; then
  say "Using $INI"
  set_allowed_hosts
  exit 0
fi
secret() { "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(32))'; }
old() { [[ -f $INI ]] || return 0; sed -n "s|^$1 = \(string:\)\{0,1\}||p" "$INI" | head -1; }
SECRET_KEY=${OPENGOV_SECRET_KEY:-$(old SECRET_KEY)}; SECRET_KEY=${SECRET_KEY:-$(secret)}
JWT_SECRET=${OPENGOV_JWT_SECRET:-$(old api_token.jwt.encode.secret)}; JWT_SECRET=${JWT_SECRET:-$(secret)}
ALLOWED_HOSTS=$(old ckanext.opengov.harvest.allowed_hosts)
sed -e "s|@SECRET_KEY@|$SECRET_KEY|" -e "s|@JWT_SECRET@|$JWT_SECRET|" \
    -e "s|@CKAN_PORT@|$CKAN_PORT|" \
    -e "s|@SITE_ID@|${OPENGOV_SITE_ID:-opengov}|" \
    -e "s|@SQLALCHEMY_URL@|${OPENGOV_SQLALCHEMY_URL:-postgresql://ckan:ckan@127.0.0.1:$PG_PORT/ckan_dev}|" \
    -e "s|@SOLR_URL@|${OPENGOV_SOLR_URL:-http://127.0.0.1:$SOLR_PORT/solr/ckan}|" \
    -e "s|@REDIS_URL@|${OPENGOV_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}|" \
    -e "s|@STORAGE_PATH@|$STORAGE_PATH|" -e "s|@ALLOWED_HOSTS@|$ALLOWED_HOSTS|" \
    -e "s|@DEV_DIR@|$DEV_DIR|" -e "s|@ROOT@|$ROOT|" -e "s|@PG_PORT@|$PG_PORT|" \
    -e "s|@DATASTORE_DB@|${OPENGOV_DATASTORE_DB:-datastore_dev}|" \
    "$TEMPLATE" >"$INI"
say "Wrote $INI"
set_allowed_hosts
