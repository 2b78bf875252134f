#!/usr/bin/env bash
# Runs every test of NestPortal (domain, web slices, browser) on a fresh Debian machine with only the
# .NET 10 SDK. What it needs beyond that it installs itself: Chromium from Debian's packages for the
# browser tests, python3-aiosmtpd as a real SMTP server for the mail test, docker-compose (v1) to
# validate docker-compose.yml, npm to check the served KERN UX copy, and the pinned dotnet-ef tool.
# It also generates the SQL Server idempotent migration script, so a broken SQL Server migration fails.
# Ends with one summary line over all test assemblies: "Passed: N, Failed: M" / "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
started=$(date +%s)

say() { printf '\n==> %s\n' "$*"; }

install_debian_packages() {
  local missing=("$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing from Debian: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "ERROR: ${missing[*]} missing and not root. Install with: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
command -v docker-compose >/dev/null 2>&1 || needed+=(docker-compose)
# npm, to check that the served KERN UX copy is exactly the pinned package.
command -v npm >/dev/null 2>&1 || needed+=(npm)
# A real SMTP server for the mail test (Debian's python3, not a pyenv one).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || needed+=(python3-aiosmtpd)
install_debian_packages "${needed[@]+"${needed[@]}"}"
if [ ! -x /usr/bin/chromium ]; then
  echo "ERROR: /usr/bin/chromium is still missing; the browser tests cannot run. Install it with: apt-get install -y chromium" >&2
  exit 1
fi

say "Checking the served KERN UX copy against the pinned npm package"
bash scripts/kern-ux.sh --check

say "Restoring tools and packages"
dotnet tool restore >/dev/null
dotnet restore NestPortal.sln --verbosity quiet

say "Building (warnings are errors)"
dotnet build NestPortal.sln --no-restore --configuration Debug --verbosity quiet -nologo

say "Generating the SQL Server idempotent migration script"
mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build \
  --project src/NestPortal.Data.Migrations.SqlServer \
  --output artifacts/sqlserver-migrate.sql >/dev/null
grep -q "CREATE TABLE \[MentoringGroups\]" artifacts/sqlserver-migrate.sql
echo "artifacts/sqlserver-migrate.sql: $(wc -l < artifacts/sqlserver-migrate.sql) lines"

say "Validating docker-compose.yml"
MSSQL_SA_PASSWORD=validate NESTPORTAL_DB_USER=validate NESTPORTAL_DB_PASSWORD=validate \
BOOTSTRAP_ADMIN_EMAIL=admin@example.invalid BOOTSTRAP_ADMIN_PASSWORD=validate PUBLIC_BASE_URL=https://nest.example.invalid DATAPROTECTION_CERT_PASSWORD=validate \
  docker-compose -f docker-compose.yml config --quiet
echo "docker-compose.yml is valid"

say "Running the tests"
rm -rf "$results"
status=0
# -m:1: one test assembly at a time. In parallel, the web suite's concurrency tests and the browser
# tests fight over 2 cores and the browser's page loads time out; one after the other is slower but sure.
dotnet test NestPortal.sln --no-build --configuration Debug -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

# The dated tests again on days where date arithmetic breaks (the suite's clock is TestClock;
# NESTPORTAL_TEST_TODAY moves it): 31 December (a month's last day, the year's end), 1 January (a
# month's first day, a new year) and 29 February (a leap day, the shortest month's end).
dated_tests="FullyQualifiedName~NestPortal.Web.Tests.RentRuns|FullyQualifiedName~NestPortal.Web.Tests.Ledger"
dated_tests+="|FullyQualifiedName~NestPortal.Web.Tests.Pages.Escrow|FullyQualifiedName~NestPortal.Web.Tests.Pages.MyMunicipality"
dated_tests+="|FullyQualifiedName~NestPortal.Web.Tests.Pages.Sponsorships|FullyQualifiedName~NestPortal.Web.Tests.Pages.Allocations"
dated_tests+="|FullyQualifiedName~NestPortal.Web.Tests.Development|FullyQualifiedName~NestPortal.Web.Tests.Pages.Admin.RentRuns"
for day in 2026-12-31 2027-01-01 2028-02-29; do
  say "Dated tests on $day"
  NESTPORTAL_TEST_TODAY=$day dotnet test tests/NestPortal.Web.Tests --no-build --configuration Debug \
    --filter "$dated_tests" --logger "trx;LogFileName=dated-$day.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=$?
  [ -e "$results/dated-$day.trx" ] || { echo "ERROR: no results for the dated tests on $day." >&2; status=1; }
done

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  # grep -m 1, not "| head": with pipefail an early-closed pipe (SIGPIPE, 141) would end the script.
  counters=$(grep -m 1 -o '<Counters [^>]*>' "$trx" || true)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  storage=$(grep -m 1 -o 'storage="[^"]*"' "$trx" || true)
  assembly=$(sed 's/storage="//; s/"$//' <<<"$storage"); assembly=${assembly##*/}
  case "$(basename "$trx")" in dated-*)
    assembly="$assembly on $(basename "$trx" .trx | sed 's/^dated-//')"
    if [ "${t:-0}" -eq 0 ]; then echo "ERROR: the dated tests' filter matched no test: update dated_tests." >&2; status=1; fi ;;
  esac
  printf '  %-32s %5s passed, %s failed (of %s)\n' "${assembly:-$(basename "$trx")}" "${p:-0}" "${f:-0}" "${t:-0}"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done

if [ "$total" -eq 0 ]; then
  echo "ERROR: no test ran." >&2
  status=1
fi
if [ "$passed" -lt "$total" ] && [ "$failed" -eq 0 ]; then
  # Skipped or not executed tests are failures in disguise here.
  echo "ERROR: $((total - passed)) tests did not run to a pass." >&2
  status=1
fi

echo "Wall time: $(( $(date +%s) - started )) s"
echo "Passed: $passed, Failed: $failed"
echo "$passed passed, $failed failed"
exit "$status"
