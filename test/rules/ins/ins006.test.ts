import { describe, expect, it } from 'vitest';
import { ins006, serviceAccountNameProblem } from '../../../src/rules/ins/ins006-service-account-name-format.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const withAccount = (kind: string, name?: string) => makePlan({ install: { serviceAccount: { kind, ...(name === undefined ? {} : { name }) } } as never });

describe('INS006 service-account-name-format', () => {
  it('reports an existing service account given as a UPN', () => {
    const r = runRule(ins006, withAccount('domain', 'svc-adsync@contoso.com'));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Service account "svc-adsync@contoso.com" cannot be used: it is written as a UPN (user@domain); the installer needs DOMAIN\\sAMAccountName',
    ]);
    expect(r.findings[0]?.location.planPath).toBe('install.serviceAccount.name');
  });

  it.each([
    ['svc-adsync', 'domain', 'not written as DOMAIN\\sAMAccountName'],
    ['CONTOSO\\gmsa-adsync', 'gmsa', 'trailing $'],
    ['CONTOSO\\svc:adsync', 'domain', 'characters a sAMAccountName cannot hold'],
    ['CONTOSO\\svc-adsync-for-the-sync-engine', 'domain', 'longer than 20 characters'],
  ] as const)('reports %s (%s)', (name, kind, reason) => {
    expect(serviceAccountNameProblem(name, kind)).toContain(reason);
  });

  it('passes DOMAIN\\name and DOMAIN\\gmsa$; not applicable with the virtual account', () => {
    expect(statusOf(runRule(ins006, withAccount('domain', 'CONTOSO\\svc-adsync')))).toBe('passed');
    expect(statusOf(runRule(ins006, withAccount('gmsa', 'contoso.com\\gmsa-adsync$')))).toBe('passed');
    expect(statusOf(runRule(ins006, withAccount('virtual')))).toBe('not-applicable');
  });
});
