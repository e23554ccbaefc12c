import { failed } from '../../facts/fact.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import { defineRule } from '../rule.js';
import { describeAnswer, hostOfUrl, resolves } from '../shared/net.js';
import { pingPlanned } from './applies.js';
import { PING_PLAN_PATH, useMetadata } from './metadata.js';

export const ping003 = defineRule({
  meta: {
    id: 'PING003',
    name: 'ping-endpoint-unresolvable',
    title: 'A PingFederate endpoint does not resolve with local DNS',
    severity: 'error',
    page: 'PingFederate',
    sources: ['DNS'],
    needs: ['ping.metadata.document.endpoints', 'ping.endpointLookups[].result'],
    help:
      'The wizard resolves the endpoints named in the PingFederate metadata with the local DNS before it federates the domain, and ' +
      'domain-joined clients are sent to them. A name that only the public DNS knows works for external users but not for the wizard ' +
      'and internal users (warning); a name nobody resolves breaks sign-in (error).',
    remediation: 'Publish the endpoint host names in the internal DNS (and the public one for external users), pointing at PingFederate.',
    messages: {
      unresolved: 'PingFederate endpoint host {{name}} does not resolve with the intranet resolvers ({{intranet}}) nor the extranet ones ({{extranet}})',
      extranetOnly: 'PingFederate endpoint host {{name}} resolves only through the extranet resolver ({{extranet}}); intranet: {{intranet}}',
    },
  },
  appliesTo: pingPlanned,
  evaluate(ctx) {
    const m = useMetadata(ctx);
    if (m === undefined) return;
    if (m.document === null) {
      ctx.use(failed(m.url, 'other', 'no metadata document, so no endpoints to resolve'), 'ping.metadata.document.endpoints', { planPath: PING_PLAN_PATH, host: m.url });
      return;
    }
    const names = [...new Set(m.document.endpoints.map(hostOfUrl).map(normalizeDnsName))].filter((n) => n !== '' && !/^[\d.]+$|:/.test(n));
    const lookups = ctx.facts.ping?.endpointLookups ?? [];
    for (const name of names) {
      const at = { planPath: PING_PLAN_PATH, host: name };
      const mine = lookups.filter((l) => normalizeDnsName(l.name) === name && (l.type === 'A' || l.type === 'AAAA'));
      const seen = { intranet: [] as string[], extranet: [] as string[] };
      let resolvedIn = { intranet: false, extranet: false };
      let answered = { intranet: false, extranet: false };
      for (const l of mine) {
        const a = ctx.use(l.result, `ping.endpointLookups[${l.view}:${name}@${l.resolver}]`, { ...at, host: l.resolver });
        if (a === undefined) continue;
        answered = { ...answered, [l.view]: true };
        if (resolves(a)) resolvedIn = { ...resolvedIn, [l.view]: true };
        seen[l.view].push(`${l.resolver}: ${describeAnswer(a, l.type)}`);
      }
      if (resolvedIn.intranet) continue;
      if (!answered.intranet) {
        if (mine.every((l) => l.view !== 'intranet')) ctx.use(undefined, `ping.endpointLookups[intranet:${name}]`, at);
        continue;
      }
      const data = { name, intranet: seen.intranet, extranet: seen.extranet.length > 0 ? seen.extranet : ['not asked'] };
      if (resolvedIn.extranet) ctx.report({ messageId: 'extranetOnly', data, at, subject: name, severity: 'warning' });
      else ctx.report({ messageId: 'unresolved', data, at, subject: name });
    }
  },
});
