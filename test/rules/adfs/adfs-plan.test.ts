import { describe, expect, it } from 'vitest';
import { adfs007 } from '../../../src/rules/adfs/adfs007-one-farm-one-domain.js';
import { adfs008 } from '../../../src/rules/adfs/adfs008-existing-trust-recreated.js';
import { adfs011 } from '../../../src/rules/adfs/adfs011-wap-adfs-count.js';
import type { PlanInput } from '../../../src/plan/schema.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const adfsPlan = (adfs: Partial<NonNullable<PlanInput['adfs']>>) =>
  makePlan({ signIn: { method: 'adfs' }, adfs: { federationServiceName: 'sts.contoso.com', domainsToFederate: ['contoso.com'], ...adfs } });

describe('ADFS007 one-farm-one-domain', () => {
  it('fires for several domains and for additional farms', () => {
    const r = runRule(adfs007, adfsPlan({ domainsToFederate: ['contoso.com', 'fabrikam.com'], additionalFarms: ['sts2.contoso.com'] }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'The plan has 2 AD FS farms (sts.contoso.com, sts2.contoso.com); the wizard configures one',
      'The plan federates 2 domains (contoso.com, fabrikam.com); the initial install federates one — add the others afterwards',
    ]);
  });
  it('passes one farm and one domain; not applicable without AD FS', () => {
    expect(runRule(adfs007, adfsPlan({})).findings).toEqual([]);
    expect(statusOf(runRule(adfs007, makePlan()))).toBe('not-applicable');
  });
});

describe('ADFS008 existing-trust-recreated', () => {
  it('warns for an existing farm with a trust only', () => {
    expect(runRule(adfs008, adfsPlan({ farm: 'existing', existingTrust: true })).findings[0]?.location).toEqual({ planPath: 'adfs.existingTrust', host: 'sts.contoso.com' });
    expect(runRule(adfs008, adfsPlan({ farm: 'existing' })).findings).toEqual([]);
    expect(runRule(adfs008, adfsPlan({ farm: 'new', existingTrust: true })).findings).toEqual([]);
  });
});

describe('ADFS011 wap-adfs-count', () => {
  it('notes fewer WAP than AD FS servers', () => {
    expect(runRule(adfs011, adfsPlan({ servers: ['a', 'b'], wapServers: ['w'] })).findings[0]?.message).toBe('1 WAP server(s) for 2 AD FS server(s)');
    expect(runRule(adfs011, adfsPlan({ servers: ['a', 'b'], wapServers: ['w1', 'w2'] })).findings).toEqual([]);
  });
});
