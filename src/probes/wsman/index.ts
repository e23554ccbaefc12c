import { readPlanFile } from '../plan-file.js';
import { Agent, request } from 'undici';
import { intranetLookup } from '../intranet-lookup.js';
import { failed, ok, type Fact } from '../../facts/fact.js';
import { readBoundedBody, ResponseTooLarge } from '../bounded-body.js';
import type { WsmanFacts, WsmanResult } from '../../facts/areas/wsman.js';
import { connectionOutcomeOf } from '../http-outcome.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { IDENTIFY_REQUEST, parseIdentifyResponse } from './identify.js';
import { identifyUrl, wsmanTargets } from './targets.js';

export { identifyUrl, wsmanTargets } from './targets.js';

async function identify(ctx: ProbeContext, dispatcher: Agent, host: string): Promise<Fact<WsmanResult>> {
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
    const body = (await readBoundedBody(res.body, { host, what: 'WS-Man Identify', contentLength: res.headers['content-length'] })).toString('utf8');
    const base = { endpoint, connection: 'connected' as const, httpStatus: res.statusCode };
    if (res.statusCode === 401) return ok({ ...base, authRequired: true, identify: null, error: null });
    if (res.statusCode !== 200) return ok({ ...base, authRequired: false, identify: null, error: `HTTP ${res.statusCode} to Identify, not a WinRM IdentifyResponse` });
    const parsed = parseIdentifyResponse(body);
    if (typeof parsed === 'string') return ok({ ...base, authRequired: false, identify: null, error: parsed });
    const { securityProfiles: _profiles, ...identifyFacts } = parsed;
    return ok({ ...base, authRequired: false, identify: identifyFacts, error: null });
  } catch (e) {
    if (e instanceof ResponseTooLarge) {
      ctx.log(`wsman: ${host}: ${e.message}`);
      return failed(host, 'protocol', e.message);
    }
    const { connection, error } = connectionOutcomeOf(e, budget.aborted, 'adfs.winrm.caFile');
    ctx.log(`wsman: ${host}: ${connection}: ${error}`);
    return ok({ endpoint, connection, httpStatus: null, authRequired: false, identify: null, error });
  }
}

/**
 * WinRM on the AD FS and WAP servers: the wizard configures the farm through WinRM, and ADFS001
 * (OS version) and ADFS002 (WinRM reachable) read what the Identify answer says. Whether WinRM
 * answered is a value (`connection`); a failed fact means the probe could not try (CA file
 * unreadable). Hosts are asked concurrently; each gets its own time budget.
 */
export const wsmanProbe: Probe<'wsman'> = {
  id: 'wsman',
  ...probeInfo.wsman,
  async collect(ctx): Promise<WsmanFacts> {
    const targets = wsmanTargets(ctx.plan);
    let ca: Buffer | undefined;
    const caFile = ctx.plan.adfs?.winrm.caFile;
    if (caFile !== undefined) {
      const read = await readPlanFile(ctx.planDir, caFile, 'adfs.winrm.caFile');
      if ('error' in read) return { hosts: targets.map(({ host, role }) => ({ host, role, result: failed(host, 'other', read.error) })) };
      ca = read.bytes;
    }
    const dispatcher = new Agent({
      connect: { timeout: ctx.timeoutMs, lookup: intranetLookup(ctx), ...(ca ? { ca } : {}), rejectUnauthorized: !ctx.insecureTls },
      headersTimeout: ctx.timeoutMs,
      bodyTimeout: ctx.timeoutMs,
    });
    try {
      const hosts = await Promise.all(targets.map(async ({ host, role }) => ({ host, role, result: await identify(ctx, dispatcher, host) })));
      return { hosts };
    } finally {
      await dispatcher.destroy().catch(() => undefined);
    }
  },
};
