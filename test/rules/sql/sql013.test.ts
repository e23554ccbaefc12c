import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql013, syncEngineOf } from '../../../src/rules/sql/sql013-one-sync-engine-per-sql-instance.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const plan = makePlan({ install: { sql: { mode: 'existing', server: 'sql01.contoso.com\\SYNC' } } as never });
const sql = (databases: Parameters<typeof ok<string[]>>[0] | null) => ({
  sql: { target: ok({ input: 'sql01.contoso.com\\SYNC', host: 'sql01.contoso.com', instance: 'SYNC', port: null }), connection: failed('x', 'other', 'unused'), ...(databases === null ? {} : { databases: ok(databases) }) },
});

describe('SQL013 one-sync-engine-per-sql-instance', () => {
  it('fires for each other sync engine database, naming it and the engine', () => {
    const r = runRule(sql013, plan, sql(['master', 'ADSync', 'FIMSynchronizationService', 'DirSyncOld', 'AppDb']));
    expect(r.findings.map((f) => [f.data['database'], f.data['engine']])).toEqual([
      ['FIMSynchronizationService', 'FIM/MIM Synchronization Service or DirSync'],
      ['DirSyncOld', 'DirSync'],
    ]);
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'install.sql.server', sqlInstance: 'sql01.contoso.com\\SYNC', object: 'FIMSynchronizationService' });
  });
  it('passes without other engines; not evaluated without the database list; not applicable with LocalDB', () => {
    expect(statusOf(runRule(sql013, plan, sql(['master', 'ADSync', 'AppDb'])))).toBe('passed');
    expect(statusOf(runRule(sql013, plan, sql(null)))).toBe('not-evaluated');
    expect(statusOf(runRule(sql013, makePlan(), {}))).toBe('not-applicable');
    expect(syncEngineOf('MIMSyncService')).toBe('MIM Synchronization Service');
    expect(syncEngineOf('Payroll')).toBeUndefined();
  });
});
