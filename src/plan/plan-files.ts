import { X509Certificate } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { formatBytes, InputFileError } from './input-file.js';
import { PlanError, type LoadedPlan, type PlanProblem } from './load.js';
import { planFiles, planSchema, type PlanFileMeta } from './schema.js';

/** A file the plan names: where (plan path), what it says (as written) and what it must hold. */
export interface PlanFileUse {
  readonly path: string;
  readonly file: string;
  readonly kind: PlanFileMeta['kind'];
}

/** Certificates and CA bundles are small; a larger file is almost certainly the wrong one. */
export const PLAN_FILE_LIMITS: Record<PlanFileMeta['kind'], number> = {
  'ca-pem': 1024 * 1024,
  certificate: 1024 * 1024,
  // MigratedPolicy.json of a large deployment; the settings probe reads each file with its own cap.
  settings: 64 * 1024 * 1024,
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every file the plan names, found by walking the plan schema beside the parsed plan: a field built
 * with `planFile` (registered in `planFiles`) that holds a string is a file use. No hand list: a
 * new file field is found as soon as it is declared with `planFile`.
 */
export function planFileUses(plan: unknown, schema: z.ZodType = planSchema): PlanFileUse[] {
  const uses: PlanFileUse[] = [];
  const walk = (node: z.ZodType, value: unknown, path: string): void => {
    if (value === undefined || value === null) return;
    const meta = planFiles.get(node);
    if (meta !== undefined) {
      if (typeof value === 'string') uses.push({ path, file: value, kind: meta.kind });
      return;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object':
        if (typeof value === 'object' && !Array.isArray(value))
          for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, (value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
        return;
      case 'array':
        if (Array.isArray(value) && def.element) value.forEach((item, i) => walk(def.element as z.ZodType, item, `${path}[${i}]`));
        return;
      case 'record':
        if (typeof value === 'object' && def.valueType)
          for (const [key, item] of Object.entries(value as Record<string, unknown>)) walk(def.valueType, item, `${path}.${key}`);
        return;
      case 'union':
        // The option the value parsed as (discriminated unions: the one its discriminator names).
        for (const option of def.options ?? [])
          if (option.safeParse(value).success) {
            walk(option, value, path);
            return;
          }
        return;
      case 'pipe':
        if (def.in) walk(def.in, value, path);
        return;
      case 'lazy':
        if (def.getter) walk(def.getter(), value, path);
        return;
      default:
        if (def.innerType) walk(def.innerType, value, path); // optional, default, nullable, readonly, catch, prefault
    }
  };
  walk(schema, plan, '');
  return uses;
}

/** Why a named file cannot serve, or undefined when it can. Reads at most the kind's size limit. */
export async function planFileProblem(use: PlanFileUse, planDir: string): Promise<string | undefined> {
  const path = isAbsolute(use.file) ? use.file : resolve(planDir, use.file);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${path}: ${code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : String(code)}; ${fixHint(use)}`;
  }
  if (use.kind === 'settings' && info.isDirectory()) {
    try {
      await readdir(path);
    } catch (error) {
      return `${path}: the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); give this user read access to it`;
    }
    return undefined;
  }
  if (info.isDirectory()) return `${path}: is a folder, not a file; ${fixHint(use)}`;
  const limit = PLAN_FILE_LIMITS[use.kind];
  let bytes: Buffer;
  try {
    bytes = await readBytes(path, limit);
  } catch (error) {
    if (error instanceof InputFileError) return `${path}: ${error.reason}${error.reason.startsWith('larger') ? '; is this the right file?' : `; ${fixHint(use)}`}`;
    throw error;
  }
  if (bytes.length === 0) return `${path}: the file is empty; ${fixHint(use)}`;
  switch (use.kind) {
    case 'ca-pem': {
      const certificates = pemCertificates(bytes);
      if (certificates === undefined) return `${path}: not a PEM file with CA certificates (no -----BEGIN CERTIFICATE----- block); ${fixHint(use)}`;
      if (typeof certificates === 'string') return `${path}: ${certificates}; ${fixHint(use)}`;
      return undefined;
    }
    case 'certificate': {
      const text = bytes.toString('latin1');
      if (text.includes('-----BEGIN ')) {
        const certificates = pemCertificates(bytes);
        if (certificates === undefined) return `${path}: a PEM file without a certificate (no -----BEGIN CERTIFICATE----- block); ${fixHint(use)}`;
        if (typeof certificates === 'string') return `${path}: ${certificates}; ${fixHint(use)}`;
        return undefined;
      }
      // PKCS#12 is DER: an ASN.1 SEQUENCE (0x30). The password is checked when the probe opens it.
      if (bytes[0] !== 0x30) return `${path}: neither a PEM file nor a PFX (PKCS#12) file; ${fixHint(use)}`;
      return undefined;
    }
    case 'settings':
      try {
        JSON.parse(stripBom(bytes.toString('utf8')));
      } catch {
        return `${path}: not JSON; name the copied Exported-ServerConfiguration-* folder or the MigratedPolicy.json inside it`;
      }
      return undefined;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The certificates of a PEM file; undefined when it has no CERTIFICATE block; a string when one does not parse. */
function pemCertificates(bytes: Buffer): X509Certificate[] | string | undefined {
  const blocks = bytes.toString('latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks === null) return undefined;
  const certificates: X509Certificate[] = [];
  for (const [i, block] of blocks.entries()) {
    try {
      certificates.push(new X509Certificate(block));
    } catch {
      return `certificate ${i + 1} of ${blocks.length} in the PEM file does not parse`;
    }
  }
  return certificates;
}

function fixHint(use: PlanFileUse): string {
  switch (use.kind) {
    case 'ca-pem':
      return `fix ${use.path} to name the PEM file with the CA certificate(s) (paths are relative to the plan's folder), or remove it`;
    case 'certificate':
      return `fix ${use.path} to name the PFX or PEM certificate file (paths are relative to the plan's folder)`;
    case 'settings':
      return `copy the Exported-ServerConfiguration-* folder here and fix ${use.path} (paths are relative to the plan's folder)`;
  }
}

async function readBytes(path: string, limit: number): Promise<Buffer> {
  // Like readInputText (same limit wording), but for bytes: a PFX is binary.
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : String(code ?? error));
  }
  try {
    const info = await handle.stat();
    if (info.size > limit) throw new InputFileError(`larger than the limit of ${formatBytes(limit)}`);
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new InputFileError(`larger than the limit of ${formatBytes(limit)}`);
      if (total === buffer.length) break;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

/**
 * Checks every file the plan names before any probe runs; all problems are reported together,
 * each naming the plan field (with its line), the path and what to do. Exit 2 (PlanError).
 */
export async function checkPlanFiles(loaded: LoadedPlan): Promise<void> {
  const problems: PlanProblem[] = [];
  for (const use of planFileUses(loaded.plan)) {
    const problem = await planFileProblem(use, loaded.source.dir);
    if (problem === undefined) continue;
    const pos = loaded.source.positionOf(use.path);
    problems.push({ file: loaded.source.file, ...(pos ? { line: pos.line, column: pos.column } : {}), path: use.path, message: problem });
  }
  if (problems.length > 0) throw new PlanError(problems);
}
