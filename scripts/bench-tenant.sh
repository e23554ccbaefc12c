#!/usr/bin/env bash
# Benchmark: the tenant probe reading a tenant of USERS (default 300,000) cloud-only users from the
# Graph/OIDC loopback peer, against the same Graph GETs issued by one curl process in the same run
# (token fetched by curl too). Prints both times and the ratio. Not part of the test suite.
# Runs in its own network namespace when it can (the peer binds 127.0.0.90).
#
#   bash scripts/bench-tenant.sh
#   USERS=30000 bash scripts/bench-tenant.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "bench: curl is needed for the baseline (apt-get install curl)" >&2; exit 1; }
if [ -z "${BENCH_IN_NS:-}" ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
  exec unshare -n env BENCH_IN_NS=1 bash -c 'ip link set lo up && bash scripts/bench-tenant.sh'
fi
node_modules/.bin/vite-node scripts/bench-tenant.ts
