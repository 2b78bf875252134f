#!/usr/bin/env bash
# Installs KERN UX (@kern-ux/native, pinned in src/NestPortal.Web/package.json and its lock file) from
# npm and copies what the portal serves into src/NestPortal.Web/wwwroot/lib/kern-ux: the stylesheet,
# the Fira Sans faces it references, and the licence. The copy is committed, so a clean clone runs
# without npm or network; `--check` (run by scripts/test.sh) fails when the copy is not exactly the
# pinned package. See docs/adr/0015-kern-ux.md.
set -euo pipefail
cd "$(dirname "$0")/../src/NestPortal.Web"
target=wwwroot/lib/kern-ux
mode=${1:-copy}

npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
package=node_modules/@kern-ux/native
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

mkdir -p "$staging/fonts/fira-sans"
cp "$package/dist/kern.min.css" "$package/LICENSE.md" "$staging/"
cp "$package/dist/fonts/fira-sans.css" "$staging/fonts/"
# Only the faces the stylesheet declares (10 of the 30 in the package).
grep -oE 'fira-sans/[A-Za-z-]+\.woff2' "$package/dist/fonts/fira-sans.css" | sort -u | while read -r face; do
  cp "$package/dist/fonts/$face" "$staging/fonts/fira-sans/"
done
node -p "require('./$package/package.json').version" > "$staging/VERSION"

if [ "$mode" = "--check" ]; then
  if ! diff -r "$staging" "$target" >/dev/null; then
    echo "ERROR: $target differs from @kern-ux/native $(cat "$staging/VERSION"); run: bash scripts/kern-ux.sh" >&2
    diff -rq "$staging" "$target" >&2 || true
    exit 1
  fi
  echo "$target is @kern-ux/native $(cat "$staging/VERSION") as pinned"
else
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  cp -r "$staging" "$target"
  chmod -R a+rX "$target"
  echo "Copied @kern-ux/native $(cat "$staging/VERSION") into $target"
fi
