import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/engine/baseline.js';
import { failingFindings } from '../../src/engine/gate.js';
import type { Finding } from '../../src/engine/result.js';
import { jsonReportJsonSchema } from '../../src/reporters/json.js';
import { fillRemediation } from '../../src/reporters/present.js';
import { reporters } from '../../src/reporters/index.js';
import { escapeMarkdown } from '../../src/reporters/markdown.js';
import { assertValidSarif } from '../helpers/sarif.js';
import { fixtureInput, fixtureResult } from './fixture.js';

describe('SARIF reporter', () => {
  const log = JSON.parse(reporters.sarif(fixtureInput())) as import('sarif').Log;

  it('validates against the official SARIF 2.1.0 schema and GitHub code scanning rules', () => {
    assertValidSarif(log);
  });

  it('points results at the plan line and keeps the environment object in logicalLocations', () => {
    const r = log.runs[0]?.results?.[0];
    expect(r?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'deploy/plan.yaml', index: 0 }, region: { startLine: 12 } });
    expect(r?.locations?.[0]?.logicalLocations).toEqual([
      { name: 'contoso.com', fullyQualifiedName: 'forest:contoso.com', kind: 'namespace' },
      { name: 'CN=svc,DC=contoso,DC=com', fullyQualifiedName: 'dn:CN=svc,DC=contoso,DC=com', kind: 'object' },
    ]);
    expect(r?.level).toBe('error');
    expect(log.runs[0]?.results?.[1]?.level).toBe('warning');
  });

  it('describes rules from metadata, with security-severity only on security rules', () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['TST001', 'TST002', 'TST003']);
    expect(rules[0]?.helpUri).toBe('https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom');
    expect(rules[0]?.help?.markdown).toContain('(https://learn.microsoft.com/');
    expect(rules[0]?.properties?.['security-severity']).toBe('7.5');
    expect(rules[1]?.properties?.['security-severity']).toBeUndefined();
  });

  it('reports "not evaluated" as a tool execution notification naming rule, host and reason', () => {
    const notes = log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes[0]?.associatedRule).toEqual({ id: 'TST002', index: 1 });
    expect(notes[0]?.message.text).toBe('TST002 not evaluated for contoso.com, dc1.contoso.com: ldap.rootDse could not be gathered from dc1.contoso.com:636: no answer within 15 s');
    expect(notes.map((n) => n.message.text)).toContain('probe sql did not finish');
  });

  it('keeps fingerprints stable across runs and distinct per subject', () => {
    const again = JSON.parse(reporters.sarif(fixtureInput())) as import('sarif').Log;
    const fps = (l: import('sarif').Log): unknown[] => (l.runs[0]?.results ?? []).map((r) => r.partialFingerprints);
    expect(fps(again)).toEqual(fps(log));
    expect(new Set(fps(log).map((f) => JSON.stringify(f))).size).toBe(2);
  });

  it('marks plan suppressions as external, accepted, with the reason', () => {
    const suppressed = JSON.parse(reporters.sarif(fixtureInput(fixtureResult(true)))) as import('sarif').Log;
    assertValidSarif(suppressed);
    expect(suppressed.runs[0]?.results?.[1]?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted until migration' }]);
    expect(suppressed.runs[0]?.results?.[0]?.suppressions).toBeUndefined();
  });
});

describe('baseline and gate', () => {
  it('marks findings already in a previous SARIF as unchanged, and they no longer fail the run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-baseline-'));
    const previous = join(dir, 'previous.sarif');
    // The previous run had only the first finding.
    const prevLog = JSON.parse(reporters.sarif(fixtureInput())) as import('sarif').Log;
    prevLog.runs[0]!.results = prevLog.runs[0]!.results!.slice(0, 1);
    await writeFile(previous, JSON.stringify(prevLog));
    const result = await applyBaseline(fixtureResult(), previous);
    expect(result.findings.map((f) => f.baselineState)).toEqual(['unchanged', 'new']);
    expect(failingFindings(result, 'error')).toHaveLength(0);
    expect(failingFindings(result, 'warning').map((f) => f.baselineState)).toEqual(['new']);
    const sarif = JSON.parse(reporters.sarif(fixtureInput(result))) as import('sarif').Log;
    assertValidSarif(sarif);
    expect(sarif.runs[0]?.results?.map((r) => r.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('rejects a baseline that is not SARIF, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ep-baseline-'));
    await writeFile(join(dir, 'x.json'), '{"a":1}');
    await expect(applyBaseline(fixtureResult(), join(dir, 'x.json'))).rejects.toThrow(`${join(dir, 'x.json')}: not a SARIF 2.1.0 report`);
  });

  it('fails on severity at or above --fail-on, never for suppressed findings or --fail-on never', () => {
    const result = fixtureResult(true);
    expect(failingFindings(result, 'error')).toHaveLength(1);
    expect(failingFindings(result, 'note')).toHaveLength(1); // the warning one is suppressed
    expect(failingFindings(result, 'never')).toHaveLength(0);
  });
});

describe('text reporter', () => {
  it('ESLint-stylish: one line per finding with severity, id, message and plan.yaml:LINE:COL, an indented fix, then the headline', () => {
    const text = reporters.text(fixtureInput());
    const lines = text.split('\n');
    expect(text).not.toMatch(/\u001b\[/);
    expect(text.indexOf('Connect your directories')).toBeGreaterThanOrEqual(0);
    const i = lines.findIndex((l) => l.includes('Account CORP\\svc is in Domain Admins'));
    // Severity, rule id, message, then where: the plan choice's position and the object the message does not name.
    expect(lines[i]).toBe('  error    TST001   Account CORP\\svc is in Domain Admins <&"|*>  deploy/plan.yaml:12:7  forest contoso.com, CN=svc,DC=contoso,DC=com');
    expect(lines[i + 1]).toBe(`${' '.repeat(20)}fix: Do the thing that fixes it.`);
    expect(text).toContain('? TST002 — forest contoso.com, host dc1.contoso.com: dc1.contoso.com:636: no answer within 15 s');
    // A timeout says what to do about it.
    expect(text).toContain('to do: check that this machine can reach the host (firewall, routing), or raise --timeout, then run again');
    // TST002's fact timed out: the run is incomplete, and says so in the headline.
    expect(text.trimEnd().split('\n').pop()).toBe('✖ INCOMPLETE — 1 error, 1 warning, 0 notes, 1 rule not evaluated — 3 rules run on an offline facts bundle (plan.yaml)');
    expect(text).toContain(
      'INCOMPLETE: some facts could not be gathered, so the rules that need them were not evaluated\n  Active Directory (LDAP) could not be gathered — dc1.contoso.com:636: no answer within 15 s (1 rule: TST002); next step: check that the host is up',
    );
  });

  it('uses ANSI colour only when asked', () => {
    expect(reporters.text(fixtureInput(fixtureResult(), true))).toMatch(/\u001b\[31m/);
  });

  it('lists suppressed findings apart with the reason', () => {
    const text = reporters.text(fixtureInput(fixtureResult(true)));
    expect(text).toContain('Accepted (suppressed or already in the baseline)');
    expect(text).toContain('suppressed: accepted until migration');
  });
});

describe('remediation placeholders', () => {
  const finding = (remediation: string, data: Record<string, unknown>, location: Record<string, string> = {}): Finding =>
    ({ ...fixtureResult().findings[0], remediation, data, location }) as Finding;

  it('fills the SPN as found (http/ or host/), its holder and the forest', () => {
    const r = 'Remove the SPN (setspn -D host/<fs-name> <account>); find all holders with setspn -Q host/<fs-name>. Target <forest>.';
    expect(fillRemediation(finding(r, { spn: 'http/sts.contoso.com', holder: 'svc-web01 (CN=svc-web01,DC=contoso,DC=com)' }, { forest: 'contoso.com' }))).toBe(
      'Remove the SPN (setspn -D http/sts.contoso.com svc-web01); find all holders with setspn -Q http/sts.contoso.com. Target contoso.com.',
    );
    expect(fillRemediation(finding(r, { spn: 'host/sts.contoso.com', holders: ['a', 'b'] }))).toContain('setspn -D host/sts.contoso.com a / b');
  });

  it('leaves a placeholder the finding cannot fill', () => {
    expect(fillRemediation(finding('use sync-admin@<tenant>.onmicrosoft.com', {}))).toBe('use sync-admin@<tenant>.onmicrosoft.com');
  });
});

describe('JSON reporter', () => {
  it('matches its documented JSON Schema', () => {
    const doc: unknown = JSON.parse(reporters.json(fixtureInput(fixtureResult(true))));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(jsonReportJsonSchema());
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 1, summary: { error: 1, warning: 0, suppressed: 1, notEvaluated: 1 } });
  });
});

describe('JUnit reporter', () => {
  it('has one test case per rule: failure, error (gathering failed) and pass', () => {
    const xml = reporters.junit(fixtureInput());
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testsuite: { '@_name': string; testcase: Record<string, unknown>[] }[] };
    };
    expect(doc.testsuites['@_tests']).toBe('3');
    expect(doc.testsuites['@_failures']).toBe('1');
    expect(doc.testsuites['@_errors']).toBe('1');
    expect(doc.testsuites['@_skipped']).toBe('0');
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const byName = new Map(cases.map((c) => [c['@_name'] as string, c]));
    expect(byName.get('TST001 connector-thing')).toHaveProperty('failure');
    expect(String((byName.get('TST001 connector-thing')?.['failure'] as Record<string, unknown>)['@_message'])).toBe('Account CORP\\svc is in Domain Admins <&"|*>');
    expect((byName.get('TST002 needs-ldap')?.['error'] as Record<string, unknown>)['@_message']).toBe('not evaluated: ldap.rootDse from dc1.contoso.com:636: no answer within 15 s');
    // The warning finding of TST001 is below --fail-on error but shown with the failure's text.
    expect(String((byName.get('TST001 connector-thing')?.['failure'] as Record<string, unknown>)['#text'])).not.toContain('svc2');
    expect(String(byName.get('TST001 connector-thing')?.['system-out'])).toContain('[warning] Account CORP\\svc2 is in Enterprise Admins');
    expect(byName.get('TST003 always-fine')).not.toHaveProperty('failure');
    expect(byName.get('TST003 always-fine')).not.toHaveProperty('skipped');
    // Suites follow wizard order.
    expect(doc.testsuites.testsuite.map((s) => s['@_name'])).toEqual(['Install required components', 'User sign-in', 'Connect your directories']);
  });
});

describe('Markdown reporter', () => {
  it('has a summary table, findings per page and escapes table-breaking characters', () => {
    const md = reporters.markdown(fixtureInput());
    expect(md).toContain('| 1 | 1 | 0 | 1 | 0 | 0 |');
    expect(md).toContain('### Connect your directories');
    expect(md).toContain('Domain Admins \\<&"\\|\\*\\>');
    expect(md).toContain('### Not evaluated');
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
  });
});

describe('the SARIF validation helper itself', () => {
  it('rejects what the schema rejects (level "fatal") and what GitHub rejects (no physical location)', () => {
    const log = JSON.parse(reporters.sarif(fixtureInput())) as import('sarif').Log;
    const fatal = structuredClone(log);
    (fatal.runs[0]!.results![0] as { level: string }).level = 'fatal';
    expect(() => assertValidSarif(fatal)).toThrow();
    const noLocation = structuredClone(log);
    delete noLocation.runs[0]!.results![0]!.locations;
    expect(() => assertValidSarif(noLocation)).toThrow();
  });
});

describe('SARIF links', () => {
  it('points at no page that does not exist: no informationUri (unpublished), helpUri only from a rule\'s docs', () => {
    const sarif = JSON.parse(reporters.sarif(fixtureInput())) as { runs: { tool: { driver: { informationUri?: string; rules: { helpUri?: string }[] } } }[] };
    const driver = sarif.runs[0]?.tool.driver;
    expect(driver?.informationUri).toBeUndefined();
    expect(driver?.rules.map((r) => r.helpUri)).toEqual(['https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom', undefined, undefined]);
  });
});
