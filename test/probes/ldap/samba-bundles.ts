import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { planNames } from '../../../src/facts/pseudonymize.js';
import { cli, tempFiles } from '../../helpers/cli.js';

/**
 * Bundles from the live Samba forest, called from samba.test.ts (which owns the forest).
 *
 * Issue 10 §4 against the live Samba forest (root and child), called from samba.test.ts, which owns
 * the forest: `collect --pseudonymize` (and `redact` of a plain collection) give bundles on which
 * `check --facts` reaches exactly the verdict of the original bundle, and that hold none of the
 * names, UPNs, DNs or mail addresses the plant scripts wrote.
 */

/**
 * Every directory name the plant scripts write, read from the scripts themselves (so a new plant is
 * covered without touching this list): objects they create, the RDN values of the DNs they modify,
 * UPN/mail/proxy-address local parts and sAMAccountNames they set.
 */
export function plantedNames(scripts: readonly string[]): string[] {
  const names = new Set<string>();
  const add = (n: string | undefined): void => {
    const v = n?.trim().replace(/^"|"$/g, '');
    if (v !== undefined && v.length >= 2 && !v.includes('$')) names.add(v);
  };
  for (const file of scripts) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bst (?:user create|group add|contact add|computer create) ("[^"]+"|\S+)/g)) add(m[1]);
    for (const m of text.matchAll(/\bst ou add "?((?:OU|CN)=[^,"]+)/g)) add(m[1]?.replace(/^\w+=/, ''));
    for (const m of text.matchAll(/^dn: (.+)$/gm)) for (const r of (m[1] ?? '').matchAll(/\b(?:CN|OU)=([^,$]+)/g)) add(r[1]);
    for (const m of text.matchAll(/^(?:sAMAccountName|cn|displayName): (.+)$/gm)) add(m[1]);
    for (const m of text.matchAll(/^(?:userPrincipalName|mail|otherMailbox): ([^@\s]+)@/gm)) add(m[1]);
    for (const m of text.matchAll(/^proxyAddresses: (?:smtp|sip):([^@]+)@/gim)) add(m[1]);
    for (const m of text.matchAll(/--mail-address="?([^@"\s]+)@/g)) add(m[1]);
    for (const m of text.matchAll(/\/cn=([^/\s]+)$/gm)) add(m[1]);
  }
  return [...names].sort();
}

/** What a check reports, without the names: rule, severity and count of findings; rules not evaluated; each rule's status. */
function verdict(stdout: string): { findings: Record<string, number>; notEvaluated: string[]; outcomes: Record<string, string> } {
  const report = JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[]; notEvaluated: { ruleId: string }[]; outcomes: { ruleId: string; status: string }[] };
  const findings: Record<string, number> = {};
  for (const f of report.findings) findings[`${f.ruleId} ${f.severity}`] = (findings[`${f.ruleId} ${f.severity}`] ?? 0) + 1;
  return {
    findings,
    notEvaluated: [...new Set(report.notEvaluated.map((n) => n.ruleId))].sort(),
    outcomes: Object.fromEntries(report.outcomes.map((o) => [o.ruleId, o.status])),
  };
}

export async function pseudonymizedVerdictOnTheForest(options: { repo: string; samplePlan: string; bothCas: string; syncPassword: string }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ep-pseudo-'));
  // The sample plan (pilot group, OU filter, AD FS, writeback), with the child domain included.
  const plan = parse(await readFile(options.samplePlan, 'utf8')) as { forests: Record<string, unknown>[] };
  const forest = plan.forests[0] as { ldap: Record<string, unknown>; connectorAccount: Record<string, unknown>; domains?: unknown };
  forest.ldap['caFile'] = options.bothCas;
  forest.connectorAccount['name'] = 'svc-sync@corp.contoso.test';
  delete forest.domains;
  // The gMSA stand-in for the sync server ADFS1 (its allowed and denying groups are directory names the
  // bundle carries: allowedToRetrievePassword, deniedBy) and the group writeback OU plant.sh made.
  const withGmsa = {
    ...plan,
    install: { serviceAccount: { kind: 'gmsa', name: 'CORP\\gmsa-sync$' } },
    syncServer: { fqdn: 'adfs1.corp.contoso.test' },
    features: { ...((plan as { features?: Record<string, unknown> }).features ?? {}), groupWriteback: true, groupWritebackOu: 'OU=Cloud Groups,DC=corp,DC=contoso,DC=test' },
  };
  const planFile = join(dir, 'plan.json');
  await writeFile(planFile, JSON.stringify({ ...withGmsa, timeouts: { probeSeconds: 5 } }));
  const env = { ENTRA_PREFLIGHT_TEST_SYNC_PW: options.syncPassword };

  const original = join(dir, 'facts.json');
  const pseudo = join(dir, 'facts-pseudo.json');
  const redacted = join(dir, 'facts-redacted.json');
  // The sample plan names AD FS servers that do not exist: the collection is incomplete (exit 4).
  expect((await cli(['collect', '--plan', planFile, '--output', original], { env, cwd: options.repo })).code).toBe(4);
  expect((await cli(['collect', '--plan', planFile, '--output', pseudo, '--pseudonymize', '--allow-incomplete'], { env, cwd: options.repo })).code).toBe(0);
  expect((await cli(['redact', '--facts', original, '--plan', planFile, '--output', redacted], { cwd: options.repo })).code).toBe(0);

  const check = async (bundle: string) => verdict((await cli(['check', '--plan', planFile, '--facts', bundle, '--format', 'json', '--fail-on', 'never'], { cwd: options.repo })).stdout);
  const before = await check(original);
  // The forest was read, both domains of it: the verdict below is about real directory data.
  const originalText = await readFile(original, 'utf8');
  expect(originalText).toContain('ivan@@contoso.com');
  expect(originalText).toContain('CN=Pilot Nested,OU=Groups,DC=corp,DC=contoso,DC=test');
  expect(Object.keys(before.findings).length).toBeGreaterThan(10);
  expect(await check(pseudo)).toEqual(before);
  expect(await check(redacted)).toEqual(before);

  // No planted name survives, except those the plan itself writes (kept by design: the bundle is
  // checked with that plan) and AD's own and generated names.
  // A computer or gMSA name the plan writes with its trailing $ is kept without it too (CN=gmsa-sync).
  const kept = new Set(planNames(withGmsa).flatMap((n) => [n.toLowerCase(), n.toLowerCase().replace(/\$$/, '')]));
  // AD's own container names (System holds the trustedDomain objects), CHILD: the child domain's
  // NetBIOS name, and PARTNER: the AD009 trust partner's NetBIOS name and first DNS label (domain
  // names are kept by design). The contact also named Partner is then not checked by this list.
  const wellKnown = new Set(['users', 'administrator', 'azureadssoacc', 'computers', 'configuration', 'partitions', 'system', 'child', 'partner', 'managed service accounts']);
  const planted = plantedNames(['plant.sh', 'plant-child.sh'].map((f) => join(options.repo, 'fixtures/samba', f))).filter(
    (n) => !kept.has(n.toLowerCase()) && !wellKnown.has(n.toLowerCase()) && !/^MSOL_/i.test(n),
  );
  expect(planted).toEqual(expect.arrayContaining(['alice', 'Tier0 Ops', 'henry-has-a-long-name', '.henry', 'ivan', 'child-admin', 'Pilot Nested', 'Staff', 'henry smith', 'Sync Servers', 'Quarantined Servers']));
  // The gMSA's allowed group and the group whose deny entry refuses ADFS1 are in the original bundle.
  expect(originalText).toContain('Quarantined Servers');
  // Each must be present in the original (or the planted list would test nothing) …
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const occurs = (text: string, name: string): boolean => new RegExp(`(?<![A-Za-z0-9_-])${escape(name)}(?![A-Za-z0-9_-])`, 'i').test(text);
  const inOriginal = planted.filter((n) => occurs(originalText, n));
  expect(inOriginal.length).toBeGreaterThan(planted.length * 0.8);
  // … and absent from both shareable bundles.
  for (const bundle of [pseudo, redacted]) {
    // AD's own "Managed Service Accounts" container is kept; the planted OU "Service Accounts" must not hide in it.
    const text = (await readFile(bundle, 'utf8')).replace(/Managed Service Accounts/g, 'AD-MSA-CONTAINER');
    expect([bundle, inOriginal.filter((n) => occurs(text, n))]).toEqual([bundle, []]);
  }
}

/** collect against a reachable forest with a plan it can fully gather: exit 0, no INCOMPLETE, and check --facts agrees. */
export async function completeCollectionOnTheForest(options: { repo: string; caFile: string; syncPassword: string }): Promise<void> {
  const plan = {
    version: 1,
    signIn: { method: 'phs' },
    tenant: { verifiedDomains: ['contoso.com'] },
    features: { passwordHashSync: true },
    forests: [
      {
        name: 'corp.contoso.test',
        ldap: { security: 'ldaps', caFile: options.caFile },
        connectorAccount: { mode: 'existing', name: 'CORP\\svc-sync', password: 'env:ENTRA_PREFLIGHT_TEST_SYNC_PW' },
        domains: { exclude: ['child.corp.contoso.test'] },
      },
    ],
    network: { intranetResolvers: ['127.0.0.10'], cloudEndpoints: [] },
    timeouts: { probeSeconds: 5 },
  };
  const dir = await tempFiles({ 'plan.json': JSON.stringify(plan) });
  const planFile = join(dir, 'plan.json');
  const bundle = join(dir, 'facts.json');
  const collect = await cli(['collect', '--plan', planFile, '--output', bundle], { env: { ENTRA_PREFLIGHT_TEST_SYNC_PW: options.syncPassword }, cwd: options.repo });
  expect([collect.code, collect.stderr]).toEqual([0, expect.not.stringContaining('INCOMPLETE')]);
  expect(collect.stderr).toMatch(/collected: .*ldap \d+ ok/);
  const offline = await cli(['check', '--plan', planFile, '--facts', bundle, '--format', 'json', '--fail-on', 'never'], { cwd: options.repo });
  expect(offline.code).toBe(0);
  expect((JSON.parse(offline.stdout) as { summary: { incomplete: boolean } }).summary.incomplete).toBe(false);
}
