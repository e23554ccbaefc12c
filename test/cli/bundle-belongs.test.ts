import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBundle } from '../../src/facts/bundle.js';
import { parsePlanText } from '../../src/plan/load.js';
import { cli, tempFiles } from '../helpers/cli.js';

/** The plan a bundle was collected with: one forest with a named DC, an existing SQL Server, a tenant. */
const collectedPlan = `signIn: { method: phs }
tenant: { initialDomain: contoso.onmicrosoft.com, verifiedDomains: [contoso.com] }
install:
  sql: { mode: existing, server: sql01.contoso.com, login: { kind: sql, name: installer, password: env:SQL_PW } }
forests:
  - name: contoso.com
    domainControllers: [dc1.contoso.com]
    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }
features: { passwordWriteback: false }
network: { cloudEndpoints: [] }
`;

async function checkWith(planText: string): Promise<{ code: number; stdout: string; stderr: string; bundle: string }> {
  const { plan } = parsePlanText(collectedPlan, 'collected.yaml');
  const dir = await tempFiles({ 'plan.yaml': planText });
  const bundle = join(dir, 'facts.json');
  await writeFile(bundle, JSON.stringify(makeBundle(plan, 'collected.yaml', {}, new Date('2026-11-25T10:00:00Z'), 'kept')));
  const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--facts', bundle, '--format', 'json', '--allow-incomplete', '--fail-on', 'never']);
  return { ...run, bundle };
}

describe('check --facts: the bundle must belong to the plan\'s environment', () => {
  it('accepts the bundle with the plan it was collected with, without a notice', async () => {
    const run = await checkWith(collectedPlan);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { notices: string[] }).notices).toEqual([]);
  });

  it('refuses a bundle of another forest (exit 2), naming both', async () => {
    const run = await checkWith(collectedPlan.replace('name: contoso.com', 'name: fabrikam.com'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${run.bundle}: does not belong to this plan's environment: collected from other forests: the plan names fabrikam.com, not in the bundle; the bundle has contoso.com, not in the plan`);
  });

  it('refuses a plan naming a DC or SQL server the bundle was not collected from', async () => {
    const run = await checkWith(collectedPlan.replace('[dc1.contoso.com]', '[dc1.contoso.com, dc2.contoso.com]').replace('sql01.', 'sql02.'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the plan names hosts the bundle was not collected from: dc2.contoso.com, sql02.contoso.com');
  });

  it('refuses another tenant', async () => {
    const run = await checkWith(collectedPlan.replace('contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('collected for tenant contoso.onmicrosoft.com, but the plan names tenant fabrikam.onmicrosoft.com');
  });

  it('allows wizard-choice differences (what-if) and names the choices that differ', async () => {
    const run = await checkWith(collectedPlan.replace('method: phs', 'method: pta').replace('passwordWriteback: false', 'passwordWriteback: true'));
    expect(run.code).toBe(0);
    const notices = (JSON.parse(run.stdout) as { notices: string[] }).notices;
    expect(notices).toEqual([
      'what-if: wizard choices differ from the plan the bundle was collected with (collected.yaml): features, signIn; plan-only rules use the plan you gave, probe facts are from the bundle',
    ]);
  });
});
