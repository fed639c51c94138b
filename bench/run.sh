#!/usr/bin/env bash
# Load benchmark of the public catalog with wrk against a Release build on loopback.
#   bench/run.sh [products=1000000] [seconds=20] [connections=32]
# Seeds the deterministic catalog into bench/data/bench.db (reused when it already holds that many products),
# starts the site in Production on 127.0.0.1:5099 and prints requests/s and latency per URL, plus the server's
# peak memory. Results go to bench/results/ (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
products=${1:-1000000}; seconds=${2:-20}; connections=${3:-32}
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

out="$root/bench/results"; mkdir -p "$out" "$root/bench/data"
db="$root/bench/data/bench-$products.db"
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Default="Data Source=$db"
export Email__PickupDirectory="$root/bench/data/mail"
export Logging__LogLevel__Default=Warning

dotnet publish "$root/WebApp" -c Release -o "$root/bench/data/app" -nologo -v q -clp:ErrorsOnly
app="$root/bench/data/app/WebApp.dll"

dotnet "$app" migrate
if [ ! -f "$db.seeded" ]; then
  /usr/bin/time -f "seed: %e s, peak RSS %M KiB" dotnet "$app" seed --products "$products"
  touch "$db.seeded"
fi

cd "$root/bench/data/app"
dotnet "$app" --urls http://127.0.0.1:5099 >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null http://127.0.0.1:5099/ && break; sleep 0.5; done

run() { # name url
  curl -fs -o /dev/null "http://127.0.0.1:5099$2" || { echo "bench: $2 failed" >&2; exit 1; }
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:5099$2" >"$out/$1.txt"
  printf '%-22s %10s req/s   p50 %8s   p99 %8s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' "$out/$1.txt")" \
    "$(awk '$1=="50%" {print $2}' "$out/$1.txt")" "$(awk '$1=="99%" {print $2}' "$out/$1.txt")"
}
echo "products=$products connections=$connections duration=${seconds}s"
run home /
run products /products
run products-page-100 "/products?page=100&sort=price"
run products-search "/products?q=Product+0123"
run product-detail /products/product-00042
run category /categories/category-07
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
