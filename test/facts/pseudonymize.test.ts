import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPseudonymizer, pseudonymizeFacts } from '../../src/facts/pseudonymize.js';
import { cli, tempFiles } from '../helpers/cli.js';

describe('pseudonymised bundles', () => {
  const key = Buffer.alloc(32, 7);
  const run = <T,>(facts: T, plan: unknown = {}): T => pseudonymizeFacts(facts, plan, key);

  it('rewrites DNs per RDN (same value, same token) and keeps the domain components', () => {
    const out = run({ a: 'CN=Alice Smith,OU=Sales,DC=contoso,DC=com', b: 'CN=Bob,OU=Sales,DC=contoso,DC=com' });
    expect(out.a).toMatch(/^CN=n-[0-9a-f]{10},OU=n-[0-9a-f]{10},DC=contoso,DC=com$/);
    expect(out.a.split(',')[1]).toBe(out.b.split(',')[1]); // both in the same OU still
    expect(JSON.stringify(out)).not.toMatch(/Alice|Sales|Bob/);
  });

  it('keeps UPN suffixes, tokenises the local part, the same in any letter case', () => {
    const out = run({ x: ['Alice@Contoso.com', 'alice@contoso.com', 'bob@contoso.local'] });
    expect(out.x[0]?.split('@')[0]).toBe(out.x[1]?.split('@')[0]);
    expect(out.x[2]).toMatch(/^n-[0-9a-f]{10}@contoso\.local$/);
    // UPN003's samples: invalid UPNs still carry the name.
    expect(run({ y: ['grace@@contoso.com', 'judy@contoso.com.'] }).y).toEqual([expect.stringMatching(/^n-[0-9a-f]{10}@@contoso\.com$/), expect.stringMatching(/^n-[0-9a-f]{10}@contoso\.com\.$/)]);
  });

  it('tokenises sAMAccountNames, group names, composite samples and OU keys, consistently', () => {
    const facts = {
      account: { sAMAccountName: 'jsmith', dn: 'CN=John Smith,OU=IT,DC=contoso,DC=com', group: 'Tier0 Operators' },
      sample: ['m.jones@contoso.com (2 objects: mjones, jsmith)', 'printer-svc: smtp:printer-svc@contoso.local', 'lee chen@contoso.com (CN=Lee Chen,OU=IT,DC=contoso,DC=com)'],
      ous: { 'OU=IT,DC=contoso,DC=com': { status: 'ok' } },
      host: 'dc1.contoso.com',
      status: 'ok',
    };
    const out = run(facts);
    const text = JSON.stringify(out);
    for (const planted of ['jsmith', 'John Smith', 'OU=IT', 'Tier0 Operators', 'm.jones', 'mjones', 'printer-svc', 'Lee Chen', 'lee chen']) expect(text).not.toContain(planted);
    expect(out.sample[0]).toContain(out.account.sAMAccountName); // jsmith → the same token in both places
    expect(Object.keys(out.ous)[0]).toBe(`OU=${createPseudonymizer({ key }).token('IT')},DC=contoso,DC=com`);
    expect(out.host).toBe('dc1.contoso.com');
    expect(out.status).toBe('ok');
  });

  it('keeps well-known AD names and every name the plan writes', () => {
    const plan = { pilotGroup: { group: 'CN=Entra Pilot,OU=Groups,DC=contoso,DC=com' }, ous: ['OU=Sync,DC=contoso,DC=com'] };
    const out = run({ a: 'CN=Domain Admins,CN=Users,DC=contoso,DC=com', b: 'CN=Entra Pilot,OU=Groups,DC=contoso,DC=com', c: 'CN=Ann,OU=Sync,DC=contoso,DC=com' }, plan);
    expect(out.a).toBe('CN=Domain Admins,CN=Users,DC=contoso,DC=com');
    expect(out.b).toBe('CN=Entra Pilot,OU=Groups,DC=contoso,DC=com');
    expect(out.c).toMatch(/^CN=n-[0-9a-f]{10},OU=Sync,DC=contoso,DC=com$/);
  });

  it("tokenises a gMSA's allowed readers (principal names in a `name` field), keeping the plan's servers' computer accounts", () => {
    const plan = { adfs: { servers: ['adfs1.contoso.com'] } };
    const facts = { serviceAccount: { name: 'CONTOSO\\gmsa-adfs$', allowedToRetrievePassword: [{ sid: 'S-1-5-21-1-2-3-1105', name: 'ADFS Farm Hosts' }, { sid: 'S-1-5-21-1-2-3-1106', name: 'ADFS1$' }] } };
    const out = run(facts, plan);
    expect(out.serviceAccount.allowedToRetrievePassword[0]?.name).toMatch(/^n-[0-9a-f]{10}$/);
    expect(out.serviceAccount.allowedToRetrievePassword[1]?.name).toBe('ADFS1$');
    expect(out.serviceAccount.name).toBe('CONTOSO\\gmsa-adfs$'); // a structural name field elsewhere stays
  });

  it('cannot be linked across bundles (fresh key each time)', () => {
    expect(pseudonymizeFacts({ a: 'alice@contoso.com' }, {}).a).not.toBe(pseudonymizeFacts({ a: 'alice@contoso.com' }, {}).a);
  });
});

const repo = resolve(__dirname, '../..');
const examples = readdirSync(join(repo, 'fixtures/examples'));

/**
 * What must not survive, as text to search for: each CN/OU value as an RDN (`=value,`), each mail or
 * UPN local part before its `@`, each sAMAccountName as a JSON string or list item. Names the plan
 * writes are exempt (the plan travels with the bundle), as are AD's well-known names.
 */
function plantedNeedles(bundle: unknown, planText: string): string[] {
  const found = new Set<string>();
  const plan = planText.toLowerCase();
  const wellKnown = /^(Users|Computers|Builtin|System|Configuration|Schema|Managed Service Accounts|Domain Admins|Enterprise Admins|Administrators|Server Operators|Account Operators|Backup Operators|AZUREADSSOACC|(MSOL|AAD)_[0-9a-f]+)$/i;
  const keepName = (n: string) => n.length > 2 && !wellKnown.test(n) && !plan.includes(n.toLowerCase());
  const walk = (v: unknown, field?: string): void => {
    if (typeof v === 'string') {
      // Directory DNs end in DC= components; certificate subjects (CN=DigiCert…) are not directory data.
      if (/\bDC=/i.test(v)) for (const m of v.matchAll(/\b(?:CN|OU)=((?:\\.|[^,\\()])+)/gi)) if (keepName(m[1] ?? '')) found.add(`=${m[1]}`);
      for (const m of v.matchAll(/([^\s@(),;:]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g)) {
        const local = (m[1] ?? '').replace(/^smtp:/i, '');
        if (keepName(local)) found.add(`${local}@`);
      }
      if (field === 'sAMAccountName' && keepName(v)) found.add(`"${v}"`);
      for (const m of v.matchAll(/\(\d+ objects?: ([^)]*)\)/g)) for (const n of (m[1] ?? '').split(/,\s*/)) if (keepName(n)) found.add(` ${n}`);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, field));
    else if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) (walk(k), walk(c, k));
  };
  walk((bundle as { facts: unknown }).facts);
  return [...found];
}

describe.each(examples)('redact --plan on example %s', (example) => {
  const dir = join(repo, 'fixtures/examples', example);
  it('gives exactly the same findings (rule, severity, count) and leaks no planted name', async () => {
    const out = join(await tempFiles({}), 'pseudo.json');
    const redact = await cli(['redact', '--facts', join(dir, 'facts.json'), '--plan', join(dir, 'plan.yaml'), '--output', out], { cwd: repo });
    expect(redact.code).toBe(0);
    const summary = async (facts: string) => {
      const r = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', facts, '--format', 'json', '--fail-on', 'never'], { cwd: repo });
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[]; outcomes: { ruleId: string; status: string }[] };
      const counts: Record<string, number> = {};
      for (const f of report.findings) counts[`${f.ruleId} ${f.severity}`] = (counts[`${f.ruleId} ${f.severity}`] ?? 0) + 1;
      return { counts, outcomes: report.outcomes.map((o) => `${o.ruleId} ${o.status}`).sort() };
    };
    const original = await summary(join(dir, 'facts.json'));
    const pseudo = await summary(out);
    expect(Object.keys(original.counts).length).toBeGreaterThan(0);
    expect(pseudo).toEqual(original);

    const originalText = readFileSync(join(dir, 'facts.json'), 'utf8');
    const pseudoText = readFileSync(out, 'utf8');
    const planted = plantedNeedles(JSON.parse(originalText), readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    expect(planted.length).toBeGreaterThan(3);
    expect(planted.filter((n) => originalText.toLowerCase().includes(n.toLowerCase()))).toEqual(planted); // the needles do find the originals
    expect(planted.filter((n) => pseudoText.toLowerCase().includes(n.toLowerCase()))).toEqual([]);
  });
});
