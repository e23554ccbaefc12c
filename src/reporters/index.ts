// Interim: replaced by the reporters branch.
import type { ReportFormat, Reporter } from './types.js';

const json: Reporter = ({ result }) => `${JSON.stringify(result, null, 2)}\n`;
export const reporters: Readonly<Record<ReportFormat, Reporter>> = { text: json, json, sarif: json, junit: json, markdown: json };
