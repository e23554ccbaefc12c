import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad001 } from '../../../src/rules/ad/ad001-forest-functional-level.js';
import { ldapFacts, rootDse, schemaFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const down = failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s');

describe('AD001 forest-functional-level', () => {
  it('fires below Windows Server 2003, naming the level', () => {
    const r = runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 0 })), schema: ok(schemaFacts()) } }));
    expect(r.findings[0]?.message).toBe('Forest contoso.com runs at functional level 0 (Windows 2000); Windows Server 2003 (2) or later is required');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', forest: 'contoso.com', host: 'dc1.contoso.com' });
  });
  it('passes at 2003 and later; not evaluated without rootDSE', () => {
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 2 })), schema: ok(schemaFacts({ objectVersion: 30 })) } })))).toBe('passed');
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: down } })))).toBe('not-evaluated');
  });
  // Issue 11 §4: the prerequisites require the schema version too ("schema version and forest functional level … Windows Server 2003 or later").
  it('fires for a Windows 2000 schema (objectVersion 13) even at forest level 2003', () => {
    const r = runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 2 })), schema: ok(schemaFacts({ objectVersion: 13 })) } }));
    expect(r.findings.map((f) => f.message)).toEqual(['The schema of forest contoso.com is at objectVersion 13 (Windows 2000); Windows Server 2003 (30) or later is required']);
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].name', forest: 'contoso.com' });
  });
  it('is not evaluated without the schema or its objectVersion, never passed', () => {
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 7 })), schema: down } })))).toBe('not-evaluated');
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 7 })), schema: ok(schemaFacts({ objectVersion: null })) } })))).toBe('not-evaluated');
  });
});
