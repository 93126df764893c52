#!/usr/bin/env bash
# The differential contract suite against both targets: the bundled tracker (in-process) and the
# real Redmine at REDMINE_URL. Keys come from Basic auth; the env file is only a fallback.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="${REDMINE_STATE:-/tmp/redmine-state}"
if [ -f "$STATE/env" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$STATE/env"
  set +a
fi
export CONTRACT_TARGETS="${CONTRACT_TARGETS:-bundled,redmine}"
if [ -z "${REDMINE_URL:-}" ]; then
  echo "contract.sh: REDMINE_URL is unset; the redmine target will be skipped" >&2
fi
exec npx vitest run server/contract "$@"
