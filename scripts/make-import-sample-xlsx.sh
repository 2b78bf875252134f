#!/usr/bin/env bash
# Rebuilds docs/import-sample/bestand.xlsx from the CSV files next to it (the CSV files are the source).
# The same test, run without the variable, fails when the workbook and the CSV files disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
NESTPORTAL_WRITE_IMPORT_SAMPLE=1 dotnet test tests/NestPortal.Web.Tests --nologo \
  --filter "FullyQualifiedName~ImportSampleWorkbookTests"
