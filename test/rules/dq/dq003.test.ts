import { describe, expect, it } from 'vitest';
import { dq003 } from '../../../src/rules/dq/dq003-mailnickname-invalid-or-duplicate.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ003 mailnickname-invalid-or-duplicate', () => {
  it('reports each reason and duplicates', () => {
    const facts = forestWithScan(
      scanWithDataQuality({
        mailNickname: {
          tooLong: none,
          leadingPeriod: { count: 1, sample: ['erin: .erin'] },
          characters: { count: 1, sample: ['frank: frank smith'] },
          duplicates: { count: 2, sample: ['alice (2 objects: alice, Sales)', 'bob (3 objects: bob, bob2)'] },
        },
      }),
    );
    const r = runRule(dq003, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 object(s) in contoso.com have a mailNickname starting with a period (e.g. erin: .erin)',
      '1 object(s) in contoso.com have a mailNickname with characters an alias may not hold (e.g. frank: frank smith)',
      '2 mailNickname value(s) are held by more than one object in contoso.com: alice (2 objects: alice, Sales), bob (3 objects: bob, bob2)',
    ]);
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(runRule(dq003, makePlan(), forestWithScan(scan())).findings).toEqual([]);
    expect(statusOf(runRule(dq003, makePlan(), unreachable))).toBe('not-evaluated');
  });
});
