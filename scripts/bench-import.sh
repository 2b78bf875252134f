#!/usr/bin/env bash
# Benchmark of the import (docs/import.md, docs/performance.md). Not a timed test.
# Usage: bash scripts/bench-import.sh [groups=1000]
# Publishes a Release build and imports a generated workbook of about ten rows per group (groups of four
# members, a household of two with its sponsorship, allocation and two ledger entries each) into a fresh
# SQLite file: the dry run, then the commit, each timed; prints the peak memory (process and /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
GROUPS_COUNT="${1:-1000}"
OUT="artifacts/bench"
DB="$OUT/import-$GROUPS_COUNT.db"
mkdir -p "$OUT"

echo "== publish (Release)"
dotnet publish src/NestPortal.Development -c Release -o "$OUT/app" --nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development
rm -f "$DB" "$DB-wal" "$DB-shm"
export ConnectionStrings__Sqlite="Data Source=$PWD/$DB"

echo "== import of $GROUPS_COUNT groups: dry run and commit"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  dotnet "$OUT/app/NestPortal.Development.dll" import-bench --groups "$GROUPS_COUNT" --contentRoot="$PWD/$OUT/app"
