import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql006 } from '../../../src/rules/sql/sql006-sql-permissions-insufficient.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { database, server, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const plain = ok(server({ isSysadmin: false, isDbcreator: false }));

describe('SQL006 sql-permissions-insufficient', () => {
  it('fires when the database is absent and the login cannot create databases', () => {
    const r = runRule(sql006, sqlPlan(), sqlFacts({ server: plain }));
    expect(r.findings[0]?.message).toBe('Database ADSync does not exist on sql1.contoso.com and login entra-admin is neither sysadmin nor dbcreator, so the wizard cannot create it');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.login.name', sqlInstance: 'sql1.contoso.com' });
  });

  it('fires when the database is pre-created and the login is not db_owner', () => {
    const r = runRule(sql006, sqlPlan(), sqlFacts({ server: plain, database: ok(database({ exists: true, collation: 'SQL_Latin1_General_CP1_CI_AS', isDbOwner: false })) }));
    expect(r.findings[0]?.message).toBe('Database ADSync exists on sql1.contoso.com but login entra-admin is not its db_owner');
  });

  it('passes for dbcreator, sysadmin or db_owner; not evaluated without facts', () => {
    expect(statusOf(runRule(sql006, sqlPlan(), sqlFacts({ server: ok(server({ isSysadmin: false, isDbcreator: true })) })))).toBe('passed');
    expect(statusOf(runRule(sql006, sqlPlan(), sqlFacts()))).toBe('passed');
    expect(statusOf(runRule(sql006, sqlPlan(), sqlFacts({ server: plain, database: ok(database({ exists: true, collation: 'x_CI_AS', isDbOwner: true })) })))).toBe('passed');
    expect(statusOf(runRule(sql006, sqlPlan(), sqlFacts({ database: failed('sql1', 'permission', 'error 229') })))).toBe('not-evaluated');
  });
});
