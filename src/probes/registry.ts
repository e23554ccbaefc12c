import { probeInfo, type ProbeId } from './catalog.js';
import type { Probe, ProbeEntry } from './probe.js';

const entry = <A extends ProbeId>(id: A, load: () => Promise<Probe<A>>): ProbeEntry<A> => ({ id, ...probeInfo[id], load });

/**
 * Every probe, in the order the engine starts them. Each probe's module (and so its protocol
 * library) is imported only by `load`, which the engine calls for the probes that run: an
 * LDAP-only plan never loads mssql/tedious, @azure/identity, undici or node-forge (issue 14:
 * start-up time and peak memory). The static list keeps `rules`/docs/tests able to name them all.
 */
export const probeRegistry: readonly ProbeEntry[] = [
  entry('ldap', async () => (await import('./ldap/index.js')).ldapProbe),
  entry('sql', async () => (await import('./sql/index.js')).sqlProbe),
  entry('dns', async () => (await import('./dns/index.js')).dnsProbe),
  entry('tcp', async () => (await import('./tcp/index.js')).tcpProbe),
  entry('tls', async () => (await import('./tls/index.js')).tlsProbe),
  entry('https', async () => (await import('./https/index.js')).httpsProbe),
  entry('wsman', async () => (await import('./wsman/index.js')).wsmanProbe),
  entry('ping', async () => (await import('./ping/index.js')).pingProbe),
  entry('tenant', async () => (await import('./graph/index.js')).tenantProbe),
  entry('syncServer', async () => (await import('./syncserver/index.js')).syncServerProbe),
  entry('settings', async () => (await import('./settings/index.js')).settingsProbe),
];
