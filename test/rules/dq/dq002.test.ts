import { describe, expect, it } from 'vitest';
import { dq002 } from '../../../src/rules/dq/dq002-mail-invalid-or-duplicate.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ002 mail-invalid-or-duplicate', () => {
  it('reports invalid and duplicate mail values', () => {
    const facts = forestWithScan(
      scanWithDataQuality({
        mail: { tooLong: none, invalid: { count: 1, sample: ['dave: dave at contoso'] }, duplicates: { count: 1, sample: ['alice@contoso.com (2 objects: alice, bob)'] } },
      }),
    );
    const r = runRule(dq002, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 object(s) in contoso.com have a mail value that is not an RFC 5322 address (e.g. dave: dave at contoso)',
      '1 mail value(s) are held by more than one object in contoso.com: alice@contoso.com (2 objects: alice, bob)',
    ]);
    expect(r.findings.map((f) => f.messageId)).toEqual(['invalid', 'duplicate']);
    expect(r.findings[1]?.location).toEqual({ planPath: 'forests[0].name', forest: 'contoso.com' });
  });

  it('reports over-long values', () => {
    const r = runRule(dq002, makePlan(), forestWithScan(scanWithDataQuality({ mail: { tooLong: { count: 4, sample: ['a: x', 'b: y', 'c: z', 'd: w'] }, invalid: none, duplicates: none } })));
    expect(r.findings.map((f) => f.message)).toEqual(['4 object(s) in contoso.com have a mail value over 256 characters (e.g. a: x, b: y, c: z)']);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(statusOf(runRule(dq002, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(runRule(dq002, makePlan(), unreachable).notEvaluated[0]).toMatchObject({ ruleId: 'DQ002', host: 'dc1.contoso.com:636', kind: 'timeout' });
  });
});
