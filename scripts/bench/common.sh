# Sourced by the benchmark scripts (scripts/bench*.sh): the published development host and the volume data.
# shellcheck shell=bash

BENCH_OUT="artifacts/bench"
BENCH_APP="$BENCH_OUT/app"

# A Release build of the development host (the portal plus the bench commands) in artifacts/bench/app.
# bench.sh publishes once and sets BENCH_PUBLISHED=1 for the scripts it runs, so they do not publish again.
bench_publish() {
  [[ -n "${BENCH_PUBLISHED:-}" ]] && return 0
  echo "== publish the development host (Release)"
  dotnet publish src/NestPortal.Development -c Release -o "$BENCH_APP" --nologo -v q >/dev/null
}

# The volume data at a scale (generate-volume --scale N --seed 42), generated once into a pristine file that
# the benchmarks copy before they change it. Written under a temporary name first, so an interrupted
# generation leaves no half-filled file behind to be taken for a finished one.
bench_volume() { # scale, file
  local scale="$1" file="$2"
  [[ -f "$file" ]] && return 0
  echo "== generate volume data (scale $scale)"
  rm -f "$file.tmp" "$file.tmp-wal" "$file.tmp-shm"
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Sqlite="Data Source=$PWD/$file.tmp" /usr/bin/time -f "generator: %e s, peak RSS %M KiB" \
    dotnet "$BENCH_APP/NestPortal.Development.dll" generate-volume --scale "$scale" --seed 42 --contentRoot="$PWD/$BENCH_APP"
  local suffix
  for suffix in -wal -shm ""; do [[ ! -f "$file.tmp$suffix" ]] || mv "$file.tmp$suffix" "$file$suffix"; done
}

# A fresh copy of a pristine database (with its WAL file, if the generator left one), none of an earlier copy's.
bench_copy_db() { # pristine, copy
  local suffix
  rm -f "$2" "$2-wal" "$2-shm"
  for suffix in -wal -shm ""; do [[ ! -f "$1$suffix" ]] || cp "$1$suffix" "$2$suffix"; done
}
