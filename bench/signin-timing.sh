#!/usr/bin/env bash
# Sign-in timing: does a wrong password for a real account answer in the same time as an unknown email?
#   bench/signin-timing.sh [tries=41] [warmup-seconds=30]
# Publishes Release, starts it in Production on a free loopback port with a fresh database holding one account, warms
# up, then posts the login form `tries` times for each case, interleaved, and prints the median and spread of the
# answer time (curl's time_total) for: known email + wrong password, unknown email, known email + right password.
# The sign-in throttle is raised for the run (it would otherwise answer 429 after 20 attempts from one address).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tries=${1:-41}; warmup=${2:-30}

work=$(mktemp -d /tmp/signin-timing.XXXXXX)
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Default="Data Source=$work/bench.db"
export Email__PickupDirectory="$work/mail"
export Logging__LogLevel__Default=Warning
export Accounts__SignInThrottle__PerAddressPermitLimit=100000
export Accounts__SignInThrottle__PerAccountPermitLimit=100000

dotnet publish "$root/WebApp" -c Release -o "$work/app" -nologo -v q -clp:ErrorsOnly
app="$work/app/WebApp.dll"
dotnet "$app" migrate >/dev/null
printf 'Known!Pass9\n' | dotnet "$app" createsuperuser --email known@example.com --password-stdin >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
cd "$work/app"
dotnet "$app" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/Identity/Account/Login" && break; sleep 0.5; done

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Identity/Account/Login" \
  | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || { echo "signin-timing: no antiforgery token" >&2; exit 1; }

attempt() { # email password -> seconds
  curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/Identity/Account/Login"
}

end=$((SECONDS + warmup))
while [ $SECONDS -lt $end ]; do
  attempt known@example.com Wrong!Pass9 >/dev/null
  attempt nobody@example.com Wrong!Pass9 >/dev/null
done

: >"$work/known"; : >"$work/unknown"; : >"$work/right"
for _ in $(seq 1 "$tries"); do
  attempt known@example.com Wrong!Pass9 >>"$work/known"
  attempt "nobody-$RANDOM@example.com" Wrong!Pass9 >>"$work/unknown"
  attempt known@example.com Known!Pass9 >>"$work/right"
done

summary() { # name file
  sort -n "$2" | awk -v name="$1" '{ v[NR] = $1 * 1000 } END {
    printf "%-34s median %6.1f ms   min %6.1f   p90 %6.1f   max %6.1f   (n=%d)\n", name, v[int((NR + 1) / 2)], v[1], v[int(NR * 0.9)], v[NR], NR }'
}
echo "sign-in answer times over HTTP, Release, Production, 127.0.0.1, after ${warmup}s warm-up; $(nproc) cores shared"
summary "known email, wrong password" "$work/known"
summary "unknown email" "$work/unknown"
summary "known email, right password" "$work/right"
