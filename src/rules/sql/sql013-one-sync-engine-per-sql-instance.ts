import { defineRule } from '../rule.js';
import { existingSqlOnly, sqlAt } from './shared.js';

/**
 * Databases other sync engines create, by their default names: Entra Connect / Azure AD Sync use
 * ADSync, FIM 2010 and MIM 2016 Synchronization Service (and DirSync, built on FIM) use
 * FIMSynchronizationService. A name is only a hint, so the finding says which name matched.
 */
const engines: readonly { readonly pattern: RegExp; readonly engine: string }[] = [
  { pattern: /^ADSync/i, engine: 'Entra Connect / Azure AD Sync' },
  { pattern: /^FIMSynchronizationService/i, engine: 'FIM/MIM Synchronization Service or DirSync' },
  { pattern: /^MIM.*Sync/i, engine: 'MIM Synchronization Service' },
  { pattern: /DirSync/i, engine: 'DirSync' },
];

export function syncEngineOf(database: string): string | undefined {
  return engines.find((e) => e.pattern.test(database))?.engine;
}

export const sql013 = defineRule({
  meta: {
    id: 'SQL013',
    name: 'one-sync-engine-per-sql-instance',
    title: 'The SQL Server instance already hosts another sync engine\'s database',
    severity: 'error',
    page: 'Install required components',
    sources: ['SQL'],
    needs: ['plan.install.sql.database', 'sql.databases'],
    help:
      'Microsoft Entra Connect supports only one sync engine per SQL Server instance: sharing an instance with MIM Sync, DirSync, Azure AD ' +
      'Sync or another Entra Connect server is not supported. The probe lists the instance\'s databases and names those with a sync ' +
      'engine\'s default name (ADSync…, FIMSynchronizationService, MIM…Sync, …DirSync) other than the planned database.',
    remediation:
      'Install Entra Connect against its own SQL Server instance (a new named instance on the same server is enough), or retire the other ' +
      'sync engine and remove its database first.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    // No setup error text for a shared instance was found in a public source; what people paste is the prerequisites
    // page's own sentence (quoted in MicrosoftDocs/azure-docs issue 37144, test/explain/corpus.tsv).
    knownErrors: {
      texts: ['You can only have one sync engine per SQL instance', 'It is not supported to share a SQL instance with FIM/MIM Sync, DirSync, or Azure AD Sync'],
      cause: 'The planned SQL Server instance already hosts another sync engine\'s database (Entra Connect, Azure AD Sync, DirSync, FIM/MIM Sync).',
    },
    messages: {
      shared: 'Instance {{server}} already holds {{database}} ({{engine}}); only one sync engine per SQL instance is supported',
    },
  },
  appliesTo: existingSqlOnly,
  evaluate(ctx) {
    const at = sqlAt(ctx.plan);
    const databases = ctx.use(ctx.facts.sql?.databases, 'sql.databases', at);
    if (databases === undefined) return;
    const planned = ctx.plan.install.sql.database.toLowerCase();
    for (const database of databases) {
      if (database.toLowerCase() === planned) continue; // the planned database itself is SQL003's concern
      const engine = syncEngineOf(database);
      if (engine !== undefined) ctx.report({ messageId: 'shared', data: { server: at.sqlInstance ?? '', database, engine }, at: { ...at, object: database }, subject: database });
    }
  },
});
