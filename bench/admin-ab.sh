#!/usr/bin/env bash
# Two builds of the admin side by side: each serves the same changelist under the same load at the same time, so
# both see the same machine. On a shared host a build's speed drifts by a third between runs minutes apart (see the
# README), more than most changes are worth; run together, the ratio of their CPU time per request holds still.
#   bench/admin-ab.sh OLD_APP_DIR [rounds=5] [seconds=20] [path=/admin/catalog/product/]
# OLD_APP_DIR is a published build (dotnet publish WebApp -c Release -r linux-x64 --self-contained false -o DIR, at
# the commit to compare with); this tree is published to bench/data/app-ab. NEW_APP=dir compares with that folder
# instead. PRODUCTS (10000) picks the seeded database (bench/admin.sh seeds it); each build runs on its own copy.
# CONNECTIONS (16) per build, WARMUP (60 s, both builds at once: dynamic PGO settles later on a shared core).
# Prints, per round, each build's server CPU ms per request and req/s, then the median of new/old CPU per request.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old_dir=$(cd "${1:?usage: bench/admin-ab.sh OLD_APP_DIR [rounds] [seconds] [path]}" && pwd)
rounds=${2:-5}; seconds=${3:-20}; path=${4:-/admin/catalog/product/}
products=${PRODUCTS:-10000}; connections=${CONNECTIONS:-16}; warmup=${WARMUP:-60}
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
source "$root/bench/admin-lib.sh"

seeded="$root/bench/data/bench-$products.db"
[ -f "$seeded.seeded" ] || { echo "bench: $seeded is not seeded (run bench/admin.sh $products first)" >&2; exit 1; }
new_dir=${NEW_APP:-$root/bench/data/app-ab}
[ -n "${NEW_APP:-}" ] || dotnet publish "$root/WebApp" -c Release -r linux-x64 --self-contained false -o "$new_dir" -nologo -v q -clp:ErrorsOnly

work=$(mktemp -d /tmp/admin-ab.XXXXXX)
declare -A dir=([old]=$old_dir [new]=$new_dir) pid base cookie
cleanup() { for b in old new; do [ -z "${pid[$b]:-}" ] || kill "${pid[$b]}" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

for b in old new; do
  # Its own copy of the database: two processes on one SQLite file would share its locks.
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' "$seeded" "$work/$b.db"
  port=$(free_port)
  while [ "http://127.0.0.1:$port" = "${base[old]:-}" ]; do port=$(free_port); done
  base[$b]="http://127.0.0.1:$port"
  (
    admin_env "$work/$b.db"
    cd "${dir[$b]}"
    dotnet WebApp.dll migrate >/dev/null
    bench_superuser WebApp.dll
    exec dotnet WebApp.dll --urls "${base[$b]}" >"$work/$b.log" 2>&1
  ) &
  pid[$b]=$!
done
for b in old new; do
  cookie[$b]=$(sign_in "${base[$b]}")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${https[@]}" -H "Cookie: ${cookie[$b]}" "${base[$b]}$path")
  [ "$status" = 200 ] || { echo "bench: $b build answered $status for $path" >&2; exit 1; }
done

load() { # seconds output-prefix
  for b in old new; do
    wrk -t1 -c"$connections" -d"$1s" --timeout 30s "${https[@]}" -H "Cookie: ${cookie[$b]}" "${base[$b]}$path" >"$work/$2-$b.txt" &
  done
  wait $(jobs -p | grep -v -e "${pid[old]}" -e "${pid[new]}")
}

echo "warm-up: ${warmup}s, both builds at once"
load "$warmup" warm
echo "products=$products connections=$connections per build, ${seconds}s per round, $path"
printf '%-6s %14s %10s %14s %10s %10s\n' round old_cpu_ms old_req/s new_cpu_ms new_req/s new/old
ratios=()
hz=$(getconf CLK_TCK)
for r in $(seq 1 "$rounds"); do
  declare -A t0 cpu rps
  for b in old new; do cookie[$b]=$(sign_in "${base[$b]}"); done # a cookie of this minute (bench/admin-lib.sh)
  for b in old new; do t0[$b]=$(cpu_ticks "${pid[$b]}"); done
  load "$seconds" "round$r"
  for b in old new; do
    requests=$(grep -oP '\d+(?= requests in)' "$work/round$r-$b.txt")
    cpu[$b]=$(awk -v t=$(( $(cpu_ticks "${pid[$b]}") - t0[$b] )) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')
    rps[$b]=$(awk -v n="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')
  done
  ratio=$(awk -v a="${cpu[new]}" -v b="${cpu[old]}" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  printf '%-6s %14s %10s %14s %10s %10s\n' "$r" "${cpu[old]}" "${rps[old]}" "${cpu[new]}" "${rps[new]}" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {printf "median new/old CPU per request: %s (below 1: the new build does less work)\n", a[int((NR + 1) / 2)]}'
