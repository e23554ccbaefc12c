import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad001 } from '../../../src/rules/ad/ad001-forest-functional-level.js';
import { ad002 } from '../../../src/rules/ad/ad002-no-writable-dc.js';
import { ad003 } from '../../../src/rules/ad/ad003-netbios-name-has-dot.js';
import { ad004 } from '../../../src/rules/ad/ad004-recycle-bin-disabled.js';
import { ad005 } from '../../../src/rules/ad/ad005-uniqueness-checks-disabled.js';
import { dc, domain, ldapFacts, rootDse } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan();
const down = failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s');

describe('AD001 forest-functional-level', () => {
  it('fires below Windows Server 2003, naming the level', () => {
    const r = runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 0 })) } }));
    expect(r.findings[0]?.message).toBe('Forest contoso.com runs at functional level 0 (Windows 2000); Windows Server 2003 (2) or later is required');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].name', forest: 'contoso.com', host: 'dc1.contoso.com' });
  });
  it('passes at 2003 and later; not evaluated without rootDSE', () => {
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: ok(rootDse({ forestFunctionality: 2 })) } })))).toBe('passed');
    expect(statusOf(runRule(ad001, plan, ldapFacts({ 'contoso.com': { rootDse: down } })))).toBe('not-evaluated');
  });
});

describe('AD002 no-writable-dc', () => {
  it('fires when the only reachable DC is read-only and the writable one is unreachable', () => {
    const facts = ldapFacts({
      'contoso.com': {
        domains: ok([domain({ dcs: [dc({ host: 'rodc1.contoso.com', readOnly: true }), dc({ host: 'dc1.contoso.com', reachable: false, unreachableReason: 'connection refused' })] })]),
      },
    });
    const r = runRule(ad002, plan, facts);
    expect(r.findings[0]?.message).toBe('Domain contoso.com has no reachable writable DC: read-only rodc1.contoso.com; writable but unreachable dc1.contoso.com (connection refused)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'forests[0].domainControllers', domain: 'contoso.com', dn: 'DC=contoso,DC=com' });
  });
  it('passes with a writable DC (reachability unknown counts as usable); not evaluated when domains failed', () => {
    expect(statusOf(runRule(ad002, plan, ldapFacts({ 'contoso.com': { domains: ok([domain({ dcs: [dc({ reachable: null }), dc({ readOnly: true })] })]) } })))).toBe('passed');
    expect(statusOf(runRule(ad002, plan, ldapFacts({ 'contoso.com': { domains: down } })))).toBe('not-evaluated');
  });
});

describe('AD003 netbios-name-has-dot', () => {
  it('fires for a dotted NetBIOS name only', () => {
    const facts = ldapFacts({ 'contoso.com': { domains: ok([domain(), domain({ dnsName: 'emea.contoso.com', netbiosName: 'EMEA.CORP', dn: 'DC=emea,DC=contoso,DC=com' })]) } });
    const r = runRule(ad003, plan, facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('Domain emea.contoso.com has the NetBIOS name "EMEA.CORP", which contains a period');
    expect(r.findings[0]?.location.domain).toBe('emea.contoso.com');
  });
  it('passes for plain names; not evaluated when absent', () => {
    expect(statusOf(runRule(ad003, plan, ldapFacts({ 'contoso.com': { domains: ok([domain()]) } })))).toBe('passed');
    expect(statusOf(runRule(ad003, plan, ldapFacts({ 'contoso.com': {} })))).toBe('not-evaluated');
  });
});

describe('AD004 recycle-bin-disabled', () => {
  it('notes a disabled recycle bin', () => {
    const r = runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: ok(false) } }));
    expect(r.findings[0]?.message).toBe('The AD Recycle Bin is not enabled in forest contoso.com');
    expect(r.findings[0]?.severity).toBe('note');
  });
  it('passes when enabled; not evaluated when failed', () => {
    expect(statusOf(runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: ok(true) } })))).toBe('passed');
    expect(statusOf(runRule(ad004, plan, ldapFacts({ 'contoso.com': { recycleBinEnabled: down } })))).toBe('not-evaluated');
  });
});

describe('AD005 uniqueness-checks-disabled', () => {
  it('fires when the 21st character of dSHeuristics is 1', () => {
    const value = '00000000010000000002' + '1';
    const r = runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok(value) } }));
    expect(r.findings[0]?.message).toBe(`dSHeuristics in forest contoso.com is "${value}": character 21 = 1 disables UPN and SPN uniqueness checks`);
  });
  it('passes when unset, short, or 0 at position 21; not evaluated when failed', () => {
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok(null) } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok('0000000001') } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: ok('000000000100000000020') } })))).toBe('passed');
    expect(statusOf(runRule(ad005, plan, ldapFacts({ 'contoso.com': { dsHeuristics: down } })))).toBe('not-evaluated');
  });
});
