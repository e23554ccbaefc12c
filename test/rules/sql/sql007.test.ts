import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import type { Facts } from '../../../src/facts/schema.js';
import { sql007 } from '../../../src/rules/sql/sql007-sql-express-size.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { server, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const express = ok(server({ engineEdition: 4, edition: 'Express Edition (64-bit)' }));
const withCount = (base: Facts, users: number): Facts => ({
  ...base,
  ldap: { forests: { 'contoso.com': { objectCount: ok({ users, groups: 1000, contacts: 500, computers: 2000, scope: 'in-scope' }) } } },
});

describe('SQL007 sql-express-size', () => {
  it('fires for Express with more than 100,000 objects', () => {
    const r = runRule(sql007, sqlPlan(), withCount(sqlFacts({ server: express }), 120_000));
    expect(r.findings[0]?.message).toBe(
      'SQL Server sql1.contoso.com is Express Edition (64-bit) and the forests hold 123500 objects in scope (contoso.com: 123500; users, groups, contacts and computers after domain and OU filtering, critical system objects left out), more than the 100000 Express is sized for',
    );
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.server', sqlInstance: 'sql1.contoso.com' });
  });

  it('passes for Express under the limit and for other editions', () => {
    expect(statusOf(runRule(sql007, sqlPlan(), withCount(sqlFacts({ server: express }), 10_000)))).toBe('passed');
    expect(statusOf(runRule(sql007, sqlPlan(), withCount(sqlFacts(), 500_000)))).toBe('passed');
  });

  it('is not evaluated for Express when the LDAP object count is absent or failed', () => {
    const absent = runRule(sql007, sqlPlan(), sqlFacts({ server: express }));
    expect(statusOf(absent)).toBe('not-evaluated');
    expect(absent.notEvaluated[0]?.fact).toBe('ldap.forests.contoso.com.objectCount');
    const broken: Facts = { ...sqlFacts({ server: express }), ldap: { forests: { 'contoso.com': { objectCount: failed('dc1', 'timeout', 'slow') } } } };
    expect(statusOf(runRule(sql007, sqlPlan(), broken))).toBe('not-evaluated');
    expect(statusOf(runRule(sql007, sqlPlan(), sqlFacts({ server: failed('sql1', 'auth', 'x') })))).toBe('not-evaluated');
  });
});
