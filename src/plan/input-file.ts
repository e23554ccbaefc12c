import { open } from 'node:fs/promises';

/** Size limits for input files, checked before parsing (a 50 MB plan once took 2 GB of memory). */
export const INPUT_LIMITS = {
  plan: 1024 * 1024,
  // A SARIF report carries every rule's descriptor (about 300 KB) plus ~1 KB per finding: 1 MiB
  // would refuse a real baseline with a few hundred findings.
  baseline: 4 * 1024 * 1024,
  bundle: 64 * 1024 * 1024,
} as const;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

/** Why an input file could not be read; the caller turns it into its own error (plan, bundle, baseline). */
export class InputFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InputFileError';
  }
}

/**
 * Reads a UTF-8 input file of at most `limit` bytes, refusing larger ones before reading them (and,
 * for a pipe or device that reports no size, as soon as the limit is passed). A UTF-8 byte order
 * mark, as Windows editors write it, is dropped.
 */
export async function readInputText(file: string, limit: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : String(code ?? error));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputFileError('is a folder, not a file');
    const tooLarge = (): InputFileError => new InputFileError(`larger than the limit of ${formatBytes(limit)}`);
    if (info.size > limit) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null).catch((error: NodeJS.ErrnoException) => {
        throw new InputFileError(error.code === 'EISDIR' ? 'is a folder, not a file' : String(error.code ?? error.message));
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge();
      chunks.push(buffer.subarray(0, bytesRead));
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    await handle.close();
  }
}

/** A value as error messages may echo it: JSON, cut to a short prefix (a 10 MB value must not reach stderr). */
export function shortValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text;
}

/** Cuts a string (a key, an id) the user wrote to a short prefix for an error message. */
export function shortText(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length} characters)` : text;
}
