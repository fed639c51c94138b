#!/usr/bin/env bash
# Load benchmark of the admin's product changelist with wrk, signed in as a superuser, against a Release build.
#   bench/admin.sh [products=1000000] [seconds=20] [connections=8] [warmup=30]
# Seeds the deterministic catalog into bench/data/bench-N.db (reused when already seeded; 20 categories, so each
# holds N/20 products), starts the app in Production on 127.0.0.1:5098, signs in, warms up for `warmup` seconds,
# then runs wrk on five changelist views and times the delete page of a category. Prints p50/p95/p99 (ms), req/s,
# errors and the server's peak RSS. Results go to bench/results/ (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
products=${1:-1000000}; seconds=${2:-20}; connections=${3:-8}; warmup=${4:-30}
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
port=5098; base="http://127.0.0.1:$port"

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
email=bench-admin@example.com; password='Bench!Admin2345'
printf '%s\n' "$password" | dotnet "$app" createsuperuser --email "$email" --password-stdin >/dev/null 2>&1 || true

cd "$root/bench/data/app"
dotnet "$app" --urls "$base" >"$out/admin-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/Identity/Account/Login" && break; sleep 0.5; done

# Sign in through the login form (antiforgery token and cookie), then hand the cookies to wrk.
jar=$(mktemp)
token=$(curl -fs -c "$jar" -b "$jar" "$base/Identity/Account/Login" |
  python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"", sys.stdin.read()).group(1))')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
  --data-urlencode "Input.RememberMe=false" --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login"
cookie=$(awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "} /^#HttpOnly_/ {sub("#HttpOnly_", "", $1); printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/admin/catalog/product/")
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
  wrk -t1 -c"$connections" -d"$(( warmup / ${#order[@]} + 1 ))s" --timeout 30s -H "Cookie: $cookie" "$base${views[$name]}" >/dev/null
done

echo "products=$products connections=$connections duration=${seconds}s (Production, Release, SQLite)"
printf '%-12s %10s %10s %10s %10s %8s\n' view p50_ms p95_ms p99_ms req/s errors
for name in "${order[@]}"; do
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -H "Cookie: $cookie" -s "$root/bench/percentiles.lua" \
    "$base${views[$name]}" >"$out/admin-$name.txt"
  read -r _ rps p50 p95 p99 errors < <(grep '^RESULT' "$out/admin-$name.txt")
  printf '%-12s %10s %10s %10s %10s %8s\n' "$name" "$p50" "$p95" "$p99" "$rps" "$errors"
done
delete_time=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$base/admin/catalog/category/7/delete/")
echo "delete page of a category with $(( products / 20 )) products: ${delete_time} s"
echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)"
