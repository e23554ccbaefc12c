import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { isListenerName } from '../../../src/probes/sql/availability.js';
import { sql009 } from '../../../src/rules/sql/sql009-adsync-db-in-availability-group.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';
import { sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const availability = (over: Record<string, unknown> = {}) => ok({ hadrEnabled: true, database: 'ADSync', availabilityGroup: null, listenerOf: null, ...over });

describe('SQL009 adsync-db-in-availability-group', () => {
  it('fires when the planned database already belongs to an availability group', () => {
    const r = runRule(sql009, sqlPlan(), sqlFacts({ availability: availability({ availabilityGroup: 'AG-IDENTITY' }) }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Database ADSync on sql1.contoso.com is already in availability group AG-IDENTITY; setup fails with error 25009 (ALTER DATABASE statement failed)',
    ]);
    expect(r.findings[0]?.location).toMatchObject({ planPath: 'install.sql.database', object: 'ADSync' });
  });

  it('fires when the planned server name is an availability group listener', () => {
    const r = runRule(sql009, sqlPlan(), sqlFacts({ availability: availability({ listenerOf: 'AG-IDENTITY' }) }));
    expect(r.findings.map((f) => f.messageId)).toEqual(['listener']);
  });

  it('passes outside availability groups and without Always On; not evaluated without the fact; n/a for LocalDB', () => {
    expect(statusOf(runRule(sql009, sqlPlan(), sqlFacts({ availability: availability() })))).toBe('passed');
    expect(statusOf(runRule(sql009, sqlPlan(), sqlFacts({ availability: availability({ hadrEnabled: null }) })))).toBe('passed');
    expect(statusOf(runRule(sql009, sqlPlan(), sqlFacts({ availability: failed('sql1', 'permission', 'error 229') })))).toBe('not-evaluated');
    expect(statusOf(runRule(sql009, makePlan(), {}))).toBe('not-applicable');
  });

  it('compares listener names short or fully qualified, case-insensitively', () => {
    expect(isListenerName('SQLAG-Listener.contoso.com', 'sqlag-listener')).toBe(true);
    expect(isListenerName('sqlag-listener', 'SQLAG-LISTENER.contoso.com')).toBe(true);
    expect(isListenerName('sql1.contoso.com', 'sqlag-listener.contoso.com')).toBe(false);
  });
});
