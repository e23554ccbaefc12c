import { describe, expect, it } from 'vitest';
import { chooseGlobalCatalog } from '../../../src/probes/ldap/discover.js';

const bound = { host: 'dc2.contoso.com', address: '10.0.0.2' };

describe('which DC is asked as global catalog', () => {
  it('keeps the bound DC when it is a GC, or when nothing says it is not', () => {
    expect(chooseGlobalCatalog([{ host: 'DC2.contoso.com', isGlobalCatalog: true }], bound)).toBe(bound);
    expect(chooseGlobalCatalog([{ host: 'dc2.contoso.com', isGlobalCatalog: null }], bound)).toBe(bound);
    // The plan gave the DC by IP: its name is unknown here, so it is tried as it is.
    expect(chooseGlobalCatalog([{ host: 'dc1.contoso.com', isGlobalCatalog: true }], { host: '10.0.0.2', address: '10.0.0.2' })).toEqual({ host: '10.0.0.2', address: '10.0.0.2' });
  });

  it('moves to the first DC the forest marks as GC when the bound one is not', () => {
    const dcs = [
      { host: 'dc2.contoso.com', isGlobalCatalog: false },
      { host: 'dc3.emea.contoso.com', isGlobalCatalog: false },
      { host: 'dc1.contoso.com', isGlobalCatalog: true },
    ];
    expect(chooseGlobalCatalog(dcs, bound)).toEqual({ host: 'dc1.contoso.com' });
  });

  it('stays on the bound DC when no DC is marked as GC (the GC port refusal then says why)', () => {
    expect(chooseGlobalCatalog([{ host: 'dc2.contoso.com', isGlobalCatalog: false }], bound)).toBe(bound);
  });
});
