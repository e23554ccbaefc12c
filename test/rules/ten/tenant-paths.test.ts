import { describe, expect, it } from 'vitest';
import type { TenantDomain } from '../../../src/facts/areas/tenant.js';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs007 } from '../../../src/rules/adfs/adfs007-one-farm-one-domain.js';
import { adfs008 } from '../../../src/rules/adfs/adfs008-existing-trust-recreated.js';
import { adfs009 } from '../../../src/rules/adfs/adfs009-federated-domain-not-verified.js';
import { hia002 } from '../../../src/rules/hia/hia002-hia-is-synced-account.js';
import { sign002 } from '../../../src/rules/sign/sign002-pta-needs-verified-domain.js';
import { sign004 } from '../../../src/rules/sign/sign004-do-not-configure-without-idp.js';
import { stg001 } from '../../../src/rules/stg/stg001-another-active-sync-server.js';
import { upn001 } from '../../../src/rules/upn/upn001-upn-suffix-not-verified.js';
import { adfsPlan, answer, lookup } from '../../helpers/net-facts.js';
import { makePlan, NOW, runRule, statusOf } from '../../helpers/rules.js';
import { forestWithScan, scan } from '../../helpers/scan-facts.js';
import { CONNECT_DESCRIPTION, ldapFacts, syncAccount } from '../../helpers/ldap-facts.js';
import { tenantFacts } from './tenant-facts.js';

const dom = (d: Partial<TenantDomain> & Pick<TenantDomain, 'id'>): TenantDomain => ({ isVerified: true, isDefault: false, isInitial: false, authenticationType: 'Managed', supportedServices: [], verificationTxt: null, federation: null, ...d });
const noList = { initialDomain: 'contoso.onmicrosoft.com' };
const fabrikamScan = forestWithScan(scan({ upnSuffixes: { 'fabrikam.com': { count: 2, sample: ['a@fabrikam.com'] } } }));

describe('tenant.verifiedDomains is optional: absent = unknown', () => {
  it('UPN001 and SIGN002 are "not requested" with a hint when neither the plan nor the tenant probe says', () => {
    const upn = runRule(upn001, makePlan({ tenant: noList }), fabrikamScan);
    expect(statusOf(upn)).toBe('not-requested');
    expect(upn.notEvaluated[0]).toMatchObject({ fact: 'tenant.verifiedDomains', kind: 'not-requested', hint: expect.stringMatching(/tenant\.verifiedDomains.*tenant\.graph/) });
    const sign = runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: noList }));
    expect(statusOf(sign)).toBe('not-requested');
  });

  it('an explicit empty list is a fact (SIGN002 fires)', () => {
    expect(statusOf(runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: { verifiedDomains: [] } })))).toBe('failed');
  });

  it('the tenant facts are used when present, and win over the plan', () => {
    const facts = { ...fabrikamScan, tenant: tenantFacts() }; // tenant verifies contoso.com only
    expect(runRule(upn001, makePlan({ tenant: noList }), facts).findings.map((f) => f.location.object)).toEqual(['fabrikam.com']);
    expect(runRule(upn001, makePlan({ tenant: { verifiedDomains: ['fabrikam.com'] } }), facts).findings).toHaveLength(1);
    expect(statusOf(runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: noList }), { tenant: tenantFacts() }))).toBe('passed');
  });

  it('a failed tenant read is a gathering failure, not "not requested"', () => {
    const t = tenantFacts({ organization: failed('graph', 'permission', 'organization: grant Organization.Read.All') });
    const r = runRule(sign002, makePlan({ signIn: { method: 'pta' }, tenant: noList }), { tenant: t });
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]?.kind).toBe('permission');
  });
});

describe('existing rules with tenant facts', () => {
  const txt = (records: string[]) => ({ dns: { lookups: [lookup({ name: 'contoso.com', type: 'TXT', purpose: 'domain-verification', view: 'extranet', resolver: '127.0.0.30' }, ok(answer({ txt: records })))] } });
  const unverified = tenantFacts({ domains: ok([dom({ id: 'contoso.com', isVerified: false, verificationTxt: 'MS=ms12345678' })]) });

  it('ADFS009: with the tenant\'s TXT value only the exact record passes (any MS= record did before)', () => {
    const plan = adfsPlan({ tenant: noList });
    expect(runRule(adfs009, plan, { ...txt(['MS=ms99999999']), tenant: unverified }).findings[0]?.message).toMatch(/the tenant expects TXT "MS=ms12345678"/);
    expect(statusOf(runRule(adfs009, plan, { ...txt(['MS=ms12345678']), tenant: unverified }))).toBe('passed');
    expect(statusOf(runRule(adfs009, plan, txt(['MS=ms99999999'])))).toBe('passed'); // plan-only path unchanged
  });

  it('ADFS007: a domain to federate already federated with another federation service', () => {
    const t = tenantFacts({ domains: ok([dom({ id: 'contoso.com', authenticationType: 'Federated', federation: { issuerUri: 'http://sts.other.example/adfs/services/trust', passiveSignInUri: 'https://sts.other.example/adfs/ls/', signingCertificateNotAfter: null } })]) });
    const r = runRule(adfs007, adfsPlan(), { tenant: t });
    expect(r.findings.map((f) => [f.messageId, f.severity])).toEqual([['otherIssuer', 'error']]);
  });

  it('ADFS008: the tenant federates the domain with this existing farm even though the plan says no trust', () => {
    const plan = adfsPlan();
    const farm = plan.adfs!.federationServiceName;
    const t = tenantFacts({ domains: ok([dom({ id: 'contoso.com', authenticationType: 'Federated', federation: { issuerUri: null, passiveSignInUri: `https://${farm}/adfs/ls/`, signingCertificateNotAfter: null } })]) });
    const existing = adfsPlan({ adfs: { ...plan.adfs!, farm: 'existing', existingTrust: false } as never });
    expect(runRule(adfs008, existing, { tenant: t }).findings.map((f) => f.messageId)).toEqual(['recreatedTenant']);
  });

  it('SIGN004: a federated domain in the tenant is an existing identity provider', () => {
    const plan = makePlan({ signIn: { method: 'none' } });
    expect(runRule(sign004, plan).findings).toHaveLength(1);
    const t = tenantFacts({ domains: ok([dom({ id: 'contoso.com', authenticationType: 'Federated' })]) });
    expect(runRule(sign004, plan, { tenant: t }).findings).toEqual([]);
  });

  it('STG001: the tenant\'s last export decides; the MSOL_ logon heuristic only without it', () => {
    const recentLogon = ldapFacts({ 'contoso.com': { syncServiceAccounts: ok([syncAccount({ sAMAccountName: 'MSOL_4567', description: CONNECT_DESCRIPTION, lastLogonTimestamp: new Date(NOW.getTime() - 86_400_000).toISOString() })]) } });
    expect(runRule(stg001, makePlan(), recentLogon).findings.map((f) => f.messageId)).toEqual(['active']);
    const quiet = tenantFacts();
    expect(runRule(stg001, makePlan(), { ...recentLogon, tenant: quiet }).findings).toEqual([]);
    const exporting = tenantFacts({ organization: ok({ id: 't1', tenantType: 'AAD', verifiedDomains: [], onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: new Date(NOW.getTime() - 1_800_000).toISOString() }) });
    expect(runRule(stg001, makePlan(), { tenant: exporting }).findings.map((f) => f.messageId)).toEqual(['tenant']);
  });

  it('HIA002: the tenant\'s onPremisesSyncEnabled for the HIA is authoritative', () => {
    const plan = makePlan({ hybridIdentityAdministrator: { upn: 'hia@contoso.com' } });
    const t = tenantFacts();
    const hia = t.hia.status === 'ok' ? t.hia.value : undefined;
    expect(runRule(hia002, plan, { tenant: tenantFacts({ hia: ok({ ...hia!, onPremisesSyncEnabled: true }) }) }).findings.map((f) => f.messageId)).toEqual(['syncedTenant']);
    expect(statusOf(runRule(hia002, plan, { tenant: t }))).toBe('passed');
  });
});
