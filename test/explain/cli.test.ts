import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { explainJsonSchema } from '../../src/explain/report.js';
import { cli } from '../helpers/cli.js';

async function withStdin(args: string[], input: Buffer | string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    writeFile: async () => undefined,
    env: {},
    color: false,
    cwd: process.cwd(),
    readStdin: async () => (typeof input === 'string' ? Buffer.from(input) : input),
  });
  return { code, stdout, stderr };
}

describe('explain command', () => {
  it('explains a pasted message with cause, fix, page and the check command, exit 0', async () => {
    const run = await cli(['explain', 'CustomAction DetectServiceAccount returned actual error code 1603']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('INS006 service-account-name-format');
    expect(run.stdout).toContain('Check:  entra-preflight check --plan plan.yaml --rule INS006');
    expect(run.stdout).toContain('Page:   Install required components');
  });

  it('marks a known cause no rule checks as "not checked before install" with its source', async () => {
    const run = await cli(['explain', 'Creation of connector contoso.onmicrosoft.com - AAD failed. This may be due to replication delay. An error occurred while sending the request.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('HOST-TLS12');
    expect(run.stdout).toContain('Not checked before install (needs sync server)');
    expect(run.stdout).toMatch(/Source: https:\/\//);
  });

  it('reads standard input with -, also UTF-16 as PowerShell 5 writes it', async () => {
    const text = 'Error 25009.The Microsoft Azure AD Connect synchronization services setup wizard cannot configure the specified database. Error: ALTER DATABASE statement failed.';
    const utf8 = await withStdin(['explain', '-'], text);
    expect(utf8.code).toBe(0);
    expect(utf8.stdout).toContain('SQL009');
    const utf16 = await withStdin(['explain', '-'], Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(utf16.stdout).toContain('SQL009');
  });

  it('--format json gives the documented shape (schema explain)', async () => {
    const run = await cli(['explain', '--format', 'json', 'The log scan number (41:488:1) passed to log scan in database \'model\' is not valid.']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { causes: { id: string; rules: { id: string }[] }[] };
    const schema = await cli(['schema', 'explain']);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(schema.stdout) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.causes[0]?.rules[0]?.id).toBe('INS009');
    expect(JSON.parse(schema.stdout)).toEqual(explainJsonSchema());
  });

  it('exits 1 with next steps when nothing is recognised', async () => {
    const run = await cli(['explain', 'The printer is out of paper']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Nothing recognised');
    expect(run.stdout).toContain('entra-preflight collect --plan plan.yaml');
    const json = await cli(['explain', '--format', 'json', 'The printer is out of paper']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ recognised: false, causes: [] });
  });

  it('exits 2 for bad input: nothing given, both --file and text, a missing or binary file, empty input', async () => {
    expect((await cli(['explain'])).code).toBe(2);
    const dir = await mkdtemp(join(tmpdir(), 'explain-'));
    const bin = join(dir, 'dump.bin');
    await writeFile(bin, Buffer.from([0x4d, 0x5a, 0x00, 0x00, 0x01]));
    expect((await cli(['explain', '--file', bin])).code).toBe(2);
    expect((await cli(['explain', '--file', join(dir, 'missing.log')])).code).toBe(2);
    expect((await cli(['explain', '--file', bin, 'text'])).code).toBe(2);
    expect((await withStdin(['explain', '-'], '   \n')).code).toBe(2);
  });

  it('reads a log with --file and says which lines matched', async () => {
    const run = await cli(['explain', '--file', 'test/explain/logs/application-events.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 cause(s) recognised in an event-log export (text)');
    expect(run.stdout).toMatch(/Lines: {2}24, 25/);
  });
});
