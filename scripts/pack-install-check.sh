#!/usr/bin/env bash
# Packs the repository, installs the tarball into an empty folder (dependencies from the npm
# registry: needs network, so it is not part of the network-namespaced suite) and runs the
# installed `entra-preflight` bin: `rules`, and `check` of a shipped example (exit 1: it has findings).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
mkdir "$work/empty" && cd "$work/empty" && npm init -y >/dev/null
# --prefer-offline: dependencies come from the npm cache when it has them (the suite runs this).
npm install --silent --no-audit --no-fund --prefer-offline "$work"/entra-preflight-*.tgz
# The installed package runs its bundle (what the launcher prefers), not only the unbundled dist/cli/.
[ -f node_modules/entra-preflight/dist/bundle/bin.js ] || { echo "pack-install-check: the tarball holds no dist/bundle/" >&2; exit 1; }
bin=./node_modules/.bin/entra-preflight
"$bin" rules | tail -1 | grep -q 'rules$'
ex="$OLDPWD/fixtures/examples/phs-single-forest"
set +e; "$bin" check --plan "$ex/plan.yaml" --facts "$ex/facts.json" >"$work/check.txt"; code=$?; set -e
[ "$code" -eq 1 ] && grep -q '✖' "$work/check.txt" || { echo "pack-install-check: example check exited $code" >&2; cat "$work/check.txt" >&2; exit 1; }
echo "pack-install-check: the packed tarball installs and its bin runs rules and an example check"
