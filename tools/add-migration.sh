#!/usr/bin/env bash
# Adds an EF Core migration, written by EF Core's own scaffolder (the code `dotnet ef migrations add` runs).
#   tools/add-migration.sh AddSomething            add a migration for the model changes since the last one
#   tools/add-migration.sh --replace InitialCreate  write the model's migration anew (only before a release): every
#       later migration must be raw SQL with no model change (such as AddProductSearch); each is scaffolded again
#       after it, in order, and its hand-written Up/Down are kept.
# With the full NuGet feed, `dotnet ef migrations add NAME --project WebApp --output-dir Data/Migrations` is the same.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
migrations="$root/WebApp/Data/Migrations"
replace=false
if [ "${1:-}" = "--replace" ]; then replace=true; shift; fi
name=${1:?usage: tools/add-migration.sh [--replace] MigrationName}

# The scaffolder diffs the model against the migrations compiled into WebApp: build before each one.
scaffold() {
  dotnet build "$root/tools/MigrationsScaffolder" -nologo -v q -clp:ErrorsOnly
  dotnet run --no-build --project "$root/tools/MigrationsScaffolder" -- "$root" "$1"
}

if ! $replace; then scaffold "$name"; exit 0; fi

kept=$(mktemp -d)
for file in "$migrations"/*.cs; do
  base=$(basename "$file")
  case "$base" in
    AppDbContextModelSnapshot.cs|*_"$name".cs|*_"$name".Designer.cs|*.Designer.cs) ;;
    *) cp "$file" "$kept/$base" ;;
  esac
done
rm -f "$migrations"/*.cs
scaffold "$name"
for file in $(ls "$kept" | sort); do
  later=${file#*_}; later=${later%.cs}
  sleep 1 # migration ids are timestamps to the second: keep the order
  scaffold "$later" >/dev/null
  cp "$kept/$file" "$(ls "$migrations"/*_"$later".cs | grep -v Designer)"
  echo "kept the hand-written Up/Down of $later"
done
