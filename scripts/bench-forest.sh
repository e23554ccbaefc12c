#!/usr/bin/env bash
# The benchmark forest: a separate Samba AD DC on 127.0.0.13 holding USERS bulk users, provisioned
# and filled once and cached under .tmp/samba-bench (refilled only when USERS changes). Leaves the
# DC running. Used by scripts/bench-ldap-scan.sh; not part of the test suite.
#
#   bash scripts/bench-forest.sh 20000
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${1:?usage: bench-forest.sh USERS}"
IP=127.0.0.13
export ENTRA_PREFLIGHT_SAMBA_DIR="$PWD/.tmp/samba-bench" ENTRA_PREFLIGHT_SAMBA_IP="$IP"
DIR="$ENTRA_PREFLIGHT_SAMBA_DIR"
BASE="DC=corp,DC=contoso,DC=test"

bash fixtures/samba/forest.sh up
if [ "$(cat "$DIR/bulk-users" 2>/dev/null || echo 0)" != "$USERS" ]; then
  bash fixtures/samba/forest.sh down
  echo "bench: adding $USERS users (once)" >&2
  ldif="$DIR/bulk.ldif"
  : > "$ldif"
  for i in $(seq 1 "$USERS"); do
    printf 'dn: CN=bulk%s,CN=Users,%s\nobjectClass: user\nsAMAccountName: bulk%s\nuserPrincipalName: bulk%s@contoso.com\nmail: bulk%s@contoso.com\n\n' "$i" "$BASE" "$i" "$i" "$i" >> "$ldif"
  done
  ldbadd -H "$DIR/private/sam.ldb" "$ldif" >/dev/null
  echo "$USERS" > "$DIR/bulk-users"
  bash fixtures/samba/forest.sh up
fi
