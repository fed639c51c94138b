#!/usr/bin/env bash
# Load benchmark of the public catalog and the API with wrk against a Release publish on loopback.
#   bench/run.sh [products=10000] [seconds=15] [connections=32]
# Environment: MODES ("uncached cached"), WARMUP (30 s of load before the steady-state runs), FIRST (10 s measured right
# after start), APP (a published folder to run instead of publishing this tree, e.g. an older build), PORT (5099),
# RSS_PRODUCTS (1000000: the size of the catalog for the memory run; 0 skips it).
#
# Seeds the deterministic catalog into bench/data/bench-N.db (reused when already seeded) and, for each mode, starts the
# site in Production on 127.0.0.1:$PORT:
#   - steady state: WARMUP seconds over every page, then `seconds` per page;
#   - first seconds: a fresh start per page, FIRST seconds of load from the first answer on (start-up time beside it).
# "uncached" turns the catalog pages' output cache off (Catalog:PageCache:Enabled=false), "cached" leaves it on; the
# API is never output-cached. The API's rate limit is raised for the run (Api:RateLimit:PermitLimit) so that wrk
# measures the API, not the limiter. Production redirects plain HTTP to HTTPS, so every request comes as from the
# deploy's nginx: X-Forwarded-Proto https from a trusted proxy (Proxy:KnownProxies = 127.0.0.1). Then the memory run:
# RSS_PRODUCTS products seeded into their own database, the server's peak RSS while serving /products and a product
# page (uncached). "uncached" still keeps list counts and the category list until the catalog changes (CatalogDataCache).
# Prints a Markdown table (also in bench/results/summary.md) with req/s, p50, p99
# and the server's peak RSS per mode. Results go to bench/results/ (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
products=${1:-10000}; seconds=${2:-15}; connections=${3:-32}
modes=${MODES:-uncached cached}; warmup=${WARMUP:-30}; first=${FIRST:-10}; port=${PORT:-5099}
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

out="$root/bench/results"; mkdir -p "$out" "$root/bench/data"
db="$root/bench/data/bench-$products.db"
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Default="Data Source=$db"
export Email__PickupDirectory="$root/bench/data/mail"
export Logging__LogLevel__Default=Warning
export Api__RateLimit__PermitLimit=1000000   # per client and minute: the most the setting allows
export DOTNET_hostBuilder__reloadConfigOnChange=false
export Proxy__KnownProxies__0=127.0.0.1
proxied=(-H "X-Forwarded-Proto: https")
rss_products=${RSS_PRODUCTS:-1000000}

if [ -z "${APP:-}" ]; then
  # -r: ReadyToRun needs a runtime identifier (PublishReadyToRun is set in WebApp.csproj).
  dotnet publish "$root/WebApp" -c Release -r linux-x64 --self-contained false -o "$root/bench/data/app" -nologo -v q -clp:ErrorsOnly
  APP="$root/bench/data/app"
fi
app="$APP/WebApp.dll"

seed() { # database products
  ConnectionStrings__Default="Data Source=$1" dotnet "$app" migrate
  if [ ! -f "$1.seeded" ]; then
    ConnectionStrings__Default="Data Source=$1" /usr/bin/time -f "seed: %e s, peak RSS %M KiB" dotnet "$app" seed --products "$2"
    touch "$1.seeded"
  fi
}
seed "$db" "$products"

pages=(
  "/ /"
  "/products /products"
  "/products?q=… /products?q=Product+0123"
  "/products?page=100&sort=price /products?page=100&sort=price"
  "product /products/product-00042"
  "category /categories/category-07"
  "/api/products /api/products"
)

server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop_server EXIT

start_server() { # mode; sets $server and $startup_ms
  local enabled=false; [ "$1" = cached ] && enabled=true
  local started; started=$(date +%s%N)
  (cd "$APP" && Catalog__PageCache__Enabled=$enabled exec dotnet "$app" --urls "$base" >>"$out/server.log" 2>&1) &
  server=$!
  until curl -fs "${proxied[@]}" -o /dev/null "$base/"; do
    kill -0 "$server" 2>/dev/null || { echo "bench: the server stopped; see $out/server.log" >&2; exit 1; }
    sleep 0.05
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

load() { # url seconds file
  # 200 and nothing else: a redirect (plain HTTP in Production) would be measured as a page otherwise.
  local status; status=$(curl -s "${proxied[@]}" -o /dev/null -w '%{http_code}' "$base$1")
  [ "$status" = 200 ] || { echo "bench: $1 answered $status" >&2; exit 1; }
  wrk "${proxied[@]}" -t2 -c"$connections" -d"${2}s" --latency "$base$1" >"$3"
  if grep -q "Non-2xx" "$3"; then echo "bench: $1 answered errors: $(grep Non-2xx "$3")" >&2; exit 1; fi
}

row() { # label mode file [extra]
  printf '| `%s` | %s | %s | %s | %s |%s\n' "$1" "$2" \
    "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$3")" \
    "$(awk '$1=="50%" {print $2}' "$3")" "$(awk '$1=="99%" {print $2}' "$3")" "${4:-}"
}

steady() { # label file-prefix page...: each page for $seconds, then the server's peak RSS so far
  local label=$1 prefix=$2 page name file; shift 2
  for page in "$@"; do
    name=${page%% *}; file="$out/$prefix-$(echo "$name" | tr -c 'a-z0-9' '_').txt"
    load "${page#* }" "$seconds" "$file"
    row "$name" "$label" "$file" | tee -a "$out/summary.md"
  done
  echo "| server peak RSS | $label | | | | $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status) |" | tee -a "$out/summary.md"
}

{
  echo "products=$products connections=$connections steady=${seconds}s after ${warmup}s warm-up, first=${first}s, app=$APP, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| page | run | req/s | p50 | p99 | |"
  echo "|---|---|---:|---:|---:|---|"
} | tee "$out/summary.md"

for mode in $modes; do
  start_server "$mode"
  per_page=$(( warmup / ${#pages[@]} + 1 ))
  for page in "${pages[@]}"; do load "${page#* }" "$per_page" /dev/null; done
  steady "$mode, steady" "$mode" "${pages[@]}"
  stop_server

  for page in "${pages[@]}"; do
    name=${page%% *}; file="$out/$mode-first-$(echo "$name" | tr -c 'a-z0-9' '_').txt"
    start_server "$mode"
    load "${page#* }" "$first" "$file"
    row "$name" "$mode, first ${first} s" "$file" " start-up ${startup_ms} ms |" | tee -a "$out/summary.md"
    stop_server
  done
done

if [ "$rss_products" -gt 0 ]; then
  # The memory target: peak RSS with a big catalog, serving the list and a product page (counts kept, pages uncached).
  big="$root/bench/data/bench-$rss_products.db"
  seed "$big" "$rss_products"
  export ConnectionStrings__Default="Data Source=$big"
  start_server uncached
  steady "uncached, $rss_products products" rss "/products /products" "product /products/product-00042"
  stop_server
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.md"
