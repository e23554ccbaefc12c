import { describe, expect, it } from 'vitest';
import { failed, ok } from '../../../src/facts/fact.js';
import { sql003, WIZARD_TEXT_DB_HAS_DATA } from '../../../src/rules/sql/sql003-adsync-db-has-data.js';
import { runRule, statusOf } from '../../helpers/rules.js';
import { database, sqlFacts, sqlPlan } from '../../helpers/sql-facts.js';

const withData = database({
  exists: true,
  collation: 'SQL_Latin1_General_CP1_CI_AS',
  isDbOwner: true,
  tables: [
    { name: 'dbo.mms_connectorspace', rows: 48213, modifiedAt: '2026-11-20T08:14:02.123Z' },
    { name: 'dbo.mms_metaverse', rows: 24107, modifiedAt: '2026-11-20T08:14:03.500Z' },
  ],
  tableCount: 2,
  syncEngineTableCount: 2,
  totalRows: 72320,
  lastModified: '2026-11-25T01:02:03.456Z',
});

describe('SQL003 adsync-db-has-data', () => {
  it('fires with the wizard text, table and row counts and the last modification', () => {
    const r = runRule(sql003, sqlPlan(), sqlFacts({ database: ok(withData) }));
    const f = r.findings[0];
    expect(f?.message).toBe(
      `${WIZARD_TEXT_DB_HAS_DATA} Database ADSync on sql1.contoso.com holds 2 tables (2 sync-engine tables: dbo.mms_connectorspace (48213), dbo.mms_metaverse (24107)) with 72320 rows, last modified 2026-11-25T01:02:03.456Z`,
    );
    expect(sql003.meta.wizardText).toEqual(['The ADSync database already contains data and cannot be overwritten. Please remove the existing database and try again.']);
    expect(f?.data['tableCount']).toBe(2);
    expect(f?.data['rows']).toBe(72320);
    expect(f?.location).toEqual({ planPath: 'install.sql.database', sqlInstance: 'sql1.contoso.com', object: 'ADSync' });
  });

  it('fires for rows in non-sync tables too', () => {
    const db = database({ exists: true, collation: 'x_CI_AS', tables: [{ name: 'dbo.notes', rows: 3, modifiedAt: null }], tableCount: 1, totalRows: 3 });
    expect(runRule(sql003, sqlPlan(), sqlFacts({ database: ok(db) })).findings).toHaveLength(1);
  });

  it('passes when the database is absent or pre-created empty; not evaluated when it could not be read', () => {
    expect(statusOf(runRule(sql003, sqlPlan(), sqlFacts()))).toBe('passed');
    expect(statusOf(runRule(sql003, sqlPlan(), sqlFacts({ database: ok(database({ exists: true, collation: 'SQL_Latin1_General_CP1_CI_AS', isDbOwner: true })) })))).toBe('passed');
    const denied = runRule(sql003, sqlPlan(), sqlFacts({ database: ok(database({ exists: true, collation: 'x_CI_AS', isDbOwner: false, tablesRead: false })) }));
    expect(statusOf(denied)).toBe('not-evaluated');
    expect(denied.notEvaluated[0]).toMatchObject({ fact: 'sql.database.tables', kind: 'permission' });
    expect(statusOf(runRule(sql003, sqlPlan(), sqlFacts({ database: failed('sql1.contoso.com', 'permission', 'error 916') })))).toBe('not-evaluated');
  });
});
