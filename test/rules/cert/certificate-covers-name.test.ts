import { describe, expect, it } from 'vitest';
import { certificateCoversName, identifierCoversName } from '../../../src/rules/shared/net.js';

describe('identifierCoversName (RFC 6125)', () => {
  it('matches exact names case-insensitively, ignoring a trailing dot', () => {
    expect(identifierCoversName('FS.Contoso.com', 'fs.contoso.com.')).toBe(true);
    expect(identifierCoversName('fs.contoso.com', 'fs2.contoso.com')).toBe(false);
  });
  it('lets a wildcard stand for exactly one left-most label', () => {
    expect(identifierCoversName('*.contoso.com', 'fs.contoso.com')).toBe(true);
    expect(identifierCoversName('*.contoso.com', 'contoso.com')).toBe(false);
    expect(identifierCoversName('*.contoso.com', 'fs.emea.contoso.com')).toBe(false);
  });
  it('refuses wildcards that are not a whole left-most label, or too broad', () => {
    expect(identifierCoversName('f*.contoso.com', 'fs.contoso.com')).toBe(false);
    expect(identifierCoversName('fs.*.com', 'fs.contoso.com')).toBe(false);
    expect(identifierCoversName('*.com', 'contoso.com')).toBe(false);
  });
});

describe('certificateCoversName', () => {
  it('uses SANs when present and ignores the CN then', () => {
    expect(certificateCoversName({ subjectAltNames: ['sts.contoso.com'], commonName: 'fs.contoso.com' }, 'fs.contoso.com')).toBe(false);
    expect(certificateCoversName({ subjectAltNames: ['sts.contoso.com', '*.contoso.com'], commonName: null }, 'fs.contoso.com')).toBe(true);
  });
  it('falls back to the CN only without SANs', () => {
    expect(certificateCoversName({ subjectAltNames: [], commonName: 'fs.contoso.com' }, 'fs.contoso.com')).toBe(true);
    expect(certificateCoversName({ subjectAltNames: [], commonName: null }, 'fs.contoso.com')).toBe(false);
  });
});
