import { describe, expect, it } from 'vitest';
import type { SqlFacts } from '../../../src/facts/areas/sql.js';
import { failed, ok, skipped } from '../../../src/facts/fact.js';
import { sql001 } from '../../../src/rules/sql/sql001-sql-unreachable.js';
import { sql002 } from '../../../src/rules/sql/sql002-sql-instance-needs-port.js';
import { sql003 } from '../../../src/rules/sql/sql003-adsync-db-has-data.js';
import { sql005 } from '../../../src/rules/sql/sql005-sql-collation-case-sensitive.js';
import { sql006 } from '../../../src/rules/sql/sql006-sql-permissions-insufficient.js';
import { sql007 } from '../../../src/rules/sql/sql007-sql-express-size.js';
import { sqlRules } from '../../../src/rules/sql/index.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ install: { sql: { mode: 'existing', server: 'sql01\\ADSYNC', login: { kind: 'sql', name: 'installer', password: 'env:X' } } } });
const target = { server: 'sql01', instance: 'ADSYNC', port: 1533, database: 'ADSync' };
const base: SqlFacts = {
  target,
  connection: ok({ host: 'sql01', port: 1533, encrypted: true }),
  server: ok({ productVersion: '16.0.1000.6', majorVersion: 16, edition: 'Express Edition (64-bit)', engineEdition: 4, collation: 'SQL_Latin1_General_CP1_CI_AS' }),
  login: ok({ name: 'installer', sysadmin: false, dbcreator: false }),
  database: ok({ exists: true, collation: 'Latin1_General_CS_AS', owner: 'sa', loginIsDbOwner: true, tables: [], lastModified: null }),
};

describe('SQL rules from facts', () => {
  it('do not apply with LocalDB', () => {
    for (const rule of sqlRules) expect(statusOf(runRule(rule, makePlan(), {}))).toBe('not-applicable');
  });

  it('are not evaluated when the SQL facts were not gathered, and name the fact', () => {
    const r = runRule(sql003, plan, {});
    expect(r.notEvaluated[0]).toMatchObject({ ruleId: 'SQL003', fact: 'sql.database', kind: 'not-gathered' });
    expect(statusOf(runRule(sql001, plan, { sql: { target, connection: skipped('no login in the plan') } }))).toBe('not-evaluated');
  });

  it('SQL001 reports a failed connection as a finding, naming what failed', () => {
    const r = runRule(sql001, plan, { sql: { target, connection: failed('sql01:1533', 'dns', 'sql01:1533: the name does not resolve') } });
    expect(r.findings[0]?.message).toBe('SQL Server sql01\\ADSYNC,1533: the name does not resolve — sql01:1533: the name does not resolve');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.server', sqlInstance: 'sql01\\ADSYNC,1533', host: 'sql01' });
    expect(runRule(sql001, plan, { sql: base }).findings).toEqual([]);
  });

  it('SQL002 fires when Browser is silent', () => {
    const r = runRule(sql002, plan, { sql: { target: { ...target, port: null }, browser: failed('sql01:1434/udp', 'timeout', 'no answer') } });
    expect(r.findings[0]?.message).toBe('SQL Browser on sql01 did not answer for instance ADSYNC; write sql01\\ADSYNC,PORT');
  });

  it('SQL005 looks at a pre-created database collation too; SQL006 passes for a db_owner', () => {
    expect(runRule(sql005, plan, { sql: base }).findings.map((f) => f.data['what'])).toEqual(['database ADSync']);
    expect(runRule(sql006, plan, { sql: base }).findings).toEqual([]);
  });

  it('SQL007 needs the LDAP object count, and is not evaluated without it', () => {
    expect(statusOf(runRule(sql007, plan, { sql: base }))).toBe('not-evaluated');
    const small = { ldap: { forests: { 'contoso.com': { objectCount: ok({ users: 10, groups: 1, contacts: 0, computers: 5, scope: 'forest' as const }) } } }, sql: base };
    expect(statusOf(runRule(sql007, plan, small))).toBe('passed');
  });
});
