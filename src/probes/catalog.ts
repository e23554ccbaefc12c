import type { Facts } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';
import { questions } from './dns/questions.js';
import { cloudEndpoints, httpsTargets } from './https/targets.js';
import { wsmanTargets } from './wsman/targets.js';

/** What the engine needs to know about a probe before loading it: its name and whether the plan asks for it. */
export interface ProbeInfo {
  readonly title: string;
  /** Whether the plan asks for anything this probe gathers; when false the probe is not run (nor loaded). */
  appliesTo(plan: Plan): boolean;
}

/**
 * Each probe's title and plan test, kept apart from the probe's code and protocol libraries
 * (mssql/tedious, @azure/identity, undici, node-forge, dns2…) so the engine can pick the probes a
 * plan needs and load only those (issue 14: an LDAP-only run must not pay for the SQL client).
 * Only light plan readers may be imported here; test/perf/lazy-load.test.ts watches that.
 */
export const probeInfo = {
  ldap: { title: 'Active Directory (LDAP)', appliesTo: (plan) => plan.forests.length > 0 },
  sql: { title: 'SQL Server (TDS)', appliesTo: (plan) => plan.install.sql.mode === 'existing' && plan.install.sql.server !== undefined },
  dns: { title: 'DNS', appliesTo: (plan) => questions(plan).length > 0 },
  tcp: { title: 'DC ports (TCP)', appliesTo: (plan) => plan.forests.length > 0 },
  tls: {
    title: 'TLS certificates',
    appliesTo: (plan) => (plan.signIn.method === 'adfs' && plan.adfs !== undefined) || cloudEndpoints(plan).length > 0,
  },
  https: { title: 'HTTPS reachability (AD FS, WAP, Microsoft Entra endpoints, proxy)', appliesTo: (plan) => httpsTargets(plan).length > 0 },
  wsman: { title: 'WinRM on AD FS / WAP servers (WS-Management Identify)', appliesTo: (plan) => plan.signIn.method === 'adfs' && wsmanTargets(plan).length > 0 },
  ping: { title: 'PingFederate metadata and endpoints', appliesTo: (plan) => plan.signIn.method === 'pingfederate' && plan.pingFederate !== undefined },
  tenant: { title: 'Microsoft Entra tenant (Microsoft Graph, read-only)', appliesTo: (plan) => plan.tenant.graph !== undefined },
  syncServer: {
    title: 'Sync server readiness (WMI/registry over WS-Management, read-only)',
    appliesTo: (plan) => plan.syncServer !== undefined && (plan.syncServer.local || plan.syncServer.winrm !== undefined),
  },
  settings: { title: 'Exported synchronization settings', appliesTo: (plan) => plan.install.importSettings !== undefined },
} as const satisfies Partial<Record<keyof Facts, ProbeInfo>>;

export type ProbeId = keyof typeof probeInfo;
