import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { factsBundle } from '../helpers/bundle.js';
import { cli, tempFiles } from '../helpers/cli.js';
import { assertValidSarif } from '../helpers/sarif.js';

/** How SARIF names the plan: relative below the working folder (code scanning), a file: URI elsewhere. */
const plan = 'signIn: { method: pta }\nfeatures: { passwordHashSync: false }\nforests:\n  - name: contoso.com\n    connectorAccount: { mode: existing, name: CONTOSO\\\\svc-sync, password: env:X }\n';
const bundle = factsBundle({});

async function sarifUris(cwd: string, planPath: string, bundlePath: string): Promise<string[]> {
  const run = await cli(['check', '--plan', planPath, '--facts', bundlePath, '--format', 'sarif', '--fail-on', 'never'], { cwd });
  expect(run.stderr).toBe('');
  const doc: unknown = JSON.parse(run.stdout);
  assertValidSarif(doc);
  return (doc.runs[0]?.results ?? []).flatMap((r) => (r.locations ?? []).map((l) => l.physicalLocation?.artifactLocation?.uri ?? ''));
}

describe('the plan URI in reports', () => {
  it('is relative to the working folder when the plan lies below it, and a file: URI otherwise', async () => {
    const repo = await tempFiles({ 'b.json': bundle });
    await mkdir(join(repo, 'infra'));
    await writeFile(join(repo, 'infra', 'plan.yaml'), plan);
    const inside = await sarifUris(repo, join(repo, 'infra', 'plan.yaml'), join(repo, 'b.json'));
    expect(inside.length).toBeGreaterThan(0);
    expect(new Set(inside)).toEqual(new Set(['infra/plan.yaml']));

    const elsewhere = await tempFiles({});
    const outside = await sarifUris(elsewhere, join(repo, 'infra', 'plan.yaml'), join(repo, 'b.json'));
    expect(new Set(outside)).toEqual(new Set([pathToFileURL(join(repo, 'infra', 'plan.yaml')).href]));
  });
});
