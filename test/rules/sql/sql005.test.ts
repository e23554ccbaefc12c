import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { isCaseInsensitive, sql005 } from '../../../src/rules/sql/sql005-sql-collation-case-sensitive.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { database, server, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

describe('SQL005 sql-collation-case-sensitive', () => {
  it('recognises collation names', () => {
    expect(isCaseInsensitive('SQL_Latin1_General_CP1_CI_AS')).toBe(true);
    expect(isCaseInsensitive('Latin1_General_100_CI_AS_SC_UTF8')).toBe(true);
    expect(isCaseInsensitive('Latin1_General_CS_AS')).toBe(false);
    expect(isCaseInsensitive('Latin1_General_BIN2')).toBe(false);
  });

  it('fires for a case-sensitive server collation', () => {
    const r = runRule(sql005, sqlPlan(), sqlFacts({ server: ok(server({ collation: 'Latin1_General_CS_AS' })) }));
    expect(r.findings.map((f) => f.message)).toEqual(['SQL Server sql1.contoso.com uses collation Latin1_General_CS_AS, which is not case-insensitive (_CI_)']);
  });

  it('fires for a pre-created database with a binary collation', () => {
    const r = runRule(sql005, sqlPlan(), sqlFacts({ database: ok(database({ exists: true, collation: 'Latin1_General_BIN2', isDbOwner: true })) }));
    expect(r.findings[0]?.message).toBe('Database ADSync on sql1.contoso.com uses collation Latin1_General_BIN2, which is not case-insensitive (_CI_)');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.database', sqlInstance: 'sql1.contoso.com', object: 'ADSync' });
  });

  it('passes with _CI_ collations; not evaluated without facts', () => {
    expect(statusOf(runRule(sql005, sqlPlan(), sqlFacts()))).toBe('passed');
    expect(statusOf(runRule(sql005, sqlPlan(), sqlFacts({ server: failed('sql1', 'timeout', 'slow'), database: failed('sql1', 'timeout', 'slow') })))).toBe('not-evaluated');
  });
});
