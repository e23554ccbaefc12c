import type { LdapFacts } from '../../facts/areas/ldap.js';
import type { Probe } from '../probe.js';
import { collectForest } from './forest.js';

/**
 * Active Directory over LDAPS (or StartTLS): one session per forest, bound as the planned
 * connector account (or the Enterprise Admin that will create it), searches only. Forests are
 * probed concurrently; a forest that cannot be reached yields failed facts naming the DC and why.
 */
export const ldapProbe: Probe<'ldap'> = {
  id: 'ldap',
  title: 'Active Directory (LDAP)',
  appliesTo: (plan) => plan.forests.length > 0,
  async collect(ctx): Promise<LdapFacts> {
    const entries = await Promise.all(ctx.plan.forests.map(async (forest) => [forest.name.toLowerCase(), await collectForest(ctx, forest)] as const));
    return { forests: Object.fromEntries(entries) };
  },
};
