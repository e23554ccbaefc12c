import { describe, expect, it } from 'vitest';
import type { HiaFacts } from '../../../src/facts/areas/tenant.js';
import { failed, ok, type Fact } from '../../../src/facts/fact.js';
import type { Facts } from '../../../src/facts/schema.js';
import { hia004 } from '../../../src/rules/hia/hia004-hia-needs-interactive-auth.js';
import { hia005 } from '../../../src/rules/ten/hia005-hia-sign-in.js';
import { hia006 } from '../../../src/rules/ten/hia006-hia-role-not-active.js';
import { hia007 } from '../../../src/rules/ten/hia007-hia-foreign-account.js';
import { tenRules } from '../../../src/rules/ten/index.js';
import { ten001 } from '../../../src/rules/ten/ten001-tenant-already-synced.js';
import { ten002 } from '../../../src/rules/ten/ten002-tenant-type.js';
import { ten003 } from '../../../src/rules/ten/ten003-object-quota.js';
import { ten004 } from '../../../src/rules/ten/ten004-soft-match-preview.js';
import { ten005 } from '../../../src/rules/ten/ten005-hard-match-takeover-blocked.js';
import { evaluateRules } from '../../../src/engine/evaluate.js';
import { pseudonymizeFacts } from '../../../src/facts/pseudonymize.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { scan, softMatchKeys } from '../../helpers/scan-facts.js';
import { makePlan, NOW, runRule, statusOf } from '../../helpers/rules.js';
import { cloudOnly, tenantFacts } from './tenant-facts.js';

const graph = { tenantId: 'contoso.onmicrosoft.com', clientId: 'c', credential: { kind: 'client-secret', secret: 'env:S' } } as const;
const plan = makePlan({ hybridIdentityAdministrator: { upn: 'hia@contoso.onmicrosoft.com' }, tenant: { graph } });
const withLdap = (count = 1000): Facts => ldapFacts({ 'contoso.com': { objectCount: ok({ users: count, groups: 0, contacts: 0, computers: 0, scope: 'in-scope' }), scan: ok(scan()) } });
const facts = (t: Parameters<typeof tenantFacts>[0] = {}): Facts => ({ ...withLdap(), tenant: tenantFacts(t) });
const hia = (h: Partial<HiaFacts>): { hia: Fact<HiaFacts> } => ({ hia: ok({ ...(tenantFacts().hia as { value: HiaFacts }).value, ...h }) });
const org = (o: Record<string, unknown>) => ({ organization: ok({ ...(tenantFacts().organization as unknown as { value: object }).value, ...o }) as never });

describe('tenant rules on facts', () => {
  it('every tenant rule passes on a clean tenant', () => {
    const r = evaluateRules(plan, facts(), tenRules, { now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.outcomes.map((o) => o.status)).toEqual(tenRules.map(() => 'passed'));
  });

  it('without a tenant.graph block every tenant rule is "not requested" with the hint, never a gathering failure', () => {
    const noGraph = makePlan({ hybridIdentityAdministrator: { upn: 'hia@contoso.onmicrosoft.com' } });
    const r = evaluateRules(noGraph, withLdap(), tenRules, { now: NOW });
    expect(r.outcomes.map((o) => o.status)).toEqual(tenRules.map(() => 'not-requested'));
    expect(r.notEvaluated.every((n) => n.kind === 'not-requested' && /tenant\.graph/.test(n.hint ?? ''))).toBe(true);
  });

  it('a 403 on a part makes its rules not evaluated with kind permission and the permission named', () => {
    const r = runRule(ten004, plan, facts({ cloudOnlyUsers: failed('graph', 'permission', 'cloud-only users: permission denied; grant User.Read.All') }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ kind: 'permission', reason: expect.stringMatching(/User\.Read\.All/) });
  });

  it('TEN001: a recent export is an error, an old one a warning, staging mode not applicable', () => {
    const recent = runRule(ten001, plan, facts(org({ onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: new Date(NOW.getTime() - 3_600_000).toISOString() })));
    expect(recent.findings.map((f) => [f.messageId, f.severity])).toEqual([['active', 'error']]);
    const old = runRule(ten001, plan, facts(org({ onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2026-01-01T00:00:00Z' })));
    expect(old.findings.map((f) => [f.messageId, f.severity])).toEqual([['stale', 'warning']]);
    const staging = runRule(ten001, makePlan({ stagingMode: true, tenant: { graph } }), facts(org({ onPremisesSyncEnabled: true })));
    expect(statusOf(staging)).toBe('not-applicable');
  });

  it('TEN002: a B2C tenant is an error', () => {
    expect(runRule(ten002, plan, facts(org({ tenantType: 'AAD B2C' }))).findings[0]?.message).toMatch(/AAD B2C/);
  });

  it('TEN003: over the quota is an error, above 90 % a warning', () => {
    const over = runRule(ten003, plan, { ...withLdap(49_950), tenant: tenantFacts({ directorySizeQuota: ok({ used: 100, total: 50_000 }) }) });
    expect(over.findings.map((f) => f.severity)).toEqual(['error']);
    const near = runRule(ten003, plan, { ...withLdap(45_000), tenant: tenantFacts({ directorySizeQuota: ok({ used: 100, total: 50_000 }) }) });
    expect(near.findings.map((f) => [f.messageId, f.severity])).toEqual([['near', 'warning']]);
    const unknown = runRule(ten003, plan, { ...withLdap(), tenant: tenantFacts({ directorySizeQuota: failed('graph', 'not-found', 'beta organization: 404') }) });
    expect(statusOf(unknown)).toBe('not-evaluated');
  });

  it('TEN004: joins exactly on UPN / primary SMTP, errors for admins and when soft match is blocked', () => {
    // On premises: a@contoso.com (UPN) and b.primary@contoso.com (primary SMTP of another user).
    const onPrem = ldapFacts({ 'contoso.com': { objectCount: ok({ users: 1000, groups: 0, contacts: 0, computers: 0, scope: 'in-scope' }), scan: ok(scan({ softMatchKeys: softMatchKeys(['a@contoso.com', 'b.primary@contoso.com']) })) } });
    const users = cloudOnly([
      { upn: 'A@Contoso.com', addresses: ['a@contoso.com'] },
      { upn: 'b@contoso.onmicrosoft.com', addresses: ['b.primary@contoso.com'], adminRoles: ['fe930be7-5e62-47db-91af-98c3a49a38b1'] },
      // Same domain, no equal address: the old domain join counted it, the exact join does not.
      { upn: 'c@contoso.com', addresses: ['c@contoso.com'] },
      { upn: 'd@elsewhere.org' },
    ]);
    const r = runRule(ten004, plan, { ...onPrem, tenant: tenantFacts({ cloudOnlyUsers: users }) });
    expect(r.findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['preview', 'note'],
      ['admin', 'error'],
    ]);
    expect(r.findings[0]?.data['count']).toBe(2);
    expect(r.findings[0]?.data['sample']).toEqual(['A@Contoso.com', 'b@contoso.onmicrosoft.com']);
    expect(r.findings[1]?.message).toMatch(/b@contoso\.onmicrosoft\.com holds an administrator role/);
    const blocked = runRule(ten004, plan, { ...onPrem, tenant: tenantFacts({ cloudOnlyUsers: users, onPremisesSync: ok({ features: { blockSoftMatchEnabled: true }, configuration: {} }) }) });
    expect(blocked.findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['blocked', 'error'],
      ['admin', 'error'],
    ]);
    // No on-premises address equal: silent, whatever the domains.
    const none = runRule(ten004, plan, { ...withLdap(), tenant: tenantFacts({ cloudOnlyUsers: cloudOnly([{ upn: 'c@contoso.com', addresses: ['x@contoso.com'] }]) }) });
    expect(none.findings).toEqual([]);
    expect(statusOf(none)).toBe('passed');
  });

  it('TEN004: a pseudonymised bundle joins the same (the keys survive, the names are replaced)', () => {
    const onPrem = ldapFacts({ 'contoso.com': { scan: ok(scan({ softMatchKeys: softMatchKeys(['lee.chen@contoso.com', 'pat.admin@contoso.com']) })) } });
    const users = cloudOnly([
      { upn: 'lee.chen@contoso.com' },
      { upn: 'pat@contoso.onmicrosoft.com', addresses: ['pat.admin@contoso.com'], adminRoles: ['fe930be7-5e62-47db-91af-98c3a49a38b1'] },
      { upn: 'kim@contoso.com' },
    ]);
    const live = runRule(ten004, plan, { ...onPrem, tenant: tenantFacts({ cloudOnlyUsers: users }) });
    const pseudo = pseudonymizeFacts({ ...onPrem, tenant: tenantFacts({ cloudOnlyUsers: users }) }, plan);
    expect(JSON.stringify(pseudo)).not.toContain('lee.chen');
    const offline = runRule(ten004, plan, pseudo);
    expect(offline.findings.map((f) => [f.messageId, f.data['count']])).toEqual(live.findings.map((f) => [f.messageId, f.data['count']]));
    expect(live.findings.map((f) => f.messageId)).toEqual(['preview', 'admin']);
  });

  it('TEN004: a bundle without the on-premises keys is not evaluated (unknown), never a silent pass', () => {
    const old = ldapFacts({ 'contoso.com': { scan: ok(scan({ softMatchKeys: undefined })) } });
    const r = runRule(ten004, plan, { ...old, tenant: tenantFacts({ cloudOnlyUsers: cloudOnly([{ upn: 'a@contoso.com' }]) }) });
    expect(statusOf(r)).toBe('not-evaluated');
  });

  it('TEN005: takeover blocked in a tenant that already holds synced objects', () => {
    const t = facts({ ...org({ onPremisesSyncEnabled: true }), onPremisesSync: ok({ features: { blockCloudObjectTakeoverThroughHardMatchEnabled: true }, configuration: {} }) });
    expect(runRule(ten005, plan, t).findings.map((f) => f.severity)).toEqual(['note']);
    expect(runRule(ten005, plan, facts({ onPremisesSync: ok({ features: { blockCloudObjectTakeoverThroughHardMatchEnabled: true }, configuration: {} }) })).findings).toEqual([]);
  });

  it('HIA005: not found, disabled; a federated account signs in (HIA004 gives the advice)', () => {
    expect(runRule(hia005, plan, facts(hia({ found: false }))).findings[0]?.messageId).toBe('notFound');
    expect(runRule(hia005, plan, facts(hia({ accountEnabled: false }))).findings[0]?.messageId).toBe('disabled');
    expect(runRule(hia005, plan, facts(hia({ domainAuthenticationType: 'Federated' }))).findings).toEqual([]);
  });

  it('HIA004: /InteractiveAuth advice from the tenant\'s facts (federated domain, MFA registered) when the plan says password', () => {
    const fed = runRule(hia004, plan, facts(hia({ upn: 'hia@fabrikam.org', domainAuthenticationType: 'Federated' })));
    expect(fed.findings.map((f) => [f.messageId, f.severity])).toEqual([['fromTenant', 'warning']]);
    expect(fed.findings[0]?.message).toMatch(/hia@fabrikam\.org in a federated domain \(fabrikam\.org\).*set auth: federated/);
    const mfa = runRule(hia004, plan, facts({ hiaMfa: ok({ isMfaRegistered: true, isMfaCapable: true, isPasswordlessCapable: false, methodsRegistered: ['microsoftAuthenticatorPush', 'mobilePhone'] }) }));
    expect(mfa.findings[0]?.message).toMatch(/with MFA registered \(microsoftAuthenticatorPush, mobilePhone\).*set auth: mfa/);
    // Nothing registered, managed domain: the plan's password sign-in stands.
    expect(runRule(hia004, plan, facts()).findings).toEqual([]);
    // The MFA report unreadable (403): no advice from it, and HIA004 is not made "not evaluated" by an optional fact.
    const denied = runRule(hia004, plan, facts({ hiaMfa: failed('graph', 'permission', 'grant AuditLog.Read.All and UserAuthenticationMethod.Read.All') }));
    expect(statusOf(denied)).toBe('passed');
    // Without the tenant probe the plan alone decides, as before.
    const planned = runRule(hia004, makePlan({ hybridIdentityAdministrator: { upn: 'hia@contoso.onmicrosoft.com', auth: 'mfa' } }), withLdap());
    expect(planned.findings.map((f) => f.messageId)).toEqual(['interactive']);
  });

  it('HIA006: no active role is an error; eligible only says to activate it', () => {
    expect(runRule(hia006, plan, facts(hia({ active: [] }))).findings[0]?.messageId).toBe('none');
    const elig = runRule(hia006, plan, facts(hia({ active: [], eligible: ['hybridIdentityAdministrator'] })));
    expect(elig.findings[0]?.message).toMatch(/PIM-eligible.*activate/);
    expect(runRule(hia006, plan, facts(hia({ active: [{ role: 'globalAdministrator', via: 'group' }] }))).findings).toEqual([]);
  });

  it('HIA007: guest, personal Microsoft account, other tenant', () => {
    expect(runRule(hia007, plan, facts(hia({ userType: 'Guest', identityIssuers: ['partner.example'] }))).findings[0]?.message).toMatch(/guest from partner\.example/);
    expect(runRule(hia007, plan, facts(hia({ identityIssuers: ['MicrosoftAccount'] }))).findings[0]?.message).toMatch(/personal Microsoft account/);
    expect(runRule(hia007, plan, facts(hia({ homeTenant: false, identityIssuers: ['fabrikam.onmicrosoft.com'] }))).findings[0]?.message).toMatch(/another tenant/);
  });
});
