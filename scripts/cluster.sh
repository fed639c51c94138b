#!/usr/bin/env bash
# The cluster test (run by ./test.sh after the suites; needs the Release build): PostgreSQL, Redis, a loopback SMTP sink,
# three WebApp instances in Production and nginx in front, configured from deploy/nginx/webapp.conf with the ports and
# paths of this run. scripts/cluster_driver.py then drives it through nginx and prints its figures; exit code non-zero
# on any violation. Everything started here is stopped and its folder removed however the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD

source scripts/postgres.sh
source scripts/redis.sh

app_dir=$repository/WebApp/bin/Release/net10.0
[ -f "$app_dir/WebApp.dll" ] || { echo "cluster.sh: build first (dotnet build WebApp.sln -c Release)" >&2; exit 1; }

CLUSTER_DIR=$(mktemp -d /tmp/webapp-cluster-XXXXXX)
app_pids=()
smtp_pid=
nginx_pid=
stop_cluster() {
  local status=$?
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  for pid in "${app_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${app_pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null && wait "$smtp_pid" 2>/dev/null
  if [ $status -ne 0 ]; then
    for log in "$CLUSTER_DIR"/app*.log "$CLUSTER_DIR"/nginx/error.log; do
      [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 30 "$log"; }
    done >&2
  fi
  stop_redis
  stop_postgres
  rm -rf "$CLUSTER_DIR"
  exit $status
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# The throwaway certificate for nginx's TLS is made with openssl.
if ! command -v openssl >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "cluster.sh: openssl is missing (apt-get install openssl)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >/dev/null
fi
start_postgres
start_redis

# The SMTP sink: aiosmtpd's Mailbox handler keeps every message it receives in a Maildir.
smtp_port=$(free_port)
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$CLUSTER_DIR/maildir" \
  >"$CLUSTER_DIR/smtp.log" 2>&1 &
smtp_pid=$!

nginx_port=$(free_port)
nginx_http_port=$(free_port)
app_ports=("$(free_port)" "$(free_port)" "$(free_port)")

# What every instance shares: Production on PostgreSQL, Redis, the sink, nginx as the only trusted proxy; the app's
# own limits as they ship (each visitor of the driver has an address of its own).
export ASPNETCORE_ENVIRONMENT=Production
export DOTNET_NOLOGO=1
export Database__Provider=Postgres
export ConnectionStrings__Default="$POSTGRES_CONNECTION"
export Redis__Configuration="$REDIS_CONFIGURATION"
export Email__From="WebApp <no-reply@example.com>"
export Email__Smtp__Host=127.0.0.1
export Email__Smtp__Port=$smtp_port
export Email__Smtp__Security=None
export Mail__Outbox__PollInterval=00:00:01
export Proxy__KnownProxies__0=127.0.0.1
export Operations__HttpsPort=$nginx_port
export Operations__ShutdownTimeout=00:00:10
export AllowedHosts='*'
export Logging__LogLevel__Default=Warning

run_app() { (cd "$app_dir" && dotnet WebApp.dll "$@"); }
run_app migrate >"$CLUSTER_DIR/migrate.log" 2>&1 || { cat "$CLUSTER_DIR/migrate.log" >&2; exit 1; }
run_app seed --products 40 >"$CLUSTER_DIR/seed.log" 2>&1 || { cat "$CLUSTER_DIR/seed.log" >&2; exit 1; }

for i in 0 1 2; do
  (cd "$app_dir" && ASPNETCORE_URLS="http://127.0.0.1:${app_ports[$i]}" Operations__InstanceName="app$((i + 1))" \
    exec dotnet WebApp.dll) >"$CLUSTER_DIR/app$((i + 1)).log" 2>&1 &
  app_pids+=($!)
done

# nginx from the deployed configuration, with this run's ports, certificate and folders put in.
mkdir -p "$CLUSTER_DIR/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$CLUSTER_DIR/nginx/key.pem" -out "$CLUSTER_DIR/nginx/cert.pem" >/dev/null 2>&1
deployed=$(cat deploy/nginx/webapp.conf)
substitute() { # substitute FROM TO: fails when FROM is not in the deployed configuration any more
  [[ "$deployed" == *"$1"* ]] || { echo "cluster.sh: deploy/nginx/webapp.conf no longer holds '$1'" >&2; exit 1; }
  deployed=${deployed//"$1"/"$2"}
}
substitute "server 127.0.0.1:5000 " "server 127.0.0.1:${app_ports[0]} "
substitute "server 127.0.0.1:5001 " "server 127.0.0.1:${app_ports[1]} "
substitute "server 127.0.0.1:5002 " "server 127.0.0.1:${app_ports[2]} "
substitute "listen 80;" "listen 127.0.0.1:$nginx_http_port;"
substitute "listen [::]:80;" ""
substitute "listen 443 ssl http2;" "listen 127.0.0.1:$nginx_port ssl;"
substitute "listen [::]:443 ssl http2;" ""
substitute "server_name shop.example.com;" "server_name 127.0.0.1;"
substitute "/etc/letsencrypt/live/shop.example.com/fullchain.pem" "$CLUSTER_DIR/nginx/cert.pem"
substitute "/etc/letsencrypt/live/shop.example.com/privkey.pem" "$CLUSTER_DIR/nginx/key.pem"
substitute "/opt/webapp/wwwroot" "$app_dir/wwwroot"
cat >"$CLUSTER_DIR/nginx/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes 2;
daemon off;
pid $CLUSTER_DIR/nginx/nginx.pid;
error_log $CLUSTER_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $CLUSTER_DIR/nginx/client_body;
    proxy_temp_path $CLUSTER_DIR/nginx/proxy;
    fastcgi_temp_path $CLUSTER_DIR/nginx/fastcgi;
    uwsgi_temp_path $CLUSTER_DIR/nginx/uwsgi;
    scgi_temp_path $CLUSTER_DIR/nginx/scgi;
    types { text/css css; application/javascript js; image/svg+xml svg; }
    default_type application/octet-stream;
$deployed
}
EOF
/usr/sbin/nginx -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" 2>>"$CLUSTER_DIR/nginx/error.log" &
nginx_pid=$!

# Each instance ready (database migrated, Redis reachable) within two minutes, or the test fails.
for i in 0 1 2; do
  tries=0
  until curl -fsS "http://127.0.0.1:${app_ports[$i]}/readyz" >/dev/null 2>&1; do
    kill -0 "${app_pids[$i]}" 2>/dev/null || { echo "cluster.sh: app$((i + 1)) exited" >&2; exit 1; }
    tries=$((tries + 1))
    [ $tries -lt 240 ] || { echo "cluster.sh: app$((i + 1)) not ready after 2 minutes" >&2; exit 1; }
    sleep 0.5
  done
done
echo "cluster.sh: app1-3 on 127.0.0.1:${app_ports[*]}, nginx on https://127.0.0.1:$nginx_port, SMTP sink on $smtp_port"

driver_status=0
/usr/bin/python3 scripts/cluster_driver.py \
  --base "https://127.0.0.1:$nginx_port" --cafile "$CLUSTER_DIR/nginx/cert.pem" \
  --maildir "$CLUSTER_DIR/maildir" --psql "$(postgres_bin)/psql" --postgres-port "$POSTGRES_PORT" \
  --kill-pid "${app_pids[1]}" --kill-name app2 || driver_status=$?

# The shop's counters as each surviving instance's /metrics tells them (its own port, loopback: allowed).
for i in 0 2; do
  metrics=$(curl -fsS "http://127.0.0.1:${app_ports[$i]}/metrics") \
    || { echo "cluster.sh: app$((i + 1)) /metrics failed" >&2; exit 1; }
  echo "cluster.sh: app$((i + 1)) /metrics: $(grep -E '^webapp_[a-z_]+(\{[^}]*\})? ' <<<"$metrics" | sed 's/{[^}]*}//' | tr '\n' ' ')"
  grep -q '^db_client_connection' <<<"$metrics" || echo "cluster.sh: app$((i + 1)) /metrics has no Npgsql meter" >&2
done
exit $driver_status
