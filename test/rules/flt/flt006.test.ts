import { describe, expect, it } from 'vitest';
import { flt006 } from '../../../src/rules/flt/flt006-group-filter-is-pilot-only.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const pilotGroup = { forest: 'contoso.com', group: 'CN=Pilot,OU=Groups,DC=contoso,DC=com' };

describe('FLT006 group-filter-is-pilot-only', () => {
  it('warns about group filtering in production', () => {
    const r = runRule(flt006, makePlan({ pilotGroup }));
    expect(r.findings[0]?.location).toEqual({ planPath: 'pilotGroup.group', forest: 'contoso.com', object: pilotGroup.group });
  });
  it('accepts it for a pilot and does not apply without a group', () => {
    expect(runRule(flt006, makePlan({ pilotGroup, target: { deployment: 'pilot' } })).findings).toEqual([]);
    expect(statusOf(runRule(flt006, makePlan()))).toBe('not-applicable');
  });
});
