#!/usr/bin/env bash
# The portal on several machines, started on this one as separate processes on loopback ports,
# with the same scripts an operator adapts (docs/cluster.md has the picture):
#   ZooKeeper and N SolrCloud nodes (JettySolrRunner JVMs) holding the collection `ckan`, sharded
#   and replicated, made from the same configset as the single-node cores (dev/solr.sh conf);
#   a Redis of its own (append-only, so it can be restarted); a load balancer (nginx) with one
#   address for Solr (CKAN's solr_url) and one for the web;
#   M portal nodes, each dev/deployment.sh's whole deployment (nginx, gunicorn, jobs worker, harvest
#   gather and fetch consumers, scheduler) over one shared .ini, as on separate machines;
#   the project's PostgreSQL (database ckan_cluster): the one primary, as operators run it.
# Usage: dev/cluster.sh start|stop|status|token|solr-stop N|solr-start N|node-stop N|node-start N
#        dev/cluster.sh solr-only: ZooKeeper, the Solr nodes and the collection, no portal node
#
# Settings (environment): OPENGOV_CLUSTER_SOLR_NODES (2), OPENGOV_CLUSTER_SHARDS (2),
# OPENGOV_CLUSTER_REPLICAS (2), OPENGOV_CLUSTER_WEB_NODES (2), OPENGOV_CLUSTER_WEB_WORKERS (1 per
# node), OPENGOV_CLUSTER_PORT (5020: the web balancer; nodes on the next ports),
# OPENGOV_CLUSTER_SOLR_PORT (8990: the Solr balancer; nodes on the next ports),
# OPENGOV_CLUSTER_ZK_PORT (2191), OPENGOV_CLUSTER_REDIS_PORT (6390), OPENGOV_CLUSTER_DB
# (ckan_cluster), OPENGOV_CLUSTER_HARVEST_EVERY (60 s), OPENGOV_HARVEST_ALLOWED_HOSTS (empty).
source "$(dirname "$0")/common.sh"

CLUSTER_DIR="$DEV_DIR/cluster"
CLUSTER_LOG_DIR="$LOG_DIR/cluster"
SOLR_NODES="${OPENGOV_CLUSTER_SOLR_NODES:-2}"
SHARDS="${OPENGOV_CLUSTER_SHARDS:-2}"
REPLICAS="${OPENGOV_CLUSTER_REPLICAS:-2}"
WEB_NODES="${OPENGOV_CLUSTER_WEB_NODES:-2}"
WEB_PORT="${OPENGOV_CLUSTER_PORT:-5020}"
SOLR_LB_PORT="${OPENGOV_CLUSTER_SOLR_PORT:-8990}"
ZK_PORT="${OPENGOV_CLUSTER_ZK_PORT:-2191}"
CLUSTER_REDIS_PORT="${OPENGOV_CLUSTER_REDIS_PORT:-6390}"
CLUSTER_DB="${OPENGOV_CLUSTER_DB:-ckan_cluster}"
INI="$CLUSTER_DIR/ckan.ini"
CONF="$CLUSTER_DIR/supervisord.conf"
COLLECTION=ckan
JAVA="${JAVA:-java}"
SUPERVISORD=/usr/bin/supervisord
SUPERVISORCTL=/usr/bin/supervisorctl
SOLR_URL="http://127.0.0.1:$SOLR_LB_PORT/solr"
URL="http://127.0.0.1:$WEB_PORT"
# ZooKeeper's 1 MB default is smaller than the Thai word list in the configset.
JUTE_MAXBUFFER=$((16 * 1024 * 1024))

ctl() { "$SUPERVISORCTL" -c "$CONF" "$@"; }
engines_up() { supervisor_up "$CLUSTER_DIR"; }
node_port() { echo $(($1 + $2)); }  # node_port BASE N
ckan() { env -u CKAN_SQLALCHEMY_URL -u CKAN_SOLR_URL -u CKAN_REDIS_URL -u CKAN_INI -u CKAN_DATASTORE_WRITE_URL -u CKAN_DATASTORE_READ_URL "$VENV/bin/ckan" -c "$INI" "$@"; }
solr_cli() {
  "$JAVA" -Djute.maxbuffer=$JUTE_MAXBUFFER -Dsolr.install.dir="$CLUSTER_DIR" -cp "$SOLR_CLASSPATH" \
    org.apache.solr.cli.SolrCLI "$@" -z "127.0.0.1:$ZK_PORT"
}
zk_ok() { [[ $( (exec 3<>"/dev/tcp/127.0.0.1/$ZK_PORT" && echo ruok >&3 && timeout 2 cat <&3) 2>/dev/null) == imok ]]; }
live_nodes() {
  curl -fsS "$SOLR_URL/admin/collections?action=CLUSTERSTATUS&wt=json" 2>/dev/null \
    | "$VENV/bin/python" -c 'import json,sys; print(len(json.load(sys.stdin)["cluster"]["live_nodes"]))' 2>/dev/null
}
all_solr_live() { [[ $(live_nodes) == "$SOLR_NODES" ]]; }
# Every replica of the collection active: live nodes are not enough (a shard whose replicas
# cannot recover has no leader, and every search then answers 503).
replicas_active() {
  curl -fsS "$SOLR_URL/admin/collections?action=CLUSTERSTATUS&collection=$COLLECTION&wt=json" 2>/dev/null \
    | "$VENV/bin/python" -c 'import json,sys; c=json.load(sys.stdin)["cluster"]["collections"]["'"$COLLECTION"'"]
sys.exit(any(r["state"] != "active" for s in c["shards"].values() for r in s["replicas"].values()))'
}
node_env() {  # the environment dev/deployment.sh gets for portal node N
  echo OPENGOV_CKAN_INI="$INI" OPENGOV_DEPLOY_DIR="$CLUSTER_DIR/node-$1" \
    OPENGOV_DEPLOY_LOG_DIR="$CLUSTER_LOG_DIR/node-$1" OPENGOV_CKAN_PORT="$(node_port "$WEB_PORT" "$1")" \
    OPENGOV_WEB_WORKERS="${OPENGOV_CLUSTER_WEB_WORKERS:-1}" OPENGOV_FETCH_CONSUMERS=1 \
    OPENGOV_HARVEST_EVERY="${OPENGOV_CLUSTER_HARVEST_EVERY:-60}"
}
portal_node() { local n=$1; shift; env $(node_env "$n") "$ROOT/dev/deployment.sh" "$@"; }

check_settings() {
  local name
  for name in SOLR_NODES SHARDS REPLICAS WEB_NODES; do
    [[ ${!name} =~ ^[1-9][0-9]?$ ]] || die "OPENGOV_CLUSTER_$name must be a number from 1 to 99, not '${!name}'"
  done
  ((REPLICAS <= SOLR_NODES)) || die "OPENGOV_CLUSTER_REPLICAS ($REPLICAS) cannot exceed OPENGOV_CLUSTER_SOLR_NODES ($SOLR_NODES)"
}

configure_engines() {
  local n programs="" solr_upstreams="" web_upstreams=""
  mkdir -p "$CLUSTER_DIR/zookeeper" "$CLUSTER_DIR/redis" "$CLUSTER_DIR/balancer/tmp" "$CLUSTER_LOG_DIR"
  export ROOT CLUSTER_DIR CLUSTER_LOG_DIR ZK_PORT JAVA JUTE_MAXBUFFER SOLR_CLASSPATH SOLR_LB_PORT WEB_PORT
  export REDIS_PORT="$CLUSTER_REDIS_PORT" SOLR_HEAP="${OPENGOV_CLUSTER_SOLR_HEAP:-768m}"
  export NGINX_USER=""
  [[ $(id -u) == 0 ]] && NGINX_USER="user $(stat -c %U "$CLUSTER_DIR") $(stat -c %G "$CLUSTER_DIR");"
  render "$ROOT/dev/cluster/zoo.cfg.in" "$CLUSTER_DIR/zoo.cfg"
  for ((n = 1; n <= SOLR_NODES; n++)); do
    mkdir -p "$CLUSTER_DIR/solr-$n"
    cp "$ROOT/dev/cluster/solr.xml" "$CLUSTER_DIR/solr-$n/solr.xml"
    NODE=$n NODE_PORT=$(node_port "$SOLR_LB_PORT" "$n") render "$ROOT/dev/cluster/solr-node.conf.in" "$CLUSTER_DIR/solr-$n.conf"
    programs+=$(cat "$CLUSTER_DIR/solr-$n.conf")$'\n\n'
    solr_upstreams+="    server 127.0.0.1:$(node_port "$SOLR_LB_PORT" "$n") max_fails=1 fail_timeout=5s;"$'\n'
  done
  for ((n = 1; n <= WEB_NODES; n++)); do
    web_upstreams+="    server 127.0.0.1:$(node_port "$WEB_PORT" "$n") max_fails=1 fail_timeout=5s;"$'\n'
  done
  export SOLR_PROGRAMS="$programs" SOLR_UPSTREAMS="$solr_upstreams" WEB_UPSTREAMS="$web_upstreams"
  render "$ROOT/dev/cluster/supervisord.conf.in" "$CONF"
  render "$ROOT/dev/cluster/balancer.conf.in" "$CLUSTER_DIR/balancer/nginx.conf"
  /usr/sbin/nginx -t -q -p "$CLUSTER_DIR/balancer" -c "$CLUSTER_DIR/balancer/nginx.conf" -e "$CLUSTER_LOG_DIR/balancer-error.log" \
    2>>"$CLUSTER_LOG_DIR/cluster.log" || die "nginx refuses the balancer's configuration; see $CLUSTER_LOG_DIR/cluster.log"
}

start_engines() {
  local port
  for port in "$WEB_PORT" "$SOLR_LB_PORT" "$ZK_PORT" "$CLUSTER_REDIS_PORT"; do
    if ! engines_up && port_busy "$port"; then
      die "port $port is taken by another program; move the cluster's ports (OPENGOV_CLUSTER_*_PORT, see $0)"
    fi
  done
  if engines_up; then
    ctl reread >/dev/null && ctl update >/dev/null && ctl start all >/dev/null 2>&1 || true
  else
    say "Starting ZooKeeper, $SOLR_NODES Solr nodes, Redis and the load balancer (supervisord)"
    env -i PATH="/usr/sbin:/usr/bin:/sbin:/bin" HOME="${HOME:-/root}" LANG=C.UTF-8 \
      "$SUPERVISORD" -c "$CONF" >>"$CLUSTER_LOG_DIR/cluster.log" 2>&1 \
      || die "supervisord did not start; see $CLUSTER_LOG_DIR/cluster.log"
  fi
  wait_until 60 zookeeper zk_ok || die "ZooKeeper does not answer on 127.0.0.1:$ZK_PORT; see $CLUSTER_LOG_DIR/zookeeper.log"
  wait_until 180 solr all_solr_live || die "only $(live_nodes) of $SOLR_NODES Solr nodes joined; see $CLUSTER_LOG_DIR/solr-*.log"
  wait_until 20 redis redis-cli -p "$CLUSTER_REDIS_PORT" ping || die "the cluster's Redis does not answer; see $CLUSTER_LOG_DIR/redis.log"
}

# The collection from the same configset as the single-node cores; an existing collection gets
# the new configset and is reloaded when the configset changed.
ensure_collection() {
  local conf="$CLUSTER_DIR/configset" stamp exists
  rm -rf "$conf" && "$ROOT/dev/solr.sh" conf "$conf"
  stamp=$(cat "$conf"/* | sha1sum | cut -c1-40)
  exists=$(curl -fsS "$SOLR_URL/admin/collections?action=LIST&wt=json" | grep -c "\"$COLLECTION\"" || true)
  if [[ $exists != 0 && $stamp == "$(cat "$CLUSTER_DIR/configset.stamp" 2>/dev/null)" ]]; then return 0; fi
  say "Uploading the configset to ZooKeeper"
  solr_cli zk upconfig --conf-name "$COLLECTION" --conf-dir "$conf" >>"$CLUSTER_LOG_DIR/cluster.log" 2>&1 \
    || die "the configset upload failed; see $CLUSTER_LOG_DIR/cluster.log"
  if [[ $exists != 0 ]]; then
    say "Reloading the collection '$COLLECTION' (its configset changed; re-index: ckan search-index rebuild)"
    curl -fsS "$SOLR_URL/admin/collections?action=RELOAD&name=$COLLECTION" >>"$CLUSTER_LOG_DIR/cluster.log" \
      || die "Solr could not reload '$COLLECTION'; see $CLUSTER_LOG_DIR/solr-*.log"
  else
    say "Creating the collection '$COLLECTION': $SHARDS shards x $REPLICAS replicas over $SOLR_NODES nodes"
    curl -fsS "$SOLR_URL/admin/collections?action=CREATE&name=$COLLECTION&numShards=$SHARDS&replicationFactor=$REPLICAS&collection.configName=$COLLECTION&waitForFinalState=true" \
      >>"$CLUSTER_LOG_DIR/cluster.log" || die "Solr could not create '$COLLECTION'; see $CLUSTER_LOG_DIR/cluster.log and solr-*.log"
  fi
  echo "$stamp" >"$CLUSTER_DIR/configset.stamp"
}

configure_site() {
  psql "postgresql://ckan:ckan@127.0.0.1:$PG_PORT/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname='$CLUSTER_DB'" | grep -q 1 \
    || psql "postgresql://ckan:ckan@127.0.0.1:$PG_PORT/postgres" -qc "CREATE DATABASE \"$CLUSTER_DB\" OWNER ckan ENCODING 'UTF8' TEMPLATE template0" \
    || die "could not create the database $CLUSTER_DB"
  # One .ini for every node (as one configuration-managed file would be on each machine); the
  # file store is shared (an NFS mount or object storage in production).
  OPENGOV_CKAN_PORT="$WEB_PORT" OPENGOV_SITE_ID=opengov_cluster \
  OPENGOV_SQLALCHEMY_URL="postgresql://ckan:ckan@127.0.0.1:$PG_PORT/$CLUSTER_DB" \
  OPENGOV_SOLR_URL="$SOLR_URL/$COLLECTION" OPENGOV_REDIS_URL="redis://127.0.0.1:$CLUSTER_REDIS_PORT/0" \
  OPENGOV_STORAGE_PATH="$CLUSTER_DIR/storage" OPENGOV_DATASTORE_DB=datastore_cluster \
    site_ini "$INI" "$CLUSTER_LOG_DIR/db-upgrade.log"
}

# The engines alone (ZooKeeper, the Solr nodes, Redis, the balancer's Solr address) with the
# collection, no portal node: `solr-only`, for the search benchmark (benchmarks/solr_scale.py).
solr_only() {
  check_settings
  need_cmd "$JAVA" || die "Java is missing: SolrCloud needs Java 17 or newer (apt-get install openjdk-17-jdk-headless)"
  "$ROOT/dev/solr.sh" build
  SOLR_CLASSPATH="$ROOT/dev/solr/target/classes:$ROOT/dev/solr/target/lib/*"
  apt_install nginx supervisor redis-server
  configure_engines
  start_engines
  ensure_collection
  wait_until 300 "every replica" replicas_active \
    || die "a shard of '$COLLECTION' has no active replica after 300 s (see $CLUSTER_LOG_DIR/solr-*.log; a replica that cannot recover: DELETEREPLICA then ADDREPLICA with Solr's Collections API)"
}

start() {
  solr_only
  configure_site
  local n
  for ((n = 1; n <= WEB_NODES; n++)); do
    say "Portal node $n"
    portal_node "$n" start
  done
  wait_until 60 "the balancer" curl -fsS -o /dev/null "$URL/api/3/action/status_show" \
    || die "the portal does not answer through the balancer at $URL; see $CLUSTER_LOG_DIR/balancer-error.log"
  say "The cluster answers at $URL (Solr: $SOLR_URL/$COLLECTION, $SOLR_NODES nodes; $WEB_NODES portal nodes)"
}

stop() {
  local n
  for ((n = 1; n <= WEB_NODES; n++)); do
    [[ -d $CLUSTER_DIR/node-$n ]] && portal_node "$n" stop || true
  done
  supervisor_stop "$CLUSTER_DIR" "the cluster's engines"
}

status() {
  local failed=0 n
  if ! engines_up; then echo "cluster engines: stopped"; return 1; fi
  ctl status | sed 's/^/  /' || failed=1
  echo "solr: $(live_nodes || echo 0) of $SOLR_NODES nodes live"
  all_solr_live || failed=1
  for ((n = 1; n <= WEB_NODES; n++)); do
    echo "portal node $n:"; portal_node "$n" status || failed=1
  done
  if curl -fsS -o /dev/null "$URL/api/3/action/status_show"; then echo "balancer: answers at $URL"
  else echo "balancer: no answer at $URL"; failed=1; fi
  return $failed
}

# An API token of the cluster's sysadmin (for the cluster tests), created when missing.
token() {
  [[ -f $INI ]] || die "the cluster is not configured; run '$0 start'"
  local name=cluster-admin
  ckan user show "$name" 2>/dev/null | grep -q "name=$name" \
    || ckan user add "$name" "email=$name@opengov.example" "password=cluster-test-1234" >>"$CLUSTER_LOG_DIR/admin.log" 2>&1 \
    || die "could not create $name; see $CLUSTER_LOG_DIR/admin.log"
  ckan sysadmin add "$name" >>"$CLUSTER_LOG_DIR/admin.log" 2>&1 || die "could not make $name a sysadmin"
  ckan user token add "$name" cluster-tests 2>>"$CLUSTER_LOG_DIR/admin.log" | tail -1 | tr -d '[:space:]'
}

case "${1:-}" in
  start|stop|status|token) "$1" ;;
  solr-only) solr_only; say "SolrCloud answers at $SOLR_URL/$COLLECTION ($SOLR_NODES nodes, $SHARDS shards x $REPLICAS replicas)" ;;
  solr-stop|solr-start) [[ ${2:-} =~ ^[0-9]+$ ]] || die "usage: $0 $1 NODE"; ctl "${1#solr-}" "solr-$2" ;;
  node-stop|node-start) [[ ${2:-} =~ ^[0-9]+$ ]] || die "usage: $0 $1 NODE"; portal_node "$2" "${1#node-}" ;;
  *) die "usage: $0 start|solr-only|stop|status|token|solr-stop N|solr-start N|node-stop N|node-start N" ;;
esac
