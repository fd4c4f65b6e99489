#!/usr/bin/env bash
# Runs nginx in the foreground for the deployment's supervisor: dev/nginx-run.sh ERROR_LOG NGINX-ARGS...
# A master killed outright (SIGKILL, OOM) leaves its workers behind, holding the port: a new
# master could never bind it again. Before starting, processes named nginx that hold this
# deployment's error log open (ours, and no master of ours runs now) are asked to finish their
# requests and leave, then killed.
set -uo pipefail
errlog=$1; shift
leftovers() {
  local pid
  for pid in $(pgrep -x nginx); do
    ls -l "/proc/$pid/fd" 2>/dev/null | grep -qF -- "-> $errlog" && echo "$pid"
  done
}
pids=$(leftovers)
if [[ -n $pids ]]; then
  echo "nginx-run: ending nginx processes left by a previous master: $pids"
  kill -QUIT $pids 2>/dev/null
  for _ in $(seq 20); do [[ -z $(leftovers) ]] && break; sleep 0.5; done
  pids=$(leftovers); [[ -n $pids ]] && kill -KILL $pids 2>/dev/null
fi
exec /usr/sbin/nginx -e "$errlog" "$@"
