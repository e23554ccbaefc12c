import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { rootCertificates } from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { HttpsFacts, HttpsResult, HttpsTarget } from '../../facts/areas/https.js';
import { failed, ok, type Fact } from '../../facts/fact.js';
import { MAX_BODY_BYTES, MAX_METADATA_BYTES, readBoundedBody, ResponseTooLarge } from '../bounded-body.js';
import { connectionOutcomeOf } from '../http-outcome.js';
import { intranetLookup } from '../intranet-lookup.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { proxyAuthorization, proxyFor, tunnelRefusalStatus, type ProxyChoice } from './proxy.js';
import { FEDERATION_METADATA_PATH, httpsTargets, type HttpsPlanTarget } from './targets.js';



/**
 * One request's outcome as a value. With a proxy every TCP connection goes to the proxy, so a
 * refused or unresolvable connection is the proxy's fault ('proxy'), and a status the proxy gave
 * to CONNECT (403, 407, 502…) is its answer, not the endpoint's.
 */
export function outcomeOfError(e: unknown, timedOut: boolean, target: HttpsPlanTarget, proxy: ProxyChoice | undefined): Pick<HttpsResult, 'connection' | 'status' | 'error'> {
  const message = String((e as { message?: unknown }).message ?? e);
  const status = tunnelRefusalStatus(message);
  if (proxy !== undefined && status !== undefined) {
    if (status === 403 || status === 407) return { connection: 'connected', status, error: null };
    return { connection: 'other', status: null, error: `proxy ${proxy.display} answered ${status} to CONNECT ${new URL(target.url).host}: it could not reach the endpoint` };
  }
  if (/Proxy Authentication Required \(407\)/.test(message)) return { connection: 'connected', status: 407, error: null };
  const { connection, error } = connectionOutcomeOf(e, timedOut, target.caField);
  if (proxy !== undefined && (connection === 'refused' || connection === 'dns'))
    return { connection: 'proxy', status: null, error: `the proxy ${proxy.display} could not be reached: ${error}` };
  return { connection, status: null, error };
}

async function fetchTarget(ctx: ProbeContext, target: HttpsPlanTarget, dispatcher: Dispatcher, proxy: ProxyChoice | undefined): Promise<Fact<HttpsResult>> {
  const started = performance.now();
  const budget = AbortSignal.timeout(ctx.timeoutMs);
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const res = await request(target.url, {
      method: 'GET',
      dispatcher,
      signal: AbortSignal.any([ctx.signal, budget]),
      headers: { 'user-agent': 'entra-preflight (read-only connectivity check)', accept: '*/*' },
    });
    const receivedAt = new Date().toISOString();
    // The body is not judged, but it is read (bounded) so an endless one fails instead of hanging.
    const metadata = new URL(target.url).pathname === FEDERATION_METADATA_PATH;
    await readBoundedBody(res.body, {
      host: target.host,
      what: metadata ? 'the federation metadata' : `GET ${target.url}`,
      limit: metadata ? MAX_METADATA_BYTES : MAX_BODY_BYTES,
      contentLength: res.headers['content-length'],
    });
    const header = (name: string): string | null => {
      const v = res.headers[name];
      return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
    };
    return ok({
      connection: 'connected',
      status: res.statusCode,
      error: null,
      // Verification is on unless --insecure-tls; a response over https therefore means the chain verified.
      tlsAuthorized: target.url.startsWith('https:') && !ctx.insecureTls ? true : null,
      date: header('date'),
      server: header('server'),
      receivedAt,
      ms: elapsed(),
    });
  } catch (e) {
    if (e instanceof ResponseTooLarge) {
      ctx.log(`https: ${target.url}: ${e.message}`);
      return failed(target.host, 'protocol', e.message);
    }
    const outcome = outcomeOfError(e, budget.aborted, target, proxy);
    ctx.log(`https: ${target.url}${proxy ? ` via ${proxy.display}` : ''}: ${outcome.connection}${outcome.error ? `: ${outcome.error}` : ''}`);
    return ok({ ...outcome, tlsAuthorized: outcome.connection === 'tls' ? false : null, date: null, server: null, receivedAt: new Date().toISOString(), ms: elapsed() });
  }
}

async function readCa(ctx: ProbeContext, file: string | undefined): Promise<{ ca?: string[]; error?: string }> {
  if (file === undefined) return {};
  const path = isAbsolute(file) ? file : resolvePath(ctx.planDir, file);
  try {
    // `ca` replaces Node's store, so the system roots are kept beside the plan's CA.
    return { ca: [...rootCertificates, await readFile(path, 'utf8')] };
  } catch {
    return { error: `cannot read the CA file ${path} named in the plan` };
  }
}

/**
 * HTTPS reachability (ADFS010, ADFS013, NET002, NET004's Date header part): WAP servers, an
 * existing farm's AD FS servers and federation service, /adfs/probe, and the Microsoft Entra
 * endpoints through the proxy. Requests run concurrently, each within its own time budget; a GET
 * is the only method sent, and redirects are not followed (the first answer is the fact).
 */
export const httpsProbe: Probe<'https'> = {
  id: 'https',
  ...probeInfo.https,
  async collect(ctx): Promise<HttpsFacts> {
    const targets = httpsTargets(ctx.plan);
    const intranetCa = await readCa(ctx, ctx.plan.adfs?.caFile);
    const cloudCa = await readCa(ctx, ctx.plan.network.caFile);
    const connect = (ca: string[] | undefined) => ({
      timeout: ctx.timeoutMs,
      lookup: intranetLookup(ctx),
      rejectUnauthorized: !ctx.insecureTls,
      ...(ca ? { ca } : {}),
    });
    const common = { headersTimeout: ctx.timeoutMs, bodyTimeout: ctx.timeoutMs, connections: 4 };
    const dispatchers: Dispatcher[] = [];
    const direct = { intranet: new Agent({ ...common, connect: connect(intranetCa.ca) }), cloud: new Agent({ ...common, connect: connect(cloudCa.ca) }) };
    dispatchers.push(direct.intranet, direct.cloud);

    const planProxy = ctx.plan.network.proxy;
    // One agent per proxy, created once even when several targets ask for it at the same moment.
    const proxies = new Map<string, Promise<ProxyAgent>>();
    const proxyAgent = (choice: ProxyChoice): Promise<ProxyAgent> => {
      let agent = proxies.get(choice.url);
      if (agent === undefined) {
        agent = proxyAuthorization(choice, ctx.plan, ctx.secrets).then((token) => {
          const created = new ProxyAgent({
            // Credentials travel in the token only, never in the URL undici might echo in an error.
            uri: new URL(choice.url).origin,
            ...(token !== undefined ? { token } : {}),
            ...common,
            proxyTls: { timeout: ctx.timeoutMs, lookup: intranetLookup(ctx) },
            requestTls: { timeout: ctx.timeoutMs, rejectUnauthorized: !ctx.insecureTls, ...(cloudCa.ca ? { ca: cloudCa.ca } : {}) },
          });
          dispatchers.push(created);
          return created;
        });
        proxies.set(choice.url, agent);
      }
      return agent;
    };

    try {
      const results = await Promise.all(
        targets.map(async (target): Promise<HttpsTarget> => {
          const base = { role: target.role, check: target.check, host: target.host, url: target.url };
          const caError = target.proxied ? cloudCa.error : intranetCa.error;
          if (caError !== undefined) return { ...base, result: failed(target.host, 'other', `${caError} (${target.caField})`) };
          const proxy = target.proxied ? proxyFor(target.url, planProxy?.url, ctx.env) : undefined;
          const dispatcher = proxy !== undefined ? await proxyAgent(proxy) : target.proxied ? direct.cloud : direct.intranet;
          const result = await fetchTarget(ctx, target, dispatcher, proxy);
          return { ...base, ...(proxy !== undefined ? { viaProxy: proxy.display } : {}), result };
        }),
      );
      return { targets: results };
    } finally {
      await Promise.all(dispatchers.map((d) => d.destroy().catch(() => undefined)));
    }
  },
};
