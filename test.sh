#!/usr/bin/env bash
# Installs what the tests need that is missing, builds, and runs every test. Exit code non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
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
# The EF tools must agree with the test that checks the same: no model change without a migration.
dotnet ef migrations has-pending-model-changes --project WebApp --configuration Release --no-build

results=$(mktemp -d)
status=0
dotnet test WebApp.sln -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" || status=$?

# One plain closing line for CI: "N passed, N failed".
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
