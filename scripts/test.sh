#!/usr/bin/env bash
# npm test — unit and integration tests (Vitest), then end-to-end on the bundled tracker
# (Playwright). Both always run, so a unit failure does not hide the e2e results; it fails if
# either failed.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run test:unit
unit=$?
npm run test:e2e
e2e=$?
[ "$unit" = 0 ] && [ "$e2e" = 0 ] || {
  echo "npm test failed (unit exit $unit, e2e exit $e2e)" >&2
  exit 1
}
