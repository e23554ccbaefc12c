import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { acc001, WIZARD_TEXT } from '../../../src/rules/acc/acc001-connector-account-is-admin.js';
import { connectorAccount, DA_DN, EA_DN, ldapFacts } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const NESTED = 'CN=Tier0 Ops,OU=Groups,DC=contoso,DC=com';

describe('ACC001 connector-account-is-admin', () => {
  it('fires for a Domain Admin through a nested group, naming the chain and the wizard text', () => {
    const facts = ldapFacts({
      'contoso.com': {
        connectorAccount: ok(connectorAccount({ adminVia: [{ group: 'Domain Admins', groupDn: DA_DN, domain: 'contoso.com', chain: [NESTED, DA_DN] }] })),
      },
    });
    const r = runRule(acc001, makePlan(), facts);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f?.message).toContain(WIZARD_TEXT);
    expect(f?.message).toContain('CONTOSO\\svc-sync → Tier0 Ops → Domain Admins');
    expect(f?.message).toContain('nested 1 level(s) deep');
    expect(f?.data['chainDns']).toEqual([NESTED, DA_DN]);
    expect(f?.location).toMatchObject({ planPath: 'forests[0].connectorAccount.name', forest: 'contoso.com', dn: 'CN=svc-sync,OU=Service,DC=contoso,DC=com' });
    expect(acc001.meta.wizardText).toEqual([WIZARD_TEXT]);
  });

  it('fires once per admin group for a direct Enterprise Admin that is also a Domain Admin', () => {
    const facts = ldapFacts({
      'contoso.com': {
        connectorAccount: ok(
          connectorAccount({
            adminVia: [
              { group: 'Enterprise Admins', groupDn: EA_DN, domain: 'contoso.com', chain: [EA_DN] },
              { group: 'Domain Admins', groupDn: DA_DN, domain: 'contoso.com', chain: [EA_DN, DA_DN] },
            ],
          }),
        ),
      },
    });
    const r = runRule(acc001, makePlan(), facts);
    expect(r.findings.map((f) => f.data['group'])).toEqual(['Enterprise Admins of contoso.com', 'Domain Admins of contoso.com']);
    expect(r.findings[0]?.message).toContain('direct member');
  });

  it('does not fire for a clean account, nor for membership of other privileged groups', () => {
    const clean = runRule(acc001, makePlan(), ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount()) } }));
    expect(statusOf(clean)).toBe('passed');
    const schemaAdmin = runRule(
      acc001,
      makePlan(),
      ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount({ adminVia: [{ group: 'Schema Admins', groupDn: 'CN=Schema Admins,CN=Users,DC=contoso,DC=com', domain: 'contoso.com', chain: ['CN=Schema Admins,CN=Users,DC=contoso,DC=com'] }] })) } }),
    );
    expect(schemaAdmin.findings).toHaveLength(0);
  });

  it('does not apply before 1.4.18.0 (compared numerically) or when the wizard creates the account', () => {
    const facts = ldapFacts({ 'contoso.com': { connectorAccount: ok(connectorAccount({ adminVia: [{ group: 'Domain Admins', groupDn: DA_DN, domain: 'contoso.com', chain: [DA_DN] }] })) } });
    expect(statusOf(runRule(acc001, makePlan({ target: { connectVersion: '1.4.9.0' } }), facts))).toBe('not-applicable');
    expect(statusOf(runRule(acc001, makePlan({ target: { connectVersion: '1.4.18.0' } }), facts))).toBe('failed');
    expect(statusOf(runRule(acc001, makePlan({ target: { connectVersion: '1.10.1.0' } }), facts))).toBe('failed');
    const create = makePlan({
      forests: [{ name: 'contoso.com', connectorAccount: { mode: 'create', enterpriseAdmin: { name: 'CONTOSO\\ea', password: 'env:EA' } } }],
    });
    expect(statusOf(runRule(acc001, create, facts))).toBe('not-applicable');
  });

  it('is not evaluated when the account could not be read or the area is absent', () => {
    const r = runRule(acc001, makePlan(), ldapFacts({ 'contoso.com': { connectorAccount: failed('dc1.contoso.com:636', 'timeout', 'no answer within 15 s') } }));
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.notEvaluated[0]).toMatchObject({ host: 'dc1.contoso.com:636', fact: 'ldap.forests.contoso.com.connectorAccount' });
    expect(statusOf(runRule(acc001, makePlan(), {}))).toBe('not-evaluated');
  });
});
