#!/usr/bin/env bash
# Benchmark: entra-preflight's LDAP probe (which pages through every in-scope user) against
# `ldapsearch -E pr=1000/noprompt` reading the same users over LDAPS from the same Samba DC.
# Prints the median wall time of each over RUNS runs and the ratio. Not part of the test suite.
#
#   bash scripts/bench-ldap-scan.sh            # 5000 users, 5 runs
#   USERS=20000 RUNS=3 bash scripts/bench-ldap-scan.sh
#
# A separate forest on 127.0.0.13 holds the bulk users; it is provisioned and filled once and
# cached under .tmp/ (filling runs at ~90 users/s, CPU-bound, with samba stopped).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-5000}"
RUNS="${RUNS:-5}"
IP=127.0.0.13
export ENTRA_PREFLIGHT_SAMBA_DIR="$PWD/.tmp/samba-bench" ENTRA_PREFLIGHT_SAMBA_IP="$IP"
DIR="$ENTRA_PREFLIGHT_SAMBA_DIR"
BASE="DC=corp,DC=contoso,DC=test"

bash scripts/bench-forest.sh "$USERS"
[ -f dist/cli/bin.js ] || npm run build >/dev/null

plan="$DIR/bench-plan.yaml"
cat > "$plan" <<YAML
signIn: { method: phs }
forests:
  - name: corp.contoso.test
    domainControllers: [dc1.corp.contoso.test]
    ldap: { security: ldaps, caFile: $DIR/private/tls/ca.pem }
    connectorAccount: { mode: existing, name: CORP\\svc-sync, password: env:BENCH_PW }
network: { intranetResolvers: [$IP], cloudEndpoints: [] }  # the LDAP probe only: no cloud checks
timeouts: { probeSeconds: 120 }
YAML
export BENCH_PW='Sync-Test-Pa55!'
export LDAPTLS_CACERT="$DIR/private/tls/ca.pem" LDAPTLS_REQCERT=demand

ours() { node bin/entra-preflight.js collect --plan "$plan" --output "$DIR/bench-facts.json" 2>/dev/null; }
# The password goes through a file descriptor (-y), never the command line.
theirs() { ldapsearch -LLL -x -H "ldaps://dc1.corp.contoso.test" -D 'svc-sync@corp.contoso.test' -y <(printf %s "$BENCH_PW") \
  -b "$BASE" -E pr=1000/noprompt '(&(objectCategory=person)(objectClass=user))' sAMAccountName userPrincipalName; }

# ldapsearch must reach dc1.corp.contoso.test; resolve it through the DC's own DNS for this process.
if ! getent hosts dc1.corp.contoso.test >/dev/null; then
  theirs() { ldapsearch -LLL -x -H "ldaps://$IP" -D 'svc-sync@corp.contoso.test' -y <(printf %s "$BENCH_PW") \
    -b "$BASE" -E pr=1000/noprompt '(&(objectCategory=person)(objectClass=user))' sAMAccountName userPrincipalName; }
  export LDAPTLS_REQCERT=allow  # the certificate names dc1.corp.contoso.test, which this host cannot resolve
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# Warm-up, and proof that both sides read every user (a failing side would look fast).
ours
seen=$(node -e "const f=require(process.argv[1]).facts.ldap.forests['corp.contoso.test'].scan; if (f.status!=='ok') { console.error(f.reason); process.exit(1) } console.log(f.value.usersScanned + f.value.excluded)" "$DIR/bench-facts.json")
got=$(theirs | grep -c '^dn:' || true)
echo "bench: entra-preflight scanned $seen users, ldapsearch returned $got" >&2
[ "$got" -ge "$USERS" ] || { echo "bench: ldapsearch did not read the users; is the DC up?" >&2; exit 1; }
o=(); t=()
for _ in $(seq 1 "$RUNS"); do o+=("$(time_ms ours)"); t+=("$(time_ms eval 'theirs >/dev/null')"); done
mo=$(printf '%s\n' "${o[@]}" | median); mt=$(printf '%s\n' "${t[@]}" | median)
echo "users: $USERS, runs: $RUNS"
echo "entra-preflight collect (whole LDAP probe incl. paged scan): median ${mo} ms  [${o[*]}]"
echo "ldapsearch -E pr=1000 (users only):                         median ${mt} ms  [${t[*]}]"
awk -v a="$mo" -v b="$mt" 'BEGIN { printf "ratio entra-preflight / ldapsearch: %.2f\n", a / b }'
