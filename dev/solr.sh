#!/usr/bin/env bash
# A real Solr 9 (org.apache.solr:solr-test-framework's JettySolrRunner, from Maven Central) on
# http://127.0.0.1:$SOLR_PORT/solr with one core per CKAN site: ckan (development), ckan_test (tests).
# The Solr home is generated under .dev/solr; each core's schema is the installed CKAN's schema.xml.
# Usage: dev/solr.sh start|stop|status|build|conf DIR (conf: write one configset into DIR)
source "$(dirname "$0")/common.sh"

SOLR_SRC="$ROOT/dev/solr"
SOLR_HOME="$DEV_DIR/solr/home"
PIDFILE="$DEV_DIR/solr/solr.pid"
CORES=(${OPENGOV_SOLR_CORES:-ckan ckan_test ckan_agency ckan_bench})  # ckan_agency: harvest tests' agency CKAN; ckan_bench: the benchmarks' deployment (dev/bench-deployment.sh)
SOLR_URL="http://127.0.0.1:$SOLR_PORT/solr"

JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"

build() {
  need_cmd "$JAVA" || die "Java is missing ($JAVA): Solr 9 needs Java 17 or newer. Install it: apt-get install openjdk-17-jdk-headless"
  need_cmd "$MVN" || die "Maven is missing ($MVN): it fetches Solr from Maven Central. Install it: apt-get install maven"
  local stamp="$SOLR_SRC/target/.built"
  if [[ ! -f $stamp || $SOLR_SRC/pom.xml -nt $stamp || -n $(find "$SOLR_SRC/src" -newer "$stamp" -type f) ]]; then
    say "Building the Solr launcher (Maven fetches Solr 9 the first time)"
    (cd "$SOLR_SRC" && "$MVN" -q -B package -DskipTests) >"$LOG_DIR/solr-build.log" 2>&1 \
      || die "Maven could not build dev/solr; see $LOG_DIR/solr-build.log"
    touch "$stamp"
  fi
}

ckan_schema() {
  "$VENV/bin/python" -c 'import ckan, os; print(os.path.join(os.path.dirname(ckan.__file__), "config", "solr", "schema.xml"))'
}

# write_conf DIR: one configset (solrconfig, our Thai analysis, CKAN's schema) into DIR; the
# single-node cores and the SolrCloud collection (dev/cluster.sh) are made from the same one.
write_conf() {
  local schema
  schema=$(ckan_schema) && [[ -f $schema ]] || die "CKAN's Solr schema was not found; run 'make install' first"
  mkdir -p "$1"
  cp "$SOLR_SRC/conf/"* "$1/"
  "$VENV/bin/python" "$SOLR_SRC/make_schema.py" "$schema" "$1/schema.xml" || die "could not write the Solr schema"
}

# Writes solr.xml and each core's conf/; cores keep their data between runs.
# Prints the cores whose configuration changed.
write_home() {
  local core staged
  mkdir -p "$SOLR_HOME" "$DEV_DIR/solr/logs"
  echo '<solr></solr>' >"$SOLR_HOME/solr.xml"
  for core in "${CORES[@]}"; do
    staged=$(mktemp -d)
    write_conf "$staged"
    if ! diff -rq "$staged" "$SOLR_HOME/$core/conf" >/dev/null 2>&1; then
      mkdir -p "$SOLR_HOME/$core/conf"
      cp "$staged/"* "$SOLR_HOME/$core/conf/"
      # Documents indexed under the old analysis must be indexed again (make run does it).
      [[ -d $SOLR_HOME/$core/data ]] && touch "$DEV_DIR/solr/$core.reindex"
      echo "$core"
    fi
    rm -rf "$staged"
    printf 'name=%s\n' "$core" >"$SOLR_HOME/$core/core.properties"
  done
}

core_ready() { curl -fsS "$SOLR_URL/$1/select?q=*:*&rows=0" >/dev/null; }

start() {
  if pid_alive "$PIDFILE" && core_ready "${CORES[0]}"; then
    say "Solr already running at $SOLR_URL"
    local changed
    for changed in $(write_home); do
      if core_ready "$changed" 2>/dev/null; then
        say "Reloading Solr core '$changed' (its schema or config changed)"
        curl -fsS "$SOLR_URL/admin/cores?action=RELOAD&core=$changed" >/dev/null || die "Solr could not reload core '$changed'; see $DEV_DIR/solr/logs"
      else
        say "Adding Solr core '$changed'"
        rm -f "$SOLR_HOME/$changed/core.properties"  # CREATE refuses a folder that already names a core
        curl -fsS "$SOLR_URL/admin/cores?action=CREATE&name=$changed&instanceDir=$changed" >/dev/null || die "Solr could not add core '$changed'; see $DEV_DIR/solr/logs"
      fi
    done
    return
  fi
  port_busy "$SOLR_PORT" && die "port $SOLR_PORT is taken by another program. Stop it, or choose another port: OPENGOV_SOLR_PORT=8984 make ..."
  build
  write_home >/dev/null
  say "Starting Solr 9 at $SOLR_URL"
  nohup "$JAVA" -Xms256m -Xmx1g -Dsolr.log.dir="$DEV_DIR/solr/logs" -Dsolr.install.dir="$SOLR_HOME" \
    -Dsolr.disable.shardsWhitelist=true -Djava.net.preferIPv4Stack=true \
    -cp "$SOLR_SRC/target/classes:$SOLR_SRC/target/lib/*" th.opengov.dev.SolrLauncher "$SOLR_HOME" "$SOLR_PORT" \
    >"$LOG_DIR/solr.log" 2>&1 &
  echo $! >"$PIDFILE"
  local core
  for core in "${CORES[@]}"; do
    wait_until 120 solr core_ready "$core" || {
      pid_alive "$PIDFILE" || die "Solr exited while starting; see $LOG_DIR/solr.log"
      die "Solr core '$core' did not come up at $SOLR_URL/$core; see $LOG_DIR/solr.log"
    }
  done
}

stop() {
  if pid_alive "$PIDFILE"; then
    say "Stopping Solr"
    kill "$(cat "$PIDFILE")"
    wait_until 30 solr-stop bash -c "! kill -0 $(cat "$PIDFILE")" || kill -9 "$(cat "$PIDFILE")" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

status() {
  if core_ready "${CORES[0]}" 2>/dev/null; then echo "solr: running at $SOLR_URL (cores: ${CORES[*]})"
  else echo "solr: stopped"; return 1; fi
}

case "${1:-}" in
  start|stop|status) "$1" ;;
  build) build ;;
  conf) [[ -n ${2:-} ]] || die "usage: $0 conf DIR"; write_conf "$2" ;;
  *) die "usage: $0 start|stop|status|build|conf DIR" ;;
esac
