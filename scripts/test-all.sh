#!/usr/bin/env bash
# The full test suite from a fresh machine: Debian packages for the real test peers, npm
# dependencies, a build, then every test (unit, rules, probes against real peers, CLI end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
npm ci --no-audit --no-fund
npm run typecheck
npx vitest run "$@"
