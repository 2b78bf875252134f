#!/usr/bin/env bash
# Load benchmark of the portal's staff pages against a reference app, on N-times national volume
# (docs/performance.md, ADR 0030).
# Usage: bash scripts/bench.sh [--growth] [--batch] [scale=10] [seconds=10]
#   seconds: per page and per app, split into interleaved rounds (reference, page, reference, page).
#   --growth: also the list, dashboard and report pages at scales 1, 10 and 20 (p50 per scale, max/min).
#   --batch:  also the rent run (scripts/bench-rent-run.sh) and the import (scripts/bench-import.sh).
# Environment: BENCH_PORT (portal, 5199), BENCH_REFERENCE_PORT (5198), BENCH_ROUNDS (2),
#   BENCH_WARMUP_SECONDS (3) and BENCH_WARMUP_RUNS (15: the warm-up runs until req/s stops rising),
#   BENCH_RENT_SCALE (20), BENCH_IMPORT_GROUPS (1000: 12,002 rows, the workbook of the goal),
#   BENCH_BATCH_TIMEOUT (1800 s per batch script), BENCH_NO_DOCS=1 (leave docs/performance.md alone),
#   BENCH_NOTE (a line above the table, e.g. what the figures are for).
#
# Publishes Release builds of the development host (src/NestPortal.Development) and of the reference
# (benchmarks/FortunesReference: TechEmpower's "Fortunes" page), generates the volume data once per scale
# into a pristine SQLite file, and starts both on 127.0.0.1, the portal on a fresh copy of that file with
# the background jobs that would disturb a measurement switched off. It signs in the demo clerk and the
# demo municipality with curl and, for each page: checks it answers 200, reads its SQL commands from the
# request log, warms it up until it stops getting faster, then runs wrk (2 threads, 8 connections) on the reference and the page in
# turn, so the ratio page req/s ÷ reference req/s compares two runs adjacent in time. Writes the table
# into artifacts/bench/report-<scale>.md and between the bench markers of docs/performance.md.
# Everything it starts it stops; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench/common.sh
source scripts/bench/common.sh

usage() { sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//'; }
GROWTH=""; BATCH=""; POSITIONAL=()
for arg in "$@"; do
  case "$arg" in
    --growth) GROWTH=1 ;;
    --batch) BATCH=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $arg" >&2; usage >&2; exit 2 ;;
    *) POSITIONAL+=("$arg") ;;
  esac
done
SCALE="${POSITIONAL[0]:-10}"
SECONDS_PER_PAGE="${POSITIONAL[1]:-10}"
ROUNDS="${BENCH_ROUNDS:-2}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-3}"
WARMUP_RUNS="${BENCH_WARMUP_RUNS:-15}"
for number in "$SCALE" "$SECONDS_PER_PAGE" "$ROUNDS" "$WARMUP_SECONDS" "$WARMUP_RUNS"; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "not a positive whole number: $number" >&2; usage >&2; exit 2; }
done
ROUND_SECONDS=$(( (SECONDS_PER_PAGE + ROUNDS - 1) / ROUNDS ))
PORTAL="http://127.0.0.1:${BENCH_PORT:-5199}"
REFERENCE="http://127.0.0.1:${BENCH_REFERENCE_PORT:-5198}"
OUT="$BENCH_OUT"
PASSWORD="Demo-Passwort-2026"
STAFF_EMAIL="kfi@demo.nestportal.invalid"
MUNICIPALITY_EMAIL="kommune@demo.nestportal.invalid"
mkdir -p "$OUT"

die() { echo "bench: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== wrk is missing: installing it (apt-get install -y wrk)"
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  fi
  command -v wrk >/dev/null || die "wrk is missing: install it (Debian/Ubuntu: apt-get install -y wrk; macOS: brew install wrk)"
fi
for tool in curl awk dotnet /usr/bin/time; do command -v "$tool" >/dev/null || die "$tool is missing"; done

# --- processes: everything started here is stopped on exit ---------------------------------------
STARTED=()
stop() { # pid: asks it to stop, waits up to 15 s, then kills it
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
stop_all() { local pid; for pid in "${STARTED[@]}"; do stop "$pid"; done; STARTED=(); }
trap stop_all EXIT

port_is_free() { ! curl -s -o /dev/null --max-time 2 "$1/"; }

wait_until_up() { # url, pid, log
  for _ in $(seq 1 180); do
    kill -0 "$2" 2>/dev/null || die "the process behind $1 exited; see $3"
    curl -fs -o /dev/null --max-time 5 "$1" && return 0
    sleep 1
  done
  die "$1 did not answer within 3 minutes; see $3"
}

# --- the reference --------------------------------------------------------------------------------
REFERENCE_PID=""
start_reference() {
  port_is_free "$REFERENCE" || die "something already listens on $REFERENCE; choose another BENCH_REFERENCE_PORT"
  echo "== start the reference on $REFERENCE"
  ConnectionStrings__Fortunes="Data Source=$PWD/$OUT/fortunes.db" \
    dotnet "$OUT/reference/FortunesReference.dll" --contentRoot "$PWD/$OUT/reference" --urls "$REFERENCE" \
    >"$OUT/reference.log" 2>&1 &
  REFERENCE_PID=$!
  STARTED+=("$REFERENCE_PID")
  wait_until_up "$REFERENCE/health" "$REFERENCE_PID" "$OUT/reference.log"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$REFERENCE/fortunes")" == 200 ]] || die "the reference's /fortunes does not answer 200"
}

# --- the portal -----------------------------------------------------------------------------------
PORTAL_PID=""; PORTAL_LOG=""
start_portal() { # scale
  local scale="$1" db="$OUT/portal-$1.db"
  bench_volume "$scale" "$OUT/volume-$scale.db"
  # A fresh copy per start: sign-ins and the view log write to the database, so runs start equal.
  bench_copy_db "$OUT/volume-$scale.db" "$db"
  port_is_free "$PORTAL" || die "something already listens on $PORTAL; choose another BENCH_PORT"
  PORTAL_LOG="$OUT/server-$scale.log"
  echo "== start the portal on $PORTAL (scale $scale)"
  # Development: the demo users sign in without a second factor. Switched off: the rent run (its start-up
  # catch-up would run mid-measurement), the erasure and the reminder jobs; the outbox is polled hourly
  # instead of every 15 s. The request log stays on: it is part of every request's cost and gives the
  # SQL commands per request.
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__Sqlite="Data Source=$PWD/$db" \
  RentRun__Enabled=false Retention__Enabled=false Notifications__RemindersEnabled=false Mail__OutboxPollSeconds=3600 \
    dotnet "$BENCH_APP/NestPortal.Development.dll" --contentRoot "$PWD/$BENCH_APP" --urls "$PORTAL" >"$PORTAL_LOG" 2>&1 &
  PORTAL_PID=$!
  STARTED+=("$PORTAL_PID")
  wait_until_up "$PORTAL/health" "$PORTAL_PID" "$PORTAL_LOG"
  STAFF_JAR="$OUT/staff-$scale.cookies"; MUNICIPALITY_JAR="$OUT/municipality-$scale.cookies"
  sign_in "$STAFF_EMAIL" "$STAFF_JAR"
  sign_in "$MUNICIPALITY_EMAIL" "$MUNICIPALITY_JAR"
}

stop_portal() {
  stop "$PORTAL_PID"
  local kept=() pid
  for pid in "${STARTED[@]}"; do [[ "$pid" == "$PORTAL_PID" ]] || kept+=("$pid"); done
  STARTED=("${kept[@]}")
}

sign_in() { # email, cookie jar
  local jar="$2" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$PORTAL/Account/Login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  [[ -n "$token" ]] || die "no antiforgery token on $PORTAL/Account/Login"
  curl -fs -o /dev/null -c "$jar" -b "$jar" -X POST "$PORTAL/Account/Login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token"
  # The sign-in cookie (nest.auth, src/NestPortal.Web/Startup): without it every page would answer a fast 302.
  grep -q 'nest\.auth' "$jar" || die "$1 could not sign in (see $PORTAL_LOG)"
}
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$1"; }

# The pages, as parallel arrays: name, address, cookie jar, goal (minimal: ratio ≥ 0.8; page: ratio ≥ 0.5;
# report: p50 < 150 ms), and whether --growth measures it at every scale.
collect_pages() {
  local page deep=1 next details
  # Keyset pagination has no page number: the last page is reached by following rel="next" from page 1.
  page="/Households"
  while (( deep < 5000 )); do
    next=$(curl -fs -b "$STAFF_JAR" "$PORTAL$page" | grep -o '<a[^>]*rel="next"[^>]*>' | grep -o 'href="[^"]*"' \
      | head -n 1 | sed 's/href="//;s/"$//;s/&amp;/\&/g' || true)
    [[ -n "$next" ]] || break
    page="$next"; deep=$((deep + 1))
  done
  details=$(curl -fs -b "$STAFF_JAR" "$PORTAL/Households" | grep -o 'href="/Households/Details/[0-9]*"' | head -n 1 \
    | sed 's/href="//;s/"$//' || true)
  [[ -n "$details" ]] || die "no household on the household list"
  echo "== the household list's last page is page $deep: $page; household details: $details"
  NAMES=("minimal page (Datenquellen)" "household list, page 1" "household list, last page" "household details"
         "group review list" "escrow accounts list" "allocations list" "municipality dashboard" "Erfolgsbilanz, all years")
  URLS=("/Datenquellen" "/Households" "$page" "$details" "/Review" "/Escrow" "/Allocations" "/MyMunicipality" "/Reports")
  JARS=("$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$STAFF_JAR" "$MUNICIPALITY_JAR" "$STAFF_JAR")
  GOALS=(minimal page page page page page page page report)
  GROWS=(no yes yes no yes yes yes yes yes)
}

# One wrk run; sets WRK=(p50 p95 rps requests errors) (milliseconds, requests per second).
WRK=()
wrk_run() { # url, seconds, cookie header (may be empty)
  local result
  local headers=()
  [[ -z "$3" ]] || headers=(-H "Cookie: $3")
  result=$(timeout $(( $2 + 60 )) wrk -t2 -c8 -d"$2s" --timeout 30s --latency -s scripts/bench/percentiles.lua \
    "${headers[@]}" "$1" | grep '^RESULT' || true)
  [[ -n "$result" ]] || die "wrk gave no result for $1"
  read -r -a WRK < <(sed 's/.*p50=\([0-9.]*\) p95=\([0-9.]*\) .*rps=\([0-9.]*\) requests=\([0-9]*\) errors=\([0-9]*\).*/\1 \2 \3 \4 \5/' <<<"$result")
  (( ${#WRK[@]} == 5 )) || die "wrk's result line was not understood: $result"
}

# Runs wrk on an address until it stops getting faster: the tiered JIT recompiles hot code for a while
# after start-up (on a busy machine for half a minute and more), and a page measured before that would
# pay for it. Warm after two runs in a row that are at most 5 % faster than the best before them (one such
# run can be noise on a busy machine); at most BENCH_WARMUP_RUNS runs.
warm_up() { # url, cookie header (may be empty)
  local best=0 run flat=0
  for run in $(seq 1 "$WARMUP_RUNS"); do
    wrk_run "$1" "$WARMUP_SECONDS" "$2"
    if (( run > 1 )) && awk -v now="${WRK[2]}" -v best="$best" 'BEGIN { exit !(now <= best * 1.05) }'; then
      flat=$(( flat + 1 ))
    else
      flat=0
    fi
    best=$(awk -v now="${WRK[2]}" -v best="$best" 'BEGIN { print (now > best) ? now : best }')
    if (( flat == 2 )); then
      echo "   warm after $run runs of $WARMUP_SECONDS s (${WRK[2]} req/s)"
      return 0
    fi
  done
  echo "   still getting faster after $WARMUP_RUNS warm-up runs of $WARMUP_SECONDS s (${WRK[2]} req/s)"
}

status_and_size() { curl -s -o /dev/null --max-time 120 -w '%{http_code} %{size_download}\n' -b "$2" "$PORTAL$1"; }

# The SQL commands of the portal's latest request to a path, from the request log
# ("HTTP GET /Households responded 200 in 5.5 ms, 3 SQL commands"); waits (bounded) for the line.
sql_commands_of() { # path, log lines before the request
  local line=""
  for _ in $(seq 1 50); do
    line=$(tail -n +"$(( $2 + 1 ))" "$PORTAL_LOG" | grep -F "HTTP GET $1 responded" | tail -n 1 || true)
    [[ -z "$line" ]] || break
    sleep 0.1
  done
  line=$(grep -o '[0-9]* SQL commands' <<<"$line" | cut -d' ' -f1 || true)
  echo "${line:-?}"
}

# Measures one page against the reference; appends a line to the results file (tab-separated).
measure_page() { # name, url, jar, goal, grows, results file
  local name="$1" url="$2" jar="$3" goal="$4" grows="$5" results="$6" status size lines sql cookie round
  local ref_rps=0 page_rps=0 p50=0 p95=0 errors=0
  lines=$(wc -l <"$PORTAL_LOG")
  read -r status size < <(status_and_size "$url" "$jar")
  [[ "$status" == 200 ]] || die "$name: GET $url answered $status"
  sql=$(sql_commands_of "${url%%\?*}" "$lines")
  cookie=$(cookie_header "$jar")
  echo "== $name: $url ($sql SQL commands, $(( size / 1024 )) KB)"
  warm_up "$PORTAL$url" "$cookie"
  for round in $(seq 1 "$ROUNDS"); do
    wrk_run "$REFERENCE/fortunes" "$ROUND_SECONDS" ""
    ref_rps=$(awk -v a="$ref_rps" -v b="${WRK[2]}" 'BEGIN { print a + b }')
    errors=$(( errors + WRK[4] ))
    echo "   round $round: reference ${WRK[2]} req/s"
    wrk_run "$PORTAL$url" "$ROUND_SECONDS" "$cookie"
    page_rps=$(awk -v a="$page_rps" -v b="${WRK[2]}" 'BEGIN { print a + b }')
    p50=$(awk -v a="$p50" -v b="${WRK[0]}" 'BEGIN { print a + b }')
    p95=$(awk -v a="$p95" -v b="${WRK[1]}" 'BEGIN { print a + b }')
    errors=$(( errors + WRK[4] ))
    echo "   round $round: page ${WRK[2]} req/s, p50 ${WRK[0]} ms, p95 ${WRK[1]} ms"
  done
  (( errors == 0 )) || die "$name: wrk saw $errors errors (status ≥ 400, timeouts or connection errors)"
  # After the load, the page must still answer 200 (a lost sign-in would answer a fast 302).
  read -r status _ < <(status_and_size "$url" "$jar")
  [[ "$status" == 200 ]] || die "$name: GET $url answered $status after the load"
  awk -F'\t' -v OFS='\t' -v n="$ROUNDS" -v name="$name" -v url="$url" -v sql="$sql" -v size="$size" -v goal="$goal" -v grows="$grows" \
    -v rr="$ref_rps" -v pr="$page_rps" -v p50="$p50" -v p95="$p95" \
    'BEGIN { printf "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.1f\t%.0f\t%.2f\t%s\t%s\n", name, url, sql, pr / n, p50 / n, p95 / n, size / 1024, rr / n, pr / rr, goal, grows }' \
    >>"$results"
}

# "<high-water mark> <resident now>" of the portal process, in MB.
portal_memory() {
  awk '/^VmHWM:/ { hwm = $2 } /^VmRSS:/ { rss = $2 } END { printf "%.0f %.0f\n", hwm / 1024, rss / 1024 }' "/proc/$PORTAL_PID/status"
}

# Measures the pages at a scale (all of them, or only those --growth compares); results and memory files.
bench_scale() { # scale, all|growth
  local scale="$1" which="$2" results="$OUT/results-$1.tsv" i
  start_portal "$scale"
  collect_pages
  : >"$results"
  for i in "${!URLS[@]}"; do
    [[ "$which" == all || "${GROWS[$i]}" == yes ]] || continue
    measure_page "${NAMES[$i]}" "${URLS[$i]}" "${JARS[$i]}" "${GOALS[$i]}" "${GROWS[$i]}" "$results"
  done
  portal_memory >"$OUT/memory-$scale.txt"
  stop_portal
}

# --- the report -----------------------------------------------------------------------------------
page_table() { # results file, memory file
  echo "| page | SQL commands | req/s | p50 ms | p95 ms | HTML KB | reference req/s | ratio | goal | met? |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  awk -F'\t' '{
    if ($10 == "minimal") { goal = "ratio ≥ 0.8"; met = ($9 >= 0.8) }
    else if ($10 == "report") { goal = "p50 < 150 ms"; met = ($5 < 150) }
    else { goal = "ratio ≥ 0.5"; met = ($9 >= 0.5) }
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6, $7, $8, $9, goal, met ? "yes" : "no"
  }' "$1"
  read -r hwm rss <"$2"
  printf '| server memory: peak (VmHWM), at the end (VmRSS) | | | | | | | %s MB, %s MB | < 300 MB | %s |\n' \
    "$hwm" "$rss" "$( (( hwm < 300 )) && echo yes || echo no)"
}

BATCH_TABLE=""
run_batch() {
  local rent_scale="${BENCH_RENT_SCALE:-20}" groups="${BENCH_IMPORT_GROUPS:-1000}" limit="${BENCH_BATCH_TIMEOUT:-1800}"
  local log next wall per_account accounts peak catch_up check commit rows import_peak rent_met import_met
  log="$OUT/batch-rent-run-$rent_scale.log"
  echo "== batch: rent run at scale $rent_scale (scripts/bench-rent-run.sh, log $log)"
  BENCH_PUBLISHED=1 timeout "$limit" bash scripts/bench-rent-run.sh "$rent_scale" >"$log" 2>&1 \
    || echo "   the rent-run benchmark failed or took over $limit s; see $log" >&2
  catch_up=$(sed -n '/== rent run: catch-up/,/== rent run: the next month/p' "$log" | grep -o 'Wall time [0-9.,]*' | tr -d , | awk '{ print $3 }')
  next=$(sed -n '/== rent run: the next month/,$p' "$log")
  accounts=$(grep -o '[0-9,]* accounts' <<<"$next" | head -n 1 | tr -d , | cut -d' ' -f1)
  wall=$(grep -o 'Wall time [0-9.,]*' <<<"$next" | tr -d , | awk '{ print $3 }')
  per_account=$(grep -o '[0-9.]* per account' <<<"$next" | cut -d' ' -f1)
  peak=$(grep -o 'peak RSS [0-9]* KiB' <<<"$next" | awk '{ printf "%.0f", $3 / 1024 }')
  rent_met=$(awk -v w="${wall:-999}" -v s="${per_account:-999}" -v scale="$rent_scale" \
    'BEGIN { if (scale < 20) print "— (goal is for scale 20)"; else print (w < 5 && s < 1) ? "yes" : "no" }')

  log="$OUT/batch-import-$groups.log"
  echo "== batch: import of $groups groups (scripts/bench-import.sh, log $log)"
  BENCH_PUBLISHED=1 timeout "$limit" bash scripts/bench-import.sh "$groups" >"$log" 2>&1 \
    || echo "   the import benchmark failed or took over $limit s; see $log" >&2
  rows=$(grep -o 'Generated workbook: [0-9,]* rows' "$log" | tr -d , | awk '{ print $3 }')
  check=$(grep -o 'Dry run: [0-9.,]* s' "$log" | tr -d , | awk '{ print $3 }')
  commit=$(grep -o 'Commit: [0-9.,]* s' "$log" | tr -d , | awk '{ print $2 }')
  import_peak=$(sed -n '/dry run and commit/,$p' "$log" | grep -o 'peak RSS [0-9]* KiB' | awk '{ printf "%.0f", $3 / 1024 }')
  import_met=$(awk -v c="${commit:-999}" -v m="${import_peak:-999}" -v rows="${rows:-0}" \
    'BEGIN { if (rows < 12000) print "— (goal is for 12,000 rows)"; else print (c < 5 && m < 250) ? "yes" : "no" }')

  BATCH_TABLE=$(
    echo "| batch job | size | time | SQL commands per account | peak memory | goal | met? |"
    echo "| --- | --- | ---: | ---: | ---: | --- | --- |"
    echo "| rent run, the next month | scale $rent_scale, ${accounts:-?} accounts | ${wall:-?} s | ${per_account:-?} | ${peak:-?} MB | < 5 s and < 1 SQL command per account at scale 20 | $rent_met |"
    echo "| rent run, catch-up to today | scale $rent_scale | ${catch_up:-?} s | | | — | — |"
    echo "| import, check (dry run) | ${rows:-?} rows ($groups groups) | ${check:-?} s | | | — | — |"
    echo "| import, commit | ${rows:-?} rows | ${commit:-?} s | | ${import_peak:-?} MB | < 5 s, < 250 MB for 12,000 rows | $import_met |"
  )
}

GROWTH_TABLE=""
growth_table() {
  local scale
  GROWTH_TABLE=$(
    echo "| page | p50 ms, scale 1 | p50 ms, scale 10 | p50 ms, scale 20 | max / min | goal | met? |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | --- |"
    for scale in 1 10 20; do awk -F'\t' -v s="$scale" '$11 == "yes" { print s "\t" $1 "\t" $5 }' "$OUT/results-$scale.tsv"; done \
      | awk -F'\t' '
          { if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } p[$2, $1] = $3 }
          END {
            for (i = 1; i <= n; i++) {
              name = order[i]; lo = ""; hi = ""; cells = ""
              for (k = 1; k <= 3; k++) {
                s = (k == 1) ? 1 : (k == 2) ? 10 : 20
                v = ((name, s) in p) ? p[name, s] : ""
                cells = cells " " (v == "" ? "?" : v) " |"
                if (v != "") { if (lo == "" || v + 0 < lo) lo = v + 0; if (hi == "" || v + 0 > hi) hi = v + 0 }
              }
              ratio = (lo > 0) ? hi / lo : 0
              printf "| %s |%s %.2f | ≤ 1.3 | %s |\n", name, cells, ratio, (ratio <= 1.3) ? "yes" : "no"
            }
          }'
  )
}

# --- run ------------------------------------------------------------------------------------------
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')
bench_publish
echo "== publish the reference (Release)"
dotnet publish benchmarks/FortunesReference -c Release -o "$OUT/reference" --nologo -v q >/dev/null
start_reference
echo "== warm up the reference"
warm_up "$REFERENCE/fortunes" ""

bench_scale "$SCALE" all
if [[ -n "$GROWTH" ]]; then
  for growth_scale in 1 10 20; do
    [[ "$growth_scale" == "$SCALE" ]] || bench_scale "$growth_scale" growth
  done
  growth_table
fi
stop_all
[[ -z "$BATCH" ]] || run_batch

REPORT="$OUT/report-$SCALE.md"
{
  [[ -z "${BENCH_NOTE:-}" ]] || { echo "$BENCH_NOTE"; echo; }
  echo "Measured $STARTED_AT by \`bash scripts/bench.sh $*\`: $(nproc) cores, load average at the start $LOAD_AT_START;"
  echo "volume data at scale $SCALE, SQLite, Release; per page a warm-up (runs of ${WARMUP_SECONDS} s until req/s stops"
  echo "rising), then $ROUNDS rounds of ${ROUND_SECONDS} s each on the reference and on the page in turn (wrk -t2 -c8 on the same machine)."
  echo "req/s, p50 and p95 are the means of the rounds; ratio = page req/s ÷ reference req/s."
  echo
  page_table "$OUT/results-$SCALE.tsv" "$OUT/memory-$SCALE.txt"
  if [[ -n "$GROWTH_TABLE" ]]; then echo; echo "Growth (the same pages at scales 1, 10 and 20):"; echo; echo "$GROWTH_TABLE"; fi
  if [[ -n "$BATCH_TABLE" ]]; then echo; echo "Batch jobs (scripts/bench-rent-run.sh, scripts/bench-import.sh):"; echo; echo "$BATCH_TABLE"; fi
} >"$REPORT"

DOCS="docs/performance.md"
if [[ -n "${BENCH_NO_DOCS:-}" ]]; then
  echo "== docs/performance.md left alone (BENCH_NO_DOCS)"
elif grep -q '^<!-- bench:begin -->$' "$DOCS" && grep -q '^<!-- bench:end -->$' "$DOCS"; then
  awk -v report="$REPORT" '
    /^<!-- bench:begin -->$/ { print; print ""; while ((getline line < report) > 0) print line; print ""; skipping = 1; next }
    /^<!-- bench:end -->$/ { skipping = 0 }
    !skipping { print }' "$DOCS" >"$DOCS.tmp"
  mv "$DOCS.tmp" "$DOCS"
  echo "== the table is in $DOCS (between the bench markers) and $REPORT"
else
  echo "== $DOCS has no <!-- bench:begin --> / <!-- bench:end --> lines; the table is only in $REPORT" >&2
fi
echo
cat "$REPORT"
