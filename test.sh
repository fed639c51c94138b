#!/usr/bin/env bash
# Installs what the tests need that is missing, builds, and runs every test. Exit code non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
# nginx -t checks deploy/nginx/webapp.conf (NginxConfigTests); the server is never started.
[ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "test.sh: missing Debian package(s): ${need_apt[*]}. Install them (apt-get install ${need_apt[*]}) and run again." >&2
    exit 1
  fi
fi
export WEBAPP_CHROMIUM="${WEBAPP_CHROMIUM:-$(command -v chromium)}"

dotnet tool restore >/dev/null
dotnet build WebApp.sln -c Release -nologo -clp:ErrorsOnly
# The EF tools must agree with the tests that check the same: no model change without a migration, on every engine.
# (The server engines' contexts are made through the app, which needs their provider named; no server is contacted.)
dotnet ef migrations has-pending-model-changes --project WebApp --configuration Release --no-build --context AppDbContext
Database__Provider=Postgres ConnectionStrings__Default="Host=localhost" \
  dotnet ef migrations has-pending-model-changes --project WebApp --configuration Release --no-build --context PostgresAppDbContext
Database__Provider=SqlServer ConnectionStrings__Default="Server=localhost" \
  dotnet ef migrations has-pending-model-changes --project WebApp --configuration Release --no-build --context SqlServerAppDbContext

# A throwaway PostgreSQL server for the second run and a Redis server for both (the shared-cache tests fail without
# one), removed however this script ends.
source scripts/postgres.sh
source scripts/redis.sh
trap 'stop_redis; stop_postgres' EXIT
start_postgres
start_redis
export WEBAPP_TEST_REDIS="$REDIS_CONFIGURATION"

results=$(mktemp -d)
status=0
# run_suite NAME FILTER [VAR=VALUE...]: the whole suite on one engine. Tests that only make sense on one engine say so by
# name (Sqlite..., ..._on_Sqlite; Postgres...; SqlServer... need no server) and are left out of the other engines' runs.
run_suite() {
  local name=$1 filter=$2
  shift 2
  echo "test.sh: the suite on $name"
  env -u WEBAPP_TEST_POSTGRES -u WEBAPP_TEST_SQLSERVER "$@" dotnet test WebApp.sln -c Release --no-build -nologo \
    --filter "$filter" --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results/$name" || status=$?
}
run_suite sqlite "FullyQualifiedName!~Postgres"
run_suite postgres "FullyQualifiedName!~Sqlite&FullyQualifiedName!~SqlServer" WEBAPP_TEST_POSTGRES="$POSTGRES_CONNECTION"
if [ -n "${WEBAPP_TEST_SQLSERVER:-}" ]; then
  run_suite sqlserver "FullyQualifiedName!~Sqlite&FullyQualifiedName!~Postgres" WEBAPP_TEST_SQLSERVER="$WEBAPP_TEST_SQLSERVER"
fi
bash scripts/cluster.sh || status=$?  # three instances behind nginx on PostgreSQL and Redis: prints its figures

# One line per engine, then the plain closing line for CI: "N passed, N failed".
python3 - "$results" <<'PY' || true
import glob, os, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
total = [0, 0, 0]
for run in sorted(os.listdir(sys.argv[1])):
    passed = failed = skipped = 0
    for f in glob.glob(os.path.join(sys.argv[1], run, "**/*.trx"), recursive=True):
        c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
        passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
        skipped += int(c.get("notExecuted"))
    print(f"{run}: {passed} passed, {failed} failed, {skipped} skipped")
    total = [total[0] + passed, total[1] + failed, total[2] + skipped]
print(f"{total[0]} passed, {total[1]} failed, {total[2]} skipped")
PY
exit $status
