import { describe, expect, it } from 'vitest';
import { parseServerResponse } from '../../../src/probes/sql/browser.js';
import { bracket, nString } from '../../../src/probes/sql/queries.js';
import { parseSqlServer } from '../../../src/probes/sql/target.js';

describe('parseSqlServer (the wizard\'s server syntax)', () => {
  it('reads SERVER, SERVER\\INSTANCE, SERVER,PORT and SERVER\\INSTANCE,PORT', () => {
    expect(parseSqlServer('sql1.contoso.com')).toEqual({ input: 'sql1.contoso.com', host: 'sql1.contoso.com', instance: null, port: null });
    expect(parseSqlServer('sql1\\SYNC')).toEqual({ input: 'sql1\\SYNC', host: 'sql1', instance: 'SYNC', port: null });
    expect(parseSqlServer('sql1,14330')).toEqual({ input: 'sql1,14330', host: 'sql1', instance: null, port: 14330 });
    expect(parseSqlServer('sql1\\SYNC,50123')).toEqual({ input: 'sql1\\SYNC,50123', host: 'sql1', instance: 'SYNC', port: 50123 });
  });

  it('folds in the separate instance and port fields, and maps . and (local) to this machine', () => {
    expect(parseSqlServer('sql1', 'SYNC', 50123)).toEqual({ input: 'sql1\\SYNC,50123', host: 'sql1', instance: 'SYNC', port: 50123 });
    expect(parseSqlServer('.\\SQLEXPRESS')).toMatchObject({ host: 'localhost', instance: 'SQLEXPRESS' });
    expect(parseSqlServer('(local)')).toMatchObject({ host: 'localhost', instance: null });
    expect(parseSqlServer('sql1\\MSSQLSERVER')).toMatchObject({ instance: null });
  });

  it('names contradictions and bad syntax', () => {
    expect(parseSqlServer('sql1\\A', 'B')).toEqual({ error: 'install.sql.server names instance A but install.sql.instance says B' });
    expect(parseSqlServer('sql1,1433', undefined, 1434)).toEqual({ error: 'install.sql.server names port 1433 but install.sql.port says 1434' });
    expect(parseSqlServer('sql1,99999')).toHaveProperty('error');
    expect(parseSqlServer('sql 1')).toHaveProperty('error');
  });
});

describe('SQL Browser SVR_RESP parsing and query literals', () => {
  it('reads every instance record', () => {
    expect(parseServerResponse('ServerName;SQL1;InstanceName;SYNC;IsClustered;No;Version;15.0.2000.5;tcp;50123;;ServerName;SQL1;InstanceName;OTHER;IsClustered;Yes;Version;16.0.1000.6;np;\\\\SQL1\\pipe\\x;;')).toEqual([
      { serverName: 'SQL1', instanceName: 'SYNC', isClustered: false, version: '15.0.2000.5', tcpPort: 50123 },
      { serverName: 'SQL1', instanceName: 'OTHER', isClustered: true, version: '16.0.1000.6', tcpPort: null },
    ]);
  });

  it('escapes literals and identifiers', () => {
    expect(nString("O'Brien")).toBe("N'O''Brien'");
    expect(bracket('a]b')).toBe('[a]]b]');
  });
});
