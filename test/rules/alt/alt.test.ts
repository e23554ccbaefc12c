import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { alt001 } from '../../../src/rules/alt/alt001-alternate-id-multivalued.js';
import { alt002 } from '../../../src/rules/alt/alt002-alternate-id-not-rfc822.js';
import { alt003 } from '../../../src/rules/alt/alt003-alternate-id-empty.js';
import { forestWithScan, ldapFacts, none, scan, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const altPlan = makePlan({ identity: { signInAttribute: 'otherMailbox' } });
const schema = (isSingleValued: boolean) =>
  ldapFacts({
    'contoso.com': {
      schema: ok({
        objectVersion: 88,
        attributes: { othermailbox: { exists: true, ldapDisplayName: 'otherMailbox', isSingleValued, attributeSyntax: '2.5.5.12', oMSyntax: 64, rangeUpper: null, classes: [] } },
        hasConsistencyGuid: true,
        exchangeSchemaVersion: null,
        hasMsDsDevice: true,
        deviceRegistrationContainer: false,
      }),
    },
  });

describe('ALT001 alternate-id-multivalued', () => {
  it('fires for a multi-valued attribute, not for a single-valued one, and does not apply to UPN', () => {
    expect(runRule(alt001, altPlan, schema(false)).findings[0]?.message).toBe('The sign-in attribute otherMailbox is multi-valued in the schema of contoso.com');
    expect(runRule(alt001, altPlan, schema(true)).findings).toEqual([]);
    expect(statusOf(runRule(alt001, makePlan(), schema(false)))).toBe('not-applicable');
    expect(statusOf(runRule(alt001, altPlan, unreachable))).toBe('not-evaluated');
  });
});

describe('ALT002 / ALT003', () => {
  const signIn = (empty: number, bad: number) => ({ attribute: 'otherMailbox', empty: { count: empty, sample: ['CN=e'] }, notRfc822: { count: bad, sample: ['x (CN=b)'] }, multipleValues: none });
  it('report values that are not addresses, and users without a value', () => {
    const facts = forestWithScan(scan({ signIn: signIn(2, 1) }));
    expect(runRule(alt002, altPlan, facts).findings[0]?.message).toBe('1 value(s) of otherMailbox in contoso.com are not RFC 822 addresses (e.g. x (CN=b))');
    expect(runRule(alt003, altPlan, facts).findings[0]?.message).toBe('2 user(s) in contoso.com have no otherMailbox (e.g. CN=e)');
  });
  it('stay silent when the values are fine', () => {
    const facts = forestWithScan(scan({ signIn: signIn(0, 0) }));
    expect(runRule(alt002, altPlan, facts).findings).toEqual([]);
    expect(runRule(alt003, altPlan, facts).findings).toEqual([]);
  });
});
