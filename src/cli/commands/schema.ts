import { explainJsonSchema } from '../../explain/report.js';
import { factsBundleJsonSchema } from '../../facts/bundle.js';
import { planJsonSchema } from '../../plan/json-schema.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export function runSchemaCommand(which: string, io: CliIo): ExitCode {
  const schema = which === 'plan' ? planJsonSchema() : which === 'explain' ? explainJsonSchema() : factsBundleJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return ExitCode.ok;
}
