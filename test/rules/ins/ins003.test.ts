import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { ServiceAccountFacts } from '../../../src/facts/areas/ldap.js';
import { ins003 } from '../../../src/rules/ins/ins003-service-account-kind.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const DN = 'CN=gmsa-sync,CN=Managed Service Accounts,DC=contoso,DC=com';
const plan = makePlan({ install: { serviceAccount: { kind: 'gmsa', name: 'CONTOSO\\gmsa-sync$' } }, syncServer: { fqdn: 'aadc01.contoso.com' } });
const noServer = makePlan({ install: { serviceAccount: { kind: 'gmsa', name: 'CONTOSO\\gmsa-sync$' } } });
const SERVER_DN = 'CN=AADC01,OU=Servers,DC=contoso,DC=com';
const gmsa = (o: Partial<ServiceAccountFacts> = {}): ServiceAccountFacts => ({
  found: true,
  dn: DN,
  sAMAccountName: 'gmsa-sync$',
  enabled: true,
  isGmsa: true,
  allowedToRetrievePassword: [{ sid: 'S-1-5-21-1-2-3-1105', name: 'CONTOSO\\SYNC02$' }],
  thisServer: 'allowed',
  syncServerComputer: { fqdn: 'aadc01.contoso.com', dn: SERVER_DN, grantedBy: 'Sync Servers' },
  ...o,
});

describe('INS003 service-account-kind', () => {
  it('fires when the sync server may not retrieve the gMSA password, listing who may', () => {
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ thisServer: 'denied', syncServerComputer: { fqdn: 'aadc01.contoso.com', dn: SERVER_DN, grantedBy: null } })) } }));
    expect(r.findings[0]?.message).toBe(`The sync server aadc01.contoso.com (${SERVER_DN}) may not retrieve the password of gMSA CONTOSO\\gmsa-sync$ (${DN}); allowed: CONTOSO\\SYNC02$`);
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.serviceAccount.name', forest: 'contoso.com', dn: DN });
  });

  it('names the deny entry that refuses the sync server although an allow entry matches it too', () => {
    const denied = gmsa({ thisServer: 'denied', allowedToRetrievePassword: [{ sid: 'S-1-5-21-1-2-3-2001', name: 'Sync Servers' }], syncServerComputer: { fqdn: 'aadc01.contoso.com', dn: SERVER_DN, grantedBy: null, deniedBy: 'Quarantined Servers' } });
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(denied) } }));
    expect(r.findings.map((f) => f.message)).toEqual([
      `The sync server aadc01.contoso.com (${SERVER_DN}) may not retrieve the password of gMSA CONTOSO\\gmsa-sync$ (${DN}): msDS-GroupMSAMembership denies Quarantined Servers, which its token holds, and a deny entry wins over the allow (Sync Servers)`,
    ]);
  });

  it('fires when the sync server has no computer account in the forest: it cannot be an allowed principal', () => {
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ thisServer: 'unknown', syncServerComputer: { fqdn: 'aadc01.contoso.com', dn: null, grantedBy: null } })) } }));
    expect(r.findings.map((f) => f.message)).toEqual([
      `The sync server aadc01.contoso.com has no computer account in contoso.com, so it cannot be allowed to retrieve the password of gMSA CONTOSO\\gmsa-sync$ (${DN})`,
    ]);
  });

  // The branch was dead: thisServer was always 'unknown' and a gMSA passed without being compared with any server.
  it('is not requested without syncServer.fqdn, and not evaluated when the comparison is missing or undecided', () => {
    const r = runRule(ins003, noServer, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ thisServer: 'unknown', syncServerComputer: null })) } }));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('not-requested');
    const old = gmsa({ thisServer: 'unknown' });
    delete (old as { syncServerComputer?: unknown }).syncServerComputer;
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(old) } })))).toBe('not-evaluated');
    const unreadable = gmsa({ thisServer: 'unknown', allowedToRetrievePassword: null, syncServerComputer: { fqdn: 'aadc01.contoso.com', dn: SERVER_DN, grantedBy: null } });
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(unreadable) } })))).toBe('not-evaluated');
  });

  it('fires for a disabled account and for one found nowhere', () => {
    expect(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa({ enabled: false })) } })).findings[0]?.messageId).toBe('disabled');
    const missing = ok<ServiceAccountFacts>({ found: false, dn: null, sAMAccountName: null, enabled: null, isGmsa: null, allowedToRetrievePassword: null, thisServer: 'unknown', syncServerComputer: null });
    const r = runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: missing } }));
    expect(r.findings[0]?.message).toBe('Service account CONTOSO\\gmsa-sync$ was not found in contoso.com');
  });

  it('passes for a gMSA the sync server may retrieve; does not apply to the virtual account', () => {
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: ok(gmsa()) } })))).toBe('passed');
    expect(statusOf(runRule(ins003, makePlan(), {}))).toBe('not-applicable');
  });

  it('is not evaluated when the lookup failed', () => {
    expect(statusOf(runRule(ins003, plan, ldapFacts({ 'contoso.com': { serviceAccount: failed('dc1:636', 'timeout', 'slow') } })))).toBe('not-evaluated');
  });
});
