import type { Rule } from '../rule.js';
import { opt003 } from './opt003-password-writeback-old-version.js';
import { opt008 } from './opt008-filtered-attribute-required.js';

export const optRules: readonly Rule[] = [opt003, opt008];
