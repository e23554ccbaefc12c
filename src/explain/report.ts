import { z } from 'zod';

/**
 * The shape of `explain --format json` (also `entra-preflight schema explain`). One entry per
 * distinct cause, with the input lines that matched it.
 */
export const explainCauseSchema = z.strictObject({
  id: z.string().describe('Rule id, or the id of a known cause no rule checks yet (HOST-…, CLOUD-…)'),
  rules: z
    .array(z.strictObject({ id: z.string(), name: z.string(), title: z.string(), severity: z.enum(['error', 'warning', 'note']) }))
    .describe('The rule(s) that check this cause before the wizard; empty for a known cause'),
  title: z.string(),
  confidence: z.enum(['high', 'medium', 'low']).describe('high: an error code or a whole known message matched; medium: most of a known message; low: related words only'),
  score: z.number(),
  cause: z.string().describe('The likely cause, in one line'),
  fix: z.string(),
  page: z.string().describe('The wizard page where it shows (or is decided)'),
  checkedBeforeInstall: z.boolean().describe('false: no rule can check it before the wizard yet'),
  needs: z.enum(['sync server', 'cloud', 'after install']).nullable().describe('For a known cause: what a check would need'),
  confirm: z.string().nullable().describe('The command that checks it before installing (check --rule …)'),
  source: z.string().nullable().describe('For a known cause: the page that documents it'),
  docs: z.string().nullable(),
  matchedBy: z.array(z.string()).describe('Codes, known texts and words that matched'),
  lines: z.array(z.number().int().positive()).describe('Input lines (1-based) of the records that matched this cause'),
  excerpt: z.string().describe('The first matching record, shortened'),
});
export type ExplainCause = z.infer<typeof explainCauseSchema>;

export const explainReportSchema = z.strictObject({
  version: z.literal(1),
  input: z.strictObject({
    format: z.enum(['message', 'trace-log', 'installer-log', 'event-text', 'event-csv', 'text']),
    lines: z.number().int().nonnegative(),
    records: z.number().int().nonnegative().describe('Records read (log entries, events, lines)'),
    errorRecords: z.number().int().nonnegative().describe('Records that report an error'),
  }),
  recognised: z.boolean(),
  causes: z.array(explainCauseSchema),
  unmatched: z
    .array(z.strictObject({ lines: z.array(z.number().int().positive()), text: z.string() }))
    .describe('Error records no cause matched (first 20)'),
  nextSteps: z.array(z.string()),
});
export type ExplainReport = z.infer<typeof explainReportSchema>;

export function explainJsonSchema(): Record<string, unknown> {
  return { $id: 'urn:entra-preflight:schema:explain:v1', title: 'entra-preflight explain report', ...z.toJSONSchema(explainReportSchema) } as Record<string, unknown>;
}
