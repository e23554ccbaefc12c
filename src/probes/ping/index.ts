import { Resolver } from 'node:dns/promises';
import { readPlanFile } from '../plan-file.js';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { intranetLookup } from '../intranet-lookup.js';
import { normalizeDnsName, type DnsAnswer, type DnsLookup, type DnsView } from '../../facts/areas/dns.js';
import type { PingFacts, PingMetadata } from '../../facts/areas/ping.js';
import { failed, ok, type Fact } from '../../facts/fact.js';
import type { Plan } from '../../plan/schema.js';
import { MAX_METADATA_BYTES, readBoundedBody, ResponseTooLarge } from '../bounded-body.js';
import { connectionOutcomeOf } from '../http-outcome.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { analyseMetadata } from './metadata.js';


/** serverUrl with the plan's port, then metadataPath (which carries the PartnerSpId query). */
export function metadataUrl(ping: NonNullable<Plan['pingFederate']>): string {
  const url = new URL(ping.serverUrl);
  url.port = String(ping.port);
  const path = ping.metadataPath.startsWith('/') ? ping.metadataPath : `/${ping.metadataPath}`;
  return `${url.origin}${path}`;
}

async function fetchMetadata(ctx: ProbeContext, url: string, dispatcher: Agent): Promise<Fact<PingMetadata>> {
  const budget = AbortSignal.timeout(ctx.timeoutMs);
  const host = new URL(url).host;
  try {
    const res = await request(url, { method: 'GET', dispatcher, signal: AbortSignal.any([ctx.signal, budget]), headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
    const body = await readBoundedBody(res.body, { host, what: 'the PingFederate metadata', limit: MAX_METADATA_BYTES, contentLength: res.headers['content-length'] });
    if (res.statusCode !== 200) return ok({ url, connection: 'connected', status: res.statusCode, error: null, document: null });
    return ok({ url, connection: 'connected', status: res.statusCode, error: null, document: analyseMetadata(body.toString('utf8')) });
  } catch (e) {
    if (e instanceof ResponseTooLarge) {
      ctx.log(`ping: ${url}: ${e.message}`);
      return failed(host, 'protocol', e.message);
    }
    const { connection, error } = connectionOutcomeOf(e, budget.aborted, 'pingFederate.caFile');
    ctx.log(`ping: ${url}: ${connection}: ${error}`);
    return ok({ url, connection, status: null, error, document: null });
  }
}

function hostOf(endpoint: string): string | null {
  try {
    const h = new URL(endpoint).hostname;
    return h === '' || isIP(h.replace(/^\[|\]$/g, '')) !== 0 ? null : normalizeDnsName(h);
  } catch {
    return null;
  }
}

const rcodeOf: Record<string, DnsAnswer['rcode']> = { ENOTFOUND: 'NXDOMAIN', ENODATA: 'NOERROR', ESERVFAIL: 'SERVFAIL', EREFUSED: 'REFUSED' };

/** One A query to one resolver. An answer (even NXDOMAIN) is a value; no answer is a failed fact. */
async function lookupA(ctx: ProbeContext, resolverAddress: string, name: string): Promise<Fact<DnsAnswer>> {
  const ip = resolverAddress.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^([^:]+):\d+$/, '$1');
  if (isIP(ip) === 0) return failed(resolverAddress, 'other', `resolver ${resolverAddress} is not an IP address (network.*Resolvers must be addresses)`);
  const resolver = new Resolver({ timeout: ctx.timeoutMs, tries: 1 });
  resolver.setServers([resolverAddress]);
  const abort = () => resolver.cancel();
  ctx.signal.addEventListener('abort', abort, { once: true });
  try {
    const addresses = await resolver.resolve4(name);
    return ok({ rcode: 'NOERROR', cnameChain: [], addresses, srv: [], txt: [] });
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    const rcode = rcodeOf[code];
    if (rcode !== undefined) return ok({ rcode, cnameChain: [], addresses: [], srv: [], txt: [] });
    if (code === 'ETIMEOUT' || code === 'ECANCELLED') return failed(resolverAddress, 'timeout', `resolver ${resolverAddress} did not answer for ${name}`);
    if (code === 'ECONNREFUSED') return failed(resolverAddress, 'refused', `resolver ${resolverAddress} refused the connection`);
    return failed(resolverAddress, 'protocol', `resolver ${resolverAddress}: ${code || String(e)}`);
  } finally {
    ctx.signal.removeEventListener('abort', abort);
  }
}

/**
 * PingFederate: the metadata document at the server URL and port the PingFederate admin gave
 * (PING001/PING002), and each endpoint host it names resolved with every intranet resolver, then
 * the extranet resolver (PING003: the wizard resolves them locally). Lookups run concurrently.
 */
export const pingProbe: Probe<'ping'> = {
  id: 'ping',
  ...probeInfo.ping,
  async collect(ctx): Promise<PingFacts> {
    const ping = ctx.plan.pingFederate;
    if (ping === undefined) return { metadata: failed('pingFederate', 'other', 'the plan has no pingFederate section'), endpointLookups: [] };
    const url = metadataUrl(ping);
    let ca: Buffer | undefined;
    if (ping.caFile !== undefined) {
      const read = await readPlanFile(ctx.planDir, ping.caFile, 'pingFederate.caFile');
      if ('error' in read) return { metadata: failed(new URL(url).host, 'other', read.error), endpointLookups: [] };
      ca = read.bytes;
    }
    const dispatcher = new Agent({
      connect: { timeout: ctx.timeoutMs, lookup: intranetLookup(ctx), ...(ca ? { ca } : {}), rejectUnauthorized: !ctx.insecureTls },
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
    });
    let metadata: Fact<PingMetadata>;
    try {
      metadata = await fetchMetadata(ctx, url, dispatcher);
    } finally {
      await dispatcher.destroy().catch(() => undefined);
    }
    const document = metadata.status === 'ok' ? metadata.value.document : null;
    const names = [...new Set((document?.endpoints ?? []).map(hostOf).filter((n): n is string => n !== null))];
    const resolvers: { view: DnsView; resolver: string }[] = [
      ...ctx.plan.network.intranetResolvers.map((resolver) => ({ view: 'intranet' as const, resolver })),
      ...ctx.plan.network.extranetResolvers.map((resolver) => ({ view: 'extranet' as const, resolver })),
    ];
    const endpointLookups: DnsLookup[] = await Promise.all(
      names.flatMap((name) =>
        resolvers.map(async ({ view, resolver }) => ({ view, resolver, name, type: 'A' as const, purpose: 'ping-endpoint' as const, result: await lookupA(ctx, resolver, name) })),
      ),
    );
    return { metadata, endpointLookups };
  },
};
