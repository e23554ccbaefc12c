import { describe, expect, it } from 'vitest';
import { dq001 } from '../../../src/rules/dq/dq001-displayname-invalid.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ001 displayname-invalid', () => {
  it('reports blank and over-long displayNames per reason, with counts and a sample', () => {
    const facts = forestWithScan(
      scanWithDataQuality({ displayName: { blank: { count: 2, sample: ['Sales: (none)', 'alice:  '] }, tooLong: { count: 1, sample: ['bob: xxxxxxxx…'] } } }),
    );
    const r = runRule(dq001, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '2 object(s) in contoso.com have a blank displayName: only spaces, or none on a mail-enabled group (e.g. Sales: (none), alice:  )',
      '1 object(s) in contoso.com have a displayName over 255 characters (e.g. bob: xxxxxxxx…)',
    ]);
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].name', forest: 'contoso.com' });
    expect(r.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('passes a clean scan', () => {
    expect(statusOf(runRule(dq001, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(runRule(dq001, makePlan(), forestWithScan(scanWithDataQuality({ displayName: { blank: none, tooLong: none } }))).findings).toEqual([]);
  });

  it('is not evaluated when the scan failed', () => {
    const r = runRule(dq001, makePlan(), unreachable);
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ ruleId: 'DQ001', host: 'dc1.contoso.com:636', kind: 'timeout' });
  });
});
