import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { adfs001 } from '../../../src/rules/adfs/adfs001-adfs-os-unsupported.js';
import { ldapFacts } from '../../helpers/ldap-facts.js';
import { adfsPlan, wsmanResult } from '../../helpers/net-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = adfsPlan();
const modern = wsmanResult({ endpoint: 'http://wap1.contoso.com:5985/wsman' });
const identify2012 = { protocolVersion: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd', productVendor: 'Microsoft Corporation', productVersion: 'OS: 6.2.9200 SP: 0.0 Stack: 3.0', osVersion: '6.2.9200', stackVersion: '3.0' };

describe('ADFS001 adfs-os-unsupported', () => {
  it('fires for Windows Server 2012 (6.2), naming host and version', () => {
    const r = runRule(adfs001, plan, {
      wsman: { hosts: [{ host: 'adfs1.contoso.com', role: 'adfs', result: ok(wsmanResult({ identify: identify2012 })) }, { host: 'wap1.contoso.com', role: 'wap', result: ok(modern) }] },
    });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('AD FS server adfs1.contoso.com reports OS 6.2.9200 (OS: 6.2.9200 SP: 0.0 Stack: 3.0); Windows Server 2012 R2 (6.3) or later is required');
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'adfs.servers[0]', host: 'adfs1.contoso.com' });
  });
  it('passes for 2012 R2 (6.3.9600) and 2016 (10.0)', () => {
    const r = runRule(adfs001, plan, {
      wsman: {
        hosts: [
          { host: 'adfs1.contoso.com', role: 'adfs', result: ok(wsmanResult({ identify: { ...identify2012, osVersion: '6.3.9600' } })) },
          { host: 'wap1.contoso.com', role: 'wap', result: ok(modern) },
        ],
      },
    });
    expect(statusOf(r)).toBe('passed');
  });
  it('is not evaluated when WinRM asked for authentication, was unreachable, or the probe failed', () => {
    const r = runRule(adfs001, plan, {
      wsman: {
        hosts: [
          { host: 'adfs1.contoso.com', role: 'adfs', result: ok(wsmanResult({ httpStatus: 401, authRequired: true, identify: null })) },
          { host: 'wap1.contoso.com', role: 'wap', result: failed('wap1.contoso.com', 'other', 'bad port') },
        ],
      },
    });
    expect(statusOf(r)).toBe('not-evaluated');
    expect(r.findings).toEqual([]);
  });
  it('does not apply without AD FS', () => {
    expect(statusOf(runRule(adfs001, makePlan(), {}))).toBe('not-applicable');
  });
});

describe('ADFS001 from the AD FS server\'s computer account (Windows hides the OS from an anonymous Identify)', () => {
  const hidden = ok(wsmanResult({ identify: { ...identify2012, productVersion: 'OS: 0.0.0 SP: 0.0 Stack: 3.0', osVersion: null } }));
  const facts = (operatingSystemVersion: string | null) => ({
    ...ldapFacts({
      'contoso.com': {
        adfsServerComputers: ok([
          { server: 'adfs1.contoso.com', found: true, dn: 'CN=ADFS1,OU=Servers,DC=contoso,DC=com', domain: 'contoso.com', operatingSystem: 'Windows Server 2012 Datacenter', operatingSystemVersion },
        ]),
      },
    }),
    wsman: { hosts: [{ host: 'adfs1.contoso.com', role: 'adfs' as const, result: hidden }, { host: 'wap1.contoso.com', role: 'wap' as const, result: ok(modern) }] },
  });

  it('fires when WinRM gives no version and the computer account says 6.2', () => {
    const r = runRule(adfs001, plan, facts('6.2 (9200)'));
    expect(r.findings.map((f) => [f.location.planPath, f.message])).toEqual([
      ['adfs.servers[0]', 'AD FS server adfs1.contoso.com: its computer account CN=ADFS1,OU=Servers,DC=contoso,DC=com says Windows Server 2012 Datacenter 6.2 (9200); Windows Server 2012 R2 (6.3) or later is required'],
    ]);
  });

  it('passes on 6.3 or later, and stays not evaluated when the account holds no version', () => {
    expect(statusOf(runRule(adfs001, plan, facts('10.0 (17763)')))).toBe('passed');
    expect(statusOf(runRule(adfs001, plan, facts(null)))).toBe('not-evaluated');
  });
});
