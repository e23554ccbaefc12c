import { describe, expect, it } from 'vitest';
import { stg002 } from '../../../src/rules/stg/stg002-staging-disables-features.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('STG002 staging-disables-features', () => {
  it('notes PHS and password writeback staying off in staging mode', () => {
    const r = runRule(stg002, makePlan({ stagingMode: true, features: { passwordWriteback: true } }));
    expect(r.findings[0]?.message).toBe('Staging mode is on: password hash synchronization and password writeback will stay inactive until staging mode is turned off');
  });
  it('is silent without those features and not applicable without staging', () => {
    expect(runRule(stg002, makePlan({ stagingMode: true, signIn: { method: 'pta' } })).findings).toEqual([]);
    expect(statusOf(runRule(stg002, makePlan()))).toBe('not-applicable');
  });
});
