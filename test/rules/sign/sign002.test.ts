import { describe, expect, it } from 'vitest';
import { sign002 } from '../../../src/rules/sign/sign002-pta-needs-verified-domain.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('SIGN002 pta-needs-verified-domain', () => {
  it('fires when PTA is planned and only the onmicrosoft.com domain is verified', () => {
    const r = runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: { verifiedDomains: ['contoso.onmicrosoft.com'] } }));
    expect(r.findings[0]?.message).toBe('PTA is planned but the tenant has no verified custom domain (verified: contoso.onmicrosoft.com)');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'tenant.verifiedDomains' });
  });
  it('fires with no verified domain at all', () => {
    expect(runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: { verifiedDomains: [] } })).findings[0]?.data['verified']).toEqual(['none']);
  });
  it('passes with a custom verified domain, and does not apply without PTA', () => {
    expect(statusOf(runRule(sign002, makePlan({ signIn: { method: 'pta' } })))).toBe('passed');
    expect(statusOf(runRule(sign002, makePlan()))).toBe('not-applicable');
  });
});
