import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { Agent, request } from 'undici';
import { failed, ok, type Fact, type FailureKind } from '../../facts/fact.js';
import type { WsmanFacts, WsmanIdentify } from '../../facts/areas/wsman.js';
import type { Plan } from '../../plan/schema.js';
import type { Probe, ProbeContext } from '../probe.js';
import { IDENTIFY_REQUEST, parseIdentifyResponse } from './identify.js';

type Role = WsmanIdentify['role'];

/** Every AD FS and WAP host of the plan once (a host in both lists is probed as AD FS). */
export function wsmanTargets(plan: Plan): { host: string; role: Role }[] {
  const seen = new Map<string, Role>();
  for (const host of plan.adfs?.servers ?? []) if (!seen.has(host.toLowerCase())) seen.set(host.toLowerCase(), 'adfs');
  for (const host of plan.adfs?.wapServers ?? []) if (!seen.has(host.toLowerCase())) seen.set(host.toLowerCase(), 'wap');
  return [...seen].map(([host, role]) => ({ host, role }));
}

export function identifyUrl(host: string, https: boolean, port: number | undefined): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${https ? 'https' : 'http'}://${h}:${port ?? (https ? 5986 : 5985)}/wsman`;
}

function failureOf(e: unknown, timedOut: boolean): { kind: FailureKind; reason: string } {
  if (timedOut) return { kind: 'timeout', reason: 'no answer within the time budget' };
  const err = e as { code?: unknown; cause?: { code?: unknown; message?: unknown }; message?: unknown };
  const code = String(err.cause?.code ?? err.code ?? '');
  const msg = String(err.cause?.message ?? err.message ?? e);
  if (code === 'ECONNREFUSED') return { kind: 'refused', reason: 'connection refused: WinRM is not listening on that port' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'dns', reason: `the name does not resolve (${code})` };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { kind: 'timeout', reason: 'no answer within the time budget' };
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) || /certificate|ssl|tls/i.test(msg))
    return { kind: 'tls', reason: `TLS failed: ${msg} (set adfs.winrm.caFile to the CA that issued the WinRM certificate)` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { kind: 'protocol', reason: `the connection was closed without an answer (${code})` };
  return { kind: 'other', reason: msg };
}

async function identify(ctx: ProbeContext, dispatcher: Agent, host: string, role: Role): Promise<Fact<WsmanIdentify>> {
  const winrm = ctx.plan.adfs?.winrm ?? { https: false };
  const endpoint = identifyUrl(host, winrm.https, winrm.port);
  const budget = AbortSignal.timeout(ctx.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, budget]);
  try {
    const res = await request(endpoint, {
      method: 'POST',
      dispatcher,
      signal,
      headers: { 'content-type': 'application/soap+xml;charset=UTF-8', wsmanidentify: 'unauthenticated' },
      body: IDENTIFY_REQUEST,
    });
    const body = await res.body.text();
    if (res.statusCode === 401) {
      return ok({ role, endpoint, authRequired: true, protocolVersion: null, productVendor: null, productVersion: null, osVersion: null, stackVersion: null, securityProfiles: [] });
    }
    if (res.statusCode !== 200) return failed(host, 'protocol', `${endpoint} answered HTTP ${res.statusCode} to Identify, not a WinRM IdentifyResponse`);
    const parsed = parseIdentifyResponse(body);
    if (typeof parsed === 'string') return failed(host, 'protocol', `${endpoint}: ${parsed}`);
    return ok({ role, endpoint, authRequired: false, ...parsed });
  } catch (e) {
    const { kind, reason } = failureOf(e, budget.aborted);
    ctx.log(`wsman: ${host}: ${kind}: ${reason}`);
    return failed(host, kind, `${endpoint}: ${reason}`);
  }
}

/**
 * WinRM on the AD FS and WAP servers: the wizard configures the farm through WinRM, and ADFS001
 * (OS version) and ADFS002 (WinRM reachable) read what the Identify answer says. Hosts are asked
 * concurrently; each gets its own time budget.
 */
export const wsmanProbe: Probe<'wsman'> = {
  id: 'wsman',
  title: 'WinRM on AD FS / WAP servers (WS-Management Identify)',
  appliesTo: (plan) => plan.signIn.method === 'adfs' && wsmanTargets(plan).length > 0,
  async collect(ctx): Promise<WsmanFacts> {
    const targets = wsmanTargets(ctx.plan);
    let ca: Buffer | undefined;
    const caFile = ctx.plan.adfs?.winrm.caFile;
    if (caFile !== undefined) {
      const path = isAbsolute(caFile) ? caFile : resolvePath(ctx.planDir, caFile);
      try {
        ca = await readFile(path);
      } catch {
        const why = `cannot read the CA file ${path} named in the plan (adfs.winrm.caFile)`;
        return { hosts: Object.fromEntries(targets.map(({ host }) => [host, failed(host, 'other', why)])) };
      }
    }
    const dispatcher = new Agent({
      connect: { timeout: ctx.timeoutMs, ...(ca ? { ca } : {}), rejectUnauthorized: !ctx.insecureTls },
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
    });
    try {
      const entries = await Promise.all(targets.map(async ({ host, role }) => [host, await identify(ctx, dispatcher, host, role)] as const));
      return { hosts: Object.fromEntries(entries) };
    } finally {
      await dispatcher.close().catch(() => undefined);
    }
  },
};
