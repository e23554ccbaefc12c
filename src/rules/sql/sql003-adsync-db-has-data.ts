import { failed } from '../../facts/fact.js';
import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

export const WIZARD_TEXT_DB_HAS_DATA =
  'The ADSync database already contains data and cannot be overwritten. Please remove the existing database and try again.';

export const sql003 = defineRule({
  meta: {
    id: 'SQL003',
    name: 'adsync-db-has-data',
    title: 'The target database already holds sync-engine data',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.database'],
    help:
      'The wizard installs into an empty or absent database. When the database (ADSync by default) already holds the tables of a sync engine, ' +
      'it stops late in the installation. The data may belong to another server that is still running (an active or staging server): check before removing it.',
    remediation:
      'Find out which server used the database (the last modification time helps). If nothing uses it any more, back it up and drop it, or plan another database name (install.sql.database); ' +
      'to reuse a database on purpose, install with the "use an existing ADSync database" option instead.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    wizardText: [WIZARD_TEXT_DB_HAS_DATA],
    messages: {
      hasData:
        '{{wizardText}} Database {{database}} on {{server}} holds {{tableCount}} tables ({{syncTables}} sync-engine tables: {{sample}}) with {{rows}} rows, last modified {{lastModified}}',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan, 'install.sql.database');
    const db = ctx.use(ctx.facts.sql?.database, 'sql.database', at);
    if (db === undefined || !db.exists) return;
    if (!db.tablesRead) {
      ctx.use(failed(at.sqlInstance ?? '', 'permission', `the login may not read the catalogue of database ${db.name}`), 'sql.database.tables', at);
      return;
    }
    if (db.syncEngineTableCount === 0 && db.totalRows === 0) return;
    const sample = db.tables.slice(0, 5).map((t) => `${t.name} (${t.rows})`);
    ctx.report({
      messageId: 'hasData',
      data: {
        wizardText: WIZARD_TEXT_DB_HAS_DATA,
        database: db.name,
        server: at.sqlInstance ?? '',
        tableCount: db.tableCount,
        syncTables: db.syncEngineTableCount,
        sample: sample.length === 0 ? 'none' : sample.join(', '),
        rows: db.totalRows,
        lastModified: db.lastModified ?? 'unknown',
      },
      at: { ...at, object: db.name },
      subject: db.name,
    });
  },
});
