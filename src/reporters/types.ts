import type { FailOn } from '../engine/gate.js';
import type { CheckResult } from '../engine/result.js';
import type { Rule } from '../rules/rule.js';

export interface ReportInput {
  readonly result: CheckResult;
  readonly rules: readonly Rule[];
  readonly plan: {
    readonly uri: string;
    positionOf(planPath: string): { line: number; column: number } | undefined;
  };
  readonly color: boolean;
  /** The run's --fail-on (default error): JUnit fails a test case only for findings at or above it. */
  readonly failOn?: FailOn;
}

export type Reporter = (input: ReportInput) => string;
export const reportFormats = ['text', 'json', 'sarif', 'junit', 'markdown', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];
