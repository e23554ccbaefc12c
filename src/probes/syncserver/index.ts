import { failed, ok, type FailureKind } from '../../facts/fact.js';
import type { SyncServerFacts, SyncServerMachine } from '../../facts/areas/syncserver.js';
import type { Plan } from '../../plan/schema.js';
import { connectionOutcomeOf } from '../http-outcome.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { intranetLookup } from '../intranet-lookup.js';
import { readPlanFile } from '../plan-file.js';
import { identifyUrl } from '../wsman/targets.js';
import { localAccess } from './local.js';
import { readMachine, readRemoteSam, type MachineAccess } from './readers.js';
import { remoteAccess } from './remote.js';
import { WsmanError, WsmanSession } from './wsman-client.js';

/** A machine read (about 30 requests plus one per Uninstall entry) gets this many request budgets in all. */
export const READ_BUDGET_FACTOR = 8;

type Winrm = NonNullable<NonNullable<Plan['syncServer']>['winrm']>;

const SECTIONS = ['os', 'computerSystem', 'dotNetRelease', 'tls', 'syncSoftware', 'pendingReboot', 'ieEsc', 'executionPolicy', 'account', 'disks', 'codePages', 'remoteSam'] as const;

/** Every section of a machine failed for the same reason (the collector could not try). */
export function unreadMachine(host: string, via: 'winrm' | 'local', endpoint: string | null, kind: FailureKind, reason: string): SyncServerMachine {
  const f = failed(host, kind, reason);
  return { host, via, endpoint, ...(Object.fromEntries(SECTIONS.map((s) => [s, f])) as Omit<SyncServerMachine, 'host' | 'via' | 'endpoint'>) };
}

/**
 * Why the plan's winrm settings cannot be used, or null. Basic over HTTP is refused at plan load
 * already; HTTP is refused for every mechanism here because NTLM/Kerberos message encryption (the
 * only safe way WinRM speaks plain HTTP) is not implemented, and Kerberos/Negotiate need the native
 * `kerberos` package, which this build does not carry.
 */
export function unusableWinrm(winrm: Winrm): string | null {
  if (winrm.transport === 'http')
    return 'winrm.transport http is refused: this collector does not implement NTLM/Kerberos message encryption, and without it the WS-Management traffic (and Basic credentials) would cross the network in clear. Configure a WinRM HTTPS listener (port 5986) and set transport: https';
  if (winrm.auth === 'kerberos' || winrm.auth === 'negotiate')
    return `winrm.auth ${winrm.auth} is not supported in this build (it needs the native kerberos package); use auth: ntlm or basic over https`;
  if (winrm.username === undefined || winrm.password === undefined) return 'winrm.username and winrm.password are needed to read the server over WS-Management';
  return null;
}

async function openRemote(ctx: ProbeContext, host: string, winrm: Winrm, password: string, ca: Buffer | undefined, signal: AbortSignal): Promise<{ access: MachineAccess; session: WsmanSession; endpoint: string }> {
  const endpoint = identifyUrl(host, true, winrm.port);
  const session = new WsmanSession({
    endpoint,
    auth: { kind: winrm.auth === 'basic' ? 'basic' : 'ntlm', username: winrm.username ?? '', password },
    ...(ca ? { ca } : {}),
    rejectUnauthorized: !ctx.insecureTls,
    timeoutMs: ctx.timeoutMs,
    signal,
    lookup: intranetLookup(ctx) as never,
  });
  return { session, endpoint, access: remoteAccess(session, host, endpoint, winrm.username ?? '') };
}

/** Wraps connection errors (undici) into WsmanError, so a section fails with the right kind. */
function connectionErrors(access: MachineAccess, tlsHint: string): MachineAccess {
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await f(...a);
      } catch (e) {
        if (e instanceof WsmanError) throw e;
        const timedOut = (e as { name?: string }).name === 'TimeoutError';
        const { connection, error } = connectionOutcomeOf(e, timedOut, tlsHint);
        const kind: FailureKind = connection === 'reset' || connection === 'proxy' ? 'protocol' : connection === 'connected' ? 'other' : connection;
        throw new WsmanError(kind, `WS-Management at ${access.endpoint ?? access.host}: ${error}`);
      }
    };
  return {
    ...access,
    dword: wrap(access.dword),
    string: wrap(access.string),
    multiString: wrap(access.multiString),
    subkeys: wrap(access.subkeys),
    canWrite: wrap(access.canWrite),
    operatingSystem: wrap(access.operatingSystem),
    computerSystem: wrap(access.computerSystem),
    services: wrap(access.services),
    disks: wrap(access.disks),
  };
}

/**
 * The future sync server, read-only: WMI classes and StdRegProv registry reads over WS-Management
 * (HTTPS, Basic or NTLM), or reg.exe/CIM when `local: true` on Windows. The DCs listed in
 * syncServer.domainControllers are read for RestrictRemoteSam only (ACC008). Never writes, never
 * starts a process on the server; the password is used for authentication only.
 */
export const syncServerProbe: Probe<'syncServer'> = {
  id: 'syncServer',
  ...probeInfo.syncServer,
  async collect(ctx): Promise<SyncServerFacts> {
    const plan = ctx.plan.syncServer;
    if (plan === undefined) throw new Error('syncServer probe run without a syncServer block');
    const dcs = plan.domainControllers;
    const dcFailed = (kind: FailureKind, reason: string) => dcs.map((host) => ({ host, remoteSam: failed(host, kind, reason) }));
    if (plan.local) {
      if (process.platform !== 'win32') {
        const why = 'syncServer.local: true reads this machine through reg.exe and CIM, which needs Windows; run collect on the sync server, or use winrm';
        return { server: unreadMachine(plan.fqdn, 'local', null, 'other', why), domainControllers: [] };
      }
      // DCs are read over WinRM only; ACC008 names the value to check on them by hand.
      return { server: await readMachine(localAccess(plan.fqdn)), domainControllers: [] };
    }
    const winrm = plan.winrm;
    if (winrm === undefined) throw new Error('syncServer probe run without winrm');
    const endpointOf = (host: string) => identifyUrl(host, winrm.transport === 'https', winrm.port);
    const refused = unusableWinrm(winrm);
    if (refused !== null) return { server: unreadMachine(plan.fqdn, 'winrm', endpointOf(plan.fqdn), 'other', refused), domainControllers: dcFailed('other', refused) };
    let ca: Buffer | undefined;
    if (winrm.caFile !== undefined) {
      const read = await readPlanFile(ctx.planDir, winrm.caFile, 'syncServer.winrm.caFile');
      if ('error' in read) return { server: unreadMachine(plan.fqdn, 'winrm', endpointOf(plan.fqdn), 'other', read.error), domainControllers: dcFailed('other', read.error) };
      ca = read.bytes;
    }
    const password = await ctx.secrets(winrm.password ?? '', `WinRM password of ${winrm.username ?? ''} for ${plan.fqdn}`);
    const read = async <T>(host: string, reader: (m: MachineAccess) => Promise<T>): Promise<T> => {
      // One host gets at most READ_BUDGET_FACTOR request budgets in all, however slowly it answers each.
      const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs * READ_BUDGET_FACTOR)]);
      const { access, session } = await openRemote(ctx, host, winrm, password, ca, signal);
      try {
        return await reader(connectionErrors(access, 'syncServer.winrm.caFile'));
      } finally {
        await session.close();
      }
    };
    const samOf = (host: string) =>
      read(host, async (m) => {
        try {
          return ok(await readRemoteSam(m));
        } catch (e) {
          if (e instanceof WsmanError) return failed(host, e.kind, e.message);
          throw e;
        }
      });
    const [server, domainControllers] = await Promise.all([
      read(plan.fqdn, readMachine),
      Promise.all(dcs.map(async (host) => ({ host, remoteSam: await samOf(host) }))),
    ]);
    ctx.log(`syncServer: read ${plan.fqdn} and ${dcs.length} domain controller(s) over WS-Management`);
    return { server, domainControllers };
  },
};
