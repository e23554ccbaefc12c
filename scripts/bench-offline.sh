#!/usr/bin/env bash
# Offline speed benchmark: median wall and CPU (user+sys) time of `check --facts` on a shipped
# example, `rules` and `explain`, each run RUNS times (default 7) from the built CLI (dist/).
# Target (issue 14): each ≤ 0.3 s. On a shared, loaded machine wall time includes waiting for a
# CPU; CPU time is the figure that does not depend on the neighbours.
#   usage: scripts/bench-offline.sh [runs]     (run `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
[ -f dist/facts/bundle-validator.cjs ] || { echo "build first: npm run build" >&2; exit 2; }
ex=fixtures/examples/phs-single-forest
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT

bench() {
  local label="$1"; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f '%e %U %S' node bin/entra-preflight.js "$@" >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -1 "$tmp")
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
  done
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-24s median wall %5.2f s   median CPU %5.2f s   (%s runs)\n' "$label" "$mw" "$mc" "$runs"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, node $(node --version)"
bench 'check --facts (phs)' check --plan "$ex/plan.yaml" --facts "$ex/facts.json" --fail-on never
bench 'rules' rules
bench 'explain ACC001' explain ACC001
bench '--version (node floor)' --version
