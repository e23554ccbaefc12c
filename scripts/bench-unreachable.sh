#!/usr/bin/env bash
# Benchmark: a full `entra-preflight check` of a plan whose ten hosts accept TCP and never answer
# (127.0.0.80–89: DC/DNS, four AD FS, four WAP, one cloud endpoint), with a per-host timeout of
# T seconds, against curl waiting out ONE silent host with --max-time T (the floor: one timeout)
# and curl waiting out all ten one after another (what sequential probing would cost).
# Prints the medians over RUNS runs and the ratios. Not part of the test suite.
#
#   bash scripts/bench-unreachable.sh            # T=2, 5 runs
#   TIMEOUT=5 RUNS=3 bash scripts/bench-unreachable.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TIMEOUT="${TIMEOUT:-2}"
RUNS="${RUNS:-5}"
HOSTS=(127.0.0.80 127.0.0.81 127.0.0.82 127.0.0.83 127.0.0.84 127.0.0.85 127.0.0.86 127.0.0.87 127.0.0.88 127.0.0.89)
command -v curl >/dev/null || { echo "bench: curl is needed for the baseline (apt-get install curl)" >&2; exit 1; }
[ -f dist/cli/bin.js ] || npm run build >/dev/null

dir="$(mktemp -d)"
node_modules/.bin/vite-node scripts/silent-hosts.ts -- "${HOSTS[@]}" > "$dir/hosts.log" 2>&1 &
peer=$!
trap 'kill $peer 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do grep -q 'silent hosts up' "$dir/hosts.log" 2>/dev/null && break; sleep 0.1; done
grep -q 'silent hosts up' "$dir/hosts.log" || { cat "$dir/hosts.log" >&2; exit 1; }

cat > "$dir/plan.yaml" <<YAML
signIn: { method: adfs }
forests:
  - name: contoso.test
    domainControllers: [${HOSTS[0]}]
    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:BENCH_PW }
adfs:
  farm: existing
  federationServiceName: sts.contoso.test
  servers: [${HOSTS[1]}, ${HOSTS[2]}, ${HOSTS[3]}, ${HOSTS[4]}]
  wapServers: [${HOSTS[5]}, ${HOSTS[6]}, ${HOSTS[7]}, ${HOSTS[8]}]
  domainsToFederate: [contoso.test]
network:
  intranetResolvers: [${HOSTS[0]}]
  extranetResolvers: [${HOSTS[0]}]
  cloudEndpoints: ["https://${HOSTS[9]}/"]
timeouts: { probeSeconds: $TIMEOUT }
YAML
export BENCH_PW=unused

ours() { node bin/entra-preflight.js check --plan "$dir/plan.yaml" --fail-on never --format json > "$dir/report.json" 2>/dev/null; }
one() { curl -sk --max-time "$TIMEOUT" "https://${HOSTS[9]}/" >/dev/null 2>&1 || true; }
ten() { for h in "${HOSTS[@]}"; do curl -sk --max-time "$TIMEOUT" "https://$h/" >/dev/null 2>&1 || true; done; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

# Warm-up, and proof that the check really waited on the hosts (a run that failed fast would look good).
ours
waited=$(node -e "const r=require(process.argv[1]); const hosts=process.argv.slice(2); const seen=new Set(r.notEvaluated.filter(n=>n.kind==='timeout').map(n=>(n.host||'').replace(/^https?:\/\//,'').replace(/[:\/].*$/,''))); console.log(hosts.filter(h=>seen.has(h)).length)" "$dir/report.json" "${HOSTS[@]}")
echo "bench: $waited of ${#HOSTS[@]} hosts reported as timed out" >&2
[ "$waited" -ge "${#HOSTS[@]}" ] || { echo "bench: the check did not wait on every host" >&2; exit 1; }

o=(); a=(); b=()
for _ in $(seq 1 "$RUNS"); do o+=("$(time_ms ours)"); a+=("$(time_ms one)"); b+=("$(time_ms ten)"); done
mo=$(printf '%s\n' "${o[@]}" | median); ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
echo "hosts: ${#HOSTS[@]}, timeout: ${TIMEOUT} s, runs: $RUNS"
echo "entra-preflight check (ten silent hosts, all probes):   median ${mo} ms  [${o[*]}]"
echo "curl --max-time ${TIMEOUT}, one silent host:                 median ${ma} ms  [${a[*]}]"
echo "curl --max-time ${TIMEOUT}, ten silent hosts one by one:     median ${mb} ms  [${b[*]}]"
awk -v o="$mo" -v a="$ma" -v b="$mb" 'BEGIN { printf "ratio entra-preflight / one timeout: %.2f   entra-preflight / sequential: %.2f\n", o / a, o / b }'
