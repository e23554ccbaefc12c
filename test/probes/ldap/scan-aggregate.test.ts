import { describe, expect, it } from 'vitest';
import { isExcludedFromScan, isRfc822Address, ScanAggregator, upnProblemsOf } from '../../../src/probes/ldap/scan-aggregate.js';
import { escapeFilterValue, fileTimeToIso, generalizedTimeToIso, lastSubAuthority, sidToString } from '../../../src/probes/ldap/values.js';

describe('UPN rules of Microsoft Entra ID', () => {
  it.each([
    ['alice@contoso.com', []],
    ["o'brien.j-x_y!#^~@contoso.com", []],
    ['alice', ['no-at']],
    ['a@@contoso.com', ['several-at']],
    ['alice.@contoso.com', ['trailing-dot']],
    ['alice@contoso.com.', ['trailing-dot']],
    ['jürgen@contoso.com', ['characters']],
    ['a b@contoso.com', ['characters']],
    [`${'a'.repeat(65)}@contoso.com`, ['local-part-too-long']],
    [`a@${'b'.repeat(45)}.com`, ['domain-part-too-long']],
    [`${'a'.repeat(64)}@${'b'.repeat(44)}.com.${'c'.repeat(3)}`.slice(0, 114), expect.arrayContaining(['too-long'])],
  ] as const)('%s → %j', (upn, problems) => {
    expect(upnProblemsOf(upn)).toEqual(problems);
  });

  it('recognises RFC 822 addresses', () => {
    expect(isRfc822Address('a.b@contoso.com')).toBe(true);
    expect(isRfc822Address('a b@contoso.com')).toBe(false);
    expect(isRfc822Address('alice')).toBe(false);
  });
});

describe('ScanAggregator', () => {
  it('aggregates suffixes, invalid and duplicate UPNs (case-insensitive) with counts and short samples', () => {
    const agg = new ScanAggregator({});
    for (let i = 0; i < 12; i++) agg.add({ dn: `CN=u${i}`, userPrincipalName: `u${i}@contoso.com` });
    agg.add({ dn: 'CN=dup1', userPrincipalName: 'Same@contoso.com' });
    agg.add({ dn: 'CN=dup2', userPrincipalName: 'same@CONTOSO.com' });
    agg.add({ dn: 'CN=local', userPrincipalName: 'x@corp.local' });
    agg.add({ dn: 'CN=none' });
    const r = agg.result();
    expect(r.usersScanned).toBe(16);
    expect(r.upnSuffixes['contoso.com']?.count).toBe(14);
    expect(r.upnSuffixes['contoso.com']?.sample).toHaveLength(5);
    expect(r.upnSuffixes['corp.local']).toEqual({ count: 1, sample: ['x@corp.local'] });
    expect(r.upnDuplicates).toEqual({ count: 1, sample: ['same@contoso.com (2 objects)'] });
    expect(r.upnMissing).toEqual({ count: 1, sample: ['CN=none'] });
  });

  it('finds UPNs also held in another forest', () => {
    const agg = new ScanAggregator({});
    agg.add({ dn: 'CN=a', userPrincipalName: 'A@contoso.com' });
    agg.add({ dn: 'CN=b', userPrincipalName: 'b@contoso.com' });
    expect(agg.result(new Set(['a@contoso.com'])).upnAlsoInOtherForests).toEqual({ count: 1, sample: ['a@contoso.com'] });
    // As the LDAP probe asks it: the other forest's aggregator, any case, nothing copied.
    const other = new ScanAggregator({});
    other.add({ dn: 'CN=x', userPrincipalName: 'B@Contoso.com' });
    other.add({ dn: 'CN=y', userPrincipalName: 'c@contoso.com' });
    expect(other.holdsUpn('b@contoso.com')).toBe(true);
    expect(other.holdsUpn('a@contoso.com')).toBe(false);
    expect(agg.result({ has: (upn) => other.holdsUpn(upn) }).upnAlsoInOtherForests).toEqual({ count: 1, sample: ['b@contoso.com'] });
  });

  it('names the domains of a duplicate held in two domains of the forest (one comparison for all of them), and only then', () => {
    const agg = new ScanAggregator({ sourceAnchor: 'employeeID' });
    const root = 'OU=Staff,DC=contoso,DC=com';
    const child = 'OU=Staff,DC=emea,DC=contoso,DC=com';
    agg.add({ dn: `CN=frank,${root}`, sAMAccountName: 'frank', userPrincipalName: 'frank@contoso.com', sourceAnchor: ['7'] });
    agg.add({ dn: `CN=kate,${child}`, sAMAccountName: 'kate', userPrincipalName: 'Frank@contoso.com', sourceAnchor: ['7'], proxyAddresses: ['SMTP:sales@contoso.com'] });
    agg.add({ dn: `CN=alice,${root}`, sAMAccountName: 'alice', userPrincipalName: 'alice@contoso.com' });
    agg.add({ dn: `CN=bob,${root}`, sAMAccountName: 'bob', userPrincipalName: 'alice@contoso.com' });
    agg.recipient({ dn: 'CN=Sales,OU=Groups,DC=contoso,DC=com', sAMAccountName: 'Sales', proxyAddresses: ['smtp:Sales@contoso.com'] }, 'group');
    agg.covering(['contoso.com', 'emea.contoso.com']);
    const r = agg.result();
    expect(r.upnDuplicates.sample).toEqual(['alice@contoso.com (2 objects)', 'frank@contoso.com (2 objects in 2 domains: contoso.com, emea.contoso.com)']);
    expect(r.sourceAnchor?.duplicates.sample).toEqual(['7 (2 objects in 2 domains: contoso.com, emea.contoso.com)']);
    expect(r.dataQuality.proxyAddresses.duplicates).toEqual({ count: 1, sample: ['smtp:sales@contoso.com (2 objects: kate in emea.contoso.com, Sales in contoso.com)'] });
    expect(r.uniqueness).toEqual({ method: 'merged-scan', domains: ['contoso.com', 'emea.contoso.com'] });
    // A third domain: the holders shown stay two, the domains are all named.
    agg.recipient({ dn: 'CN=Sales2,DC=apac,DC=contoso,DC=com', sAMAccountName: 'Sales2', proxyAddresses: ['smtp:sales@contoso.com'] }, 'group');
    expect(agg.result().dataQuality.proxyAddresses.duplicates.sample).toEqual([
      'smtp:sales@contoso.com (3 objects: kate in emea.contoso.com, Sales in contoso.com; 3 domains: apac.contoso.com, contoso.com, emea.contoso.com)',
    ]);
  });

  it('reports the same duplicates when every value hashes alike: a forced hash collision makes no false duplicate', () => {
    const feed = (agg: ScanAggregator): ScanAggregator => {
      const root = 'OU=Staff,DC=contoso,DC=com';
      const child = 'OU=Staff,DC=emea,DC=contoso,DC=com';
      for (let i = 0; i < 40; i++) {
        agg.add({
          dn: `CN=u${i},${i % 2 ? child : root}`,
          sAMAccountName: `u${i}`,
          userPrincipalName: `u${i}@contoso.com`,
          mail: `u${i}@contoso.com`,
          mailNickname: `u${i}`,
          proxyAddresses: [`SMTP:u${i}@contoso.com`],
          sourceAnchor: [String(i)],
          consistencyGuid: i.toString(16).padStart(32, '0'),
        });
      }
      // The only real duplicates: a UPN in two domains, a mail address, a GUID, a sourceAnchor.
      agg.add({ dn: `CN=dup,${child}`, sAMAccountName: 'dup', userPrincipalName: 'U4@contoso.com', mail: 'u7@contoso.com', sourceAnchor: ['3'], consistencyGuid: '00'.repeat(16) });
      agg.recipient({ dn: 'CN=G,DC=contoso,DC=com', sAMAccountName: 'G', proxyAddresses: ['smtp:u9@contoso.com'] }, 'group');
      return agg;
    };
    const collided = feed(new ScanAggregator({ sourceAnchor: 'employeeID' }, () => 0)).result();
    const normal = feed(new ScanAggregator({ sourceAnchor: 'employeeID' })).result();
    expect(collided).toEqual(normal);
    expect(collided.upnDuplicates).toEqual({ count: 1, sample: ['u4@contoso.com (2 objects in 2 domains: contoso.com, emea.contoso.com)'] });
    expect(collided.dataQuality.mail.duplicates).toEqual({ count: 1, sample: ['u7@contoso.com (2 objects: dup, u7)'] });
    expect(collided.dataQuality.proxyAddresses.duplicates).toEqual({ count: 1, sample: ['smtp:u9@contoso.com (2 objects: G in contoso.com, u9 in emea.contoso.com)'] });
    expect(collided.consistencyGuid.duplicates).toEqual({ count: 1, sample: [`${'00'.repeat(16)} (2 objects in 2 domains: contoso.com, emea.contoso.com)`] });
    expect(collided.sourceAnchor?.duplicates).toEqual({ count: 1, sample: ['3 (2 objects)'] });
    expect(collided.dataQuality.mailNickname.duplicates.count).toBe(0);
  });

  it('tracks the sign-in, sourceAnchor and matching attributes, and ms-DS-ConsistencyGuid lengths', () => {
    const agg = new ScanAggregator({ signIn: 'mail', sourceAnchor: 'employeeID', matching: 'mail' });
    agg.add({ dn: 'CN=a', signIn: ['a@contoso.com'], sourceAnchor: ['100'], matching: ['a@contoso.com'], consistencyGuid: '00'.repeat(16) });
    agg.add({ dn: 'CN=b', signIn: ['not an address'], sourceAnchor: ['100'], matching: ['A@contoso.com'], consistencyGuid: '00'.repeat(8) });
    agg.add({ dn: 'CN=c', signIn: [], sourceAnchor: ['x@y'], matching: [] });
    const r = agg.result();
    expect(r.signIn).toMatchObject({ empty: { count: 1, sample: ['CN=c'] }, notRfc822: { count: 1 } });
    expect(r.sourceAnchor).toMatchObject({ populated: 3, duplicates: { count: 1, sample: ['100 (2 objects)'] }, containsAt: { count: 1, sample: ['CN=c'] } });
    expect(r.matching).toMatchObject({ empty: { count: 1 }, duplicates: { count: 1 } });
    expect(r.consistencyGuid).toMatchObject({ populated: 2, invalidLength: { count: 1, sample: ['CN=b'] } });
  });

  it('gathers the domain parts of an alternate sign-in attribute (UPN002 judges them instead of UPN suffixes)', () => {
    const agg = new ScanAggregator({ signIn: 'mail' });
    agg.add({ dn: 'CN=a', signIn: ['a@Contoso.com'] });
    agg.add({ dn: 'CN=b', signIn: ['b@contoso.lokal', 'b2@contoso.com'] });
    agg.add({ dn: 'CN=c', signIn: ['no domain', ''] });
    expect(agg.result().signIn?.suffixes).toEqual({
      'contoso.com': { count: 2, sample: ['a@Contoso.com', 'b2@contoso.com'] },
      'contoso.lokal': { count: 1, sample: ['b@contoso.lokal'] },
    });
    expect(new ScanAggregator({}).result().signIn).toBeNull();
  });

  it('DQ008: counts distinct proxy addresses per object (SMTP: and smtp: of one address are one), and certificate/photo sizes', () => {
    const agg = new ScanAggregator({});
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `smtp:a${i}@contoso.com`);
    agg.add({ dn: 'CN=at-limit', sAMAccountName: 'at-limit', proxyAddresses: [...addresses(300), 'SMTP:A0@contoso.com'] });
    agg.recipient({ dn: 'CN=over,OU=Groups', proxyAddresses: addresses(301) }, 'group');
    agg.largeValues('WS01$', { userCertificate: 23, userSMIMECertificate: 15, thumbnailPhotoBytes: 102_400 });
    agg.largeValues('alice', { userCertificate: 1, userSMIMECertificate: 16, thumbnailPhotoBytes: 150_000 });
    const large = agg.result().dataQuality.largeObject;
    expect(large).toEqual({
      userCertificate: { count: 1, sample: ['WS01$: 23 values'] },
      userSMIMECertificate: { count: 1, sample: ['alice: 16 values'] },
      thumbnailPhoto: { count: 1, sample: ['alice: 147 KB'] },
      proxyAddresses: { count: 1, sample: ['CN=over,OU=Groups: 301 addresses'] },
    });
  });

  it('leaves out what IdFix left out', () => {
    expect(['krbtgt', 'WS01$', 'MSOL_abc', 'Sync_SRV_1', 'SystemMailbox{x}', 'DiscoverySearchMailbox', 'FederatedEmail.4c1f'].every((s) => isExcludedFromScan(s, false))).toBe(true);
    expect(isExcludedFromScan('Administrator', true)).toBe(true);
    expect(isExcludedFromScan('alice', false)).toBe(false);
  });

  it('leaves out the built-in Administrator, Guest and krbtgt by RID, even renamed and without isCriticalSystemObject', () => {
    expect(isExcludedFromScan('root-admin', false, 'S-1-5-21-1004336348-1177238915-682003330-500')).toBe(true);
    expect(isExcludedFromScan('visitor', false, 'S-1-5-21-1004336348-1177238915-682003330-501')).toBe(true);
    expect(isExcludedFromScan('kdc', false, 'S-1-5-21-1004336348-1177238915-682003330-502')).toBe(true);
    expect(isExcludedFromScan('alice', false, 'S-1-5-21-1004336348-1177238915-682003330-1500')).toBe(false);
    // RID 500 of another authority is not the domain's built-in Administrator.
    expect(isExcludedFromScan('alice', false, 'S-1-5-32-500')).toBe(false);
  });
});

describe('LDAP value conversions', () => {
  it('escapes filter values per RFC 4515', () => {
    expect(escapeFilterValue('a*b(c)d\\e')).toBe('a\\2ab\\28c\\29d\\5ce');
    expect(escapeFilterValue('é')).toBe('\\c3\\a9');
  });
  it('converts FILETIME, generalized time and SIDs', () => {
    expect(fileTimeToIso('0')).toBeNull();
    expect(fileTimeToIso('9223372036854775807')).toBeNull();
    expect(fileTimeToIso('133000000000000000')).toBe('2022-06-18T04:26:40.000Z');
    expect(generalizedTimeToIso('20261125120000.0Z')).toBe('2026-11-25T12:00:00.000Z');
    const sid = Buffer.from('010500000000000515000000a065cf7e784b9b5fe77c8770f4010000', 'hex');
    expect(sidToString(sid)).toBe('S-1-5-21-2127521184-1604012920-1887927527-500');
    expect(lastSubAuthority(sid)).toBe(500);
    expect(lastSubAuthority(sid.subarray(0, sid.length - 1))).toBeUndefined(); // cut short
    expect(lastSubAuthority(Buffer.from('010000000000000500', 'hex'))).toBeUndefined(); // no sub-authority
  });
});

