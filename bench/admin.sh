#!/usr/bin/env bash
# Load benchmark of the admin's product changelist with wrk, signed in as a superuser, against a Release build.
#   bench/admin.sh [products=1000000] [seconds=20] [connections=8] [warmup=60]
# Seeds the deterministic catalog into bench/data/bench-N.db (reused when already seeded; 20 categories, so each
# holds N/20 products), starts the app in Production on a free loopback port, signs in, warms up for `warmup` seconds
# (12 s per view: dynamic PGO recompiles the hot code twice before it settles),
# then runs wrk on five changelist views and times the delete page of a category. Prints p50/p95/p99 (ms), req/s,
# errors, the server's CPU time per request and its peak RSS. Results go to bench/results/ (not committed).
# BENCH_APP=dir benchmarks an app published there instead of publishing this tree (an older build, for "before").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
products=${1:-1000000}; seconds=${2:-20}; connections=${3:-8}; warmup=${4:-60}
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
source "$root/bench/admin-lib.sh"
port=$(free_port)
base="http://127.0.0.1:$port"

out="$root/bench/results"; mkdir -p "$out" "$root/bench/data"
db="$root/bench/data/bench-$products.db"
admin_env "$db"

app_dir=${BENCH_APP:-$root/bench/data/app}
# -r: ReadyToRun (PublishReadyToRun in WebApp.csproj) needs a runtime identifier, as in bench/run.sh.
[ -n "${BENCH_APP:-}" ] || dotnet publish "$root/WebApp" -c Release -r linux-x64 --self-contained false -o "$app_dir" -nologo -v q -clp:ErrorsOnly
app="$app_dir/WebApp.dll"
dotnet "$app" migrate
if [ ! -f "$db.seeded" ]; then
  /usr/bin/time -f "seed: %e s, peak RSS %M KiB" dotnet "$app" seed --products "$products"
  touch "$db.seeded"
fi
bench_superuser "$app"

cd "$app_dir"
dotnet "$app" --urls "$base" >"$out/admin-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT

cookie=$(sign_in "$base")
status=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" -H "Cookie: $cookie" "$base/admin/catalog/product/")
[ "$status" = 200 ] || { echo "bench: sign-in failed (changelist answered $status)" >&2; exit 1; }

last_page=$(( (products + 99) / 100 ))
declare -A views=(
  [default]="/admin/catalog/product/"
  [search]="/admin/catalog/product/?q=Product+12345"
  [category]="/admin/catalog/product/?CategoryId=7"
  [sort-price]="/admin/catalog/product/?o=3"
  [last-page]="/admin/catalog/product/?p=$last_page"
)
order=(default search category sort-price last-page)

echo "warm-up: ${warmup}s over the five views"
for name in "${order[@]}"; do
  wrk -t1 -c"$connections" -d"$(( warmup / ${#order[@]} + 1 ))s" --timeout 30s "${https[@]}" -H "Cookie: $cookie" "$base${views[$name]}" >/dev/null
done

echo "products=$products connections=$connections duration=${seconds}s (Production, Release, SQLite)"
# The server's CPU time per request (user + system) as well as req/s: wrk shares the machine's cores, and on a busy
# machine CPU per request moves less than throughput does.
ticks_per_second=$(getconf CLK_TCK)
printf '%-12s %10s %10s %10s %10s %8s %12s\n' view p50_ms p95_ms p99_ms req/s errors cpu_ms/req
for name in "${order[@]}"; do
  cookie=$(sign_in "$base") # a cookie of this minute, as a browser has (bench/admin-lib.sh)
  before=$(cpu_ticks $server)
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s "${https[@]}" -H "Cookie: $cookie" -s "$root/bench/percentiles.lua" \
    "$base${views[$name]}" >"$out/admin-$name.txt"
  after=$(cpu_ticks $server)
  read -r _ rps p50 p95 p99 errors < <(grep '^RESULT' "$out/admin-$name.txt")
  cpu=$(awk -v t=$(( after - before )) -v hz="$ticks_per_second" -v rps="$rps" -v s="$seconds" 'BEGIN {printf "%.2f", t * 1000 / hz / (rps * s)}')
  printf '%-12s %10s %10s %10s %10s %8s %12s\n' "$name" "$p50" "$p95" "$p99" "$rps" "$errors" "$cpu"
done
curl -s -o /dev/null "${https[@]}" -H "Cookie: $cookie" "$base/admin/catalog/category/7/delete/"
delete_times=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total} ' "${https[@]}" -H "Cookie: $cookie" "$base/admin/catalog/category/7/delete/"; done)
echo "delete page of a category with $(( products / 20 )) products (3 runs after one warm-up): ${delete_times}s"
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
