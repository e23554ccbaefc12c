import { describe, expect, it } from 'vitest';
import { acc004, accountNameProblem } from '../../../src/rules/acc/acc004-account-name-format.js';
import { makePlan, runRule } from '../../helpers/rules.js';

const planWith = (name: string) => makePlan({ forests: [{ name: 'contoso.com', connectorAccount: { mode: 'existing', name, password: 'env:X' } }] });

describe('ACC004 account-name-format', () => {
  it.each(['CONTOSO\\svc-sync', 'contoso.com\\svc-sync', 'eu.contoso.com\\svc-sync'])('accepts %s', (name) => {
    expect(runRule(acc004, planWith(name)).findings).toEqual([]);
  });

  it('rejects a UPN, naming forest, account and the form to use', () => {
    const r = runRule(acc004, planWith('svc-sync@contoso.com'));
    expect(r.findings[0]?.message).toBe('Forest contoso.com: account "svc-sync@contoso.com" cannot be used: it is written as a UPN (user@domain); the wizard takes DOMAIN\\user');
    expect(r.findings[0]?.location).toEqual({ planPath: 'forests[0].connectorAccount.name', forest: 'contoso.com', object: 'svc-sync@contoso.com' });
  });

  it.each([
    ['svc-sync', 'not written as DOMAIN\\user'],
    ['fabrikam.com\\svc', 'is not contoso.com or one of its child domains'],
    ['TOOLONGNETBIOSNAME1\\svc', 'not a valid NetBIOS domain name'],
    ['CONTOSO\\svc*', 'not allowed in a sAMAccountName'],
  ])('rejects %s', (name, reason) => {
    expect(accountNameProblem(name, 'contoso.com')).toContain(reason);
  });

  it('checks the Enterprise Admin account when the wizard creates the connector account', () => {
    const plan = makePlan({ forests: [{ name: 'contoso.com', connectorAccount: { mode: 'create', enterpriseAdmin: { name: 'admin@contoso.com', password: 'prompt' } } }] });
    expect(runRule(acc004, plan).findings[0]?.location.planPath).toBe('forests[0].connectorAccount.enterpriseAdmin.name');
  });
});
