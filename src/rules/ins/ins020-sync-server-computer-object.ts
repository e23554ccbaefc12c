import type { SyncServerComputer } from '../../facts/areas/ldap.js';
import { MIN_BUILD } from '../host/ins013-os-unsupported.js';
import { defineRule } from '../rule.js';
import { compareVersions, useForestFact } from '../shared/ldap.js';
import { buildOf, osMajorMinor } from '../shared/os-version.js';

export const ins020 = defineRule({
  meta: {
    id: 'INS020',
    name: 'sync-server-computer-object',
    title: 'The planned sync server is not a domain-joined Windows Server 2016 or later member server',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['P', 'LDAP'],
    needs: ['plan.syncServer.fqdn', 'plan.target.connectVersion', 'ldap.forests.*.syncServerComputer'],
    help:
      'Microsoft Entra Connect must be installed on a domain-joined server running Windows Server 2016 or later (2.x builds). The computer ' +
      'object of the planned server tells before the install whether it is joined (a computer object with its DNS name exists in a ' +
      'connected forest), which operating system it reported when it last updated its object, and whether it is a domain controller: ' +
      'installing on a DC is possible but not recommended (it needs more restrictive settings and puts the sync engine on a tier-0 DC).',
    remediation:
      'Join the server to the domain (its computer object must carry the planned FQDN as dNSHostName), install Windows Server 2016 or ' +
      'later (2022 recommended), and install Entra Connect on a member server; if a DC is intended, set syncServer.isDomainController: true.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    // Setup's texts for a server outside a domain and for a DC (MachineNotDomainJoined, MachineIsNotDomainJoined,
    // InstallNotAllowedOnDomainController), as the Microsoft support article on installation and configuration
    // wizard errors lists them; test/explain/corpus.tsv quotes them with that source.
    knownErrors: {
      texts: ['The computer must be joined to a domain', 'The computer is not joined to any domain', 'cannot be installed on a domain controller'],
      cause: 'The sync server is not joined to a domain of a connected forest (no computer object with its DNS name), or it is a domain controller.',
    },
    messages: {
      notJoined: 'No computer object for the sync server {{fqdn}} in {{forests}}: it is not joined to a connected forest (or its dNSHostName differs)',
      disabled: 'The computer object of the sync server {{fqdn}} ({{dn}}) is disabled',
      oldOs: 'The sync server {{fqdn}} reports {{os}} ({{version}}); Entra Connect {{connect}} needs Windows Server 2016 (build {{minBuild}}) or later',
      isDc: 'The sync server {{fqdn}} is a domain controller ({{dn}}); installing Entra Connect on a DC is not recommended (set syncServer.isDomainController: true if intended)',
    },
  },
  appliesTo(plan) {
    return plan.syncServer === undefined ? 'no syncServer.fqdn is planned (add it so the computer object can be checked)' : true;
  },
  evaluate(ctx) {
    const sync = ctx.plan.syncServer;
    if (sync === undefined) return;
    const planPath = 'syncServer.fqdn';
    const found: SyncServerComputer[] = [];
    let unknown = false;
    for (const forest of ctx.plan.forests) {
      const c = useForestFact(ctx, forest.name, 'syncServerComputer', { planPath, host: sync.fqdn });
      if (c === undefined) unknown = true;
      else if (c.found) found.push(c);
    }
    const c = found[0];
    if (c === undefined) {
      if (!unknown) ctx.report({ messageId: 'notJoined', data: { fqdn: sync.fqdn, forests: ctx.plan.forests.map((f) => f.name) }, at: { planPath, host: sync.fqdn } });
      return;
    }
    const at = { planPath, host: sync.fqdn, dn: c.dn ?? '', ...(c.domain === null ? {} : { domain: c.domain }) };
    if (c.enabled === false) ctx.report({ messageId: 'disabled', data: { fqdn: sync.fqdn, dn: c.dn ?? '' }, at, subject: 'disabled' });
    const build = buildOf(c.operatingSystemVersion);
    const major = osMajorMinor(c.operatingSystemVersion)?.major;
    const connect = ctx.plan.target.connectVersion;
    if (compareVersions(connect, '2.0.0.0') >= 0 && build !== undefined && ((major !== undefined && major < 10) || build < MIN_BUILD))
      ctx.report({
        messageId: 'oldOs',
        data: { fqdn: sync.fqdn, os: c.operatingSystem ?? 'an unknown OS', version: c.operatingSystemVersion ?? '', connect, minBuild: MIN_BUILD },
        at,
        subject: 'os',
      });
    if (c.isDomainController === true && sync.isDomainController !== true)
      ctx.report({ messageId: 'isDc', data: { fqdn: sync.fqdn, dn: c.dn ?? '' }, at, severity: 'warning', subject: 'dc' });
  },
});
