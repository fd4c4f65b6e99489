#!/usr/bin/env bash
# Makes sure the development sysadmin exists. Usage: dev/admin.sh NAME PASSWORD EMAIL
source "$(dirname "$0")/common.sh"
name=$1 password=$2 email=$3
INI="$DEV_DIR/ckan.ini"
CKAN="$VENV/bin/ckan"
if ! "$CKAN" -c "$INI" user show "$name" 2>/dev/null | grep -q "name=$name"; then
  say "Creating the sysadmin '$name'"
  "$CKAN" -c "$INI" user add "$name" "email=$email" "password=$password" >>"$LOG_DIR/admin.log" 2>&1 \
    || die "could not create the user '$name'; see $LOG_DIR/admin.log"
fi
"$CKAN" -c "$INI" sysadmin add "$name" >>"$LOG_DIR/admin.log" 2>&1 || die "could not make '$name' a sysadmin; see $LOG_DIR/admin.log"
