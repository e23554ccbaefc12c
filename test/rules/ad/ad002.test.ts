import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad002 } from '../../../src/rules/ad/ad002-no-writable-dc.js';
import { dc, domain, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';
import { markReachability } from '../../../src/probes/ldap/locate.js';

const plan = makePlan();
const down = failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s');

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
  // Issue 11 §4: the probe never set reachable=false for a DC of a domain it read, so the branch was dead.
  it('fires from what binding showed: the writable DC located first did not answer, only the RODC did', () => {
    const dcs = markReachability([dc({ host: 'dc1.contoso.com' }), dc({ host: 'rodc1.contoso.com', readOnly: true })], {
      bound: 'rodc1.contoso.com',
      unreachable: [{ host: 'dc1.contoso.com', reason: 'refused on 636: connection refused' }],
    });
    expect(dcs.map((d) => [d.host, d.reachable])).toEqual([['dc1.contoso.com', false], ['rodc1.contoso.com', true]]);
    const r = runRule(ad002, plan, ldapFacts({ 'contoso.com': { domains: ok([domain({ dcs })]) } }));
    expect(r.findings[0]?.message).toBe('Domain contoso.com has no reachable writable DC: read-only rodc1.contoso.com; writable but unreachable dc1.contoso.com (refused on 636: connection refused)');
    const fine = markReachability([dc({ host: 'dc1.contoso.com' }), dc({ host: 'dc2.contoso.com' })], { bound: 'dc2.contoso.com', unreachable: [{ host: 'dc1.contoso.com', reason: 'timeout' }] });
    expect(statusOf(runRule(ad002, plan, ldapFacts({ 'contoso.com': { domains: ok([domain({ dcs: fine })]) } })))).toBe('passed');
  });
});
