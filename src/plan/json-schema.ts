import { z } from 'zod';
import { planSchema } from './schema.js';

/**
 * The plan's JSON Schema for editors (YAML language server: `# yaml-language-server: $schema=…`).
 * Generated from the zod schema, describing the plan as written (defaults make fields optional).
 */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:entra-preflight:schema:plan:v1',
    title: 'entra-preflight plan',
    ...z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }),
  } as Record<string, unknown>;
}
