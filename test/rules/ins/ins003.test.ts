import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { ServiceAccountFacts } from '../../../src/facts/areas/ldap.js';
import { ins003 } from '../../../src/rules/ins/ins003-service-account-kind.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const DN = 'CN=gmsa-sync,CN=Managed Service Accounts,DC=contoso,DC=com';
const plan = makePlan({ install: { serviceAccount: { kind: 'gmsa', name: 'CONTOSO\\gmsa-sync$' } } });
const gmsa = (o: Partial<ServiceAccountFacts> = {}): ServiceAccountFacts => ({
  found: true,
  dn: DN,
  sAMAccountName: 'gmsa-sync$',
  enabled: true,
  isGmsa: true,
  allowedToRetrievePassword: [{ sid: 'S-1-5-21-1-2-3-1105', name: 'CONTOSO\\SYNC02$' }],
  thisServer: 'allowed',
  ...o,
});

describe('INS003 service-account-kind', () => {
  it('fires when this server may not retrieve the gMSA password, listing who may', () => {
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ thisServer: 'denied' })) } }));
    expect(r.findings[0]?.message).toBe(`This server may not retrieve the password of gMSA CONTOSO\\gmsa-sync$ (${DN}); allowed: CONTOSO\\SYNC02$`);
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.serviceAccount.name', forest: 'contoso.com', dn: DN });
  });

  it('fires for a disabled account and for one found nowhere', () => {
    expect(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ enabled: false })) } })).findings[0]?.messageId).toBe('disabled');
    const missing = ok<ServiceAccountFacts>({ found: false, dn: null, sAMAccountName: null, enabled: null, isGmsa: null, allowedToRetrievePassword: null, thisServer: 'unknown' });
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: missing } }));
    expect(r.findings[0]?.message).toBe('Service account CONTOSO\\gmsa-sync$ was not found in contoso.com');
  });

  it('passes for an allowed gMSA, or when retrieval cannot be decided; does not apply to the virtual account', () => {
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa()) } })))).toBe('passed');
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ thisServer: 'unknown' })) } })))).toBe('passed');
    expect(statusOf(runRule(ins003, makePlan(), {}))).toBe('not-applicable');
  });

  it('is not evaluated when the lookup failed', () => {
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
  });
});
