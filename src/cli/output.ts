import { randomBytes } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './exit-codes.js';

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'EROFS' ? 'read-only file system' : code === 'ENOTDIR' ? 'a part of its path is not a folder' : code;
}

/**
 * Checks that `path` can be written, before any probe runs (a bad --output must not cost the
 * whole probe time and then lose the report): the target is not a folder, and a file can really be
 * created in its folder (a scratch file, removed at once — access(2) says yes to root on a
 * read-only mount).
 */
export async function assertWritable(path: string, option: string): Promise<void> {
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError(`cannot write ${option} ${path}: it is a folder`);
  const scratch = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.check`);
  try {
    const handle = await open(scratch, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    throw new UsageError(`cannot write ${option} ${path}: ${why(error)}`);
  }
  await unlink(scratch).catch(() => undefined);
}

/**
 * Writes a report or bundle atomically: a temporary file in the same folder, then a rename, mode
 * 0600 on POSIX (reports and bundles name users and hosts). A failed write leaves any earlier file
 * as it was and no truncated file behind. write-file-atomic (npm's own) does exactly this.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text, { encoding: 'utf8', mode: 0o600 });
}

/** Maps a write error to a usage error naming the file. */
export function writeError(path: string, error: unknown): UsageError {
  return new UsageError(`cannot write ${path}: ${why(error)}`);
}
