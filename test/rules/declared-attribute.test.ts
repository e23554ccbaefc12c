import { describe, expect, it } from 'vitest';
import { ok } from '../../src/facts/fact.js';
import type { SchemaFacts } from '../../src/facts/areas/ldap.js';
import { alt001 } from '../../src/rules/alt/alt001-alternate-id-multivalued.js';
import { alt002 } from '../../src/rules/alt/alt002-alternate-id-not-rfc822.js';
import { alt003 } from '../../src/rules/alt/alt003-alternate-id-empty.js';
import { sa005 } from '../../src/rules/sa/sa005-sourceanchor-missing-in-schema.js';
import { sa007 } from '../../src/rules/sa/sa007-sourceanchor-multivalued.js';
import { ldapFacts } from '../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../helpers/rules.js';

/** Issue 11 §2: these rules passed when the bundle held no facts for the attribute the plan selects. */
const attr = { exists: true, ldapDisplayName: 'x', isSingleValued: true, attributeSyntax: '2.5.5.12', oMSyntax: 64, rangeUpper: null, classes: ['user'] };
function schema(attributes: SchemaFacts['attributes']) {
  return ldapFacts({ 'contoso.com': { schema: ok({ objectVersion: 47, attributes, hasConsistencyGuid: true, exchangeSchemaVersion: null, hasMsDsDevice: true, deviceRegistrationContainer: true }) } });
}
const altPlan = makePlan({ identity: { signInAttribute: 'mail' } } as never);
const anchorPlan = makePlan({ identity: { sourceAnchor: { mode: 'attribute', attribute: 'employeeID' } } } as never);

describe('rules judging the planned attribute are not evaluated without facts for it', () => {
  it('ALT001: schema facts without the sign-in attribute', () => {
    const r = runRule(alt001, altPlan, schema({ employeeid: attr }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]?.fact).toBe('ldap.forests.contoso.com.schema.attributes.mail');
    expect(statusOf(runRule(alt001, altPlan, schema({ mail: attr })))).toBe('passed');
  });

  it('ALT002/ALT003: a scan without the sign-in attribute aggregates', () => {
    const facts = ldapFacts({ 'contoso.com': { scan: ok({}) as never } });
    expect(statusOf(runRule(alt002, altPlan, facts))).toBe('not-evaluated');
    expect(statusOf(runRule(alt003, altPlan, facts))).toBe('not-evaluated');
  });

  it('SA005/SA007: schema facts without the sourceAnchor attribute', () => {
    expect(statusOf(runRule(sa005, anchorPlan, schema({ mail: attr })))).toBe('not-evaluated');
    expect(statusOf(runRule(sa007, anchorPlan, schema({ mail: attr })))).toBe('not-evaluated');
    expect(statusOf(runRule(sa005, anchorPlan, schema({ employeeid: attr })))).toBe('passed');
    expect(statusOf(runRule(sa007, anchorPlan, schema({ employeeid: attr })))).toBe('passed');
  });
});
