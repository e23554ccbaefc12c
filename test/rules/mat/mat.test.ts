import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { mat001 } from '../../../src/rules/mat/mat001-match-attribute-unpopulated.js';
import { mat002 } from '../../../src/rules/mat/mat002-match-attribute-duplicates.js';
import { mat003 } from '../../../src/rules/mat/mat003-linked-mailbox-with-exchange.js';
import { forestWithScan, ldapFacts, scan } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const mailMatch = makePlan({ identity: { matching: { method: 'mail' } } });
const stats = (empty: number, dup: number) => ({ attribute: 'mail', populated: 9, empty: { count: empty, sample: ['CN=e'] }, duplicates: { count: dup, sample: ['a@contoso.com (2 objects)'] } });

describe('MAT001 / MAT002', () => {
  it('report users without the matching attribute and duplicate values', () => {
    const facts = forestWithScan(scan({ matching: stats(2, 1) }));
    expect(runRule(mat001, mailMatch, facts).findings[0]?.message).toBe('2 user(s) in contoso.com have no mail to match on (e.g. CN=e)');
    expect(runRule(mat002, mailMatch, facts).findings[0]?.message).toBe('1 mail value(s) are held by more than one user in contoso.com: a@contoso.com (2 objects)');
    expect(runRule(mat001, mailMatch, forestWithScan(scan({ matching: stats(0, 0) }))).findings).toEqual([]);
    expect(statusOf(runRule(mat001, makePlan(), facts))).toBe('not-applicable');
  });
});

describe('MAT003 linked-mailbox-with-exchange', () => {
  const plan = makePlan({
    identity: { matching: { method: 'objectSid-msExchMasterAccountSid' } },
    forests: [
      { name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'C\\s', password: 'env:X' } },
      { name: 'res.contoso.com', resourceForest: true, connectorAccount: { mode: 'existing', name: 'R\\s', password: 'env:X' } },
    ],
  });
  const schema = (exchangeSchemaVersion: number | null) =>
    ok({ objectVersion: 88, attributes: {}, hasConsistencyGuid: true, exchangeSchemaVersion, hasMsDsDevice: true, deviceRegistrationContainer: false });
  it('warns when the resource forest has the Exchange schema', () => {
    expect(runRule(mat003, plan, ldapFacts({ 'res.contoso.com': { schema: schema(17003) } })).findings[0]?.data['forest']).toBe('res.contoso.com');
    expect(runRule(mat003, plan, ldapFacts({ 'res.contoso.com': { schema: schema(null) } })).findings).toEqual([]);
  });
});
