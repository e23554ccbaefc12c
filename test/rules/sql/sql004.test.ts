import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql004 } from '../../../src/rules/sql/sql004-sql-version-unsupported.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { server, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

describe('SQL004 sql-version-unsupported', () => {
  it('fires for SQL Server 2008 R2', () => {
    const r = runRule(sql004, sqlPlan(), sqlFacts({ server: ok(server({ productVersion: '10.50.6000.34', majorVersion: 10, version: 'Microsoft SQL Server 2008 R2 (SP3) - 10.50.6000.34 (X64)' })) }));
    expect(r.findings[0]?.message).toBe('SQL Server sql1.contoso.com runs version 10.50.6000.34 (Microsoft SQL Server 2008 R2 (SP3) - 10.50.6000.34 (X64)); SQL Server 2012 (11.0) is out of support and earlier versions never were; SQL Server 2014 (12.0) or later is required');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.server', sqlInstance: 'sql1.contoso.com' });
  });

  it('fires for Azure SQL Database (EngineEdition 5)', () => {
    const r = runRule(sql004, sqlPlan(), sqlFacts({ server: ok(server({ engineEdition: 5, edition: 'SQL Azure', productVersion: '12.0.2000.8', majorVersion: 12 })) }));
    expect(r.findings[0]?.message).toBe('SQL Server sql1.contoso.com is Azure SQL Database (EngineEdition 5), which Entra Connect does not support as its database');
  });

  it('SQL Server 2012 (major 11) is no longer supported: error (issue 11 §4)', () => {
    const r = runRule(sql004, sqlPlan(), sqlFacts({ server: ok(server({ majorVersion: 11, productVersion: '11.0.7001.0', engineEdition: 4 })) }));
    expect(r.findings[0]?.severity).toBe('error');
    expect(r.findings[0]?.messageId).toBe('tooOld');
  });

  it('passes for SQL Server 2014+ (Express included); not evaluated without server facts', () => {
    expect(statusOf(runRule(sql004, sqlPlan(), sqlFacts()))).toBe('passed');
    expect(statusOf(runRule(sql004, sqlPlan(), sqlFacts({ server: ok(server({ majorVersion: 12, productVersion: '12.0.6024.0', engineEdition: 4 })) })))).toBe('passed');
    expect(statusOf(runRule(sql004, sqlPlan(), sqlFacts({ server: failed('sql1.contoso.com', 'auth', 'login failed') })))).toBe('not-evaluated');
  });
});
