#!/usr/bin/env bash
# The benchmark forest: a separate Samba AD DC on 127.0.0.13 (LMDB backend) holding USERS bulk users
# in ten OUs, filled once per size and cached, so that a second run starts in seconds. Leaves the DC
# running and serving in .tmp/samba-bench. Used by scripts/bench-ldap-scan.sh; not part of the suite.
#
#   bash scripts/bench-forest.sh 20000
#   BENCH_VERIFY=1 bash scripts/bench-forest.sh 100000   # also count the users over LDAPS (paged)
#
# Caches: .tmp/samba-bench-cache/samba-bench-USERS-vN.tar.zst, one per size (switching sizes restores
# the other archive; nothing is refilled). ENTRA_PREFLIGHT_BENCH_CACHE names a further folder that is
# only read (e.g. /work/cache, shared between worktrees). See fixtures/samba/README.md "Bench forests"
# for why the fill is done the way it is and what it costs.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${1:?usage: bench-forest.sh USERS}"
case "$USERS" in *[!0-9]*|"") echo "usage: bench-forest.sh USERS (a number)" >&2; exit 2 ;; esac
IP=127.0.0.13
# The version of what a fill writes (users, attributes, OUs, method). Bump it when the generator
# below changes, so that an archive made by another version is never taken for this one.
FILL=1
export ENTRA_PREFLIGHT_SAMBA_DIR="$PWD/.tmp/samba-bench" ENTRA_PREFLIGHT_SAMBA_IP="$IP"
# LMDB rather than tdb: ldb opens tdb files with a fixed 10,000-bucket hash and a user takes ~11
# records, so at 100,000 users a lookup walks chains of ~100, while LMDB's B-tree stays logarithmic.
# Measured at 100k the two filled and served at rates within this machine's noise (README.md).
# ENTRA_PREFLIGHT_BENCH_BACKEND=tdb builds (and caches, under another name) a tdb forest instead,
# to compare the two.
BACKEND="${ENTRA_PREFLIGHT_BENCH_BACKEND:-mdb}"
case "$BACKEND" in mdb|tdb) ;; *) echo "bench-forest: ENTRA_PREFLIGHT_BENCH_BACKEND must be mdb or tdb" >&2; exit 2 ;; esac
export ENTRA_PREFLIGHT_SAMBA_BACKEND="$BACKEND"
DIR="$ENTRA_PREFLIGHT_SAMBA_DIR"
BASE="DC=corp,DC=contoso,DC=test"
CACHE_DIR="$PWD/.tmp/samba-bench-cache"
NAME="samba-bench-$USERS-v$FILL$([ "$BACKEND" = mdb ] || echo "-$BACKEND").tar.zst"
TAG="users=$USERS fill=v$FILL backend=$BACKEND"
CHUNK=10000

log() { echo "bench-forest: $*" >&2; }
forest() { bash fixtures/samba/forest.sh "$@"; }

# Persons the directory holds besides the bulk users (Administrator, krbtgt, Guest, the planted
# accounts), counted in the database itself, so the check after a fill does not hard-code them.
count_persons_offline() {
  ldbsearch -H "$DIR/private/sam.ldb" -b "$BASE" '(&(objectCategory=person)(objectClass=user))' dn | grep -c '^dn: ' || true
}

# A paged LDAPS search as the connector account, as the benchmark does; the password goes through a
# file descriptor, never the command line. The certificate names dc1.corp.contoso.test, which this
# host may not resolve: the address is used and the name check relaxed (loopback, own CA).
count_persons_ldaps() {
  LDAPTLS_CACERT="$DIR/private/tls/ca.pem" LDAPTLS_REQCERT=allow \
    ldapsearch -LLL -x -H "ldaps://$IP" -D 'svc-sync@corp.contoso.test' -y <(printf %s 'Sync-Test-Pa55!') \
    -b "$BASE" -E pr=1000/noprompt '(&(objectCategory=person)(objectClass=user))' 1.1 | grep -c '^dn: ' || true
}

verify() {
  local want got s e
  want="$(cat "$DIR/.bench-persons")"
  s=$(date +%s%N); got="$(count_persons_ldaps)"; e=$(date +%s%N)
  log "paged LDAPS search (pr=1000) returned $got persons in $(( (e - s) / 1000000 )) ms; expected $want ($USERS bulk + the built-in and planted ones)"
  [ "$got" = "$want" ] || { log "count mismatch"; return 1; }
}

# The users of one chunk, numbered FROM..TO. A spread like a real domain's, so the scan has work that
# means something: ten department OUs, names, half of them mail-enabled with a primary and a secondary
# proxy address, one in ten disabled, one in a thousand with adminCount = 1 (ACC007's population).
# UPNs, mails and proxy addresses are all unique. No passwords: nothing signs in as these users.
gen_users() {
  python3 - "$1" "$2" "$BASE" <<'PY'
import sys
lo, hi, base = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
depts = ["Sales", "Marketing", "Engineering", "Finance", "HR", "Support", "Legal", "Operations", "Research", "Facilities"]
given = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Karin", "Liam"]
out = []
for i in range(lo, hi + 1):
    g, s = given[i % len(given)], "User%06d" % i
    sam = "bench%06d" % i
    out.append("dn: CN=%s,OU=%s,OU=Bench,%s\nobjectClass: user\nsAMAccountName: %s\n" % (sam, depts[i % 10], base, sam))
    out.append("userPrincipalName: %s@contoso.com\ngivenName: %s\nsn: %s\ndisplayName: %s %s\n" % (sam, g, s, g, s))
    out.append("department: %s\n" % depts[i % 10])
    # 0x220 (normal account, no password required) or 0x222 (also disabled): without a password Samba
    # accepts no other enabled state.
    out.append("userAccountControl: %d\n" % (546 if i % 10 == 0 else 544))
    if i % 2 == 0:
        out.append("mail: %s@contoso.com\nproxyAddresses: SMTP:%s@contoso.com\nproxyAddresses: smtp:%s@corp.contoso.test\n" % (sam, sam, sam))
    if i % 1000 == 0:
        out.append("adminCount: 1\n")
    out.append("\n")
sys.stdout.write("".join(out))
PY
}

gen_ous() {
  printf 'dn: OU=Bench,%s\nobjectClass: organizationalUnit\n\n' "$BASE"
  for d in Sales Marketing Engineering Finance HR Support Legal Operations Research Facilities; do
    printf 'dn: OU=%s,OU=Bench,%s\nobjectClass: organizationalUnit\n\n' "$d" "$BASE"
  done
}

# The archive holds the folder it was filled in, written into smb.conf and krb5.conf; restored into
# another worktree every such path is rewritten, as forest.sh's restore does for its own archives.
restore() {
  forest down
  rm -rf "$DIR"; mkdir -p "$DIR"
  zstd -dc -q "$1" | tar xf - -C "$DIR"
  local from
  from="$(cat "$DIR/.provisioned-in")"
  if [ "$from" != "$DIR" ]; then
    grep -rlIF --exclude='*.ldb' --exclude='*.tdb' --exclude='*.ldb-lock' "$from" "$DIR" | while IFS= read -r f; do
      FROM="$from" TO="$DIR" perl -pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/g' "$f"
    done
    echo "$DIR" > "$DIR/.provisioned-in"
  fi
  [ "$(cat "$DIR/.bench")" = "$TAG" ] || { log "$1 holds '$(cat "$DIR/.bench")', not '$TAG'"; return 1; }
  log "restored $1"
}

# Offline, with samba stopped, through Samba's whole module stack (sam.ldb: RIDs, SIDs, GUIDs,
# security descriptors, replication metadata, password-less user defaults), so the DC is as consistent
# as one filled over LDAP. Two choices make it fast; see fixtures/samba/README.md for the figures:
# - batch_mode: ldb_kv otherwise wraps every add in a sub-transaction and, at its commit, copies each
#   index list the add touched into the transaction's index cache; the lists for objectClass=user,
#   objectCategory=person, sAMAccountType etc. hold every user's GUID, so each add copies O(users)
#   bytes and the fill is quadratic (~6 s per 1,000 at first, ~40 s per 1,000 at 8,000). In batch mode
#   a failed add aborts the whole transaction instead, which is all a fill needs (it is redone).
# - chunks of $CHUNK users, one ldbadd (one transaction) each: bounded memory, visible progress.
fill() {
  local t0 t1 s e from to n persons
  t0=$(date +%s)
  forest down
  # forest.sh restores its own cached provisioned forest (or provisions one) into an empty folder.
  rm -rf "$DIR"
  forest up
  forest down
  persons="$(count_persons_offline)"
  gen_ous > "$DIR/bench-ous.ldif"
  ldbadd --nosync -H "$DIR/private/sam.ldb" "$DIR/bench-ous.ldif" >/dev/null
  from=1
  while [ "$from" -le "$USERS" ]; do
    to=$(( from + CHUNK - 1 )); [ "$to" -le "$USERS" ] || to="$USERS"
    gen_users "$from" "$to" > "$DIR/bench-chunk.ldif"
    s=$(date +%s%N)
    ldbadd --nosync -o batch_mode:1 -H "$DIR/private/sam.ldb" "$DIR/bench-chunk.ldif" >/dev/null
    e=$(date +%s%N)
    n=$(( to - from + 1 ))
    log "users $from..$to: $(( (e - s) / 1000000 )) ms, $(( n * 1000000000 / (e - s) )) users/s"
    from=$(( to + 1 ))
  done
  rm -f "$DIR/bench-chunk.ldif" "$DIR/bench-ous.ldif"
  echo $(( persons + USERS )) > "$DIR/.bench-persons"
  [ "$(count_persons_offline)" = "$(cat "$DIR/.bench-persons")" ] || { log "the database does not hold $(cat "$DIR/.bench-persons") persons"; return 1; }
  echo "$TAG" > "$DIR/.bench"
  t1=$(date +%s)
  log "filled $USERS users in $(( t1 - t0 )) s (provisioning or restoring the base forest included); database $(du -sh "$DIR/private/sam.ldb.d" | cut -f1)"
  mkdir -p "$CACHE_DIR"
  # Sockets are recreated at start; leave them out of the archive, as forest.sh does.
  tar cf - --exclude='*.sock*' --exclude='./msg.sock' --exclude='ldapi' --exclude='pipe' -C "$DIR" . 2>/dev/null \
    | zstd -q -T0 -3 -o "$CACHE_DIR/$NAME.tmp" && mv -f "$CACHE_DIR/$NAME.tmp" "$CACHE_DIR/$NAME"
  log "cached in $CACHE_DIR/$NAME ($(du -h "$CACHE_DIR/$NAME" | cut -f1))"
  echo "$(( t1 - t0 ))" > "$DIR/.bench-fill-seconds"
}

fresh=0
if [ "$(cat "$DIR/.bench" 2>/dev/null || true)" = "$TAG" ]; then
  log "the forest in $DIR already holds $USERS users"
elif [ -f "$CACHE_DIR/$NAME" ]; then
  restore "$CACHE_DIR/$NAME"
elif [ -n "${ENTRA_PREFLIGHT_BENCH_CACHE:-}" ] && [ -f "$ENTRA_PREFLIGHT_BENCH_CACHE/$NAME" ]; then
  restore "$ENTRA_PREFLIGHT_BENCH_CACHE/$NAME"
else
  log "no cached forest with $USERS users: filling one (once)"
  fill
  fresh=1
fi
forest start
if [ "$fresh" = 1 ] || [ -n "${BENCH_VERIFY:-}" ]; then verify; fi
