/**
 * Exit codes, as troubleshoot.sh users asked for: "checks failed" is kept apart from "the tool
 * broke", so a CI gate can tell a red environment from a broken pipeline.
 */
export const ExitCode = {
  /** Complete, and nothing at or above --fail-on. */
  ok: 0,
  /** Findings at or above --fail-on. */
  findings: 1,
  /** Bad usage or input: plan, bundle, baseline, secret reference, unwritable --output, a bundle of another environment. */
  usage: 2,
  /** Internal error (a bug: please report it). */
  internal: 3,
  /**
   * Incomplete: nothing at or above --fail-on among what was evaluated, but at least one rule that
   * applies could not be evaluated because gathering failed. `--allow-incomplete` turns it into 0.
   */
  incomplete: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is for the user as it stands (no stack trace), exiting 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
