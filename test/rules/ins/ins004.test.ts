import { describe, expect, it } from 'vitest';
import { ins004 } from '../../../src/rules/ins/ins004-remote-sql-needs-domain-account.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

const sql = (server: string) => ({ mode: 'existing' as const, server });

describe('INS004 remote-sql-needs-domain-account', () => {
  const onServer = (fqdn: string) => ({ syncServer: { fqdn } });

  it('fires for a remote SQL Server with the virtual service account, naming the server', () => {
    const r = runRule(ins004, makePlan({ install: { sql: sql('sql01.contoso.com\\ADSYNC,1433') }, ...onServer('aadc01.contoso.com') }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toBe('SQL Server sql01.contoso.com\\ADSYNC,1433 is remote (not the sync server aadc01.contoso.com), but the sync service will run as the virtual service account, which cannot log in to it');
    expect(r.findings[0]?.location).toEqual({ planPath: 'install.serviceAccount.kind', host: 'sql01.contoso.com' });
  });

  it('fires for an authenticating proxy', () => {
    const r = runRule(ins004, makePlan({ install: { authenticatingProxy: true } }));
    expect(r.findings.map((f) => f.messageId)).toEqual(['proxy']);
  });

  it.each(['.', '(local)', 'localhost\\SQLEXPRESS', '127.0.0.1,1433'])('does not fire for a local server %s', (server) => {
    expect(runRule(ins004, makePlan({ install: { sql: sql(server) } })).findings).toEqual([]);
  });

  // "Remote" means a host other than the sync server, not anything other than localhost.
  it.each(['AADC01\\ADSYNC', 'aadc01.contoso.com,1433', 'AADC01.Contoso.COM'])('does not fire when the SQL host %s is the sync server itself', (server) => {
    const r = runRule(ins004, makePlan({ install: { sql: sql(server) }, ...onServer('aadc01.contoso.com') }));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('passed');
  });

  it('fires for a host that only shares the short name with the sync server but is another FQDN', () => {
    const r = runRule(ins004, makePlan({ install: { sql: sql('aadc01.fabrikam.com') }, ...onServer('aadc01.contoso.com') }));
    expect(r.findings.map((f) => f.messageId)).toEqual(['remoteSql']);
  });

  it('is not requested for a named SQL host when syncServer.fqdn is absent (the host may be the sync server)', () => {
    const r = runRule(ins004, makePlan({ install: { sql: sql('sql01\\ADSYNC') } }));
    expect(r.findings).toEqual([]);
    expect(statusOf(r)).toBe('not-requested');
  });

  it('does not apply with a gMSA', () => {
    expect(statusOf(runRule(ins004, makePlan({ install: { sql: sql('sql01'), serviceAccount: { kind: 'gmsa', name: 'CONTOSO\\gmsa$' } } })))).toBe('not-applicable');
  });
});
