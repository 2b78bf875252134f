#!/usr/bin/env bash
# Regenerates docs/screenshots: the main pages of each role (demo data) in a laptop's (1366 × 768) and a
# phone's (390 × 844) window, full page, taken by the browser test ScreenshotTests with Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/chromium ] || { echo "ERROR: install Chromium first: apt-get install -y chromium" >&2; exit 1; }
rm -rf docs/screenshots
mkdir -p docs/screenshots
NESTPORTAL_SCREENSHOTS="$(pwd)/docs/screenshots" \
  dotnet test tests/NestPortal.Browser.Tests --filter "FullyQualifiedName~ScreenshotTests" --verbosity quiet -nologo
ls docs/screenshots
