import { describe, expect, it } from 'vitest';
import { ad006 } from '../../../src/rules/ad/ad006-conflict-objects.js';
import { forestWithScan, scan, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('AD006 conflict-objects', () => {
  it('reports CNF objects in scope with a sample', () => {
    const r = runRule(ad006, makePlan(), forestWithScan(scan({ conflictObjects: { count: 2, sample: ['CN=x\\0ACNF:1,DC=contoso,DC=com'] } })));
    expect(r.findings[0]?.message).toBe('2 replication conflict object(s) in scope in contoso.com (e.g. CN=x\\0ACNF:1,DC=contoso,DC=com)');
    expect(runRule(ad006, makePlan(), forestWithScan(scan())).findings).toEqual([]);
    expect(statusOf(runRule(ad006, makePlan(), unreachable))).toBe('not-evaluated');
  });
});
