import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { ReportFormat, Reporter } from './types.js';

export const reporters: Readonly<Record<ReportFormat, Reporter>> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};
