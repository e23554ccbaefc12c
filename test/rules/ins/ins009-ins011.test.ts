import { describe, expect, it } from 'vitest';
import { issuesFor } from '../../../src/rules/ins/build-issue-rule.js';
import { buildKnownIssues } from '../../../src/rules/ins/build-known-issues.js';
import { ins009 } from '../../../src/rules/ins/ins009-localdb-build-known-issue.js';
import { ins011 } from '../../../src/rules/ins/ins011-build-known-issue.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const planFor = (connectVersion: string, sql: Record<string, unknown> = { mode: 'localdb' }) =>
  makePlan({ target: { connectVersion }, install: { sql } as never } as never);
const existingSql = { mode: 'existing', server: 'sql1.contoso.com', login: { name: 'entra-admin', password: 'env:SQL_PW' } };

describe('INS009 localdb-build-known-issue / INS011 build-known-issue', () => {
  it('every row of the table names its source and a build bound', () => {
    for (const row of buildKnownIssues) {
      expect(row.source).toMatch(/^https:\/\//);
      expect(row.fixedIn ?? row.lastAffected).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
  });

  it('INS009 fires for a 2.0.x build with LocalDB (model corruption fixed in 2.1.1.0), naming the source', () => {
    const r = runRule(ins009, planFor('2.0.28.0'));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toContain('Entra Connect 2.0.28.0 with LocalDB');
    expect(r.findings[0]?.message).toContain('fixed in 2.1.1.0');
    expect(r.findings[0]?.message).toContain('resolve-model-database-corruption-sqllocaldb');
    expect(r.findings[0]?.location.planPath).toBe('target.connectVersion');
  });

  it('INS009 passes from 2.1.1.0 on and is not applicable with an existing SQL Server', () => {
    expect(statusOf(runRule(ins009, planFor('2.1.1.0')))).toBe('passed');
    expect(statusOf(runRule(ins009, planFor('1.6.4.0')))).toBe('passed');
    expect(statusOf(runRule(ins009, planFor('2.0.28.0', existingSql)))).toBe('not-applicable');
  });

  it('INS011 reports each documented defect of an old build, and none for a current one', () => {
    expect(runRule(ins011, planFor('1.1.443.0')).findings.map((f) => f.message)).toEqual([
      expect.stringContaining('more than 15 userCertificate'),
      expect.stringContaining('affects builds up to 1.1.443.0'),
      expect.stringContaining('TLS 1.2'),
    ]);
    expect(runRule(ins011, planFor('1.1.614.0')).findings.map((f) => f.message)).toEqual([expect.stringContaining('fixed in 1.1.819.0')]);
    expect(statusOf(runRule(ins011, planFor('2.5.79.0')))).toBe('passed');
  });

  it('range edges: from inclusive, fixedIn exclusive, lastAffected inclusive', () => {
    expect(issuesFor('2.0.0.0', true).map((r) => r.id)).toContain('localdb-2019-model-corruption');
    expect(issuesFor('2.1.1.0', true).map((r) => r.id)).not.toContain('localdb-2019-model-corruption');
    expect(issuesFor('2.0.28.0', false).map((r) => r.id)).not.toContain('localdb-2019-model-corruption');
    expect(issuesFor('1.1.443.0', false).map((r) => r.id)).toContain('service-account-password-change-key');
    expect(issuesFor('1.1.484.0', false).map((r) => r.id)).not.toContain('service-account-password-change-key');
  });
});
