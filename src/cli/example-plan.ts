/**
 * The plan `entra-preflight init` writes: every wizard page in order, with the choices commented.
 * A test parses it with the plan schema, so it cannot drift from what `check` accepts.
 */
export const examplePlan = `# entra-preflight plan: the choices you will make in the Entra Connect custom-install wizard.
# Check it with:   entra-preflight check --plan plan.yaml
# Every field:     entra-preflight schema plan
# Secrets are never written here: use env:NAME, file:PATH (relative to this file) or prompt.
version: 1
name: Contoso production sync

target:
  connectVersion: 2.5.79.0      # the Entra Connect build you will install
  deployment: production        # production | pilot

# --- Install required components ---------------------------------------------------------
install:
  path: C:\\Program Files\\Microsoft Azure AD Sync   # custom installation location (optional)
  sql:
    mode: localdb               # localdb (SQL Express LocalDB, 10 GB) | existing
    # server: sql01.contoso.com # existing SQL Server: SERVER, SERVER\\INSTANCE or SERVER,PORT
    # instance: ADSYNC
    # port: 1433
    # database: ADSync
    # login: { kind: sql, name: adsync-installer, password: env:SQL_INSTALLER_PW }
  serviceAccount:
    kind: virtual               # virtual | gmsa | msa | domain
    # name: CONTOSO\\gmsa-adsync$
  # syncGroups:                 # custom sync groups: must be LOCAL groups of this server
  #   administrators: ADSyncAdmins
  # importSettings: C:\\Setup\\Exported-ServerConfiguration-5d1f6a0e   # "Import synchronization settings": the folder MigrateSettings.ps1 exported (INS008)

# --- User sign-in ------------------------------------------------------------------------
signIn:
  method: phs                   # phs | pta | adfs | pingfederate | none
  seamlessSso: true

hybridIdentityAdministrator:
  upn: sync-admin@contoso.onmicrosoft.com
  auth: mfa                     # password | mfa | smartcard | passwordless | federated

tenant:
  initialDomain: contoso.onmicrosoft.com
  verifiedDomains: [contoso.com]

# --- Connect your directories ------------------------------------------------------------
forests:
  - name: contoso.com
    # domainControllers: [dc1.contoso.com]   # found through DNS SRV records when omitted
    ldap:
      security: ldaps           # ldaps | starttls
      # caFile: contoso-root-ca.pem
    connectorAccount:
      mode: existing            # existing | create
      name: CONTOSO\\svc-aadsync
      password: env:CONTOSO_SYNC_PASSWORD
      # mode: create
      # enterpriseAdmin: { name: CONTOSO\\ea-admin, password: prompt }
    sso:
      enabled: true
      credentials: { name: CONTOSO\\da-admin, password: prompt }
    # ous:
    #   exclude: ["OU=Service Accounts,DC=contoso,DC=com"]

# --- Uniquely identifying your users -----------------------------------------------------
identity:
  signInAttribute: userPrincipalName
  matching: { method: none }    # none | mail | objectSid-msExchMasterAccountSid | samAccountName-mailNickname | attribute
  sourceAnchor: { mode: azure-managed }   # azure-managed | attribute (with attribute: ...)

# --- Filter users and devices (pilot only) -------------------------------------------------
# pilotGroup: { forest: contoso.com, group: "CN=Entra Pilot,OU=Groups,DC=contoso,DC=com" }

# --- Optional features -------------------------------------------------------------------
features:
  passwordHashSync: true
  passwordWriteback: false
  exchangeHybrid: false
  groupWriteback: false
  # groupWritebackOu: "OU=Cloud Groups,DC=contoso,DC=com"   # the writeback page's OU; rights are read there
  deviceWriteback: false

stagingMode: false

# --- Network: resolvers the probes use (never only this machine's resolver) ----------------
network:
  intranetResolvers: [10.0.0.10]
  extranetResolvers: [1.1.1.1]
  # The proxy Entra Connect will use (machine.config); without it HTTPS_PROXY/NO_PROXY apply.
  # proxy:
  #   url: http://proxy.contoso.com:3128
  #   credentials: { name: CONTOSO\\svc-aadsync, password: env:PROXY_PASSWORD }
  # caFile: proxy-root.pem          # root of a TLS-inspecting proxy, if there is one
  # cloudEndpoints: []              # [] skips the Microsoft Entra endpoint checks (air-gapped runs)

timeouts:
  probeSeconds: 15

# Accepted findings, with a reason (and an expiry so they are looked at again):
# suppressions:
#   - rule: ACC006
#     location: contoso.com
#     reason: password rotation is handled by our PAM system
#     expires: 2027-06-30
`;
