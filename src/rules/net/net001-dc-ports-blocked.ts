import { DC_PORTS, DC_ROLE_PORTS, type DcPorts } from '../../facts/areas/tcp.js';
import { defineRule } from '../rule.js';
import { dcPortResults } from './dc-ports.js';

const PORT_NAMES: Readonly<Record<number, string>> = { 53: 'DNS', 88: 'Kerberos', 135: 'RPC', 389: 'LDAP', 445: 'SMB', 636: 'LDAPS', 3268: 'Global Catalog', 3269: 'Global Catalog over TLS' };

/** The ports a DC must answer on for its roles; a bundle without roles expects every DC_PORTS port, as before roles were read. */
function expectedPorts(dc: DcPorts): readonly number[] {
  if (dc.roles === undefined) return DC_PORTS;
  return [
    ...DC_ROLE_PORTS.everyDc,
    ...(dc.roles.globalCatalog === true ? DC_ROLE_PORTS.globalCatalog : []),
    ...(dc.roles.dnsServer === true ? DC_ROLE_PORTS.dnsServer : []),
  ];
}

export const net001 = defineRule({
  meta: {
    id: 'NET001',
    name: 'dc-ports-blocked',
    title: 'A domain controller does not answer on a port the sync engine needs',
    severity: 'error',
    page: 'Connect your directories',
    sources: ['DNS', 'TCP'],
    needs: ['tcp.domains[].dcs'],
    help:
      'Microsoft Entra Connect talks to the domain controllers on Kerberos (88), RPC (135 and dynamic ports), LDAP (389), ' +
      'SMB (445) and LDAPS (636) on every DC it uses, the Global Catalog (3268/3269) on the DCs that are global catalogs, and DNS (53) on ' +
      'the DCs that serve DNS. A firewall that blocks one of them makes the wizard mark the domain ' +
      'unreachable or makes password hash sync and writeback fail later.',
    remediation:
      'Open the listed ports from this server to the domain controller (and the RPC dynamic range 49152-65535 for RPC), or point the ' +
      'plan at DCs that are reachable.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/reference-connect-ports',
    wizardText: ['domain is unreachable'],
    messages: {
      blocked: 'DC {{host}} of {{domain}} does not answer on {{ports}}',
    },
  },
  evaluate(ctx) {
    for (const { domain, at, dcs } of dcPortResults(ctx)) {
      for (const dc of dcs) {
        const expected = expectedPorts(dc);
        const closed = dc.ports.filter((p) => expected.includes(p.port) && p.result !== 'open');
        if (closed.length === 0) continue;
        const ports = closed.map((p) => `${p.port} (${PORT_NAMES[p.port] ?? 'tcp'}: ${p.result})`);
        ctx.report({ messageId: 'blocked', data: { host: dc.host, domain, ports }, at: { ...at, host: dc.host }, subject: dc.host });
      }
    }
  },
});
