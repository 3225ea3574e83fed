#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# A local OrleansProofs cluster for a developer: a throw-away PostgreSQL (test-postgres.sh), two silo
# processes and a separate gateway process, all on 127.0.0.1, sharing the database and one data volume.
#
#   infra/scripts/dev-cluster.sh start [DIR]   build the silo (unless POSC_NO_BUILD=1), start everything,
#                                              print the URLs, and stay in the foreground: Ctrl+C stops it all
#   infra/scripts/dev-cluster.sh stop [DIR]    stop a cluster started in DIR from another terminal
#
# DIR (default /tmp/posc-dev-cluster) must be new or empty; it holds pg/ (the database), data/ (the
# shared volume: node.key, operator.key, adapter.token, demo files, replicas, uploads), logs/ and pids.
# Both silos follow the development chain (they announce the same deterministic blocks; the ingress
# grain records each once), so blocks continue while either silo is down. Ports: silos 11111/30000 and
# 11112/30001, HTTP API on 8080 (POSC_HTTP_PORT). Silo 1 registers POSC_DEMO_CHAINS demo files (3).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
action=${1:-}
dir=${2:-/tmp/posc-dev-cluster}
http_port=${POSC_HTTP_PORT:-8080}
demo_chains=${POSC_DEMO_CHAINS:-3}
cluster_id=posc-dev
silo_dll="$root/src/OrleansProofs.Silo/bin/Release/net10.0/OrleansProofs.Silo.dll"

usage() {
  echo "usage: $0 start|stop [DIR]" >&2
  exit 64
}

# Stops every process whose pid file is in DIR (gateway first, then the silos), then PostgreSQL.
stop_all() {
  local name pid
  for name in gateway silo2 silo1; do
    [ -f "$dir/$name.pid" ] || continue
    pid=$(cat "$dir/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -KILL "$pid" 2>/dev/null || true
      echo "stopped $name (pid $pid)"
    fi
    rm -f "$dir/$name.pid"
  done
  if [ -d "$dir/pg" ]; then
    "$here/test-postgres.sh" stop "$dir/pg" && echo "stopped PostgreSQL"
  fi
}

# Waits until the log file says the host started; fails (showing the log) when the process exits first.
wait_started() {
  local name=$1 pid=$2 log=$3
  for _ in $(seq 1 240); do
    if grep -q "Application started" "$log" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start; its log ($log):" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$name did not start within 120 s; see $log" >&2
  return 1
}

# Starts `dotnet OrleansProofs.Silo.dll ARGS…` in the background as NAME, logging to logs/NAME.log.
launch() {
  local name=$1
  shift
  (cd "$dir" && exec dotnet "$silo_dll" "$@") >"$dir/logs/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
}

start() {
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "dev-cluster: '$dir' exists and is not empty; stop the cluster there ($0 stop $dir) or give a new folder" >&2
    exit 73
  fi

  if [ "${POSC_NO_BUILD:-0}" != 1 ]; then
    dotnet build "$root/src/OrleansProofs.Silo" -c Release -v quiet -nologo >/dev/null
  fi
  [ -f "$silo_dll" ] || { echo "dev-cluster: $silo_dll is missing; build src/OrleansProofs.Silo in Release" >&2; exit 69; }

  mkdir -p "$dir/logs" "$dir/data"
  chmod 755 "$dir"
  trap 'echo; stop_all; exit 0' INT TERM
  trap 'stop_all' EXIT

  local connection
  connection=$("$here/test-postgres.sh" start "$dir/pg")
  echo "PostgreSQL: ${connection%%;Password=*} (connection string in $dir/pg/connection-string)"

  # The connection string goes through the environment, not the command line (other users see command lines).
  export OrleansProofs__Cluster__ConnectionString="$connection"
  local common=(--storage-mode cluster --cluster-id "$cluster_id" --service-id orleans-proofs --data "$dir/data" --network dev)

  # Silo 1 first: it migrates the schema and creates the node key on the shared volume.
  launch silo1 "${common[@]}" --silo-port 11111 --gateway-port 30000 --gateway false --demo-chains "$demo_chains"
  wait_started "silo 1" "$(cat "$dir/silo1.pid")" "$dir/logs/silo1.log"
  launch silo2 "${common[@]}" --silo-port 11112 --gateway-port 30001 --gateway false
  launch gateway --role gateway --cluster-id "$cluster_id" --service-id orleans-proofs --data "$dir/data" --network dev \
    --urls "http://127.0.0.1:$http_port"
  wait_started "silo 2" "$(cat "$dir/silo2.pid")" "$dir/logs/silo2.log"
  wait_started "gateway" "$(cat "$dir/gateway.pid")" "$dir/logs/gateway.log"

  cat <<INFO

Cluster '$cluster_id' is up (logs in $dir/logs, Ctrl+C stops everything):
  status page   http://127.0.0.1:$http_port/
  health        curl -sS http://127.0.0.1:$http_port/health
  latest block  curl -sS http://127.0.0.1:$http_port/api/blocks/latest
  chains        curl -sS "http://127.0.0.1:$http_port/api/chains?status=active"
  register      curl -sS -X POST http://127.0.0.1:$http_port/api/chains -H "Authorization: Bearer \$(cat $dir/data/operator.key)" -F file=@README.md
  silo 1        pid $(cat "$dir/silo1.pid"), ports 11111/30000    silo 2  pid $(cat "$dir/silo2.pid"), ports 11112/30001
  gateway       pid $(cat "$dir/gateway.pid")
Try a failover: kill -9 $(cat "$dir/silo1.pid")   (the gateway keeps answering through silo 2)
INFO

  # Stay in the foreground until Ctrl+C, or until every process has gone.
  while true; do
    local alive=0 name
    for name in silo1 silo2 gateway; do
      if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then alive=1; fi
    done
    [ "$alive" -eq 1 ] || { echo "every process has exited; stopping"; break; }
    sleep 1
  done
}

case "$action" in
  start) start ;;
  stop) stop_all ;;
  *) usage ;;
esac
