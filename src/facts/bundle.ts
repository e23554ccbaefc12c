import { createHash } from 'node:crypto';
import writeFileAtomic from 'write-file-atomic';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { INPUT_LIMITS, InputFileError, readInputText, shortText, shortValue } from '../plan/input-file.js';
import type { Plan } from '../plan/schema.js';
import { VERSION } from '../version.js';
import { BUNDLE_KIND, BUNDLE_SCHEMA_VERSION, bundleSchema, type Facts, type FactsBundle } from './schema.js';

export class BundleError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
    this.name = 'BundleError';
  }
}

/** The bundle's JSON Schema, generated from the zod model so the two cannot disagree. */
export function factsBundleJsonSchema(): Record<string, unknown> {
  return { $id: 'urn:entra-preflight:schema:facts-bundle:v1', title: 'entra-preflight facts bundle', ...z.toJSONSchema(bundleSchema) } as Record<string, unknown>;
}

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

let compiled: Validator | undefined;
/**
 * The ajv validator, needed only to explain a bundle zod rejected. The build precompiles it
 * (scripts/build-validators.mjs → dist/facts/bundle-validator.cjs), so the CLI never compiles the
 * schema at run time; only a run from the sources (tests through vite) falls back to compiling.
 */
function validator(): Validator {
  if (compiled !== undefined) return compiled;
  const require = createRequire(import.meta.url);
  try {
    compiled = require('./bundle-validator.cjs') as Validator;
  } catch {
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
    compiled = new Ajv({ allErrors: true, strict: false }).compile(factsBundleJsonSchema());
  }
  return compiled;
}

function describeAjvError(e: ErrorObject): string {
  const at = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).replace(/\//g, '.');
  switch (e.keyword) {
    case 'additionalProperties':
      return `${shortText(at, 120)}: unknown field "${shortText(String((e.params as { additionalProperty: string }).additionalProperty))}"`;
    case 'required':
      return `${shortText(at, 120)}: missing field "${String((e.params as { missingProperty: string }).missingProperty)}"`;
    case 'const':
      return `${shortText(at, 120)}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'enum':
      return `${shortText(at, 120)}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${shortText(at, 120)}: ${shortText(e.message ?? e.keyword, 120)}`;
  }
}

/**
 * Validates a parsed bundle. Errors name the JSON path; unions (ok/failed/skipped) produce one
 * error per branch in ajv, so only the most specific few are kept to stay readable.
 */
export function validateBundle(data: unknown, file: string): FactsBundle {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new BundleError(file, ['not a facts bundle: expected a JSON object written by entra-preflight collect']);
  const record = data as Record<string, unknown>;
  if (record['kind'] !== BUNDLE_KIND)
    throw new BundleError(file, [`not a facts bundle: "kind" must be "${BUNDLE_KIND}" (write one with entra-preflight collect)`]);
  if (record['schemaVersion'] !== BUNDLE_SCHEMA_VERSION)
    throw new BundleError(file, [
      `bundle schema version ${shortValue(record['schemaVersion'])} is not supported by entra-preflight ${VERSION} (expects ${BUNDLE_SCHEMA_VERSION}); collect it again with this version`,
    ]);
  // zod gives the typed value and is the stricter check; a valid bundle needs nothing else.
  const parsed = bundleSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  // Rejected: ajv's errors name JSON paths and unknown fields more readably than zod's union errors.
  const validate = validator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    // oneOf/anyOf branches repeat themselves; keep distinct messages, deepest paths first.
    const lines = [...new Set(errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf').map(describeAjvError))];
    lines.sort((a, b) => b.split('.').length - a.split('.').length);
    throw new BundleError(file, lines.slice(0, 8).concat(lines.length > 8 ? [`… and ${lines.length - 8} more problems`] : []));
  }
  throw new BundleError(file, parsed.error.issues.slice(0, 8).map((i) => `${shortText(i.path.join('.') || '(top level)', 120)}: ${shortText(i.message, 120)}`));
}

export async function readBundle(file: string): Promise<FactsBundle> {
  let text: string;
  try {
    text = await readInputText(file, INPUT_LIMITS.bundle);
  } catch (error) {
    if (error instanceof InputFileError) throw new BundleError(file, [`cannot read facts bundle: ${error.reason}`]);
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BundleError(file, [`not valid JSON: ${shortText((error as Error).message, 120)}`]);
  }
  try {
    return validateBundle(data, file);
  } catch (error) {
    // ajv and zod recurse: a bundle nested thousands of levels deep overflows the stack.
    if (error instanceof RangeError) throw new BundleError(file, ['not a facts bundle: nested far deeper than any bundle collect writes']);
    throw error;
  }
}

/** Stable digest of the parsed plan (defaults applied, keys sorted), to tell whether a bundle matches a plan. */
export function planDigest(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}

/** The environment a plan points at: what a bundle must share with the plan it is evaluated with. */
export interface PlanEnvironment {
  readonly forests: string[];
  readonly hosts: string[];
  readonly tenant?: string;
}

export function planEnvironment(plan: Plan): PlanEnvironment {
  const hosts = new Set<string>();
  const add = (h: string | undefined): void => {
    if (h !== undefined && h !== '') hosts.add(h.toLowerCase().replace(/\.$/, ''));
  };
  for (const forest of plan.forests) for (const dc of forest.domainControllers) add(dc);
  if (plan.install.sql.mode === 'existing') add(plan.install.sql.server);
  if (plan.adfs !== undefined) {
    add(plan.adfs.federationServiceName);
    for (const h of [...plan.adfs.servers, ...plan.adfs.wapServers]) add(h);
  }
  if (plan.pingFederate !== undefined) {
    try {
      add(new URL(plan.pingFederate.serverUrl).hostname);
    } catch {
      // the plan schema has checked it is a URL
    }
  }
  add(plan.syncServer?.fqdn);
  const tenant = plan.tenant.initialDomain?.toLowerCase();
  return {
    forests: [...new Set(plan.forests.map((f) => f.name.toLowerCase()))].sort(),
    hosts: [...hosts].sort(),
    ...(tenant !== undefined ? { tenant } : {}),
  };
}

/** Plan parts that are neither wizard choices nor environment: differences there are not worth a word. */
const notChoices = new Set(['version', 'name', 'timeouts', 'severity', 'suppressions']);

/** A digest per wizard-choice section (each forest apart, by name), to name which choices differ. */
export function planSections(plan: Plan): Record<string, string> {
  const out: Record<string, string> = {};
  const digest = (v: unknown): string => createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, 16);
  for (const [key, value] of Object.entries(plan)) {
    if (notChoices.has(key) || value === undefined) continue;
    if (key === 'forests') for (const f of plan.forests) out[`forests[${f.name.toLowerCase()}]`] = digest(f);
    else out[key] = digest(value);
  }
  return out;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function makeBundle(plan: Plan, planFile: string, facts: Facts, collectedAt: Date, identities: 'kept' | 'pseudonymized'): FactsBundle {
  return {
    kind: BUNDLE_KIND,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    tool: { name: 'entra-preflight', version: VERSION },
    collectedAt: collectedAt.toISOString(),
    plan: { file: basename(planFile), digest: planDigest(plan), environment: planEnvironment(plan), sections: planSections(plan) },
    redaction: { secrets: 'removed', identities },
    facts,
  };
}

export async function writeBundle(file: string, bundle: FactsBundle): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(bundle, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
}
