import { z } from 'zod';

/**
 * A secret is never a value in the plan: it is a reference that is resolved at run time.
 * `env:NAME` reads an environment variable, `file:PATH` reads a file (relative to the plan's folder,
 * trailing newline removed), `prompt` asks on the terminal (interactive runs only).
 * Keeping secrets out of plan files is what lets plans live in Git and be attached to tickets.
 */
export const SECRET_REF_PATTERN = /^(env:[A-Za-z_][A-Za-z0-9_]*|file:.+|prompt)$/;

export const secretRefSchema = z
  .string()
  .regex(SECRET_REF_PATTERN, {
    message:
      'secrets are never written into the plan; use env:NAME (environment variable), file:PATH (a file holding only the secret) or prompt',
  })
  .describe('Secret reference: env:NAME, file:PATH or prompt. Never the secret itself.');

export type SecretRef = z.infer<typeof secretRefSchema>;

export type ParsedSecretRef =
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'prompt' };

export function parseSecretRef(ref: SecretRef): ParsedSecretRef {
  if (ref === 'prompt') return { kind: 'prompt' };
  if (ref.startsWith('env:')) return { kind: 'env', name: ref.slice(4) };
  return { kind: 'file', path: ref.slice(5) };
}
