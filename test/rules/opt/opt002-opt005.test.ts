import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { opt002 } from '../../../src/rules/opt/opt002-group-writeback-needs-exchange.js';
import { opt005 } from '../../../src/rules/opt/opt005-exchange-hybrid-without-exchange.js';
import { ldapFacts, schemaFacts } from '../../helpers/ldap-facts.js';
import { makePlan, planInput, runRule, statusOf } from '../../helpers/rules.js';

const down = failed('dc1:636', 'timeout', 'slow');
const twoForests = (features: Record<string, boolean>) =>
  makePlan({
    features,
    forests: [
      ...(planInput().forests ?? []),
      { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:F' } },
    ],
  });

describe('OPT002 group-writeback-needs-exchange / OPT005 exchange-hybrid-without-exchange', () => {
  for (const [rule, feature] of [[opt002, 'groupWriteback'], [opt005, 'exchangeHybrid']] as const) {
    const plan = makePlan({ features: { [feature]: true } });
    it(`${rule.meta.id} fires when the forest has no Exchange schema`, () => {
      const r = runRule(rule, plan, ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ exchangeSchemaVersion: null })) } }));
      expect(r.findings[0]?.message).toContain('forest contoso.com has no Exchange schema');
      expect(r.findings[0]?.location).toEqual({ planPath: `features.${feature}`, forest: 'contoso.com' });
    });
    it(`${rule.meta.id} passes when any forest has Exchange (multi-forest)`, () => {
      const facts = ldapFacts({ 'contoso.com': { schema: ok(schemaFacts({ exchangeSchemaVersion: null })) }, 'fabrikam.com': { schema: ok(schemaFacts()) } });
      expect(statusOf(runRule(rule, twoForests({ [feature]: true }), facts))).toBe('passed');
    });
    it(`${rule.meta.id} does not apply without the feature; not evaluated without the schema`, () => {
      expect(statusOf(runRule(rule, makePlan(), {}))).toBe('not-applicable');
      expect(statusOf(runRule(rule, plan, ldapFacts({ 'contoso.com': { schema: down } })))).toBe('not-evaluated');
    });
  }
});
