import { describe, expect, it } from 'vitest';
import { sso003 } from '../../../src/rules/sso/sso003-sso-intranet-zone.js';
import { sso004 } from '../../../src/rules/sso/sso004-sso-forest-skipped.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const forest = (name: string, enabled?: boolean) => ({
  name,
  connectorAccount: { mode: 'existing' as const, name: 'X\\svc', password: 'env:X' },
  ...(enabled === undefined ? {} : { sso: { enabled } }),
});

describe('SSO003 sso-intranet-zone', () => {
  it('reminds about the Intranet zone with the exact URL when SSO is on', () => {
    const r = runRule(sso003, makePlan({ signIn: { method: 'pta', seamlessSso: true } }));
    expect(r.findings[0]?.message).toBe('Add https://autologon.microsoftazuread-sso.com to the Intranet zone (Site to Zone Assignment List, value 1) for every user of Seamless SSO');
    expect(statusOf(runRule(sso003, makePlan()))).toBe('not-applicable');
  });
});

describe('SSO004 sso-forest-skipped', () => {
  it('names the forest SSO is not enabled for', () => {
    const r = runRule(sso004, makePlan({ signIn: { method: 'phs', seamlessSso: true }, forests: [forest('a.com', true), forest('b.com', false), forest('c.com')] }));
    expect(r.findings.map((f) => [f.data['forest'], f.location.planPath])).toEqual([['b.com', 'forests[1].sso.enabled']]);
  });
});
