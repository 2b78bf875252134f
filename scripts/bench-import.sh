#!/usr/bin/env bash
# Benchmark of the import (docs/import.md, docs/performance.md). Not a timed test.
# Usage: bash scripts/bench-import.sh [groups=1000]
#        bash scripts/bench-import.sh history [ledger-rows=100000]   (a history: whole ledgers, completed sponsorships;
#        the per-sheet row limit Import:MaxRowsPerSheet is raised for it)
# Publishes a Release build and imports a generated workbook of about ten rows per group (groups of four
# members, a household of two with its sponsorship, allocation and two ledger entries each) into a fresh
# SQLite file: the dry run, then the commit, each timed; prints the peak memory (process and /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
GROUPS_COUNT="${1:-1000}"
WHAT=(--groups "$GROUPS_COUNT")
if [ "$GROUPS_COUNT" = "history" ]; then
  GROUPS_COUNT="history-${2:-100000}"
  WHAT=(--ledger-rows "${2:-100000}" --Import:MaxRowsPerSheet=1000000)
fi
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
  dotnet "$OUT/app/NestPortal.Development.dll" import-bench "${WHAT[@]}" --contentRoot="$PWD/$OUT/app"
