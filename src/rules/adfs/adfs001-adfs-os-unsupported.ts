import { failed } from '../../facts/fact.js';
import { defineRule, type RuleContext } from '../rule.js';
import { forestFacts } from '../shared/ldap.js';
import { failureKindOf } from '../shared/net.js';
import { compareVersions } from '../shared/version.js';
import { adfsPlanned } from './applies.js';
import { wsmanResults } from './wsman-hosts.js';

/** Windows Server 2012 R2 is NT 6.3. */
export const MIN_OS_VERSION = '6.3';

export const adfs001 = defineRule({
  meta: {
    id: 'ADFS001',
    name: 'adfs-os-unsupported',
    title: 'AD FS or WAP server runs a Windows Server older than 2012 R2',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['WSMAN', 'LDAP'],
    needs: ['plan.adfs.servers', 'wsman.hosts[].result (identify.osVersion)', 'ldap.forests.*.adfsServerComputers? (operatingSystemVersion, where WinRM did not say)'],
    help:
      'The wizard deploys AD FS and the Web Application Proxy only on Windows Server 2012 R2 or later; it cannot configure older ' +
      'servers. The operating system version comes from the WS-Man Identify response (ProductVersion "OS: 6.3.9600 …"); Windows ' +
      'hides it from an anonymous Identify, so for domain-joined AD FS servers the computer account\'s operatingSystemVersion ' +
      '(which the server itself keeps current) is read instead.',
    remediation: 'Use AD FS and WAP servers running Windows Server 2016 or later (2012 R2 at the very least), and update the plan.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      oldOs: '{{role}} server {{host}} reports OS {{osVersion}} ({{productVersion}}); Windows Server 2012 R2 (6.3) or later is required',
      oldOsFromAd: 'AD FS server {{host}}: its computer account {{dn}} says {{operatingSystem}} {{osVersion}}; Windows Server 2012 R2 (6.3) or later is required',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    for (const { server, at, result } of wsmanResults(ctx)) {
      const os = result.identify?.osVersion ?? null;
      const fromAd = os === null && server.role === 'adfs' ? computerAccountOs(ctx, server.host) : undefined;
      if (fromAd !== undefined) {
        if (compareVersions(fromAd.version, MIN_OS_VERSION) < 0)
          ctx.report({ messageId: 'oldOsFromAd', data: { host: server.host, dn: fromAd.dn, operatingSystem: fromAd.name, osVersion: fromAd.raw }, at, subject: server.host });
        continue;
      }
      if (os === null) {
        // No version to judge (unreachable, 401, or a stack that does not report the OS): not evaluated, never passed.
        const why = result.connection !== 'connected' ? `WinRM ${result.connection}` : result.authRequired ? 'WinRM requires authentication, Identify gave no version' : 'Identify response without an OS version';
        ctx.use(failed(server.host, failureKindOf(result.connection), why), `wsman.hosts[${server.host}].identify.osVersion`, at);
        continue;
      }
      if (compareVersions(os, MIN_OS_VERSION) >= 0) continue;
      ctx.report({
        messageId: 'oldOs',
        data: { role: server.role === 'adfs' ? 'AD FS' : 'WAP', host: server.host, osVersion: os, productVersion: result.identify?.productVersion ?? '' },
        at,
        subject: server.host,
      });
    }
  },
});

/**
 * The OS version the AD FS server's computer account holds ("6.3 (9600)" → 6.3), from any forest
 * where the probe found it; undefined when it was not found or says nothing.
 */
function computerAccountOs(ctx: RuleContext, host: string): { version: string; raw: string; name: string; dn: string } | undefined {
  for (const forest of ctx.plan.forests) {
    const lookups = forestFacts(ctx.facts, forest.name)?.adfsServerComputers;
    if (lookups?.status !== 'ok') continue;
    const c = lookups.value.find((l) => l.found && l.server.toLowerCase() === host.toLowerCase());
    const raw = c?.operatingSystemVersion ?? null;
    const version = raw === null ? null : (/^\d+(\.\d+)+/.exec(raw.trim())?.[0] ?? null);
    if (c !== undefined && raw !== null && version !== null) return { version, raw, name: c.operatingSystem ?? 'Windows', dn: c.dn ?? host };
  }
  return undefined;
}
