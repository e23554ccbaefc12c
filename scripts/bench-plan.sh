#!/usr/bin/env bash
# The benchmark plan (LDAP only) for the bench forest in DIR on IP, written to stdout; shared by
# bench-ldap-scan.sh and bench-memory.sh so both measure the same run. The password comes from
# BENCH_PW (env: reference), never the plan.
#
#   bash scripts/bench-plan.sh DIR IP > plan.yaml
set -euo pipefail
DIR="${1:?usage: bench-plan.sh DIR IP}" IP="${2:?usage: bench-plan.sh DIR IP}"
cat <<YAML
signIn: { method: phs }
forests:
  - name: corp.contoso.test
    domainControllers: [dc1.corp.contoso.test]
    ldap: { security: ldaps, caFile: $DIR/private/tls/ca.pem }
    connectorAccount: { mode: existing, name: CORP\\svc-sync, password: env:BENCH_PW }
    domains: { exclude: [child.corp.contoso.test] }  # forest.sh plants a crossRef to a child DC the bench does not run
network: { intranetResolvers: [$IP], cloudEndpoints: [] }  # the LDAP probe only: no cloud checks
timeouts: { probeSeconds: 300 }
YAML
