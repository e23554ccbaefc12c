import { z } from 'zod';
import type { CheckResult } from '../engine/result.js';
import { incompleteSummary, summarize } from './summary.js';
import type { Reporter } from './types.js';

export const JSON_REPORT_VERSION = 1;

const locationSchema = z.strictObject({
  planPath: z.string().optional(),
  forest: z.string().optional(),
  domain: z.string().optional(),
  dn: z.string().optional(),
  host: z.string().optional(),
  sqlInstance: z.string().optional(),
  object: z.string().optional(),
});

/**
 * The JSON report's own documented, versioned shape. A consumer should check `schemaVersion`;
 * fields are only added within a version, never removed or renamed.
 */
export const jsonReportSchema = z.strictObject({
  schemaVersion: z.literal(JSON_REPORT_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  mode: z.enum(['live', 'offline']),
  plan: z.strictObject({ file: z.string() }),
  startedAt: z.string(),
  durationMs: z.number(),
  summary: z.strictObject({
    error: z.number().int(),
    warning: z.number().int(),
    note: z.number().int(),
    suppressed: z.number().int(),
    unchanged: z.number().int(),
    notEvaluated: z.number().int().describe('rules with at least one subject not evaluated'),
    rulesRun: z.number().int(),
    rulesPassed: z.number().int(),
    notGathered: z.number().int().describe('rules with at least one subject whose facts could not be gathered'),
    notRequested: z.number().int().describe('rules with at least one subject not evaluated because the plan did not give an input'),
    incomplete: z.boolean().describe('some applicable rule could not be evaluated because gathering failed (exit 4 unless --allow-incomplete)'),
  }),
  findings: z.array(
    z.strictObject({
      ruleId: z.string(),
      ruleName: z.string(),
      severity: z.enum(['error', 'warning', 'note']),
      page: z.string(),
      messageId: z.string(),
      message: z.string(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
      location: locationSchema,
      fingerprint: z.string(),
      remediation: z.string(),
      suppression: z.strictObject({ kind: z.enum(['plan', 'baseline']), reason: z.string(), expires: z.string().optional() }).optional(),
      baselineState: z.enum(['new', 'unchanged']).optional(),
    }),
  ),
  notEvaluated: z.array(
    z.strictObject({
      ruleId: z.string(),
      fact: z.string(),
      location: locationSchema,
      host: z.string().optional(),
      kind: z.string().optional(),
      reason: z.string(),
      hint: z.string().optional(),
    }),
  ),
  outcomes: z.array(
    z.strictObject({
      ruleId: z.string(),
      status: z.enum(['failed', 'passed', 'not-evaluated', 'not-requested', 'partial', 'not-applicable', 'disabled']),
      why: z.string().optional(),
      findings: z.number().int(),
    }),
  ),
  gatheringGaps: z
    .array(
      z.strictObject({
        area: z.string(),
        host: z.string().optional(),
        kind: z.string(),
        reason: z.string(),
        nextStep: z.string(),
        rules: z.array(z.string()),
      }),
    )
    .describe('what could not be gathered (area, host, reason, next step): why the run is incomplete'),
  notices: z.array(z.string()),
});
export type JsonReport = z.infer<typeof jsonReportSchema>;

export function jsonReportJsonSchema(): Record<string, unknown> {
  return { $id: 'urn:entra-preflight:schema:report:v1', title: 'entra-preflight JSON report', ...z.toJSONSchema(jsonReportSchema) } as Record<string, unknown>;
}

export function toJsonReport(result: CheckResult): JsonReport {
  return {
    schemaVersion: JSON_REPORT_VERSION,
    tool: result.tool,
    mode: result.mode,
    plan: result.plan,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    summary: summarize(result),
    findings: result.findings.map((f) => ({ ...f, data: f.data as JsonReport['findings'][number]['data'], location: { ...f.location } })),
    notEvaluated: result.notEvaluated.map((n) => ({ ...n, location: { ...n.location } })),
    outcomes: [...result.outcomes],
    gatheringGaps: incompleteSummary(result).map((g) => ({ ...g, rules: [...g.rules] })),
    notices: [...result.notices],
  };
}

export const jsonReporter: Reporter = ({ result }) => `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
