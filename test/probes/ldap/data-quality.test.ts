import { describe, expect, it } from 'vitest';
import {
  displayNameProblems,
  isAddrSpec,
  isKnownTld,
  mailNicknameProblems,
  mailProblems,
  proxyAddressProblems,
  samAccountNameProblems,
  targetAddressProblems,
  upnLimitProblems,
} from '../../../src/probes/ldap/data-quality.js';
import { ScanAggregator, upnProblemsOf } from '../../../src/probes/ldap/scan-aggregate.js';

describe('RFC 5322 addr-spec (pragmatic)', () => {
  it.each(['a@contoso.com', 'a.b+tag@mail.contoso.co.uk', "o'brien@contoso.com", '"a b"@contoso.com', 'x@xn--bcher-kva.example'])('accepts %s', (v) => {
    expect(isAddrSpec(v)).toBe(true);
  });
  it.each(['alice', '@contoso.com', 'a@', 'a@contoso', '.a@contoso.com', 'a..b@contoso.com', 'a.@contoso.com', 'a b@contoso.com', 'a@-contoso.com', 'a@contoso..com', 'a@[192.0.2.1]', 'jürgen@contoso.com'])(
    'refuses %s',
    (v) => {
      expect(isAddrSpec(v)).toBe(false);
    },
  );
  it('knows the IANA TLDs, whatever the case', () => {
    expect(['com', 'COM', 'uk', 'microsoft', 'xyz'].every(isKnownTld)).toBe(true);
    expect(['local', 'corp', 'lan', 'internal', ''].some(isKnownTld)).toBe(false);
  });
});

describe('data-quality checks per value', () => {
  it('displayName: whitespace-only or over 255; absent is blank for groups only', () => {
    expect(displayNameProblems('Alice Smith', 'user')).toEqual([]);
    expect(displayNameProblems(undefined, 'user')).toEqual([]);
    expect(displayNameProblems(undefined, 'contact')).toEqual([]);
    expect(displayNameProblems(undefined, 'group')).toEqual(['blank']);
    expect(displayNameProblems('   ', 'user')).toEqual(['blank']);
    expect(displayNameProblems('x'.repeat(255), 'user')).toEqual([]);
    expect(displayNameProblems('x'.repeat(256), 'group')).toEqual(['tooLong']);
  });

  it('mail: over 256 or not an address', () => {
    expect(mailProblems('alice@contoso.com')).toEqual([]);
    expect(mailProblems('alice at contoso')).toEqual(['invalid']);
    expect(mailProblems(`${'a'.repeat(250)}@contoso.com`)).toEqual(['tooLong']);
  });

  it('mailNickname: over 64, leading period, characters outside atext', () => {
    expect(mailNicknameProblems('alice.smith')).toEqual([]);
    expect(mailNicknameProblems("o'brien_#1")).toEqual([]);
    expect(mailNicknameProblems('jürgen')).toEqual([]);
    expect(mailNicknameProblems('.alice')).toEqual(['leadingPeriod']);
    expect(mailNicknameProblems('alice smith')).toEqual(['characters']);
    expect(mailNicknameProblems('a@b')).toEqual(['characters']);
    expect(mailNicknameProblems('a'.repeat(65))).toEqual(['tooLong']);
    expect(mailNicknameProblems(`.${'(x)'.repeat(22)}`)).toEqual(['tooLong', 'leadingPeriod', 'characters']);
  });

  it('proxyAddresses: smtp: values must be addresses on a real TLD; X500 and other types only by length', () => {
    expect(proxyAddressProblems('SMTP:alice@contoso.com')).toEqual([]);
    expect(proxyAddressProblems('smtp:alice smith@contoso.com')).toEqual(['smtpCharacters']);
    expect(proxyAddressProblems('smtp:<alice>@contoso.com')).toEqual(['smtpCharacters']);
    expect(proxyAddressProblems('smtp:alice@contoso.local')).toEqual(['badTld']);
    expect(proxyAddressProblems('smtp:alice')).toEqual(['badTld']);
    expect(proxyAddressProblems('X500:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=alice;x,[y]')).toEqual([]);
    expect(proxyAddressProblems('SIP:alice@contoso.local')).toEqual([]);
    expect(proxyAddressProblems(`x500:/o=${'a'.repeat(260)}`)).toEqual(['tooLong']);
  });

  it('sAMAccountName: over 20 or with characters Windows refuses', () => {
    expect(samAccountNameProblems('alice.smith-2')).toEqual([]);
    expect(samAccountNameProblems('a'.repeat(20))).toEqual([]);
    expect(samAccountNameProblems('a'.repeat(21))).toEqual(['tooLong']);
    for (const c of '[]\\"|,/:<>+=;?*') expect(samAccountNameProblems(`al${c}ce`)).toEqual(['characters']);
  });

  it('targetAddress: over 255, not type:address, or a bad SMTP address', () => {
    expect(targetAddressProblems('SMTP:alice@contoso.mail.onmicrosoft.com')).toEqual([]);
    expect(targetAddressProblems('X400:c=US;a= ;p=Contoso;o=Exchange;s=Smith;')).toEqual([]);
    expect(targetAddressProblems('alice@contoso.com')).toEqual(['invalid']);
    expect(targetAddressProblems('SMTP:')).toEqual(['invalid']);
    expect(targetAddressProblems('SMTP:alice:x@contoso.com')).toEqual(['invalid']);
    expect(targetAddressProblems('smtp:alice smith@contoso.com')).toEqual(['invalid']);
    expect(targetAddressProblems(`SMTP:${'a'.repeat(250)}@contoso.com`)).toEqual(['tooLong']);
  });

  it("UPN: only what UPN003 lets through — IdFix's limits reached exactly, and non-addresses", () => {
    const dq = (upn: string) => upnLimitProblems(upn, upnProblemsOf(upn));
    expect(dq('alice@contoso.com')).toEqual([]);
    expect(dq('alice@corp')).toEqual([]); // single-label: UPN002's
    expect(dq(`${'a'.repeat(64)}@contoso.com`)).toEqual(['localPartAtLimit']);
    expect(dq(`a@${'b'.repeat(44)}.com`)).toEqual(['domainPartAtLimit']);
    expect(dq('@contoso.com')).toEqual(['notAddress']);
    expect(dq('alice@')).toEqual(['notAddress']);
    expect(dq('.alice@contoso.com')).toEqual(['notAddress']);
    expect(dq('a..b@contoso.com')).toEqual(['notAddress']);
    expect(dq('alice@-contoso.com')).toEqual(['notAddress']);
    // UPN003 reports these; DQ007 must not report them again.
    for (const upn of ['jürgen@contoso.com', 'a b@contoso.com', `${'a'.repeat(65)}@contoso.com`, 'a@@contoso.com', 'alice.@contoso.com', 'alice']) expect(dq(upn)).toEqual([]);
  });
});

describe('ScanAggregator data quality', () => {
  it('counts per reason with "object: value" samples, and finds duplicates across users, groups and contacts case-insensitively', () => {
    const agg = new ScanAggregator({});
    agg.add({ dn: 'CN=alice', sAMAccountName: 'alice', userPrincipalName: 'alice@contoso.com', mail: 'Alice@Contoso.com', mailNickname: 'alice', displayName: ' ', proxyAddresses: ['SMTP:alice@contoso.com', 'smtp:alice@contoso.com', 'smtp:a b@contoso.com'] });
    agg.add({ dn: 'CN=bob', sAMAccountName: 'bob', userPrincipalName: 'bob@contoso.com', mail: 'alice@contoso.com', mailNickname: 'ALICE', proxyAddresses: ['smtp:Alice@contoso.com', 'X500:/o=Org (x)/cn=bob'] });
    agg.add({ dn: 'CN=carol', sAMAccountName: 'a-very-long-logon-name', userPrincipalName: '.carol@contoso.com' });
    agg.recipient({ dn: 'CN=Sales,OU=Groups', sAMAccountName: 'Sales', mail: 'sales@contoso.local', proxyAddresses: ['SMTP:alice@contoso.com'] }, 'group');
    agg.recipient({ dn: 'CN=Partner,OU=Contacts', targetAddress: 'SMTP:partner@fabrikam.com', mail: 'partner@fabrikam.com', displayName: 'Partner' }, 'contact');
    agg.recipient({ dn: 'CN=Partner2,OU=Contacts', targetAddress: 'smtp:PARTNER@fabrikam.com', displayName: 'Partner 2' }, 'contact');
    const dq = agg.result().dataQuality;
    expect(dq.groupsScanned).toBe(1);
    expect(dq.contactsScanned).toBe(2);
    expect(dq.displayName).toEqual({ blank: { count: 2, sample: ['alice:  ', 'Sales: (none)'] }, tooLong: { count: 0, sample: [] } });
    expect(dq.mail.duplicates).toEqual({ count: 1, sample: ['alice@contoso.com (2 objects: alice, bob)'] });
    expect(dq.mail.invalid).toEqual({ count: 0, sample: [] });
    expect(dq.mailNickname.duplicates).toEqual({ count: 1, sample: ['alice (2 objects: alice, bob)'] });
    // alice's SMTP:/smtp: pair is one address of one object; bob and the Sales group hold it too.
    expect(dq.proxyAddresses.duplicates).toEqual({ count: 1, sample: ['smtp:alice@contoso.com (3 objects: alice, bob)'] });
    expect(dq.proxyAddresses.smtpCharacters).toEqual({ count: 1, sample: ['alice: smtp:a b@contoso.com'] });
    expect(dq.proxyAddresses.badTld.count).toBe(0);
    expect(dq.sAMAccountName.tooLong).toEqual({ count: 1, sample: ['CN=carol: a-very-long-logon-name'] });
    expect(dq.targetAddress.duplicates).toEqual({ count: 1, sample: ['smtp:partner@fabrikam.com (2 objects: CN=Partner,OU=Contacts, CN=Partner2,OU=Contacts)'] });
    expect(dq.userPrincipalName.notAddress).toEqual({ count: 1, sample: ['a-very-long-logon-name: .carol@contoso.com'] });
  });

  it('reports the same duplicates whatever order the directory returns the objects in', () => {
    const run = (order: string[]) => {
      const agg = new ScanAggregator({});
      for (const name of order) agg.add({ dn: `CN=${name}`, sAMAccountName: name, userPrincipalName: `${name}@contoso.com`, mail: 'shared@contoso.com' });
      for (const name of ['zed', 'yan']) agg.add({ dn: `CN=${name}`, sAMAccountName: name, userPrincipalName: `${name}@contoso.com`, mail: 'other@contoso.com' });
      return agg.result().dataQuality.mail.duplicates;
    };
    const expected = { count: 2, sample: ['other@contoso.com (2 objects: yan, zed)', 'shared@contoso.com (3 objects: Alice, bob)'] };
    expect(run(['carol', 'bob', 'Alice'])).toEqual(expected);
    expect(run(['Alice', 'carol', 'bob'])).toEqual(expected);
  });

  it('keeps samples short however long the value', () => {
    const agg = new ScanAggregator({});
    agg.add({ dn: 'CN=x', sAMAccountName: 'x', displayName: 'd'.repeat(300) });
    const [entry] = agg.result().dataQuality.displayName.tooLong.sample;
    expect(entry).toBe(`x: ${'d'.repeat(79)}…`);
  });
});
