import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { ad008 } from '../../../src/rules/ad/ad008-dc-policy-hints-control.js';
import { dc, domain, ldapFacts, rootDse } from '../../helpers/ldap-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const writeback = makePlan({ features: { passwordWriteback: true } });
const HINTS = '1.2.840.113556.1.4.2239';
const DEPRECATED = '1.2.840.113556.1.4.2066';

const facts = (controls: string[] | undefined, dcs = [dc()]) =>
  ldapFacts({
    'contoso.com': {
      rootDse: ok(rootDse(controls === undefined ? {} : { supportedControls: controls })),
      domains: ok([domain({ dcs })]),
    },
  });

describe('AD008 dc-policy-hints-control', () => {
  it('reports the bound DC when its rootDSE advertises neither policy-hints OID', () => {
    const r = runRule(ad008, writeback, facts(['1.2.840.113556.1.4.319']));
    expect(r.findings.map((f) => [f.message, f.location.host])).toEqual([
      ['Domain controller dc1.contoso.com of contoso.com does not advertise the LDAP password-policy-hints control (1.2.840.113556.1.4.2239 or .2066): password writeback through it fails', 'dc1.contoso.com'],
    ]);
  });

  it('accepts either OID on the bound DC, and Windows Server 2012+ for the other writable DCs; read-only DCs are not judged', () => {
    const others = [dc(), dc({ host: 'dc2.contoso.com', operatingSystemVersion: '6.3 (9600)', operatingSystem: 'Windows Server 2012 R2 Datacenter' }), dc({ host: 'rodc.contoso.com', readOnly: true, operatingSystemVersion: '6.1 (7601)', operatingSystem: 'Windows Server 2008 R2 Standard' })];
    expect(statusOf(runRule(ad008, writeback, facts([HINTS], others)))).toBe('passed');
    expect(statusOf(runRule(ad008, writeback, facts([DEPRECATED], others)))).toBe('passed');
  });

  it('warns about a writable 2008 R2 DC (the control needs a hotfix there) and cannot judge a non-Windows one it did not read', () => {
    const r = runRule(ad008, writeback, facts([HINTS], [dc(), dc({ host: 'old.contoso.com', operatingSystem: 'Windows Server 2008 R2 Enterprise', operatingSystemVersion: '6.1 (7601)' }), dc({ host: 'samba.contoso.com', operatingSystem: null, operatingSystemVersion: null })]));
    expect(r.findings.map((f) => [f.severity, f.location.host])).toEqual([['warning', 'old.contoso.com']]);
    expect(r.notEvaluated.map((n) => n.location.host)).toEqual(['samba.contoso.com']);
  });

  it('is not evaluated without rootDSE controls (older bundle) or when the DC was not read; not applicable without writeback', () => {
    expect(statusOf(runRule(ad008, writeback, facts(undefined)))).toBe('not-evaluated');
    expect(statusOf(runRule(ad008, writeback, ldapFacts({ 'contoso.com': { rootDse: failed('dc1', 'timeout', 'no answer'), domains: ok([domain()]) } })))).toBe('not-evaluated');
    expect(statusOf(runRule(ad008, makePlan(), facts([])))).toBe('not-applicable');
  });
});
