import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sanitizeResult } from './sanitize.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { ReportFormat, Reporter } from './types.js';

/**
 * Formats read by people in a terminal or a rendered page get every environment-sourced string
 * sanitised first (control characters and terminal escapes shown escaped). JSON and SARIF escape
 * them by construction; JUnit's XML escaping drops what XML cannot carry.
 */
const forPeople =
  (reporter: Reporter): Reporter =>
  (input) =>
    reporter({ ...input, result: sanitizeResult(input.result) });

export const reporters: Readonly<Record<ReportFormat, Reporter>> = {
  text: forPeople(textReporter),
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  markdown: forPeople(markdownReporter),
  html: forPeople(htmlReporter),
};
