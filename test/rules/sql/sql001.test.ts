import { describe, expect, it } from 'vitest';
import { failed, ok, skipped } from '../../../src/facts/fact.js';
import { sql001 } from '../../../src/rules/sql/sql001-sql-unreachable.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';
import { sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const down = (stage: 'dns' | 'tcp' | 'tls' | 'login' | 'timeout', errorNumber: number | null, message: string) =>
  sqlFacts({ connection: ok({ connected: false, host: 'sql1.contoso.com', port: 1433, portSource: 'default', stage, errorNumber, message }) });

describe('SQL001 sql-unreachable', () => {
  it('fires on a refused login with the error number', () => {
    const r = runRule(sql001, sqlPlan(), down('login', 18456, "Login failed for user 'entra-admin'."));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe("Cannot connect to SQL Server sql1.contoso.com (sql1.contoso.com:1433): the login was refused (error 18456) — Login failed for user 'entra-admin'.");
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.server', sqlInstance: 'sql1.contoso.com', host: 'sql1.contoso.com:1433' });
    expect(r.findings[0]?.data['stage']).toBe('login');
  });

  it('names the stage for DNS, TCP and TLS failures', () => {
    expect(runRule(sql001, sqlPlan(), down('dns', null, 'ENOTFOUND')).findings[0]?.message).toContain('the server name does not resolve');
    expect(runRule(sql001, sqlPlan(), down('tcp', null, 'ECONNREFUSED')).findings[0]?.message).toContain('TCP connection was refused');
    expect(runRule(sql001, sqlPlan(), down('tls', null, 'self-signed certificate')).findings[0]?.message).toContain('certificate check failed');
  });

  it('passes when connected; not applicable with LocalDB; not evaluated without the fact', () => {
    expect(statusOf(runRule(sql001, sqlPlan(), sqlFacts()))).toBe('passed');
    expect(statusOf(runRule(sql001, makePlan(), {}))).toBe('not-applicable');
    expect(statusOf(runRule(sql001, sqlPlan(), {}))).toBe('not-evaluated');
    expect(statusOf(runRule(sql001, sqlPlan(), sqlFacts({ connection: skipped('no SQL login planned') })))).toBe('not-requested');
    expect(statusOf(runRule(sql001, sqlPlan(), sqlFacts({ connection: failed('sql1', 'other', 'no login in plan') })))).toBe('not-evaluated');
  });
});
