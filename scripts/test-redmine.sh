#!/usr/bin/env bash
# npm run test:redmine — the suite against a real Redmine 5: brings it up (scripts/real-redmine.sh),
# then runs the Redmine-only unit tests (adapter, proxy, contract suite) and the e2e specs; both
# always run, and it fails if either failed. With REDMINE_URL set it uses that Redmine instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REDMINE_URL:-}" ]; then
  bash scripts/real-redmine.sh up
  set -a
  # shellcheck disable=SC1091
  . "${REDMINE_STATE:-/tmp/redmine-state}/env"
  set +a
fi
export REDMINE_URL REDMINE_API_KEY REDMINE_JSMITH_API_KEY REDMINE_DLOPPER_API_KEY

echo "== unit and contract tests against $REDMINE_URL"
unit=0
CONTRACT_TARGETS=redmine npx vitest run --reporter=default \
  src/trackers/redmine/adapter.real.test.ts src/features/board/perform-move.real.test.ts \
  server/app.test.ts server/contract || unit=$?

echo "== end-to-end against $REDMINE_URL"
# Build the app when dist/ is missing or older than its sources.
if [ ! -f dist/index.html ] ||
  [ -n "$(find src index.html public -newer dist/index.html -print -quit)" ]; then
  npm run build --silent
fi
e2e=0
npx playwright test --project=redmine || e2e=$?

[ "$unit" = 0 ] && [ "$e2e" = 0 ] || {
  echo "test:redmine failed (vitest exit $unit, playwright exit $e2e)" >&2
  exit 1
}
