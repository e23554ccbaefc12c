import { BaselineError } from '../engine/baseline.js';
import { BundleError } from '../facts/bundle.js';
import { PlanError } from '../plan/load.js';
import { SecretError } from '../secrets/resolve.js';
import { UsageError } from './exit-codes.js';

/** Errors caused by input the user can fix: reported as they stand, exit 2, no stack trace. */
export function isUserError(error: unknown): error is Error {
  return error instanceof PlanError || error instanceof BundleError || error instanceof SecretError || error instanceof UsageError || error instanceof BaselineError;
}

export function formatUserError(error: Error): string {
  // Plan and bundle errors are already one line per problem with file and field.
  if (error instanceof PlanError || error instanceof BundleError || error instanceof SecretError || error instanceof BaselineError) return error.message;
  return `entra-preflight: ${error.message}`;
}

/**
 * The last line of defence against echoing a huge value: every line of an error is cut to a short
 * prefix and at most a few dozen lines are shown (stderr stays a few KB whatever the input).
 */
export function capErrorText(text: string, maxLine = 300, maxLines = 30): string {
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n');
  const shown = lines.slice(0, maxLines).map((l) => (l.length > maxLine ? `${l.slice(0, maxLine)}…` : l));
  if (lines.length > maxLines) shown.push(`… and ${lines.length - maxLines} more lines`);
  return `${shown.join('\n')}${trailing ? '\n' : ''}`;
}
