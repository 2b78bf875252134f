#!/usr/bin/env bash
# Benchmark of the monthly rent run on N-times national volume (docs/performance.md). Not a timed test.
# Usage: bash scripts/bench-rent-run.sh [scale=20]
# Publishes a Release build, generates the volume data once per scale (every sponsorship with its
# deposits, none paid yet) into a pristine SQLite file, and runs the rent run twice on a fresh copy:
# first the catch-up to today (every month due since each lease began: the worst case, as after a
# long outage), then the run a month later (one month per account: the usual case). Prints for each
# the run's figures, wall time, SQL commands per account and the peak memory (process and /usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-20}"
OUT="artifacts/bench"
PRISTINE="$OUT/rent-run-volume-$SCALE.db"
DB="$OUT/rent-run-$SCALE.db"
mkdir -p "$OUT"

# shellcheck source=scripts/bench/common.sh
source scripts/bench/common.sh
bench_publish
export ASPNETCORE_ENVIRONMENT=Development

if [[ ! -f "$PRISTINE" ]]; then
  echo "== generate volume data (scale $SCALE)"
  ConnectionStrings__Sqlite="Data Source=$PWD/$PRISTINE" /usr/bin/time -f "generator: %e s, peak RSS %M KiB" \
    dotnet "$OUT/app/NestPortal.Development.dll" generate-volume --scale "$SCALE" --seed 42 --contentRoot="$PWD/$OUT/app"
fi

rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$PRISTINE" "$DB"
export ConnectionStrings__Sqlite="Data Source=$PWD/$DB"
TODAY="$(TZ=Europe/Berlin date +%F)"
NEXT_MONTH="$(TZ=Europe/Berlin date -d "$(date +%Y-%m-01) +1 month" +%F)"

echo "== rent run: catch-up through $TODAY"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  dotnet "$OUT/app/NestPortal.Development.dll" rent-run --paid-through "$TODAY" --contentRoot="$PWD/$OUT/app"
echo "== rent run: the next month, through $NEXT_MONTH"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  dotnet "$OUT/app/NestPortal.Development.dll" rent-run --paid-through "$NEXT_MONTH" --contentRoot="$PWD/$OUT/app"
