import { describe, expect, it } from 'vitest';
import { sign001 } from '../../../src/rules/sign/sign001-sso-with-federation.js';
import { sign003 } from '../../../src/rules/sign/sign003-no-phs-backup.js';
import { sign004 } from '../../../src/rules/sign/sign004-do-not-configure-without-idp.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const adfs = { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'] };

describe('SIGN001 sso-with-federation', () => {
  it('fires for Seamless SSO with AD FS and with PingFederate', () => {
    expect(runRule(sign001, makePlan({ signIn: { method: 'adfs', seamlessSso: true }, adfs })).findings[0]?.message).toBe(
      'Seamless SSO is enabled together with AD FS; the wizard only offers it with PHS or PTA',
    );
    const ping = runRule(sign001, makePlan({ signIn: { method: 'pingfederate', seamlessSso: true }, pingFederate: { domain: 'contoso.com', serverUrl: 'https://ping.contoso.com' } }));
    expect(ping.findings[0]?.data['method']).toBe('PingFederate');
    expect(ping.findings[0]?.location.planPath).toBe('signIn.seamlessSso');
  });

  it('does not fire for PTA or PHS with SSO, nor AD FS without it', () => {
    expect(runRule(sign001, makePlan({ signIn: { method: 'pta', seamlessSso: true } })).findings).toEqual([]);
    expect(runRule(sign001, makePlan({ signIn: { method: 'phs', seamlessSso: true } })).findings).toEqual([]);
    expect(runRule(sign001, makePlan({ signIn: { method: 'adfs' }, adfs })).findings).toEqual([]);
  });
});

describe('SIGN003 no-phs-backup', () => {
  it('notes federation or PTA without PHS', () => {
    const r = runRule(sign003, makePlan({ signIn: { method: 'pta' }, features: { passwordHashSync: false } }));
    expect(r.findings[0]?.message).toBe('pass-through authentication is planned without password hash synchronization as a backup');
    expect(r.findings[0]?.severity).toBe('note');
  });

  it('does not fire when PHS is selected as well, and does not apply to PHS itself', () => {
    expect(runRule(sign003, makePlan({ signIn: { method: 'adfs' }, adfs, features: { passwordHashSync: true } })).findings).toEqual([]);
    expect(statusOf(runRule(sign003, makePlan()))).toBe('not-applicable');
  });
});

describe('SIGN004 do-not-configure-without-idp', () => {
  it('fires for "Do not configure" without a provider', () => {
    expect(runRule(sign004, makePlan({ signIn: { method: 'none' } })).findings.map((f) => f.location.planPath)).toEqual(['signIn.method']);
  });

  it('does not fire when the existing provider is named', () => {
    expect(runRule(sign004, makePlan({ signIn: { method: 'none', existingIdentityProvider: 'Okta' } })).findings).toEqual([]);
  });
});

describe('unknown is not empty (issue 11 §3)', () => {
  it('SIGN003: PTA without features.passwordHashSync is not requested; an explicit false is a finding', async () => {
    const { sign003 } = await import('../../../src/rules/sign/sign003-no-phs-backup.js');
    const { makePlan: mk, runRule: run, statusOf: st } = await import('../../helpers/rules.js');
    const unknown = run(sign003, mk({ signIn: { method: 'pta' } }));
    expect(st(unknown)).toBe('not-requested');
    expect(unknown.notEvaluated[0]).toMatchObject({ fact: 'features.passwordHashSync', kind: 'not-requested' });
    expect(st(run(sign003, mk({ signIn: { method: 'pta' }, features: { passwordHashSync: false } })))).toBe('failed');
    expect(st(run(sign003, mk({ signIn: { method: 'pta' }, features: { passwordHashSync: true } })))).toBe('passed');
  });

  it('MAT003: a forest whose resourceForest is not given is not requested', async () => {
    const { mat003 } = await import('../../../src/rules/mat/mat003-linked-mailbox-with-exchange.js');
    const { makePlan: mk, runRule: run, statusOf: st } = await import('../../helpers/rules.js');
    const r = run(mat003, mk({ identity: { matching: { method: 'objectSid-msExchMasterAccountSid' } } } as never));
    expect(st(r)).toBe('not-requested');
    expect(r.notEvaluated[0]?.fact).toBe('forests[0].resourceForest');
  });
});

describe('SIGN001 with "Do not configure" (issue 11 §4)', () => {
  it('Seamless SSO with method none is an error', () => {
    const r = runRule(sign001, makePlan({ signIn: { method: 'none', seamlessSso: true } }));
    expect(r.findings[0]?.severity).toBe('error');
    expect(r.findings[0]?.message).toBe('Seamless SSO is enabled together with "Do not configure"; the wizard only offers it with PHS or PTA');
  });
});
