import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseSecretRef } from '../plan/secret.js';

export class SecretError extends Error {
  override name = 'SecretError';
}

export type PromptFn = (question: string) => Promise<string>;

export interface SecretStore {
  /** Resolves a reference; memoised so one prompt serves every probe that needs the same secret. */
  resolve(ref: string, purpose: string): Promise<string>;
  /** Every secret value resolved so far, so output can be scrubbed as a last line of defence. */
  values(): readonly string[];
}

export interface SecretStoreOptions {
  readonly planDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Present only for interactive runs (stdin is a TTY and CI is not set). */
  readonly prompt?: PromptFn;
}

export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const env = options.env ?? process.env;
  const cache = new Map<string, Promise<string>>();
  const resolved: string[] = [];

  async function load(ref: string, purpose: string): Promise<string> {
    const parsed = parseSecretRef(ref);
    switch (parsed.kind) {
      case 'env': {
        const value = env[parsed.name];
        if (value === undefined || value === '')
          throw new SecretError(`${purpose}: environment variable ${parsed.name} is not set (the plan says ${ref}); export it before running`);
        return value;
      }
      case 'file': {
        const path = isAbsolute(parsed.path) ? parsed.path : resolve(options.planDir, parsed.path);
        try {
          // Trailing newlines come from editors and `echo`; a password never ends in one.
          return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
          throw new SecretError(`${purpose}: cannot read secret file ${path} (${code}); the plan says ${ref}`);
        }
      }
      case 'prompt': {
        if (options.prompt === undefined)
          throw new SecretError(`${purpose}: the plan says prompt, but this run is not interactive; use env:NAME or file:PATH instead`);
        return options.prompt(`Password for ${purpose}: `);
      }
    }
  }

  return {
    resolve(ref, purpose) {
      let pending = cache.get(ref);
      if (pending === undefined) {
        pending = load(ref, purpose).then((value) => {
          resolved.push(value);
          return value;
        });
        cache.set(ref, pending);
      }
      return pending;
    },
    values: () => resolved,
  };
}

/** Replaces every known secret value in text; used on everything the tool writes. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would scrub ordinary words; such a password is refused by AD anyway.
    if (secret.length < 4) continue;
    out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
