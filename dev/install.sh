#!/usr/bin/env bash
# Creates .venv and installs CKAN 2.12, the extensions we build on and this package (editable).
# Reinstalls only when requirements or setup.py changed since the last install.
source "$(dirname "$0")/common.sh"

PY="${PYTHON:-python3}"
need_cmd "$PY" || die "Python 3.10+ is missing (apt-get install python3 python3-venv)"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || die "CKAN 2.12 needs Python 3.10 or newer; $PY is $("$PY" -V)"
need_cmd curl || apt_install curl
# psycopg2 builds against libpq; python-magic needs libmagic.
need_cmd pg_config || [[ -x $(ls /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | head -1) ]] || apt_install libpq-dev
dpkg -s libmagic1 >/dev/null 2>&1 || apt_install libmagic1
# Browser tests: Debian's headless Chromium and its driver, and Thai fonts to render the pages.
apt_install chromium chromium-driver fonts-thai-tlwg
# The deployment (dev/deployment.sh): Debian's nginx and supervisor, run by our own supervisord
# under .dev/, never as the system services: keep the packages from starting those on install.
if ! dpkg -s nginx supervisor >/dev/null 2>&1; then
  if [[ $(id -u) == 0 && ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt_install nginx supervisor
fi

if [[ ! -x $VENV/bin/python ]]; then
  say "Creating the virtual environment in $VENV"
  "$PY" -m venv "$VENV" || die "could not create $VENV (apt-get install python3-venv)"
fi

STAMP="$VENV/.opengov-installed"
if [[ ! -f $STAMP || $ROOT/requirements.txt -nt $STAMP || $ROOT/dev-requirements.txt -nt $STAMP || $ROOT/setup.py -nt $STAMP ]]; then
  say "Installing CKAN 2.12 and the extensions (first time: a few minutes)"
  {
    "$VENV/bin/pip" install -q --upgrade pip setuptools wheel &&
    PATH="$PATH:$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_config | head -1)")" \
      "$VENV/bin/pip" install -q -r "$ROOT/dev-requirements.txt" &&
    "$VENV/bin/pip" install -q --no-deps ckanext-xloader==2.6.0 &&  # see requirements.txt
    "$VENV/bin/pip" install -q -e "$ROOT"
  } >"$LOG_DIR/pip.log" 2>&1 || { tail -n 20 "$LOG_DIR/pip.log" >&2; die "pip install failed; see $LOG_DIR/pip.log"; }
  touch "$STAMP"
fi

# Editable installs read the catalogs in place: compile i18n/*.po next to them.
"$VENV/bin/python" "$ROOT/dev/compile_catalogs.py" "$ROOT/i18n"
