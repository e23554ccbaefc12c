import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql002 } from '../../../src/rules/sql/sql002-sql-instance-needs-port.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const plan = sqlPlan({ server: 'sql1.contoso.com\\SYNC' });
const target = ok({ input: 'sql1.contoso.com\\SYNC', host: 'sql1.contoso.com', instance: 'SYNC', port: null });
const inst = (name: string, tcpPort: number | null) => ({ serverName: 'SQL1', instanceName: name, isClustered: false, version: '15.0.2000.5', tcpPort });

describe('SQL002 sql-instance-needs-port', () => {
  it('fires when SQL Browser is silent, telling the user to write INSTANCE,PORT', () => {
    const r = runRule(sql002, plan, sqlFacts({ target, browser: ok({ host: 'sql1.contoso.com', port: 1434, answered: false, instances: [], tcpPort: null }) }));
    expect(r.findings[0]?.message).toBe('SQL Browser on sql1.contoso.com (UDP 1434) did not answer for instance SYNC; write the server as sql1.contoso.com\\SYNC,PORT');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.sql.server', sqlInstance: 'sql1.contoso.com\\SYNC', host: 'sql1.contoso.com' });
  });

  it('fires when Browser lists the instance without TCP', () => {
    const r = runRule(sql002, plan, sqlFacts({ target, browser: ok({ host: 'sql1.contoso.com', port: 1434, answered: true, instances: [inst('SYNC', null)], tcpPort: null }) }));
    expect(r.findings[0]?.message).toContain('(it listed: SYNC (no TCP))');
  });

  it('passes when Browser gives the port; not applicable with a port or a default instance; not evaluated without Browser facts', () => {
    expect(statusOf(runRule(sql002, plan, sqlFacts({ target, browser: ok({ host: 'sql1.contoso.com', port: 1434, answered: true, instances: [inst('SYNC', 50123)], tcpPort: 50123 }) })))).toBe('passed');
    expect(statusOf(runRule(sql002, sqlPlan({ server: 'sql1.contoso.com\\SYNC,50123' }), sqlFacts()))).toBe('not-applicable');
    expect(statusOf(runRule(sql002, sqlPlan(), sqlFacts()))).toBe('not-applicable');
    expect(statusOf(runRule(sql002, plan, sqlFacts({ target, browser: failed('sql1.contoso.com', 'dns', 'ENOTFOUND') })))).toBe('not-evaluated');
    expect(statusOf(runRule(sql002, plan, {}))).toBe('not-evaluated');
  });
});
