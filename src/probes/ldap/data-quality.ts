import type { UpnProblem } from '../../facts/areas/ldap-scan.js';
import { isKnownTld } from '../../facts/tld.js';

/**
 * The checks IdFix used to make (RULES.md, DQ001–DQ007), as pure functions of one value: each
 * returns the problems it finds, so the aggregator only counts and samples. Read-only by nature:
 * IdFix also proposed fixes, these only say what is wrong.
 */

// The IANA root zone list lives in src/facts/tld.ts, shared with the UPN rules.
export { isKnownTld } from '../../facts/tld.js';

// RFC 5322 addr-spec, pragmatically: a dot-atom local part (atext runs joined by single dots) or a
// quoted string, and a host name of at least two LDH labels. Domain literals ([192.0.2.1]),
// comments and obsolete forms are refused: Exchange Online and Microsoft Entra ID take none of them.
const ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-"; // escaped hyphen: other ranges may follow it
const DOT_ATOM = new RegExp(`^[${ATEXT}]+(\\.[${ATEXT}]+)*$`);
const QUOTED = /^"([\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Whether `value` is an RFC 5322 addr-spec (local@domain) that mail systems accept. */
export function isAddrSpec(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (DOT_ATOM.test(local) || QUOTED.test(local)) && labels.length >= 2 && labels.every((l) => LABEL.test(l));
}

/** Blank for a directory value: absent, empty or only whitespace. */
const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

export type DisplayNameProblem = 'blank' | 'tooLong';

/**
 * displayName: over 255 characters (the Microsoft Entra ID limit) or blank. A user without one is
 * fine (the sync rules fall back to cn), so for users only a present but whitespace-only value is
 * blank; a mail-enabled group without one breaks sync, so for groups absence counts too.
 */
export function displayNameProblems(value: string | undefined, kind: 'user' | 'group' | 'contact'): DisplayNameProblem[] {
  if (value === undefined) return kind === 'group' ? ['blank'] : [];
  if (value.trim() === '') return ['blank'];
  return value.length > 255 ? ['tooLong'] : [];
}

export type MailProblem = 'tooLong' | 'invalid';

export function mailProblems(value: string): MailProblem[] {
  if (value.length > 256) return ['tooLong'];
  return isAddrSpec(value) ? [] : ['invalid'];
}

export type MailNicknameProblem = 'tooLong' | 'leadingPeriod' | 'characters';

// The alias becomes the local part of the user's onmicrosoft.com address, so it must be atext and
// dots; Exchange also takes U+00A1–U+00FF. IdFix's dedicated-mode list forbade more (! # $ % …),
// which Exchange Online accepts: following it would report aliases that sync fine.
const NICKNAME_CHARS = new RegExp(`^[${ATEXT}.\\u00a1-\\u00ff]*$`);

export function mailNicknameProblems(value: string): MailNicknameProblem[] {
  const problems: MailNicknameProblem[] = [];
  if (value.length > 64) problems.push('tooLong');
  if (value.startsWith('.')) problems.push('leadingPeriod');
  if (!NICKNAME_CHARS.test(value)) problems.push('characters');
  return problems;
}

export type ProxyAddressProblem = 'tooLong' | 'smtpCharacters' | 'badTld';

const SMTP_FORBIDDEN = /[\s<>();,[\]"]/;

/**
 * One proxyAddresses value. Only smtp: values are held to address syntax: X500:, X400:, SIP: and
 * other types have their own grammars (an X500 address legitimately holds spaces, parentheses and
 * slashes: "X500:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=…"), and
 * flagging them was a known IdFix false positive.
 */
export function proxyAddressProblems(value: string): ProxyAddressProblem[] {
  const problems: ProxyAddressProblem[] = [];
  if (value.length > 256) problems.push('tooLong');
  if (!/^smtp:/i.test(value)) return problems;
  const address = value.slice(5);
  if (SMTP_FORBIDDEN.test(address)) problems.push('smtpCharacters');
  const domain = address.slice(address.lastIndexOf('@') + 1);
  const tld = domain.includes('.') && address.includes('@') ? domain.slice(domain.lastIndexOf('.') + 1) : '';
  if (!isKnownTld(tld)) problems.push('badTld');
  return problems;
}

export type SamAccountNameProblem = 'tooLong' | 'characters';

// The characters Windows refuses in a user logon name (pre-Windows 2000): " / \ [ ] : ; | = , + * ? < >.
const SAM_FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;

/** sAMAccountName of a user: over 20 characters (the SAM limit) or holding characters Windows refuses. */
export function samAccountNameProblems(value: string): SamAccountNameProblem[] {
  const problems: SamAccountNameProblem[] = [];
  if (value.length > 20) problems.push('tooLong');
  if (SAM_FORBIDDEN.test(value)) problems.push('characters');
  return problems;
}

export type TargetAddressProblem = 'tooLong' | 'invalid';

/**
 * targetAddress is "type:address" (SMTP:user@tenant.mail.onmicrosoft.com). Invalid: no type, an
 * empty or colon-holding address (IdFix's check), or an SMTP address that is not an addr-spec.
 */
export function targetAddressProblems(value: string): TargetAddressProblem[] {
  if (value.length > 255) return ['tooLong'];
  const colon = value.indexOf(':');
  const address = value.slice(colon + 1);
  const invalid = colon <= 0 || isBlank(address) || address.includes(':') || (/^smtp:/i.test(value) && !isAddrSpec(address));
  return invalid ? ['invalid'] : [];
}

export type UpnLimitProblem = 'localPartAtLimit' | 'domainPartAtLimit' | 'notAddress';

/**
 * DQ007's share of the UPN checks. UPN003 already reports a UPN over 113 characters, over 64
 * before the @ or 48 after it, with characters outside letters, digits and ' . - _ ! # ^ ~ (which
 * takes in IdFix's list and umlauts), with several @, no @ or a trailing dot. So DQ007 looks only
 * at UPNs UPN003 accepts, and reports what IdFix held against them: exactly 64 characters before
 * the @ or exactly 48 after it (IdFix's limits were "64 or more" and "48 or more"), and a UPN that
 * is not an RFC 5322 address (nothing before or after the @, a leading or doubled dot, a domain
 * label starting or ending with a hyphen). A single-label domain is UPN002's (non-routable).
 * `upn003` is what upnProblemsOf found (passed in, so this module does not import the aggregator).
 */
export function upnLimitProblems(upn: string, upn003: readonly UpnProblem[]): UpnLimitProblem[] {
  if (upn003.length > 0) return [];
  const at = upn.lastIndexOf('@');
  const local = upn.slice(0, at);
  const domain = upn.slice(at + 1);
  const problems: UpnLimitProblem[] = [];
  if (local.length === 64) problems.push('localPartAtLimit');
  if (domain.length === 48) problems.push('domainPartAtLimit');
  const routable = domain.includes('.') ? upn : `${upn}.invalid`;
  if (!isAddrSpec(routable)) problems.push('notAddress');
  return problems;
}

/**
 * DQ008: Microsoft Entra ID's documented limits that make an export fail with LargeObject or
 * ExceededAllowedLength ("Troubleshoot object synchronization errors", LargeObject section):
 * a hard limit of 15 values on userCertificate and userSMIMECertificate, 100 KB for thumbnailPhoto,
 * and for proxyAddresses no fixed number but an object-size limit that leaves room for about 332
 * addresses on an otherwise empty user, so Microsoft's rule of thumb is "approximately 300".
 */
export const LARGE_OBJECT_LIMITS = { certificates: 15, thumbnailPhotoBytes: 102_400, proxyAddresses: 300 } as const;

export type LargeObjectProblem = 'userCertificate' | 'userSMIMECertificate' | 'thumbnailPhoto' | 'proxyAddresses';

/** The sizes DQ008 looks at on one object: value counts, and the photo's size in bytes. */
export interface LargeValues {
  readonly userCertificate?: number;
  readonly userSMIMECertificate?: number;
  readonly thumbnailPhotoBytes?: number;
  readonly proxyAddresses?: number;
}

export function largeObjectProblems(v: LargeValues): LargeObjectProblem[] {
  const problems: LargeObjectProblem[] = [];
  if ((v.userCertificate ?? 0) > LARGE_OBJECT_LIMITS.certificates) problems.push('userCertificate');
  if ((v.userSMIMECertificate ?? 0) > LARGE_OBJECT_LIMITS.certificates) problems.push('userSMIMECertificate');
  if ((v.thumbnailPhotoBytes ?? 0) > LARGE_OBJECT_LIMITS.thumbnailPhotoBytes) problems.push('thumbnailPhoto');
  if ((v.proxyAddresses ?? 0) > LARGE_OBJECT_LIMITS.proxyAddresses) problems.push('proxyAddresses');
  return problems;
}
