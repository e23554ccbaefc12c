// The shipped JSON Schemas (schemas/*.json), generated from the zod models.
import { explainJsonSchema } from '../src/explain/report.js';
import { factsBundleJsonSchema } from '../src/facts/bundle.js';
import { planJsonSchema } from '../src/plan/json-schema.js';

export const shippedSchemas = {
  'schemas/plan.schema.json': planJsonSchema,
  'schemas/facts-bundle.schema.json': factsBundleJsonSchema,
  'schemas/explain.schema.json': explainJsonSchema,
} as const;

export function render(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
