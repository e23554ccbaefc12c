import { describe, expect, it } from 'vitest';
import { dq007 } from '../../../src/rules/dq/dq007-upn-limits.js';
import { upn003 } from '../../../src/rules/upn/upn003-upn-invalid-format.js';
import { ScanAggregator } from '../../../src/probes/ldap/scan-aggregate.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ007 upn-limits', () => {
  it('reports UPNs at the limits and non-addresses', () => {
    const local = `${'a'.repeat(64)}@contoso.com`;
    const facts = forestWithScan(
      scanWithDataQuality({ userPrincipalName: { localPartAtLimit: { count: 1, sample: [`long: ${local}`] }, domainPartAtLimit: none, notAddress: { count: 1, sample: ['erin: .erin@contoso.com'] } } }),
    );
    const r = runRule(dq007, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      `1 object(s) in contoso.com have a UPN with 64 characters before the @ (e.g. long: ${local})`,
      '1 object(s) in contoso.com have a UPN that is not an RFC 5322 address (e.g. erin: .erin@contoso.com)',
    ]);
  });

  it('never reports a UPN that UPN003 reports (the split between the two rules)', () => {
    const agg = new ScanAggregator({});
    const upns = ['jürgen@contoso.com', 'a b@contoso.com', `${'a'.repeat(65)}@contoso.com`, 'grace@@contoso.com', 'x.@contoso.com', 'nobody', '.erin@contoso.com', `${'b'.repeat(64)}@contoso.com`];
    upns.forEach((upn, i) => agg.add({ dn: `CN=u${i}`, sAMAccountName: `u${i}`, userPrincipalName: upn }));
    const facts = forestWithScan(agg.result());
    const byUpn003 = runRule(upn003, makePlan(), facts).findings.flatMap((f) => f.data['sample'] as readonly string[]);
    const byDq007 = runRule(dq007, makePlan(), facts).findings.flatMap((f) => (f.data['sample'] as readonly string[]).map((s) => s.replace(/^u\d+: /, '')));
    expect(byDq007.sort()).toEqual(['.erin@contoso.com', `${'b'.repeat(64)}@contoso.com`]);
    expect(byDq007.filter((upn) => byUpn003.includes(upn))).toEqual([]);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(statusOf(runRule(dq007, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(runRule(dq007, makePlan(), unreachable).notEvaluated[0]).toMatchObject({ ruleId: 'DQ007', kind: 'timeout' });
  });
});
