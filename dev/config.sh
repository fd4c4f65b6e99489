#!/usr/bin/env bash
# Writes .dev/ckan.ini (the `make run` site) once, with fresh secrets; later runs keep it.
source "$(dirname "$0")/common.sh"

INI="$DEV_DIR/ckan.ini"
if [[ -f $INI ]]; then
  say "Using $INI"
  exit 0
fi
secret() { "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(32))'; }
sed -e "s|@SECRET_KEY@|$(secret)|" -e "s|@JWT_SECRET@|$(secret)|" \
    -e "s|@CKAN_PORT@|$CKAN_PORT|" -e "s|@PG_PORT@|$PG_PORT|" -e "s|@SOLR_PORT@|$SOLR_PORT|" \
    -e "s|@REDIS_PORT@|$REDIS_PORT|" -e "s|@DEV_DIR@|$DEV_DIR|" \
    "$ROOT/dev/ckan.ini.in" >"$INI"
mkdir -p "$DEV_DIR/storage"
say "Wrote $INI"
