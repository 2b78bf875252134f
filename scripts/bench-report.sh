#!/usr/bin/env bash
# Benchmark of the yearly report and its exports on N-times national volume (docs/performance.md). Not a timed test.
# Usage: bash scripts/bench-report.sh [scale=10]
# Publishes a Release build, generates the volume data once per scale (groups, households, persons,
# sponsorships with their deposits) into a pristine SQLite file, books the rent run's catch-up on a copy
# (so the ledgers hold rent payments too), then runs the report for every year since 2019 in three
# processes: the report alone, the report with its XLSX export, the report with its CSV export. Each prints
# the cold and warm wall time, SQL commands and allocations, the export's time and bytes, and the peak
# memory (process and /usr/bin/time). Starts no server; every step ends by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-10}"
OUT="artifacts/bench"
PRISTINE="$OUT/report-volume-$SCALE.db"
DB="$OUT/report-$SCALE.db"
mkdir -p "$OUT"

# shellcheck source=scripts/bench/common.sh
source scripts/bench/common.sh
bench_publish
export ASPNETCORE_ENVIRONMENT=Development
APP=(timeout 600 dotnet "$OUT/app/NestPortal.Development.dll")
TODAY="$(TZ=Europe/Berlin date +%F)"

if [[ ! -f "$PRISTINE" ]]; then
  echo "== generate volume data (scale $SCALE)"
  ConnectionStrings__Sqlite="Data Source=$PWD/$PRISTINE" /usr/bin/time -f "generator: %e s, peak RSS %M KiB" \
    "${APP[@]}" generate-volume --scale "$SCALE" --seed 42 --contentRoot="$PWD/$OUT/app"
fi

rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$PRISTINE" "$DB"
export ConnectionStrings__Sqlite="Data Source=$PWD/$DB"

echo "== rent run: catch-up through $TODAY (fills the ledgers with rent payments)"
"${APP[@]}" rent-run --paid-through "$TODAY" --contentRoot="$PWD/$OUT/app"

echo "== report, all years, Stichtag $TODAY"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  "${APP[@]}" report-bench --stichtag "$TODAY" --contentRoot="$PWD/$OUT/app"
echo "== report and its XLSX export"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  "${APP[@]}" report-bench --stichtag "$TODAY" --export xlsx "$OUT/erfolgsbilanz-$SCALE.xlsx" --contentRoot="$PWD/$OUT/app"
echo "== report and its CSV export"
/usr/bin/time -f "process: %e s, peak RSS %M KiB" \
  "${APP[@]}" report-bench --stichtag "$TODAY" --export csv "$OUT/erfolgsbilanz-$SCALE.csv" --contentRoot="$PWD/$OUT/app"
