import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve as resolvePath } from 'node:path';

/**
 * Reads a file the plan names (a caFile), relative to the plan's folder. Returns its bytes, or the
 * reason it cannot be read naming the plan field, so the probe can fail its facts with it.
 */
export async function readPlanFile(planDir: string, file: string, field: string): Promise<{ bytes: Buffer } | { error: string }> {
  const path = isAbsolute(file) ? file : resolvePath(planDir, file);
  try {
    return { bytes: await readFile(path) };
  } catch {
    return { error: `cannot read the CA file ${path} named in the plan (${field})` };
  }
}
