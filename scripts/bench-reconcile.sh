#!/usr/bin/env bash
# Benchmark of the bank statement import and reconciliation (docs/performance.md, ADR 0025). Not a timed test.
# Usage: bash scripts/bench-reconcile.sh [scale=5] [accounts=500] [entries=10000]
# Publishes a Release build, generates the volume data once per scale (scale 5: 2,500 sponsorships, of which about 500 still run with rent paid) into a
# pristine SQLite file, books the rent on a fresh copy (the rent run's catch-up to today), then runs
# `reconcile-bench`: one camt.053 file with a statement for each of the first running accounts, imported and
# reconciled as one upload. Prints wall time, SQL commands and peak memory (process and /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-5}"
ACCOUNTS="${2:-500}"
ENTRIES="${3:-10000}"
OUT="artifacts/bench"
PRISTINE="$OUT/reconcile-volume-$SCALE.db"
DB="$OUT/reconcile-$SCALE.db"
mkdir -p "$OUT"

echo "== publish (Release)"
dotnet publish src/NestPortal.Development -c Release -o "$OUT/app" --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development

if [[ ! -f "$PRISTINE" ]]; then
  echo "== generate volume data (scale $SCALE) and book the rent through today"
  ConnectionStrings__Sqlite="Data Source=$PWD/$PRISTINE" /usr/bin/time -f "generator: %e s, peak RSS %M KiB" \
    dotnet "$OUT/app/NestPortal.Development.dll" generate-volume --scale "$SCALE" --seed 42 --contentRoot="$PWD/$OUT/app"
  ConnectionStrings__Sqlite="Data Source=$PWD/$PRISTINE" /usr/bin/time -f "rent run: %e s, peak RSS %M KiB" \
    dotnet "$OUT/app/NestPortal.Development.dll" rent-run --paid-through "$(TZ=Europe/Berlin date +%F)" --contentRoot="$PWD/$OUT/app"
fi

rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$PRISTINE" "$DB"
echo "== reconcile-bench: $ACCOUNTS accounts, $ENTRIES entries"
ConnectionStrings__Sqlite="Data Source=$PWD/$DB" /usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  dotnet "$OUT/app/NestPortal.Development.dll" reconcile-bench --accounts "$ACCOUNTS" --entries "$ENTRIES" --contentRoot="$PWD/$OUT/app"
