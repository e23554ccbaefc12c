import type { Rule } from '../rule.js';
import { flt002 } from './flt002-ou-not-found.js';
import { flt003 } from './flt003-group-filter-ou-excluded.js';
import { flt004 } from './flt004-group-filter-nested-members.js';
import { flt005 } from './flt005-group-filter-members-out-of-scope.js';
import { flt006 } from './flt006-group-filter-is-pilot-only.js';

export const fltRules: readonly Rule[] = [flt002, flt003, flt004, flt005, flt006];
