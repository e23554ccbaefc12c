import { describe, expect, it } from 'vitest';
import { dq005 } from '../../../src/rules/dq/dq005-samaccountname-invalid.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ005 samaccountname-invalid', () => {
  it('reports long names and forbidden characters', () => {
    const facts = forestWithScan(
      scanWithDataQuality({ sAMAccountName: { tooLong: { count: 1, sample: ['a-very-long-logon-name: a-very-long-logon-name'] }, characters: { count: 1, sample: ['a+b: a+b'] } } }),
    );
    const r = runRule(dq005, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 object(s) in contoso.com have a sAMAccountName over 20 characters (e.g. a-very-long-logon-name: a-very-long-logon-name)',
      '1 object(s) in contoso.com have a sAMAccountName with characters Windows forbids (e.g. a+b: a+b)',
    ]);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(runRule(dq005, makePlan(), forestWithScan(scanWithDataQuality({ sAMAccountName: { tooLong: none, characters: none } }))).findings).toEqual([]);
    expect(statusOf(runRule(dq005, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(statusOf(runRule(dq005, makePlan(), unreachable))).toBe('not-evaluated');
  });
});
