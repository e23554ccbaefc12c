import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPlan, PlanError, type LoadedPlan, type PlanProblem } from '../../plan/load.js';
import { shortText } from '../../plan/input-file.js';
import { secretUses } from '../../plan/secret-refs.js';
import { allRules, findRule } from '../../rules/index.js';
import { createSecretStore, SecretError, type SecretStore } from '../../secrets/resolve.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeError } from '../output.js';

/** Loads the plan and checks what the schema cannot: that suppressions and overrides name real rules. */
export async function loadCheckedPlan(file: string): Promise<LoadedPlan> {
  const loaded = await loadPlan(file);
  const problems: PlanProblem[] = [];
  const unknown = (path: string, id: string): void => {
    const pos = loaded.source.positionOf(path);
    problems.push({
      file: loaded.source.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path,
      message: `unknown rule "${shortText(id)}"; entra-preflight rules lists the rule ids`,
    });
  };
  loaded.plan.suppressions.forEach((s, i) => {
    if (findRule(s.rule) === undefined) unknown(`suppressions[${i}].rule`, s.rule);
  });
  for (const id of Object.keys(loaded.plan.severity)) if (findRule(id) === undefined) unknown(`severity.${id}`, id);
  if (problems.length > 0) throw new PlanError(problems);
  return loaded;
}

export function checkRuleIds(ids: readonly string[], option: string): string[] {
  return ids.map((id) => {
    const rule = findRule(id);
    if (rule === undefined) throw new UsageError(`${option} ${shortText(id)}: unknown rule; entra-preflight rules lists the ${allRules.length} rule ids`);
    return rule.meta.id;
  });
}

/**
 * Resolves every secret the plan references before any probe runs, so that all missing
 * environment variables or files are reported together, naming the plan field.
 */
export async function resolvePlanSecrets(loaded: LoadedPlan, io: CliIo): Promise<SecretStore> {
  const store = createSecretStore({ planDir: loaded.source.dir, env: io.env, ...(io.prompt ? { prompt: io.prompt } : {}) });
  const problems: string[] = [];
  for (const use of secretUses(loaded.plan)) {
    try {
      await store.resolve(use.ref, use.path);
    } catch (error) {
      if (error instanceof SecretError) {
        const pos = loaded.source.positionOf(use.path);
        problems.push(`${loaded.source.file}${pos ? `:${pos.line}:${pos.column}` : ''}: ${error.message}`);
      }
      else throw error;
    }
  }
  if (problems.length > 0) throw new SecretError(problems.join('\n'));
  return store;
}

/** The plan's path as SARIF and reports show it: relative to the working folder, forward slashes. */
/**
 * The plan as reports name it: relative to the working folder when it lies below it (what code
 * scanning expects: a path from the repository root), otherwise an absolute file: URI. A bare
 * absolute path is not one: on Windows "C:/x/plan.yaml" would read as a URI with scheme "c".
 */
export function planUri(loaded: LoadedPlan, cwd: string): string {
  const rel = relative(cwd, loaded.source.absolutePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(loaded.source.absolutePath).href;
  return rel.split(sep).join('/');
}

export function timeoutMs(seconds: number | undefined, loaded: LoadedPlan): number {
  return Math.round((seconds ?? loaded.plan.timeouts.probeSeconds) * 1000);
}

/** Writes a report or bundle; a bad path is the user's to fix, so it is a usage error naming it. */
export async function writeOutput(io: CliIo, path: string, text: string): Promise<void> {
  try {
    await io.writeFile(path, text);
  } catch (error) {
    throw writeError(path, error);
  }
}
