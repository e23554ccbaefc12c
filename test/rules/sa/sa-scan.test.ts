import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sa001 } from '../../../src/rules/sa/sa001-sourceanchor-has-at.js';
import { sa003 } from '../../../src/rules/sa/sa003-sourceanchor-selection.js';
import { sa004 } from '../../../src/rules/sa/sa004-consistencyguid-invalid-values.js';
import { sa005 } from '../../../src/rules/sa/sa005-sourceanchor-missing-in-schema.js';
import { sa006 } from '../../../src/rules/sa/sa006-sourceanchor-empty-or-duplicate.js';
import { sa007 } from '../../../src/rules/sa/sa007-sourceanchor-multivalued.js';
import { forestWithScan, ldapFacts, none, scan, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const anchorPlan = (attribute: string) => makePlan({ identity: { sourceAnchor: { mode: 'attribute', attribute } } });
const schemaWith = (attributes: Record<string, { exists: boolean; isSingleValued: boolean | null }>, hasConsistencyGuid = true) =>
  ok({
    objectVersion: 88,
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [k, { ...v, ldapDisplayName: v.exists ? k : null, attributeSyntax: null, oMSyntax: null, rangeUpper: null, classes: [] }]),
    ),
    hasConsistencyGuid,
    exchangeSchemaVersion: null,
    hasMsDsDevice: true,
    deviceRegistrationContainer: false,
  });
const anchorStats = (o: Partial<{ empty: number; dup: number; at: number }>) => ({
  attribute: 'employeeID',
  populated: 5,
  empty: { count: o.empty ?? 0, sample: ['CN=e'] },
  duplicates: { count: o.dup ?? 0, sample: ['7 (2 objects)'] },
  containsAt: { count: o.at ?? 0, sample: ['CN=a'] },
  multipleValues: none,
});

describe('SA001 sourceanchor-has-at', () => {
  it('refuses mail/UPN outright and reports values with @', () => {
    expect(runRule(sa001, anchorPlan('mail')).findings[0]?.messageId).toBe('address');
    expect(runRule(sa001, anchorPlan('employeeID'), forestWithScan(scan({ sourceAnchor: anchorStats({ at: 2 }) }))).findings[0]?.message).toBe(
      '2 user(s) in contoso.com have an @ in their employeeID value (e.g. CN=a)',
    );
    expect(runRule(sa001, anchorPlan('employeeID'), forestWithScan(scan({ sourceAnchor: anchorStats({}) }))).findings).toEqual([]);
    expect(statusOf(runRule(sa001, makePlan()))).toBe('not-applicable');
  });
});

describe('SA003 sourceanchor-selection', () => {
  it('says ms-DS-ConsistencyGuid when unused, objectGUID when some objects hold it', () => {
    const unused = forestWithScan(scan(), { schema: schemaWith({}) });
    expect(runRule(sa003, makePlan(), unused).findings[0]?.messageId).toBe('consistencyGuid');
    const used = forestWithScan(scan({ consistencyGuid: { populated: 3, invalidLength: none, duplicates: none } }), { schema: schemaWith({}) });
    expect(runRule(sa003, makePlan(), used).findings[0]?.message).toBe('The wizard will use objectGUID as the source anchor for every forest (contoso.com): contoso.com: 3 of 10 users already have ms-DS-ConsistencyGuid set');
    expect(statusOf(runRule(sa003, makePlan(), unreachable))).toBe('not-evaluated');
  });

  // The choice is global: ms-DS-ConsistencyGuid only when no forest holds values (and every schema has it).
  const twoForests = makePlan({
    forests: [
      { name: 'contoso.com', connectorAccount: { mode: 'existing', name: 'CONTOSO\\svc', password: 'env:P' } },
      { name: 'fabrikam.com', connectorAccount: { mode: 'existing', name: 'FABRIKAM\\svc', password: 'env:P' } },
    ],
  });
  const forest = (populated: number, hasConsistencyGuid = true) => ({
    scan: ok(scan({ consistencyGuid: { populated, invalidLength: none, duplicates: none } })),
    schema: schemaWith({}, hasConsistencyGuid),
  });

  it('gives one verdict for all forests: objectGUID for every forest when one of them holds values', () => {
    const r = runRule(sa003, twoForests, ldapFacts({ 'contoso.com': forest(0), 'fabrikam.com': forest(2) }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'The wizard will use objectGUID as the source anchor for every forest (contoso.com, fabrikam.com): fabrikam.com: 2 of 10 users already have ms-DS-ConsistencyGuid set',
    ]);
  });

  it('judges every forest (no early return after a forest it could not evaluate)', () => {
    const r = runRule(sa003, twoForests, ldapFacts({ 'contoso.com': { scan: failed('dc1.contoso.com:636', 'timeout', 'no answer') }, 'fabrikam.com': forest(0, false) }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'The wizard will use objectGUID as the source anchor for every forest (contoso.com, fabrikam.com): the schema of fabrikam.com has no ms-DS-ConsistencyGuid',
    ]);
    // With an unknown forest and no forest forcing objectGUID, there is no verdict: not evaluated, never "consistencyGuid".
    const unknown = runRule(sa003, twoForests, ldapFacts({ 'contoso.com': { scan: failed('dc1.contoso.com:636', 'timeout', 'no answer') }, 'fabrikam.com': forest(0) }));
    expect(unknown.findings).toEqual([]);
    expect(unknown.outcomes[0]?.status).toBe('not-evaluated');
  });

  it('says ms-DS-ConsistencyGuid once when it is unused in every forest', () => {
    const r = runRule(sa003, twoForests, ldapFacts({ 'contoso.com': forest(0), 'fabrikam.com': forest(0) }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'ms-DS-ConsistencyGuid is unused in every forest (contoso.com, fabrikam.com; 20 users scanned); the wizard will use it as the source anchor',
    ]);
  });
});

describe('SA004 consistencyguid-invalid-values', () => {
  it('reports wrong lengths and duplicates', () => {
    const facts = forestWithScan(scan({ consistencyGuid: { populated: 3, invalidLength: { count: 1, sample: ['CN=x'] }, duplicates: { count: 1, sample: ['00 (2 objects)'] } } }));
    expect(runRule(sa004, makePlan(), facts).findings.map((f) => f.messageId)).toEqual(['length', 'duplicates']);
    expect(runRule(sa004, makePlan(), forestWithScan(scan())).findings).toEqual([]);
  });
});

describe('SA005 / SA007 schema checks', () => {
  it('report a missing and a multi-valued attribute', () => {
    const facts = forestWithScan(scan(), { schema: schemaWith({ employeeid: { exists: false, isSingleValued: null }, othermailbox: { exists: true, isSingleValued: false } }) });
    expect(runRule(sa005, anchorPlan('employeeID'), facts).findings[0]?.message).toBe('sourceAnchor attribute employeeID does not exist in the schema of contoso.com');
    expect(runRule(sa007, anchorPlan('otherMailbox'), facts).findings[0]?.message).toBe('sourceAnchor attribute otherMailbox is multi-valued in the schema of contoso.com');
    expect(runRule(sa005, anchorPlan('otherMailbox'), facts).findings).toEqual([]);
    expect(runRule(sa007, anchorPlan('employeeID'), facts).findings).toEqual([]);
  });
});

describe('SA006 sourceanchor-empty-or-duplicate', () => {
  it('reports empty and duplicate values', () => {
    const r = runRule(sa006, anchorPlan('employeeID'), forestWithScan(scan({ sourceAnchor: anchorStats({ empty: 1, dup: 1 }) })));
    expect(r.findings.map((f) => f.messageId)).toEqual(['empty', 'duplicates']);
    expect(runRule(sa006, anchorPlan('employeeID'), forestWithScan(scan({ sourceAnchor: anchorStats({}) }))).findings).toEqual([]);
  });
});
