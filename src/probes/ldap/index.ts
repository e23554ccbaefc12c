import { failed, ok } from '../../facts/fact.js';
import type { ForestFacts, LdapFacts } from '../../facts/areas/ldap.js';
import type { ScanAggregator } from './scan-aggregate.js';
import type { Probe, ProbeContext } from '../probe.js';
import { probeInfo } from '../catalog.js';
import { collectForest } from './forest.js';
import { recording } from './record.js';

/**
 * Active Directory over LDAPS (or StartTLS): one session per forest, bound as the planned
 * connector account (or the Enterprise Admin that will create it), searches only. Forests are
 * probed concurrently; a forest that cannot be reached yields failed facts naming the DC and why.
 */
export const ldapProbe: Probe<'ldap'> = {
  id: 'ldap',
  ...probeInfo.ldap,
  collect(ctx): Promise<LdapFacts> {
    // ENTRA_PREFLIGHT_LDAP_RECORD=FILE: every search of this run is written to FILE (src/probes/ldap/record.ts).
    return recording(ctx.env, () => collectAll(ctx));
  },
};

async function collectAll(ctx: ProbeContext): Promise<LdapFacts> {
  const scans = new Map<string, ScanAggregator>();
  // One forest's failure is its own: even an unexpected error leaves the other forests' facts whole.
  const one = (forest: (typeof ctx.plan.forests)[number]): Promise<ForestFacts> =>
    collectForest(ctx, forest, scans).catch((error: unknown) => ({ dc: failed(forest.name, 'other', `LDAP probe error for ${forest.name}: ${error instanceof Error ? error.message : String(error)}`) }));
  const entries = await Promise.all(ctx.plan.forests.map(async (forest) => [forest.name.toLowerCase(), await one(forest)] as const));
  const forests = Object.fromEntries(entries);
  // UPN004 across forests: each forest's scan learns which of its UPNs another forest also holds.
  if (scans.size > 1) {
    for (const [name, aggregator] of scans) {
      // Asked of the other forests' tables, not copied into a set of strings: each forest's UPNs
      // stay off the JS heap (src/probes/ldap/value-table.ts).
      const others = [...scans].filter(([other]) => other !== name).map(([, agg]) => agg);
      const forest = forests[name];
      if (forest) forest.scan = ok(aggregator.result({ has: (upn) => others.some((agg) => agg.holdsUpn(upn)) }));
    }
  }
  return { forests };
}
