import dns2 from 'dns2';
import type { DnsAnswer, DnsFacts, DnsLookup, DnsRcode } from '../../facts/areas/dns.js';
import { failed, ok } from '../../facts/fact.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { DnsQueryError, queryUdp } from './client.js';
import { questions, type Question } from './questions.js';

export { questions } from './questions.js';

/** `host`, `host:port` or `[v6]:port` → dns2 client options. */
export function resolverAddress(resolver: string): { dns: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(resolver);
  if (v6) return { dns: v6[1] ?? '', port: v6[2] ? Number(v6[2]) : 53 };
  const [host = resolver, port] = resolver.split(':');
  return { dns: host, port: port ? Number(port) : 53 };
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

async function ask(q: Question, timeoutMs: number, signal?: AbortSignal): Promise<DnsLookup['result']> {
  const where = `${q.resolver} (${q.view})`;
  let response;
  try {
    response = await queryUdp(resolverAddress(q.resolver), q.name, q.type, timeoutMs, signal);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    if (!(error instanceof DnsQueryError)) return failed(where, 'other', `resolver ${where}: ${msg}`);
    if (error.kind === 'timeout') return failed(where, 'timeout', `resolver ${where} did not answer ${q.type} ${q.name} within ${Math.round(timeoutMs / 100) / 10} s`);
    if (error.kind === 'refused') return failed(where, 'refused', `resolver ${where} refused the query (${msg})`);
    return failed(where, 'protocol', `resolver ${where} for ${q.type} ${q.name}: ${msg}`);
  }
  // Any answer is a value (NXDOMAIN, NODATA, SERVFAIL, REFUSED): it is what the rules judge.
  const code = response.header.rcode;
  const rcode: DnsRcode = code === RCODE.NOERROR ? 'NOERROR' : code === RCODE.NXDOMAIN ? 'NXDOMAIN' : code === RCODE.SERVFAIL ? 'SERVFAIL' : code === RCODE.REFUSED ? 'REFUSED' : 'OTHER';
  const answer: DnsAnswer = { rcode, cnameChain: [], addresses: [], srv: [], txt: [] };
  for (const a of response.answers as unknown as Record<string, unknown>[]) {
    const type = a['type'];
    if (type === dns2.Packet.TYPE.CNAME && typeof a['domain'] === 'string') answer.cnameChain.push(a['domain'].replace(/\.$/, '').toLowerCase());
    else if ((type === dns2.Packet.TYPE.A || type === dns2.Packet.TYPE.AAAA) && typeof a['address'] === 'string') answer.addresses.push(a['address']);
    else if (type === dns2.Packet.TYPE.SRV)
      answer.srv.push({ target: String(a['target'] ?? '').replace(/\.$/, '').toLowerCase(), port: Number(a['port']), priority: Number(a['priority']), weight: Number(a['weight']) });
    else if (type === dns2.Packet.TYPE.TXT) answer.txt.push(Array.isArray(a['data']) ? a['data'].join('') : String(a['data'] ?? ''));
  }
  return ok(answer);
}

/**
 * DNS (dns2): asks each of the plan's resolvers directly, intranet and extranet apart, with the
 * plan's timeout; lookups run concurrently so ten silent resolvers cost about one timeout.
 */
export const dnsProbe: Probe<'dns'> = {
  id: 'dns',
  ...probeInfo.dns,
  async collect(ctx: ProbeContext): Promise<DnsFacts> {
    const qs = questions(ctx.plan);
    const answers = await Promise.all(qs.map((q) => ask(q, ctx.timeoutMs, ctx.signal)));
    return { lookups: qs.map((q, i) => ({ ...q, name: q.name.toLowerCase().replace(/\.$/, ''), result: answers[i] ?? failed(q.resolver, 'other', 'no answer recorded') })) };
  },
};
