import { adfsPlanned } from '../adfs/applies.js';
import { defineRule } from '../rule.js';
import { isNonPublicAddress, resolves } from '../shared/net.js';
import { FS_PLAN_PATH, fsAnswers } from './fs-lookups.js';

export const dns004 = defineRule({
  meta: {
    id: 'DNS004',
    name: 'fs-name-extranet-private-address',
    title: 'Public answer for the federation service name is private or the same as inside',
    severity: 'warning',
    page: 'AD FS farm',
    sources: ['DNS'],
    needs: ['dns.lookups[purpose=federation-service,type=A].result'],
    help:
      'Users outside the network must reach the WAP servers through a public address. A private or loopback address in public DNS ' +
      'cannot be reached from the internet. With WAP servers planned, the usual split-brain design answers inside with the AD FS ' +
      'load balancer and outside with the WAP address; the same answer on both sides usually means one zone is missing.',
    remediation:
      'Point the public record at the public address of the WAP servers (or their load balancer), and the internal record at the ' +
      'AD FS load balancer.',
    messages: {
      privateAddress: 'Extranet resolver {{resolver}} answers {{name}} with non-public address(es) {{addresses}}',
      sameAnswer: '{{name}} gives the same addresses ({{addresses}}) inside and outside while WAP servers are planned',
    },
  },
  appliesTo: adfsPlanned,
  evaluate(ctx) {
    const extranet = fsAnswers(ctx, 'extranet').filter((x) => resolves(x.answer));
    for (const { lookup, answer } of extranet) {
      const privates = answer.addresses.filter(isNonPublicAddress);
      if (privates.length === 0) continue;
      ctx.report({
        messageId: 'privateAddress',
        data: { name: lookup.name, resolver: lookup.resolver, addresses: privates },
        at: { planPath: FS_PLAN_PATH, host: lookup.name },
        subject: `${lookup.name}@${lookup.resolver}`,
      });
    }
    if ((ctx.plan.adfs?.wapServers.length ?? 0) === 0 || extranet.length === 0) return;
    const intranet = fsAnswers(ctx, 'intranet').filter((x) => resolves(x.answer));
    if (intranet.length === 0) return;
    const key = (addresses: readonly string[]): string => [...addresses].sort().join(',');
    const inside = new Set(intranet.map((x) => key(x.answer.addresses)));
    const outside = new Set(extranet.map((x) => key(x.answer.addresses)));
    const same = [...outside].filter((k) => inside.has(k));
    if (same.length > 0 && inside.size === 1 && outside.size === 1) {
      const first = extranet[0];
      if (first === undefined) return;
      ctx.report({
        messageId: 'sameAnswer',
        data: { name: first.lookup.name, addresses: first.answer.addresses },
        at: { planPath: 'adfs.wapServers', host: first.lookup.name },
        subject: `${first.lookup.name}:same`,
      });
    }
  },
});
