import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ins002 } from '../../../src/rules/ins/ins002-sync-groups-not-local.js';
import { domain, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = (syncGroups: Record<string, string>) => makePlan({ install: { syncGroups } });

describe('INS002 sync-groups-not-local', () => {
  it('fires for a group written with the domain\'s NetBIOS prefix, even without LDAP facts for the name', () => {
    const facts = ldapFacts({ 'contoso.com': { domains: ok([domain({ netbiosName: 'CORP' })]), syncGroups: ok([]) } });
    const r = runRule(ins002, plan({ administrators: 'CORP\\SyncAdmins' }), facts);
    expect(r.findings[0]?.message).toBe('Sync group administrators "CORP\\SyncAdmins" names the domain CORP; it must be a local group on the server');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.syncGroups.administrators' });
  });

  it('fires for a bare name found as a domain group, with its DN', () => {
    const dn = 'CN=SyncOps,OU=Groups,DC=contoso,DC=com';
    const facts = ldapFacts({ 'contoso.com': { syncGroups: ok([{ key: 'operators', name: 'SyncOps', dn }, { key: 'browse', name: 'SyncBrowse', dn: null }]) } });
    const r = runRule(ins002, plan({ operators: 'SyncOps', browse: 'SyncBrowse' }), facts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe(`Sync group operators "SyncOps" exists as a domain group in contoso.com (${dn}); it must be a local group on the server`);
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.syncGroups.operators', forest: 'contoso.com', dn });
  });

  it('passes for local names (server prefix or bare, not in AD); does not apply to default groups', () => {
    const domains = ok([{ dnsName: 'contoso.com', netbiosName: 'CONTOSO', dn: 'DC=contoso,DC=com', dcs: [] }]);
    const facts = ldapFacts({ 'contoso.com': { domains, syncGroups: ok([{ key: 'administrators', name: 'SYNC01\\ADSyncAdmins', dn: null }]) } });
    expect(statusOf(runRule(ins002, plan({ administrators: 'SYNC01\\ADSyncAdmins' }), facts))).toBe('passed');
    // Without the domains' NetBIOS names a domain prefix cannot be ruled out: never passed (declared facts).
    const noDomains = ldapFacts({ 'contoso.com': { syncGroups: ok([{ key: 'administrators', name: 'SYNC01\\ADSyncAdmins', dn: null }]) } });
    expect(statusOf(runRule(ins002, plan({ administrators: 'SYNC01\\ADSyncAdmins' }), noDomains))).toBe('not-evaluated');
    expect(statusOf(runRule(ins002, makePlan(), facts))).toBe('not-applicable');
  });

  it('is not evaluated when the lookup failed (but plan-evident problems are still reported)', () => {
    const facts = ldapFacts({ 'contoso.com': { syncGroups: failed('dc1:636', 'timeout', 'slow') } });
    expect(statusOf(runRule(ins002, plan({ administrators: 'SyncAdmins' }), facts))).toBe('not-evaluated');
    expect(statusOf(runRule(ins002, plan({ administrators: 'contoso\\SyncAdmins' }), facts))).toBe('partial');
  });
});
