import type { PlanInput } from '../../../src/plan/schema.js';
import { makePlan } from '../../helpers/rules.js';

export function adfsPlan(adfs: Partial<NonNullable<PlanInput['adfs']>> = {}) {
  return makePlan({
    signIn: { method: 'adfs' },
    adfs: {
      federationServiceName: 'fs.contoso.com',
      servers: ['adfs1.contoso.com', 'adfs2.contoso.com'],
      domainsToFederate: ['contoso.com'],
      serviceAccount: { kind: 'gmsa', name: 'CONTOSO\\gmsa-adfs$' },
      ...adfs,
    },
  });
}
