import { defineRule } from '../rule.js';
import { at, existingSql, instanceName } from './shared.js';

export const WIZARD_TEXT = 'The ADSync database already contains data and cannot be overwritten. Please remove the existing database and try again.';

export const sql003 = defineRule({
  meta: {
    id: 'SQL003',
    name: 'adsync-db-has-data',
    title: 'The target database already holds sync-engine tables or rows',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['sql.database'],
    help:
      'The wizard creates the ADSync schema in an empty database. A database left by an earlier install (or still used by another sync ' +
      'server) makes the install fail after it has started, with a message that does not say which server owns the data.',
    remediation:
      'Find out whether another sync server still uses this database (the last modification time helps). If not, back it up and drop it, or choose another database name; never point two servers at one database.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-existing-database',
    wizardText: [WIZARD_TEXT],
    messages: {
      data: 'Database {{database}} on {{instance}} already holds {{tables}} table(s) with {{rows}} row(s) (e.g. {{sample}}; last modified {{modified}}). The wizard will stop with: "{{wizardText}}"',
    },
  },
  appliesTo: existingSql,
  evaluate(ctx) {
    const facts = ctx.facts.sql;
    const db = ctx.use(facts?.database, 'sql.database', at(facts, ctx.plan, 'install.sql.database'));
    if (db === undefined || !db.exists || db.tables.length === 0) return;
    const rows = db.tables.reduce((n, t) => n + t.rows, 0);
    const sample = [...db.tables].sort((a, b) => b.rows - a.rows).slice(0, 3).map((t) => `${t.name} (${t.rows} rows)`);
    ctx.report({
      messageId: 'data',
      data: { database: facts?.target.database ?? '', instance: instanceName(facts, ctx.plan), tables: db.tables.length, rows, sample, modified: db.lastModified ?? 'unknown', wizardText: WIZARD_TEXT },
      at: at(facts, ctx.plan, 'install.sql.database'),
    });
  },
});
