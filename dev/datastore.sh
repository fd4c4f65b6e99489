#!/usr/bin/env bash
# CKAN's DataStore for a site: its own database (named by the site's write URL) and the
# read-only user's rights, as `ckan datastore set-permissions` prints them, applied as superuser.
# Usage: dev/datastore.sh INI   (CKAN_DATASTORE_WRITE_URL / _READ_URL, when set, win over the .ini,
# as they do for CKAN itself). Safe to run again: set-permissions is idempotent.
source "$(dirname "$0")/common.sh"

INI=${1:?usage: $0 INI}
[[ -f $INI ]] || die "$INI is missing"
ini_value() { sed -n "s|^$1 *= *||p" "$INI" | head -1; }
WRITE_URL=${CKAN_DATASTORE_WRITE_URL:-$(ini_value ckan.datastore.write_url)}
[[ -n $WRITE_URL ]] || die "$INI names no ckan.datastore.write_url"
DB=${WRITE_URL##*/}; DB=${DB%%\?*}
[[ $DB =~ ^[A-Za-z0-9_]+$ ]] || die "unexpected DataStore database name '$DB' in $WRITE_URL"

"$ROOT/dev/postgres.sh" super-sql "$DB" </dev/null >/dev/null  # creates the database when missing
"$VENV/bin/ckan" -c "$INI" datastore set-permissions >"$LOG_DIR/datastore-$DB.sql" 2>"$LOG_DIR/datastore-$DB.log" \
  || { tail -n 20 "$LOG_DIR/datastore-$DB.log"; die "ckan datastore set-permissions failed; see $LOG_DIR/datastore-$DB.log"; }
"$ROOT/dev/postgres.sh" super-sql "$DB" <"$LOG_DIR/datastore-$DB.sql" >>"$LOG_DIR/datastore-$DB.log" 2>&1 \
  || { tail -n 20 "$LOG_DIR/datastore-$DB.log"; die "granting the DataStore permissions on $DB failed; see $LOG_DIR/datastore-$DB.log"; }
say "DataStore ready in database $DB (read-only user: ${CKAN_DATASTORE_READ_URL:-$(ini_value ckan.datastore.read_url)})" | sed 's|//\([^:]*\):[^@]*@|//\1:***@|'
