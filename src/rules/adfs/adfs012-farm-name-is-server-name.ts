import { normalizeDnsName } from '../../facts/areas/dns.js';
import { defineRule } from '../rule.js';
import { lookupsFor } from '../shared/net.js';
import { adfsPlanned } from './applies.js';

const shortName = (host: string): string => normalizeDnsName(host).split('.')[0] ?? '';

export const adfs012 = defineRule({
  meta: {
    id: 'ADFS012',
    name: 'farm-name-is-server-name',
    title: 'Federation service name is an AD FS server\'s own host name',
    severity: 'error',
    page: 'AD FS farm',
    sources: ['P', 'DNS'],
    needs: ['plan.adfs.federationServiceName', 'plan.adfs.servers', 'dns.lookups[purpose=federation-service,type=A,view=intranet].result? (the name alone often decides)'],
    help:
      'The federation service name gets an SPN (host/<name>) on the AD FS service account. When it is also a server\'s own name, ' +
      'that SPN already belongs to the computer account, Kerberos tickets go to the wrong account and Windows integrated ' +
      'authentication breaks. The name must be a name of its own, pointing at the farm\'s load balancer.',
    remediation: 'Choose a federation service name that is not the name of any AD FS server (for example fs.<domain> or sts.<domain>).',
    messages: {
      sameName: 'Federation service name {{name}} is the host name of AD FS server {{server}}',
      aliasOfServer: 'Federation service name {{name}} is an alias of AD FS server {{server}} (CNAME chain {{chain}} from resolver {{resolver}})',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const adfs = ctx.plan.adfs;
    if (adfs === undefined) return;
    const name = normalizeDnsName(adfs.federationServiceName);
    const flagged = new Set<string>();
    adfs.servers.forEach((server) => {
      const s = normalizeDnsName(server);
      // A server written as a short name matches the federation name's first label only when it is the same machine name.
      const same = s === name || (!s.includes('.') && s === shortName(name));
      if (!same) return;
      flagged.add(s);
      ctx.report({ messageId: 'sameName', data: { name: adfs.federationServiceName, server }, at: { planPath: 'adfs.federationServiceName', host: server }, subject: server });
    });
    // The DNS part: the intranet name is a CNAME to a server's own name. Failed lookups do not matter here (the plan part decided).
    for (const lookup of lookupsFor(ctx.facts, 'federation-service', 'A', name, 'intranet')) {
      if (lookup.result.status !== 'ok') continue;
      const chain = lookup.result.value.cnameChain.map(normalizeDnsName);
      for (const server of adfs.servers) {
        const s = normalizeDnsName(server);
        if (flagged.has(s)) continue;
        if (!chain.some((c) => c === s || (!s.includes('.') && shortName(c) === s))) continue;
        flagged.add(s);
        ctx.report({
          messageId: 'aliasOfServer',
          data: { name: adfs.federationServiceName, server, chain: chain.join(' -> '), resolver: lookup.resolver },
          at: { planPath: 'adfs.federationServiceName', host: server },
          subject: server,
        });
      }
    }
  },
});
