#!/usr/bin/env bash
# Load benchmark of the portal's busiest pages on N-times national volume (docs/performance.md).
# Usage: bash scripts/bench.sh [scale=10] [seconds=15]
# Publishes a Release build, generates the volume data into its own SQLite file (once per scale),
# starts the portal on 127.0.0.1, signs in the demo users, then for each page: counts its SQL
# commands (request log) and runs wrk (2 threads, 8 connections). Latencies are also reported as a
# ratio to a minimal page measured in the same run, so figures from different machines compare.
# Everything stops at the end; the server binds to loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-10}"
SECONDS_PER_RUN="${2:-15}"
PORT="${BENCH_PORT:-5199}"
BASE="http://127.0.0.1:$PORT"
OUT="artifacts/bench"
DB="$OUT/volume-$SCALE.db"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== publish (Release)"
dotnet publish src/NestPortal.Development -c Release -o "$OUT/app" --nologo -v q >/dev/null

export ASPNETCORE_ENVIRONMENT=Development   # demo users sign in without a second factor
export ConnectionStrings__Sqlite="Data Source=$PWD/$DB"

if [[ ! -f "$DB" ]]; then
  echo "== generate volume data (scale $SCALE)"
  /usr/bin/time -f "generator: %e s, peak RSS %M KiB" \
    dotnet "$OUT/app/NestPortal.Development.dll" generate-volume --scale "$SCALE" --seed 42 --contentRoot="$PWD/$OUT/app"
fi

echo "== start portal on $BASE"
dotnet "$OUT/app/NestPortal.Development.dll" --contentRoot "$PWD/$OUT/app" --urls "$BASE" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null && break; sleep 1; done
curl -fs "$BASE/health" >/dev/null || { echo "portal did not start; see $OUT/server.log" >&2; exit 1; }

sign_in() { # email, cookie jar
  local jar="$2" token
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" -X POST "$BASE/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=Demo-Passwort-2026" \
    --data-urlencode "__RequestVerificationToken=$token"
}
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$1"; }

STAFF_JAR="$OUT/staff.cookies"; MUNI_JAR="$OUT/municipality.cookies"
sign_in "kfi@demo.nestportal.invalid" "$STAFF_JAR"
sign_in "kommune@demo.nestportal.invalid" "$MUNI_JAR"

# Page 400 of the household list (or its last page, when the data has fewer: 200 at scale 10):
# keyset pagination has no page number, so follow "next" from page 1.
next_of() { curl -fs -b "$STAFF_JAR" "$BASE$1" | grep -o '<a[^>]*rel="next"[^>]*>' | grep -o 'href="[^"]*"' | head -n 1 | sed 's/href="//;s/"$//;s/&amp;/\&/g' || true; }
PAGE="/Households"; DEEP=1
while (( DEEP < 400 )); do
  NEXT="$(next_of "$PAGE")"
  [[ -n "$NEXT" ]] || break
  PAGE="$NEXT"; DEEP=$((DEEP + 1))
done
PAGE_DEEP="$PAGE"

declare -a NAMES=("minimal page" "household list, page 1" "household list, page $DEEP" "municipality dashboard")
declare -a URLS=("/Datenquellen" "/Households" "$PAGE_DEEP" "/MyMunicipality")
declare -a JARS=("$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$MUNI_JAR")

REPORT="$OUT/report-$SCALE.md"
{
  echo "| page | SQL commands | median ms | p95 ms | req/s | median / minimal | p95 / minimal |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$REPORT"
BASE_P50=""; BASE_P95=""
for i in "${!URLS[@]}"; do
  url="${URLS[$i]}"; jar="${JARS[$i]}"
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE$url")
  [[ "$status" == 200 ]] || { echo "${NAMES[$i]}: GET $url answered $status" >&2; exit 1; }
  sleep 0.5
  path="${url%%\?*}"
  commands=$(grep -F "GET $path" "$OUT/server.log" | tail -n 1 | grep -o '[0-9]* SQL commands' | cut -d' ' -f1)
  echo "== ${NAMES[$i]}: $url ($commands SQL commands)"
  result=$(wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s scripts/bench/percentiles.lua -H "Cookie: $(cookie_header "$jar")" "$BASE$url" | grep '^RESULT')
  echo "$result"
  p50=$(sed 's/.*p50=\([0-9.]*\).*/\1/' <<<"$result"); p95=$(sed 's/.*p95=\([0-9.]*\).*/\1/' <<<"$result"); rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$result")
  errors=$(sed 's/.*errors=\([0-9]*\).*/\1/' <<<"$result")
  [[ "$errors" == 0 ]] || { echo "wrk saw $errors errors" >&2; exit 1; }
  [[ -n "$BASE_P50" ]] || { BASE_P50=$p50; BASE_P95=$p95; }
  printf '| %s | %s | %s | %s | %s | %.1f | %.1f |\n' "${NAMES[$i]}" "$commands" "$p50" "$p95" "$rps" \
    "$(echo "$p50 / $BASE_P50" | bc -l)" "$(echo "$p95 / $BASE_P95" | bc -l)" >>"$REPORT"
done

echo
cat "$REPORT"
