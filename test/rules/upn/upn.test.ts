import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/facts/fact.js';
import { upn001 } from '../../../src/rules/upn/upn001-upn-suffix-not-verified.js';
import { upn002 } from '../../../src/rules/upn/upn002-upn-suffix-non-routable.js';
import { upn003 } from '../../../src/rules/upn/upn003-upn-invalid-format.js';
import { upn004 } from '../../../src/rules/upn/upn004-upn-duplicate.js';
import { upn005 } from '../../../src/rules/upn/upn005-upn-suffix-undeclared.js';
import { forestWithScan, none, scan, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const suffixes = {
  'contoso.com': { count: 10, sample: ['a@contoso.com'] },
  'fabrikam.com': { count: 3, sample: ['b@fabrikam.com', 'c@fabrikam.com'] },
  'corp.local': { count: 2, sample: ['d@corp.local'] },
};
const facts = forestWithScan(scan({ upnSuffixes: suffixes }), {
  upnSuffixes: ok(['contoso.com']),
  domains: ok([{ dnsName: 'contoso.com', netbiosName: 'CONTOSO', dn: 'DC=contoso,DC=com', dcs: [] }]),
});

describe('UPN001 upn-suffix-not-verified', () => {
  it('names each unverified routable suffix with its user count and a sample', () => {
    const r = runRule(upn001, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual(['3 user(s) in contoso.com use the UPN suffix fabrikam.com, which is not a verified domain in the tenant (e.g. b@fabrikam.com, c@fabrikam.com)']);
    expect(r.findings[0]?.location).toEqual({ planPath: 'tenant.verifiedDomains', forest: 'contoso.com', object: 'fabrikam.com' });
  });
  it('is not evaluated when the scan failed', () => {
    expect(runRule(upn001, makePlan(), unreachable).notEvaluated[0]).toMatchObject({ ruleId: 'UPN001', host: 'dc1.contoso.com:636', kind: 'timeout' });
  });
});

describe('UPN002 upn-suffix-non-routable', () => {
  it('reports .local and single-label suffixes only', () => {
    const r = runRule(upn002, makePlan(), forestWithScan(scan({ upnSuffixes: { ...suffixes, corp: { count: 1, sample: ['e@corp'] } } })));
    expect(r.findings.map((f) => f.data['suffix'])).toEqual(['corp.local', 'corp']);
    expect(runRule(upn002, makePlan(), forestWithScan(scan())).findings).toEqual([]);
  });

  // "Non-routable" = a TLD outside the IANA root zone (the list DQ004 uses) or a single label;
  // a fixed list of 12 TLDs let .lokal, .intra, .priv and .loc through.
  it.each(['corp.lokal', 'contoso.intra', 'ad.priv', 'contoso.loc', 'contoso.test'])('reports %s, whose TLD is not in the IANA root zone', (suffix) => {
    const r = runRule(upn002, makePlan(), forestWithScan(scan({ upnSuffixes: { [suffix]: { count: 1, sample: [`x@${suffix}`] } } })));
    expect(r.findings.map((f) => f.data['suffix'])).toEqual([suffix]);
  });

  it.each(['contoso.xyz', 'contoso.microsoft', 'contoso.co.uk', 'example.xn--p1ai', 'example.рф'])('accepts %s, a TLD of the root zone', (suffix) => {
    expect(runRule(upn002, makePlan(), forestWithScan(scan({ upnSuffixes: { [suffix]: { count: 1, sample: [`x@${suffix}`] } } }))).findings).toEqual([]);
  });

  const altPlan = makePlan({ identity: { signInAttribute: 'mail' } });
  const altScan = (altSuffixes: Record<string, { count: number; sample: string[] }> | undefined) =>
    forestWithScan(
      scan({
        upnSuffixes: { 'corp.local': { count: 10, sample: ['a@corp.local'] } },
        signIn: { attribute: 'mail', empty: none, notRfc822: none, multipleValues: none, ...(altSuffixes === undefined ? {} : { suffixes: altSuffixes }) },
      }),
    );

  it('with an alternate login ID, judges the domains of that attribute, not the UPN suffixes', () => {
    const r = runRule(upn002, altPlan, altScan({ 'contoso.com': { count: 9, sample: ['a@contoso.com'] }, 'contoso.lokal': { count: 1, sample: ['b@contoso.lokal'] } }));
    expect(r.findings.map((f) => f.message)).toEqual(['1 user(s) in contoso.com have a mail (the sign-in attribute) in the non-routable domain contoso.lokal (e.g. b@contoso.lokal)']);
    expect(runRule(upn002, altPlan, altScan({ 'contoso.com': { count: 10, sample: ['a@contoso.com'] } })).findings).toEqual([]);
  });

  it('with an alternate login ID whose domains the bundle lacks, is not evaluated rather than passed', () => {
    const r = runRule(upn002, altPlan, altScan(undefined));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('not-evaluated');
  });
});

describe('UPN003 upn-invalid-format', () => {
  it('counts per reason', () => {
    const r = runRule(upn003, makePlan(), forestWithScan(scan({ upnMissing: { count: 2, sample: ['CN=x'] }, upnInvalid: { 'several-at': { count: 1, sample: ['a@@b.com'] } } })));
    expect(r.findings.map((f) => f.message)).toEqual(['2 user(s) in contoso.com have a UPN with no UPN (e.g. CN=x)', '1 user(s) in contoso.com have a UPN with more than one @ (e.g. a@@b.com)']);
    expect(runRule(upn003, makePlan(), forestWithScan(scan())).findings).toEqual([]);
  });
});

describe('UPN004 upn-duplicate', () => {
  it('reports duplicates within and across forests', () => {
    const r = runRule(upn004, makePlan(), forestWithScan(scan({ upnDuplicates: { count: 1, sample: ['a@contoso.com (2 objects)'] }, upnAlsoInOtherForests: { count: 1, sample: ['b@contoso.com'] } })));
    expect(r.findings.map((f) => f.messageId)).toEqual(['within', 'across']);
    expect(runRule(upn004, makePlan(), forestWithScan(scan({ upnDuplicates: none }))).findings).toEqual([]);
  });
});

describe('UPN005 upn-suffix-undeclared', () => {
  it('notes suffixes that are neither a domain nor declared', () => {
    const r = runRule(upn005, makePlan(), facts);
    expect(r.findings.map((f) => f.data['suffix'])).toEqual(['fabrikam.com', 'corp.local']);
    expect(statusOf(runRule(upn005, makePlan(), unreachable))).toBe('not-evaluated');
  });
});
