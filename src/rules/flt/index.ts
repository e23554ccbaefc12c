import type { Rule } from '../rule.js';
import { flt006 } from './flt006-group-filter-is-pilot-only.js';

export const fltRules: readonly Rule[] = [flt006];
