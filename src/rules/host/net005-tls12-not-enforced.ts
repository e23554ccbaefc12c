import { defineRule } from '../rule.js';
import { serverAt, useServer } from './shared.js';

export const net005 = defineRule({
  meta: {
    id: 'NET005',
    name: 'tls12-not-enforced',
    title: 'TLS 1.2 is not enforced for .NET Framework and SChannel on the sync server',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['WSMAN'],
    needs: ['syncServer.server.tls'],
    help:
      'Microsoft Entra Connect 2.x talks to Microsoft Entra ID over TLS 1.2 only. .NET Framework uses TLS 1.2 only when SchUseStrongCrypto and ' +
      'SystemDefaultTlsVersions are 1 under both the 64-bit and the 32-bit (WOW6432Node) .NETFramework\\v4.0.30319 keys, and SChannel must not ' +
      'have TLS 1.2 disabled (Enabled 0 or DisabledByDefault 1 under SCHANNEL\\Protocols\\TLS 1.2\\Client or Server). Without them the installer ' +
      'and the sign-in page fail. An SChannel value that is not set means the OS default (TLS 1.2 on), so only explicit values are reported.',
    remediation:
      'Set SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 (REG_DWORD) under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 and ' +
      'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319, and Enabled=1, DisabledByDefault=0 under ' +
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client and \\Server; then restart the server.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-tls-enforcement',
    messages: {
      notEnforced: 'TLS 1.2 is not enforced on {{host}}: {{problems}}',
    },
  },
  evaluate(ctx) {
    const tls = useServer(ctx, 'tls');
    if (tls === undefined) return;
    const problems: string[] = [];
    for (const [view, key] of [
      ['dotNet64', '.NETFramework\\v4.0.30319 (64-bit)'],
      ['dotNet32', 'WOW6432Node .NETFramework\\v4.0.30319 (32-bit)'],
    ] as const) {
      const v = tls[view];
      if (v.schUseStrongCrypto !== 1) problems.push(`${key} SchUseStrongCrypto is ${v.schUseStrongCrypto ?? 'not set'}`);
      if (v.systemDefaultTlsVersions !== 1) problems.push(`${key} SystemDefaultTlsVersions is ${v.systemDefaultTlsVersions ?? 'not set'}`);
    }
    for (const [side, name] of [
      ['schannelClient', 'Client'],
      ['schannelServer', 'Server'],
    ] as const) {
      const v = tls[side];
      if (v.enabled === 0) problems.push(`SCHANNEL TLS 1.2\\${name} Enabled is 0`);
      if (v.disabledByDefault !== null && v.disabledByDefault !== 0) problems.push(`SCHANNEL TLS 1.2\\${name} DisabledByDefault is ${v.disabledByDefault}`);
    }
    const at = serverAt(ctx);
    if (problems.length > 0) ctx.report({ messageId: 'notEnforced', data: { host: at.host ?? '', problems }, at });
  },
});
