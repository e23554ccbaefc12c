import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/explain.js';
import { readLog } from '../../src/explain/log.js';
import { explainReportSchema } from '../../src/explain/report.js';
import { decodeText } from '../../src/cli/commands/explain.js';

const fixture = (name: string): string => decodeText(readFileSync(new URL(`./logs/${name}`, import.meta.url)), name);

/** The logs are built from the log lines Microsoft's troubleshooting articles quote (see corpus.tsv). */
describe('explain reads logs', () => {
  it('reads a trace log into records with their exception lines, and explains the stale installation once', () => {
    const log = readLog(fixture('trace-stale-adsync.log'));
    expect(log.format).toBe('trace-log');
    expect(log.records.filter((r) => r.error).map((r) => r.lines)).toEqual([[11, 12], [13, 14, 15]]);
    const report = explainText(fixture('trace-stale-adsync.log'));
    expect(report.causes.map((c) => c.id)).toEqual(['HOST-STALE-ADSYNC']);
    expect(report.causes[0]).toMatchObject({ checkedBeforeInstall: false, needs: 'sync server', lines: [11, 12, 13, 14, 15] });
    expect(report.causes[0]?.source).toMatch(/^https:\/\//);
  });

  it('finds the DetectServiceAccount failure in an installer log (INS006) and lists the error lines it could not place', () => {
    const report = explainText(fixture('synchronization-service-install-upn.log'));
    expect(report.input.format).toBe('installer-log');
    expect(report.causes.map((c) => c.id)).toEqual(['INS006']);
    expect(report.causes[0]?.lines).toContain(4);
    expect(report.causes[0]?.confirm).toBe('entra-preflight check --plan plan.yaml --rule INS006');
    expect(report.unmatched.map((u) => u.lines[0])).toEqual(expect.arrayContaining([5, 6]));
  });

  it.each(['application-events.txt', 'application-events-utf16.txt'])('reads an event-log text export (%s): errors only, one cause per event', (name) => {
    const report = explainText(fixture(name));
    expect(report.input).toMatchObject({ format: 'event-text', records: 3, errorRecords: 2 });
    expect(report.causes.map((c) => c.id)).toEqual(['NET001', 'UPN004']);
    expect(report.causes.find((c) => c.id === 'UPN004')?.lines[0]).toBe(24);
  });

  it('reads an event-log CSV export with multi-line messages', () => {
    const report = explainText(fixture('application-events.csv'));
    expect(report.input).toMatchObject({ format: 'event-csv', records: 3, errorRecords: 2 });
    expect(report.causes.map((c) => c.id).sort()).toEqual(['INS005', 'NET001', 'SQL007']);
    expect(report.causes.find((c) => c.id === 'NET001')?.lines).toEqual([4, 5, 6, 7]);
  });

  it('recognises nothing in an unrelated log and says what to attach instead', () => {
    const report = explainText(fixture('unrelated.log'));
    expect(report).toMatchObject({ recognised: false, causes: [] });
    expect(report.nextSteps.join(' ')).toContain('trace-*.log');
    expect(report.unmatched).toHaveLength(1);
  });

  it('explains each distinct cause once however often it repeats, and the JSON fits its schema', () => {
    const line = '[10:00:00.000] [ 7] [ERROR] Error 25009.The Microsoft Azure AD Connect synchronization services setup wizard cannot configure the specified database. Error: ALTER DATABASE statement failed.';
    const text = Array.from({ length: 50 }, () => line).join('\n');
    const report = explainText(text);
    expect(report.causes.map((c) => c.id)).toEqual(['SQL009']);
    expect(report.causes[0]?.lines).toHaveLength(50);
    expect(() => explainReportSchema.parse(report)).not.toThrow();
  });

  it('reads a 20,000-line trace log quickly', () => {
    const filler = '[10:00:00.000] [ 1] [VERB ] Getting list of installed packages by upgrade code';
    const error = '[10:00:01.000] [ 1] [ERROR] The server encountered an error because SQL Server is out of disk space.';
    const text = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 999 ? error : filler)).join('\n');
    const started = performance.now();
    const report = explainText(text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(report.causes.map((c) => c.id).sort()).toEqual(['INS005', 'SQL007']);
    expect(report.causes[0]?.lines).toHaveLength(20);
  });
});
