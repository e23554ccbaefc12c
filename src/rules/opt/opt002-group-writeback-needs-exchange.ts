import { defineRule } from '../rule.js';
import { exchangeSchemaFindings } from './exchange-schema.js';

export const opt002 = defineRule({
  meta: {
    id: 'OPT002',
    name: 'group-writeback-needs-exchange',
    title: 'Group writeback without the Exchange schema',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features.groupWriteback', 'ldap.forests.*.schema.exchangeSchemaVersion'],
    help:
      'Group writeback writes Microsoft 365 groups back as distribution groups, which needs the Exchange attributes in the AD schema. ' +
      'Without the Exchange schema in the forest, the wizard cannot configure it.',
    remediation: 'Extend the schema with Exchange (Setup /PrepareSchema from a supported Exchange build) before enabling group writeback, or leave group writeback off.',
    messages: { noExchange: 'Group writeback is selected but forest {{forest}} has no Exchange schema (ms-Exch-Schema-Version-Pt not found)' },
  },
  appliesTo(plan) {
    return plan.features.groupWriteback ? true : 'group writeback is not selected';
  },
  evaluate(ctx) {
    exchangeSchemaFindings(ctx, 'features.groupWriteback', 'noExchange');
  },
});
