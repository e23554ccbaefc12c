import type { Duplex } from 'node:stream';
import { Client } from 'undici';
import type { Plan } from '../../plan/schema.js';
import type { SecretResolver } from '../probe.js';

/**
 * Which proxy a cloud request goes through. The plan's `network.proxy` wins (it mirrors the
 * machine.config proxy Entra Connect will use); without it the conventional HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY variables apply, as curl and most CLIs read them.
 *
 * undici's EnvHttpProxyAgent does this matching too, but privately: the facts must record which
 * proxy each request used (NET002 names it), so the choice is made here and each proxy gets its
 * own ProxyAgent.
 */
export interface ProxyChoice {
  /** Proxy URL as given, possibly with user:password (only ever handed to undici). */
  readonly url: string;
  /** The same URL without credentials: safe for facts, messages and logs. */
  readonly display: string;
}

export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable proxy URL)';
  }
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/**
 * NO_PROXY semantics as curl documents them: comma or space separated; `*` alone matches every
 * host; an entry matches the host itself and its subdomains (a leading `.` or `*.` is optional);
 * `host:port` matches that port only.
 */
export function bypassesProxy(noProxy: string | undefined, hostname: string, port: number): boolean {
  if (noProxy === undefined) return false;
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[([^\]]+)\]/, '$1'));
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = m?.[2] === undefined ? undefined : Number(m[2]);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

export function proxyFor(
  url: string,
  planProxy: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ProxyChoice | undefined {
  if (planProxy !== undefined) return { url: planProxy, display: withoutCredentials(planProxy) };
  const u = new URL(url);
  const chosen = u.protocol === 'https:' ? (envValue(env, 'https_proxy') ?? envValue(env, 'http_proxy')) : envValue(env, 'http_proxy');
  if (chosen === undefined) return undefined;
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  if (bypassesProxy(envValue(env, 'no_proxy'), u.hostname, port)) return undefined;
  return { url: chosen, display: withoutCredentials(chosen) };
}

/**
 * The Proxy-Authorization value for a proxy: the plan's credentials for the plan's proxy (the
 * password resolved only here), or user:password written in an HTTPS_PROXY URL.
 */
export async function proxyAuthorization(choice: ProxyChoice, plan: Plan, secrets: SecretResolver): Promise<string | undefined> {
  const planProxy = plan.network.proxy;
  if (planProxy !== undefined && choice.url === planProxy.url && planProxy.credentials !== undefined) {
    const password = await secrets(planProxy.credentials.password, `proxy credentials (${planProxy.credentials.name})`);
    return basic(planProxy.credentials.name, password);
  }
  const u = new URL(choice.url);
  return u.username === '' ? undefined : basic(decodeURIComponent(u.username), decodeURIComponent(u.password));
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/**
 * A raw CONNECT tunnel to host:port through the proxy, for reading the certificate a cloud
 * endpoint presents as this server sees it (NET003: a TLS-inspecting proxy re-signs it).
 * Rejects with a message naming the proxy when it refuses the tunnel.
 */
export async function openTunnel(choice: ProxyChoice, authorization: string | undefined, hostPort: string, timeoutMs: number, signal: AbortSignal): Promise<Duplex> {
  const client = new Client(new URL(choice.url).origin, { connect: { timeout: timeoutMs }, headersTimeout: timeoutMs });
  try {
    const { statusCode, socket } = await client.connect({
      path: hostPort,
      headers: { host: hostPort, ...(authorization !== undefined ? { 'proxy-authorization': authorization } : {}) },
      signal,
    });
    if (statusCode !== 200) {
      socket.destroy();
      throw new Error(`proxy ${choice.display} answered ${statusCode} to CONNECT ${hostPort}`);
    }
    return socket;
  } finally {
    // The tunnel socket is detached from the client; closing the client leaves it open.
    void client.close().catch(() => undefined);
  }
}

/** undici reports a CONNECT the proxy refused as "Proxy response (407) !== 200 when HTTP Tunneling": that status, else undefined. */
export function tunnelRefusalStatus(message: string): number | undefined {
  const m = /Proxy response \((\d{3})\)/.exec(message);
  return m === null ? undefined : Number(m[1]);
}
