import { BaselineError } from '../engine/baseline.js';
import { BundleError } from '../facts/bundle.js';
import { PlanError } from '../plan/load.js';
import { SecretError } from '../secrets/resolve.js';
import { UsageError } from './exit-codes.js';

export { capErrorText } from './error-text.js';

/** Errors caused by input the user can fix: reported as they stand, exit 2, no stack trace. */
export function isUserError(error: unknown): error is Error {
  return error instanceof PlanError || error instanceof BundleError || error instanceof SecretError || error instanceof UsageError || error instanceof BaselineError;
}

export function formatUserError(error: Error): string {
  // Plan and bundle errors are already one line per problem with file and field.
  if (error instanceof PlanError || error instanceof BundleError || error instanceof SecretError || error instanceof BaselineError) return error.message;
  return `entra-preflight: ${error.message}`;
}

