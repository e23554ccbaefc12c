import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, scenarios } from '../../fixtures/tds/catalogues.js';
import { makeCertificate, startTdsPeer, type TdsPeer } from '../../fixtures/tds/server.js';
import { cli, tempFiles } from '../helpers/cli.js';
import { assertValidSarif } from '../helpers/sarif.js';

/** `entra-preflight check` end to end with an existing SQL Server: the TDS peer plays the server. */
describe('entra-preflight check with an existing SQL Server', () => {
  let peer: TdsPeer;
  const cert = makeCertificate('sql1.test', '127.0.0.44');
  beforeAll(async () => {
    peer = await startTdsPeer({ host: '127.0.0.44', catalogue: scenarios.adsyncWithData, encryption: 'required', cert });
  });
  afterAll(async () => {
    await peer?.close();
  });

  it('reports SQL003 with the wizard text in every format, and never shows the SQL password', async () => {
    const plan = [
      'install:',
      '  sql:',
      '    mode: existing',
      `    server: "${peer.host},${peer.port}"`,
      `    caFile: ${JSON.stringify(cert.certFile)}`,
      '    login: { kind: sql, name: entra-admin, password: env:SQL_PW }',
      'signIn: { method: phs }',
      'forests:',
      '  - name: contoso.com',
      '    domainControllers: [127.0.0.45]',
      '    ldap: { port: 1636 }',
      '    connectorAccount: { mode: existing, name: CONTOSO\\svc-sync, password: env:SYNC_PW }',
      'network: { cloudEndpoints: [] }',
      'timeouts: { probeSeconds: 3 }',
    ].join('\n');
    const dir = await tempFiles({ 'plan.yaml': plan });
    const env = { SQL_PW: ADMIN_PASSWORD, SYNC_PW: 'Sync-Pa55-Unused!' };
    const json = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', 'json', '--fail-on', 'never'], { env });
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; message: string }[]; notEvaluated: { kind: string }[] };
    expect(report.findings.filter((f) => f.ruleId.startsWith('SQL')).map((f) => f.ruleId)).toEqual(['SQL003']);
    expect(report.findings.find((f) => f.ruleId === 'SQL003')?.message).toContain('The ADSync database already contains data and cannot be overwritten.');
    // The forest's DC is a closed port: its rules are "not evaluated", the SQL part still completes.
    expect(report.notEvaluated.some((n) => n.kind === 'refused')).toBe(true);
    const outputs = [json.stdout, json.stderr];
    for (const format of ['text', 'sarif', 'junit', 'markdown']) {
      const run = await cli(['check', '--plan', join(dir, 'plan.yaml'), '--format', format, '--verbose'], { env });
      expect(run.code).toBe(1);
      outputs.push(run.stdout, run.stderr);
      if (format === 'sarif') assertValidSarif(JSON.parse(run.stdout));
    }
    const bundle = join(dir, 'facts.json');
    // No DC runs in this test: the collection is incomplete (exit 4, as check would be without its findings); --allow-incomplete accepts it.
    expect((await cli(['collect', '--plan', join(dir, 'plan.yaml'), '--output', bundle], { env })).code).toBe(4);
    expect((await cli(['collect', '--plan', join(dir, 'plan.yaml'), '--output', bundle, '--allow-incomplete'], { env })).code).toBe(0);
    outputs.push(readFileSync(bundle, 'utf8'));
    for (const text of outputs) expect(text).not.toContain(ADMIN_PASSWORD);
    expect(peer.log.every((q) => /^\s*(SELECT|set\s)/i.test(q))).toBe(true);
    expect(peer.logins.length).toBeGreaterThan(0);
    expect(peer.cleartextLogins).toEqual([]);
  });
});
