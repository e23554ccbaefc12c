import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { tunnelRefusalStatus, type ProxyChoice } from '../https/proxy.js';

/** A Graph page of 999 users with their addresses stays well under this; a larger answer is hostile. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** How often one GET is retried after 429 (honouring Retry-After, capped at 30 s). */
const MAX_THROTTLE_RETRIES = 3;
const MAX_RETRY_AFTER_S = 30;

/** One HTTP stack for the authority and Graph: the plan's caFile beside the system roots, bounded bodies. */
export function graphAgent(caPem: string | undefined, timeoutMs: number, insecure: boolean): Agent {
  return new Agent({
    connect: { ...(caPem === undefined ? {} : { ca: [...rootCertificates, caPem] }), rejectUnauthorized: !insecure },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
}

/**
 * The same bounds through a forward proxy (network.proxy, or HTTPS_PROXY from the environment):
 * every connection is a CONNECT tunnel; the TLS inside it trusts the plan's caFile as graphAgent
 * does. Proxy credentials travel in the Proxy-Authorization token only, never in the URL.
 */
export function graphProxyAgent(choice: ProxyChoice, token: string | undefined, caPem: string | undefined, timeoutMs: number, insecure: boolean, lookup: LookupFunction): ProxyAgent {
  return new ProxyAgent({
    uri: new URL(choice.url).origin,
    ...(token !== undefined ? { token } : {}),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    maxResponseSize: MAX_RESPONSE_BYTES,
    proxyTls: { timeout: timeoutMs, lookup },
    requestTls: { timeout: timeoutMs, rejectUnauthorized: !insecure, ...(caPem === undefined ? {} : { ca: [...rootCertificates, caPem] }) },
  });
}

/**
 * What a proxy's refusal means, as a failure kind and a reason naming the proxy; undefined when
 * the error is not the proxy's (the caller maps it as a direct connection's).
 */
export function proxyFailure(e: unknown, proxy: ProxyChoice | undefined, target: string): { kind: 'auth' | 'permission' | 'protocol' | 'refused' | 'dns'; reason: string } | undefined {
  if (proxy === undefined) return undefined;
  const err = e as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const message = `${String(err.message ?? e)} ${String(err.cause?.message ?? '')}`;
  const status = tunnelRefusalStatus(message);
  if (status !== undefined) {
    if (status === 407)
      return { kind: 'auth', reason: `the proxy ${proxy.display} answered 407 Proxy Authentication Required to CONNECT ${target}: set network.proxy.credentials (name, and password as env:/file:/prompt)` };
    if (status === 403) return { kind: 'permission', reason: `the proxy ${proxy.display} refused CONNECT ${target} (403): allow this host on the proxy` };
    return { kind: 'protocol', reason: `the proxy ${proxy.display} answered ${status} to CONNECT ${target}: it could not reach the host` };
  }
  const code = String(err.cause?.code ?? err.code ?? '');
  if (code === 'ECONNREFUSED') return { kind: 'refused', reason: `the proxy ${proxy.display} could not be reached (${code})` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', reason: `the proxy ${proxy.display} could not be reached: its name does not resolve (${code})` };
  return undefined;
}

/**
 * @azure/identity's HTTP client, replaced by undici with the same agent, so token requests trust
 * the same CA, obey the same size and time bounds, and never pick up a global proxy or agent.
 */
export function identityHttpClient(dispatcher: Dispatcher): HttpClient {
  return {
    async sendRequest(req: PipelineRequest): Promise<PipelineResponse> {
      const headers: Record<string, string> = {};
      for (const [name, value] of req.headers) headers[name] = value;
      const body = typeof req.body === 'string' ? req.body : req.body === undefined || req.body === null ? undefined : String(req.body);
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers,
        ...(body === undefined ? {} : { body }),
        dispatcher,
        ...(req.abortSignal === undefined ? {} : { signal: req.abortSignal }),
      });
      const out = createHttpHeaders();
      for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) out.set(name, Array.isArray(value) ? value.join(', ') : value);
      return { request: req, status: res.statusCode, headers: out, bodyAsText: await res.body.text() };
    },
  };
}

export class GraphHttpError extends Error {
  override name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphClient {
  /** GET one resource. Throws GraphHttpError for a non-2xx answer. */
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  /** GET a collection, yielding one page's values at a time and following @odata.nextLink. */
  pages<T>(path: string, headers?: Record<string, string>): AsyncGenerator<T[]>;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason as Error)), { once: true });
  });

/**
 * A GET-only Graph client: the method is fixed here, there is no code path that sends another verb.
 * Each answer is read within MAX_RESPONSE_BYTES; 429 is retried after Retry-After.
 */
export function graphClient(opts: { endpoint: string; dispatcher: Dispatcher; token: () => Promise<string>; signal: AbortSignal; log: (m: string) => void }): GraphClient {
  const base = opts.endpoint.replace(/\/+$/, '');
  const origin = new URL(base).origin;

  async function getUrl<T>(url: string, headers: Record<string, string>): Promise<T> {
    // A nextLink must stay on the Graph endpoint: never send the token anywhere else.
    if (new URL(url).origin !== origin) throw new GraphHttpError(0, 'foreign-link', `Graph answered a next link to another host (${new URL(url).host})`);
    for (let attempt = 0; ; attempt++) {
      const res = await request(url, {
        method: 'GET',
        dispatcher: opts.dispatcher,
        signal: opts.signal,
        headers: { accept: 'application/json', authorization: `Bearer ${await opts.token()}`, 'user-agent': 'entra-preflight (read-only)', ...headers },
      });
      const text = await res.body.text();
      if (res.statusCode === 429 && attempt < MAX_THROTTLE_RETRIES) {
        const after = Math.min(Number(res.headers['retry-after'] ?? '1') || 1, MAX_RETRY_AFTER_S);
        opts.log(`graph: 429 for ${new URL(url).pathname}, retrying after ${after}s`);
        await sleep(after * 1000, opts.signal);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        let code = `http-${res.statusCode}`;
        let message = `HTTP ${res.statusCode}`;
        try {
          const err = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
          if (err?.code !== undefined) code = err.code;
          if (err?.message !== undefined) message = `${res.statusCode} ${err.code ?? ''}: ${err.message}`.slice(0, 300);
        } catch {
          /* not JSON: keep the status */
        }
        throw new GraphHttpError(res.statusCode, code, message);
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new GraphHttpError(res.statusCode, 'garbled', `Graph answered ${new URL(url).pathname} with something that is not JSON`);
      }
    }
  }

  return {
    get: (path, headers = {}) => getUrl(`${base}${path}`, headers),
    async *pages<T>(path: string, headers: Record<string, string> = {}) {
      let next: string | undefined = `${base}${path}`;
      while (next !== undefined) {
        const page: { value?: T[]; '@odata.nextLink'?: string } = await getUrl(next, headers);
        if (!Array.isArray(page.value)) throw new GraphHttpError(200, 'garbled', `Graph answered ${path} without a value array`);
        yield page.value;
        next = page['@odata.nextLink'];
      }
    },
  };
}
