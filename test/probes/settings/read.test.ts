import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeText, readImportedSettings } from '../../../src/probes/settings/read.js';

const FOLDER = 'Exported-ServerConfiguration-5d1f6a0e-2c4b-4e8a-9b1d-3f7c2a6e8b90';
const fixtures = new URL('../../../fixtures/import-settings/', import.meta.url).pathname;
const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function copy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ep-import-'));
  temps.push(dir);
  await cp(join(fixtures, FOLDER), join(dir, FOLDER), { recursive: true });
  return dir;
}

describe('reading the folder MigrateSettings.ps1 exports', () => {
  it('reads the UTF-16 policy, the connectors, and the attributes of custom and directory-extension inbound rules only', async () => {
    const fact = await readImportedSettings(FOLDER, fixtures);
    expect(fact).toEqual({
      status: 'ok',
      value: {
        policyFile: FOLDER,
        missingFiles: ['Connectors/Connector_{c1a2b3d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d}.xml'],
        connectors: [
          { id: '{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}', name: 'corp.contoso.test', category: 'AD' },
          { id: '{b891884f-051e-4a83-95af-2544101c9083}', name: 'contoso.onmicrosoft.com - AAD', category: 'Extensible2' },
        ],
        customRules: [
          { name: 'In from AD - User Custom employee number', connector: 'corp.contoso.test', attributes: ['employeeID', 'msExchExtensionCustomAttribute1'] },
          { name: 'In from AD - User DirectoryExtension', connector: 'corp.contoso.test', attributes: ['departmentNumber'] },
        ],
      },
    });
  });

  it('accepts the policy file itself as the path, and a UTF-8 (PowerShell 7) policy', async () => {
    const dir = await copy();
    const policy = join(dir, FOLDER, 'MigratedPolicy.json');
    await writeFile(policy, decodeText(await readFile(policy)), 'utf8');
    const fact = await readImportedSettings(join(FOLDER, 'MigratedPolicy.json'), dir);
    expect(fact.status === 'ok' && fact.value.connectors.length).toBe(2);
  });

  it('names every file a partial copy left behind', async () => {
    const dir = await copy();
    await rm(join(dir, FOLDER, 'PersistedState.xml'));
    await rm(join(dir, FOLDER, 'SynchronizationRules'), { recursive: true });
    await rm(join(dir, FOLDER, 'Connectors', 'Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml'));
    const fact = await readImportedSettings(FOLDER, dir);
    expect(fact.status === 'ok' && fact.value.missingFiles).toEqual([
      'PersistedState.xml',
      'SynchronizationRules/',
      'Connectors/Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml',
      'Connectors/Connector_{c1a2b3d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d}.xml',
    ]);
  });

  it('fails the fact, naming the path, when the folder is absent or the policy is not JSON or not a MigratedPolicy', async () => {
    expect(await readImportedSettings('no-such-folder', fixtures)).toMatchObject({ status: 'failed', kind: 'not-found', host: 'no-such-folder' });
    const dir = await copy();
    const policy = join(dir, FOLDER, 'MigratedPolicy.json');
    await writeFile(policy, '{ not json');
    expect(await readImportedSettings(FOLDER, dir)).toMatchObject({ status: 'failed', kind: 'protocol' });
    await writeFile(policy, '{"connectors": []}');
    expect(await readImportedSettings(FOLDER, dir)).toMatchObject({ status: 'failed', kind: 'protocol', reason: expect.stringContaining('deploymentMetadata') });
  });
});
