#!/usr/bin/env bash
# Installs the Debian packages the test peers need (Samba AD DC, DNS, proxy, TLS tools).
# Idempotent: does nothing when everything is present. Needs root (or sudo).
set -euo pipefail

packages=(
  samba samba-ad-dc samba-ad-provision winbind krb5-user ldap-utils ldb-tools  # the Samba test forest (samba-ad-provision: the schema files provisioning reads; only "recommended", so --no-install-recommends would skip it)
  dnsutils                                                   # dig, for scripts and debugging
  openssl                                                    # test certificates
  dnsmasq-base                                               # the intranet and extranet DNS servers
  tinyproxy                                                  # the forward proxies (open, 407 auth, 403 filter)
  chromium                                                   # the HTML report's browser test (driven by playwright-core; no browser download)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-test-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts tinyproxy's own service on 0.0.0.0:8888 where an init system runs; the tests start
# their own instances on loopback and need nothing else listening.
if command -v systemctl >/dev/null && systemctl is-active --quiet tinyproxy 2>/dev/null; then $SUDO systemctl disable --now tinyproxy >/dev/null 2>&1 || true; fi
