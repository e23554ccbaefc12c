#!/usr/bin/env bash
# Peak memory of an LDAP-only live `collect` against the benchmark forest (scripts/bench-forest.sh):
# the median of RUNS runs of /usr/bin/time's maximum resident set size (%M), with wall and CPU time.
# Target (issue 14): ≤ 120 MB at 20,000 users, growing ≤ 20 MB from 20,000 to 100,000. Not part of
# the test suite; run it in a network namespace of your own (see README, Performance).
#
#   USERS=20000 RUNS=3 bash scripts/bench-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-20000}"
RUNS="${RUNS:-3}"
IP=127.0.0.13
export ENTRA_PREFLIGHT_SAMBA_DIR="$PWD/.tmp/samba-bench" ENTRA_PREFLIGHT_SAMBA_IP="$IP"
DIR="$ENTRA_PREFLIGHT_SAMBA_DIR"
# BENCH_FOREST_RUNNING=1: the forest already runs in .tmp/samba-bench (e.g. restored from a cache by hand).
[ "${BENCH_FOREST_RUNNING:-}" = 1 ] || bash scripts/bench-forest.sh "$USERS"
[ -f dist/bundle/bin.js ] || npm run build >/dev/null
plan="$DIR/bench-plan.yaml"
bash scripts/bench-plan.sh "$DIR" "$IP" > "$plan"
export BENCH_PW='Sync-Test-Pa55!'
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
rows=()
for _ in $(seq 1 "$RUNS"); do
  /usr/bin/time -o "$tmp" -f '%M %e %U %S' node bin/entra-preflight.js collect --plan "$plan" --output "$DIR/bench-facts.json" -q >/dev/null 2>&1 || true
  rows+=("$(tail -1 "$tmp")")
done
scanned=$(node -e "const f=require(process.argv[1]).facts.ldap.forests['corp.contoso.test'].scan; if (f.status!=='ok') { console.error(f.reason); process.exit(1) } console.log(f.value.usersScanned)" "$DIR/bench-facts.json")
printf '%s\n' "${rows[@]}" | sort -n | awk -v n="$RUNS" -v u="$scanned" '{m[NR]=$1; w[NR]=$2; c[NR]=$3+$4} END {i=int((n+1)/2); printf "users scanned: %d, runs: %d\npeak RSS median %.1f MB (min %.1f, max %.1f); wall %.1f s, CPU %.2f s (that run)\n", u, n, m[i]/1024, m[1]/1024, m[n]/1024, w[i], c[i]}'
