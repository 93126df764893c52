#!/usr/bin/env bash
# npm run test:redmine — the suite against a real Redmine 5: brings it up (scripts/real-redmine.sh),
# then runs the Redmine-only unit tests (adapter, proxy, contract suite) and the e2e specs.
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
CONTRACT_TARGETS=redmine npx vitest run --reporter=default \
  src/trackers/redmine/adapter.real.test.ts server/app.test.ts server/contract

echo "== end-to-end against $REDMINE_URL"
[ -f dist/index.html ] || npm run build --silent
npx playwright test --project=redmine
