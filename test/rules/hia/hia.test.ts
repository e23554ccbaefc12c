import { describe, expect, it } from 'vitest';
import { hia001 } from '../../../src/rules/hia/hia001-hia-in-federated-domain.js';
import { hia003 } from '../../../src/rules/hia/hia003-hia-not-onmicrosoft.js';
import { hia004 } from '../../../src/rules/hia/hia004-hia-needs-interactive-auth.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const adfsPlan = (upn: string) =>
  makePlan({ signIn: { method: 'adfs' }, adfs: { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'] }, hybridIdentityAdministrator: { upn } });

describe('HIA001 hia-in-federated-domain', () => {
  it('fires when the account is in the federated domain or a subdomain', () => {
    expect(runRule(hia001, adfsPlan('admin@contoso.com')).findings[0]?.message).toBe('The Hybrid Identity Administrator admin@contoso.com is in contoso.com, which this install federates');
    expect(runRule(hia001, adfsPlan('admin@EU.Contoso.com')).findings).toHaveLength(1);
  });

  it('does not fire for an onmicrosoft.com account or a look-alike domain', () => {
    expect(runRule(hia001, adfsPlan('admin@contoso.onmicrosoft.com')).findings).toEqual([]);
    expect(runRule(hia001, adfsPlan('admin@notcontoso.com')).findings).toEqual([]);
  });

  it('does not apply without AD FS', () => {
    expect(statusOf(runRule(hia001, makePlan({ hybridIdentityAdministrator: { upn: 'a@contoso.com' } })))).toBe('not-applicable');
  });
});

describe('HIA003 hia-not-onmicrosoft', () => {
  it('notes a HIA outside *.onmicrosoft.com and passes one inside', () => {
    expect(runRule(hia003, makePlan({ hybridIdentityAdministrator: { upn: 'a@contoso.com' } })).findings[0]?.location.planPath).toBe('hybridIdentityAdministrator.upn');
    expect(runRule(hia003, makePlan({ hybridIdentityAdministrator: { upn: 'a@contoso.onmicrosoft.com' } })).findings).toEqual([]);
    expect(statusOf(runRule(hia003, makePlan()))).toBe('not-applicable');
  });
});

describe('HIA004 hia-needs-interactive-auth', () => {
  it.each([
    ['mfa', 'multifactor authentication'],
    ['smartcard', 'a smart card'],
    ['federated', 'federated sign-in'],
  ] as const)('tells to use /InteractiveAuth for %s', (auth, kind) => {
    const r = runRule(hia004, makePlan({ hybridIdentityAdministrator: { upn: 'a@contoso.onmicrosoft.com', auth } }));
    expect(r.findings[0]?.message).toBe(`The Hybrid Identity Administrator a@contoso.onmicrosoft.com signs in with ${kind}: start the wizard with AzureADConnect.exe /InteractiveAuth`);
  });

  it('does not fire for password sign-in', () => {
    expect(runRule(hia004, makePlan({ hybridIdentityAdministrator: { upn: 'a@contoso.onmicrosoft.com', auth: 'password' } })).findings).toEqual([]);
  });
});
