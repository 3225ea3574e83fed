#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# A throw-away local PostgreSQL for the tests and for a developer's cluster run.
#
#   infra/scripts/test-postgres.sh start DIR   initdb a cluster in DIR/data (DIR must not exist or be
#                                              empty), start it on a free 127.0.0.1 port with a test
#                                              role and database, write DIR/connection-string and
#                                              print the Npgsql connection string on stdout
#   infra/scripts/test-postgres.sh stop DIR    stop the server (fast shutdown) and delete DIR
#   infra/scripts/test-postgres.sh pause DIR   stop the server (fast shutdown: open connections are
#                                              cut) and keep DIR, to simulate a database outage
#   infra/scripts/test-postgres.sh resume DIR  start the paused server again from the same data, port
#                                              and settings (the connection string stays valid)
#
# initdb and pg_ctl refuse to run as root, so when this script runs as root (CI does) it runs them
# as the 'postgres' OS user (override with POSC_PG_OS_USER); otherwise as the calling user. The
# binaries come from PATH (PostgreSQL 15's initdb/pg_ctl/postgres), or from POSC_PG_BIN when set.
# Authentication is 'trust' for the loopback address only: the server listens on 127.0.0.1 and a
# socket inside DIR, nothing else, and is deleted at 'stop'. Test role and database: posc / posc_test.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|pause|resume DIR" >&2
  exit 64
}

[ $# -eq 2 ] || usage
action=$1
dir=$2
role=posc
database=posc_test
os_user=${POSC_PG_OS_USER:-postgres}
bin=${POSC_PG_BIN:-}

tool() {
  local name=$1
  if [ -n "$bin" ]; then
    echo "$bin/$name"
  else
    command -v "$name" || { echo "test-postgres: '$name' is not on PATH (set POSC_PG_BIN to PostgreSQL's bin folder)" >&2; exit 69; }
  fi
}

# Runs a command as the database's OS user (from DIR, which that user owns, so it has a working folder).
as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u "$os_user" -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on (bash's /dev/tcp connect fails on a free port).
free_port() {
  local port
  for port in $(seq "${POSC_PG_PORT_FROM:-55432}" "${POSC_PG_PORT_TO:-55532}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "test-postgres: no free port in ${POSC_PG_PORT_FROM:-55432}-${POSC_PG_PORT_TO:-55532}" >&2
  exit 69
}

start() {
  local initdb psql port
  initdb=$(tool initdb)
  tool pg_ctl >/dev/null
  psql=$(tool psql)
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "test-postgres: '$dir' exists and is not empty; give a new folder" >&2
    exit 73
  fi

  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id "$os_user" >/dev/null 2>&1 || { echo "test-postgres: running as root needs the OS user '$os_user' (POSC_PG_OS_USER)" >&2; exit 67; }
    chown "$os_user" "$dir"
  fi

  port=$(free_port)
  as_db_user "$initdb" --pgdata="$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 70; }
  # Loopback and the private socket only; small settings that suit a 2-core test machine; fsync stays
  # on (the durability tests rely on what a commit promises). Kept in DIR so 'resume' starts the same server.
  echo "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200 -c shared_buffers=64MB" >"$dir/server-options"
  run_server

  as_db_user "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $role LOGIN PASSWORD 'posc';" \
    -c "CREATE DATABASE $database OWNER $role;" >/dev/null

  local connection="Host=127.0.0.1;Port=$port;Username=$role;Password=posc;Database=$database"
  echo "$connection" >"$dir/connection-string"
  echo "$connection"
}

# Starts the server in DIR/data with the settings 'start' chose (DIR/server-options).
run_server() {
  local pg_ctl
  pg_ctl=$(tool pg_ctl)
  as_db_user "$pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
    -o "$(cat "$dir/server-options")" start >/dev/null || { cat "$dir/server.log" >&2; exit 70; }
}

# Fast shutdown: the server rolls back open transactions and closes every connection, as a crash or a
# failover of the database would look to its clients (but with its data intact).
stop_server() {
  local pg_ctl
  pg_ctl=$(tool pg_ctl)
  as_db_user "$pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=60 stop >/dev/null 2>&1 \
    || echo "test-postgres: pg_ctl stop failed; see $dir/server.log" >&2
}

pause() {
  [ -f "$dir/server-options" ] || { echo "test-postgres: '$dir' holds no server made by 'start'" >&2; exit 66; }
  if [ -f "$dir/data/postmaster.pid" ]; then
    stop_server
  fi
}

resume() {
  [ -f "$dir/server-options" ] || { echo "test-postgres: '$dir' holds no server made by 'start'" >&2; exit 66; }
  [ -f "$dir/data/postmaster.pid" ] && { echo "test-postgres: the server in '$dir' is running" >&2; exit 73; }
  run_server
}

stop() {
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    stop_server
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  *) usage ;;
esac
