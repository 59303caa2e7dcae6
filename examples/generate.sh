#!/usr/bin/env bash
# Regenerates the demo discovery case(s) in examples/cases/ from examples/sources/.
# Works from any directory. Needs Java 17+ and Maven (dependencies come from Maven Central).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mvn -B -q -Dstyle.color=never -f "$here/generator/pom.xml" compile exec:java

# Optional check that the scanned page is readable by OCR (the tool relies on Tesseract for it).
preview="$here/generator/target/scan-preview/11_Tow_Inventory_Scanned.png"
if command -v tesseract >/dev/null 2>&1 && [ -f "$preview" ]; then
  ocr="$(tesseract "$preview" - 2>/dev/null || true)"
  missing=""
  for word in HARTWELL Impound Altima; do
    grep -q "$word" <<<"$ocr" || missing="$missing $word"
  done
  if [ -n "$missing" ]; then
    echo "WARNING: tesseract did not read:$missing" >&2
  else
    echo "OCR check: tesseract reads HARTWELL, Impound and Altima on the scanned page."
  fi
fi
