import { describe, expect, it } from 'vitest';
import { sa002 } from '../../../src/rules/sa/sa002-sourceanchor-mutable.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const anchor = (attribute: string) => makePlan({ identity: { sourceAnchor: { mode: 'attribute', attribute } } });

describe('SA002 sourceanchor-mutable', () => {
  it.each(['sAMAccountName', 'displayname', 'employeeID', 'mail'])('warns about %s', (attribute) => {
    const r = runRule(sa002, anchor(attribute));
    expect(r.findings[0]?.data['attribute']).toBe(attribute);
    expect(r.findings[0]?.location.planPath).toBe('identity.sourceAnchor.attribute');
  });

  it('accepts immutable attributes and does not apply when Entra manages the anchor', () => {
    expect(runRule(sa002, anchor('objectGUID')).findings).toEqual([]);
    expect(runRule(sa002, anchor('mS-DS-ConsistencyGuid')).findings).toEqual([]);
    expect(statusOf(runRule(sa002, makePlan()))).toBe('not-applicable');
  });
});
