import { defineRule } from '../rule.js';
import { exchangeSchemaFindings } from './exchange-schema.js';

export const opt005 = defineRule({
  meta: {
    id: 'OPT005',
    name: 'exchange-hybrid-without-exchange',
    title: 'Exchange hybrid without the Exchange schema',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features.exchangeHybrid', 'ldap.forests.*.schema.exchangeSchemaVersion'],
    help:
      'Exchange hybrid deployment writes Exchange attributes (msExch*, proxyAddresses) back to on-premises users. A forest without the ' +
      'Exchange schema has no such attributes: the option is not offered and the writeback cannot work.',
    remediation: 'Clear "Exchange hybrid deployment" if there is no on-premises Exchange, or extend the schema (Exchange Setup /PrepareSchema) first.',
    messages: { noExchange: 'Exchange hybrid is selected but forest {{forest}} has no Exchange schema (ms-Exch-Schema-Version-Pt not found)' },
  },
  appliesTo(plan) {
    return plan.features.exchangeHybrid ? true : 'Exchange hybrid is not selected';
  },
  evaluate(ctx) {
    exchangeSchemaFindings(ctx, 'features.exchangeHybrid', 'noExchange');
  },
});
