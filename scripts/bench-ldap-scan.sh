#!/usr/bin/env bash
# Benchmark (issue #14 §1): entra-preflight's LDAP probe against ldapsearch issuing exactly the SAME
# searches. One recorded run (ENTRA_PREFLIGHT_LDAP_RECORD) lists every search the probe issues
# (base, scope, filter, attributes, page size, controls, host); scripts/bench-ldap-replay.mjs
# replays them with ldapsearch and checks that each read the same number of entries. Then RUNS
# alternating runs of each; prints the medians and their ratio, the probe's peak RSS, and the time
# of an offline `check --facts` of the bundle it wrote. Not part of the test suite.
#
#   bash scripts/bench-ldap-scan.sh                       # 20000 users, 5 runs
#   USERS=100000 RUNS=3 bash scripts/bench-ldap-scan.sh
#   REPLAY=sequential bash scripts/bench-ldap-scan.sh     # replay one search at a time
#
# Run it in a network namespace of its own (README, "Performance"): the forest (scripts/bench-forest.sh,
# cached under .tmp/samba-bench) is a Samba DC on 127.0.0.13.
#
# What is compared: `collect` (a whole process: Node start, DNS discovery, bind, every read, the
# bundle written) against the replay's wall time from its first ldapsearch start to its last exit
# (its driver's start-up not counted). REPLAY=overlap (default) runs concurrently the searches whose
# recorded intervals overlapped, as the probe ran them (the scan's four searches per base, the
# object counts), and the rest one after another: the same searches with the same concurrency, so
# the ratio measures the client, not a different schedule. Each ldapsearch opens its own connection
# and binds (the probe binds once per DC): that costs the replay a TLS handshake and a bind per
# search, a few ms each here, which the probe's Node start-up (~0.3 s) more than outweighs.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-20000}"
RUNS="${RUNS:-5}"
REPLAY="${REPLAY:-overlap}"
IP=127.0.0.13
export ENTRA_PREFLIGHT_SAMBA_DIR="$PWD/.tmp/samba-bench" ENTRA_PREFLIGHT_SAMBA_IP="$IP"
DIR="$ENTRA_PREFLIGHT_SAMBA_DIR"

bash scripts/bench-forest.sh "$USERS"
[ -f dist/cli/bin.js ] || npm run build >/dev/null

plan="$DIR/bench-plan.yaml"
bash scripts/bench-plan.sh "$DIR" "$IP" > "$plan"
# The same account the probe binds as; the password reaches ldapsearch on a file descriptor only.
export BENCH_PW='Sync-Test-Pa55!' BENCH_BIND='CORP\svc-sync' BENCH_ADDRESS="$IP"
# ldapsearch connects by address (the DC's name resolves only through the DC's own DNS, which the
# probe asks and this host does not): the certificate names dc1.corp.contoso.test, so not demanded.
export LDAPTLS_CACERT="$DIR/private/tls/ca.pem" LDAPTLS_REQCERT=allow

facts="$DIR/bench-facts.json"
record="$DIR/bench-searches.jsonl"
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT

# One run of the probe: prints "wall_ms peak_rss_kb".
ours() {
  local s e
  s=$(date +%s%N)
  /usr/bin/time -o "$tmp" -f '%M' node bin/entra-preflight.js collect --plan "$plan" --output "$facts" >/dev/null 2>&1 || true  # exit 1 = some fact not gathered; the facts were checked above
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(tail -1 "$tmp")"
}
replay() { node scripts/bench-ldap-replay.mjs "$record" "$REPLAY"; }

# Recorded run (also the warm-up), and proof that the probe read every user: a failing side would look fast.
rm -f "$record"
ENTRA_PREFLIGHT_LDAP_RECORD="$record" node bin/entra-preflight.js collect --plan "$plan" --output "$facts" >/dev/null 2>&1 || true
node -e "
const f = require(process.argv[1]).facts.ldap.forests['corp.contoso.test'];
for (const k of ['scan', 'objectCount', 'adminCountUsers', 'connectorAccount']) if (f[k]?.status !== 'ok') { console.error('bench: ' + k + ' is not ok: ' + JSON.stringify(f[k])); process.exit(1) }
const s = f.scan.value;
if (s.usersScanned + s.excluded < Number(process.argv[2])) { console.error('bench: the probe scanned ' + (s.usersScanned + s.excluded) + ' users'); process.exit(1) }
console.error('bench: the probe scanned ' + s.usersScanned + ' users (' + s.excluded + ' excluded)');
" "$facts" "$USERS"
if grep -qi 'pa55' "$record"; then echo "bench: the search record holds the password" >&2; exit 1; fi
first=$(replay)
node -e "
const r = JSON.parse(process.argv[1]);
console.error('bench: ' + r.searches + ' searches recorded, replayed by ldapsearch in ' + r.waves + ' groups');
if (r.mismatches.length > 0) { console.error('bench: entry counts differ:', JSON.stringify(r.mismatches, null, 1)); process.exit(1) }
console.error('bench: every replayed search read the same number of entries as the probe');
" "$first"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
o=(); m=(); t=()
for _ in $(seq 1 "$RUNS"); do
  read -r wall rss < <(ours)
  o+=("$wall"); m+=("$rss")
  t+=("$(replay | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).ms))')")
done
mo=$(printf '%s\n' "${o[@]}" | median); mt=$(printf '%s\n' "${t[@]}" | median)
peak=$(printf '%s\n' "${m[@]}" | sort -n | tail -1)

# The offline half: rules over the bundle just written (median of 5, wall and CPU).
walls=(); cpus=()
for _ in 1 2 3 4 5; do
  /usr/bin/time -o "$tmp" -f '%e %U %S' node bin/entra-preflight.js check --plan "$plan" --facts "$facts" --fail-on never >/dev/null 2>&1 || true
  read -r w u sy < <(tail -1 "$tmp")
  walls+=("$w"); cpus+=("$(echo "$u + $sy" | bc)")
done

echo "users: $USERS, runs: $RUNS, replay: $REPLAY, load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
echo "entra-preflight collect:          median ${mo} ms  [${o[*]}]"
echo "ldapsearch, the same searches:    median ${mt} ms  [${t[*]}]"
awk -v a="$mo" -v b="$mt" 'BEGIN { printf "ratio collect / ldapsearch:        %.2f\n", a / b }'
echo "collect peak RSS:                 $(( peak / 1024 )) MB  [$(printf '%s ' "${m[@]}" | awk '{for (i = 1; i <= NF; i++) printf "%d ", $i / 1024}')MB]"
echo "check --facts (offline):          median wall $(printf '%s\n' "${walls[@]}" | median) s, CPU $(printf '%s\n' "${cpus[@]}" | median) s"
