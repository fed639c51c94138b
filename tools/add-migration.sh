#!/usr/bin/env bash
# Adds an EF Core migration, written by EF Core's own scaffolder (the code `dotnet ef migrations add` runs).
#   tools/add-migration.sh AddSomething          add a migration for the model changes since the last one
#   tools/add-migration.sh --replace InitialCreate  drop every migration and write one anew (only before a release)
# With the full NuGet feed, `dotnet ef migrations add NAME --project WebApp --output-dir Data/Migrations` is the same.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--replace" ]; then
  shift
  rm -f "$root"/WebApp/Data/Migrations/*.cs
fi
name=${1:?usage: tools/add-migration.sh [--replace] MigrationName}
dotnet build "$root/tools/MigrationsScaffolder" -nologo -v q -clp:ErrorsOnly
dotnet run --no-build --project "$root/tools/MigrationsScaffolder" -- "$root" "$name"
