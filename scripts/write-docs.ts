// npm run docs: rewrites docs/rules.md from rule metadata.
import { writeFileSync } from 'node:fs';
import { RULES_DOC, renderRulesDoc } from './docs.js';

writeFileSync(new URL(`../${RULES_DOC}`, import.meta.url), renderRulesDoc());
