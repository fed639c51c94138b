# Sourced by test.sh: a throwaway Redis server on a free loopback port, in a temporary folder, with no persistence (no
# RDB snapshots, no append-only file). Stopped and its folder removed by stop_redis, which the caller runs from its EXIT
# trap. free_port comes from scripts/postgres.sh when that is sourced too; defined here if not.

ensure_redis_installed() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "redis.sh: installing redis-server with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "redis.sh: Redis is missing. Install it (apt-get install redis-server) and run again." >&2
    return 1
  fi
}

declare -F free_port >/dev/null || free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the server; sets REDIS_DIR, REDIS_PID, REDIS_PORT and REDIS_CONFIGURATION (a StackExchange.Redis configuration string).
start_redis() {
  ensure_redis_installed
  REDIS_DIR=$(mktemp -d /tmp/webapp-redis-XXXXXX)
  REDIS_PORT=$(free_port)
  # A child of this shell (not daemonized), so that stop_redis can wait for it to exit.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --save "" --appendonly no \
    --logfile "$REDIS_DIR/redis.log" </dev/null >/dev/null 2>&1 &
  REDIS_PID=$!
  local tries=0
  until redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || { echo "redis.sh: Redis did not start" >&2; cat "$REDIS_DIR/redis.log" >&2; return 1; }
    sleep 0.1
  done
  REDIS_CONFIGURATION="127.0.0.1:$REDIS_PORT"
  echo "redis.sh: Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on $REDIS_CONFIGURATION"
}

stop_redis() {
  [ -n "${REDIS_DIR:-}" ] || return 0
  kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  rm -rf "$REDIS_DIR"
  REDIS_DIR=
}
