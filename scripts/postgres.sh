# Sourced by test.sh and scripts/cluster.sh: a throwaway PostgreSQL server in a temporary folder, on a free loopback
# port, trust authentication for the postgres user, tuned for tests (no fsync). Stopped and removed by stop_postgres,
# which the caller runs from its EXIT trap.

postgres_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || return 1
  echo "$bin"
}

ensure_postgres_installed() {
  postgres_bin >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: installing postgresql with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  else
    echo "postgres.sh: PostgreSQL is missing. Install it (apt-get install postgresql) and run again." >&2
    return 1
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# As the postgres user when root (initdb refuses root), else as whoever runs the tests.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts the server; sets POSTGRES_DIR, POSTGRES_PORT and POSTGRES_CONNECTION (a connection string for Npgsql).
start_postgres() {
  ensure_postgres_installed
  local bin
  bin=$(postgres_bin)
  POSTGRES_DIR=$(mktemp -d /tmp/webapp-postgres-XXXXXX)
  POSTGRES_PORT=$(free_port)
  [ "$(id -u)" = 0 ] && chown postgres "$POSTGRES_DIR"
  as_postgres "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$POSTGRES_DIR/initdb.log" 2>&1 \
    || { cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  as_postgres "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 start -o \
    "-p $POSTGRES_PORT -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB" >/dev/null \
    || { cat "$POSTGRES_DIR/server.log" >&2; return 1; }
  POSTGRES_CONNECTION="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres;Include Error Detail=true"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$POSTGRES_PORT"
}

stop_postgres() {
  [ -n "${POSTGRES_DIR:-}" ] || return 0
  local bin
  bin=$(postgres_bin) && as_postgres "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_DIR"
  POSTGRES_DIR=
}
