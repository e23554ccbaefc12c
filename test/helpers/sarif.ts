import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';
import { expect } from 'vitest';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const schema = JSON.parse(readFileSync(new URL('../../fixtures/schemas/sarif-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validate = ajv.compile(schema);

/**
 * Validates against the official SARIF 2.1.0 schema, then checks what GitHub code scanning requires
 * beyond it (shared/NOTES.md): a physical location on every result, ruleIndex matching ruleId,
 * security-severity as a "0.0"–"10.0" string, our own partialFingerprints, unique rule ids.
 */
export function assertValidSarif(doc: unknown): asserts doc is Sarif.Log {
  const ok = validate(doc);
  expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message ?? ''}`)).toEqual([]);
  const log = doc as Sarif.Log;
  for (const run of log.runs) {
    const rules = run.tool.driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      const sev = (rule.properties as Record<string, unknown> | undefined)?.['security-severity'];
      if (sev !== undefined) {
        expect(typeof sev).toBe('string');
        expect(Number(sev)).toBeGreaterThanOrEqual(0);
        expect(Number(sev)).toBeLessThanOrEqual(10);
      }
      expect(rule.help?.text.length ?? 0).toBeGreaterThan(0);
    }
    expect(run.automationDetails?.id).toBeTruthy();
    for (const result of run.results ?? []) {
      expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBeTruthy();
      expect(result.ruleIndex).toBeDefined();
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(Object.keys(result.partialFingerprints ?? {}).length).toBeGreaterThan(0);
    }
  }
}
