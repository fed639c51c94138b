# Shared by bench/admin.sh and bench/admin-ab.sh (sourced, not run): the app in Production behind a loopback "proxy",
# a bench superuser, and wrk's signed-in cookie.
#   admin_env DB         the environment for a Production run on that SQLite file
#   free_port            a free loopback port
#   bench_superuser APP  creates the bench superuser in $ConnectionStrings__Default (kept when it exists)
#   sign_in BASE         signs in through the login form; prints the Cookie header's value
# Sign in again before each measured run: a browser keeps the sign-in cookie that Identity renews when it checks the
# security stamp (once a minute); wrk replays the cookie it was given, which after that minute is checked and renewed
# on every request, a path a browser takes once a minute.
# Production redirects to HTTPS and issues __Host- (secure) cookies: as behind deploy/'s nginx, the loopback "proxy"
# says every request came over HTTPS (X-Forwarded-Proto from a known proxy).

https=(-H "X-Forwarded-Proto: https")
bench_email=bench-admin@example.com
bench_password='Bench!Admin2345'

admin_env() {
  export ASPNETCORE_ENVIRONMENT=Production
  export ConnectionStrings__Default="Data Source=$1"
  export Email__PickupDirectory="$(dirname "$1")/mail"
  export Logging__LogLevel__Default=Warning
  export Proxy__KnownProxies__0=127.0.0.1
  # The benchmarks sign in again before each measured run (see sign_in above): more than the 10 sign-ins per account in
  # 15 minutes that the throttle allows.
  export Accounts__SignInThrottle__PerAccountPermitLimit=1000 Accounts__SignInThrottle__PerAddressPermitLimit=1000
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

bench_superuser() {
  printf '%s\n' "$bench_password" | dotnet "$1" createsuperuser --email "$bench_email" --password-stdin >/dev/null 2>&1 || true
}

# The cookies are secure ones, which curl keeps but would not send over plain HTTP: they are passed as a header.
sign_in() {
  local base=$1 jar token
  jar=$(mktemp)
  for _ in $(seq 1 120); do curl -fs -o /dev/null "${https[@]}" "$base/Identity/Account/Login" && break; sleep 0.5; done
  token=$(curl -fs "${https[@]}" -c "$jar" "$base/Identity/Account/Login" |
    python3 -c 'import re,sys; m = re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"", sys.stdin.read()); print(m.group(1) or m.group(2))')
  curl -fs -o /dev/null "${https[@]}" -H "Cookie: $(jar_cookies "$jar")" -c "$jar" --data-urlencode "Input.Email=$bench_email" \
    --data-urlencode "Input.Password=$bench_password" --data-urlencode "Input.RememberMe=false" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/Identity/Account/Login"
  jar_cookies "$jar"
  rm -f "$jar"
}

jar_cookies() {
  awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "} /^#HttpOnly_/ {sub("#HttpOnly_", "", $1); printf "%s%s=%s", sep, $6, $7; sep="; "}' "$1"
}

# Server CPU time (user + system) in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
