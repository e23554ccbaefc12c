import { failed } from '../../facts/fact.js';
import { defineRule } from '../rule.js';
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
    sources: ['WSMAN'],
    needs: ['wsman.hosts[].result.identify.osVersion'],
    help:
      'The wizard deploys AD FS and the Web Application Proxy only on Windows Server 2012 R2 or later; it cannot configure older ' +
      'servers. The operating system version comes from the WS-Man Identify response (ProductVersion "OS: 6.3.9600 …").',
    remediation: 'Use AD FS and WAP servers running Windows Server 2016 or later (2012 R2 at the very least), and update the plan.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    messages: {
      oldOs: '{{role}} server {{host}} reports OS {{osVersion}} ({{productVersion}}); Windows Server 2012 R2 (6.3) or later is required',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    for (const { server, at, result } of wsmanResults(ctx)) {
      const os = result.identify?.osVersion ?? null;
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
