#!/usr/bin/env bash
# Writes .dev/ckan.ini (the `make run` site) once, with fresh secrets; later runs keep it.
source "$(dirname "$0")/common.sh"

# Made here, not on the first page: webassets creates it with check-then-mkdir, which races.
mkdir -p "$DEV_DIR/storage/webassets/.webassets-cache"

INI="$DEV_DIR/ckan.ini"
TEMPLATE="$ROOT/dev/ckan.ini.in"
if [[ -f $INI && ! $TEMPLATE -nt $INI ]]; then
  say "Using $INI"
  exit 0
fi
# A newer template is applied again, keeping the secrets already in use.
secret() { "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(32))'; }
old() { [[ -f $INI ]] || return 0; sed -n "s|^$1 = \(string:\)\{0,1\}||p" "$INI" | head -1; }
SECRET_KEY=$(old SECRET_KEY); SECRET_KEY=${SECRET_KEY:-$(secret)}
JWT_SECRET=$(old api_token.jwt.encode.secret); JWT_SECRET=${JWT_SECRET:-$(secret)}
sed -e "s|@SECRET_KEY@|$SECRET_KEY|" -e "s|@JWT_SECRET@|$JWT_SECRET|" \
    -e "s|@CKAN_PORT@|$CKAN_PORT|" -e "s|@PG_PORT@|$PG_PORT|" -e "s|@SOLR_PORT@|$SOLR_PORT|" \
    -e "s|@REDIS_PORT@|$REDIS_PORT|" -e "s|@DEV_DIR@|$DEV_DIR|" \
    "$TEMPLATE" >"$INI"
say "Wrote $INI"
