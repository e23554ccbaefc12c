import type { Rule } from '../rule.js';
import { acc004 } from './acc004-account-name-format.js';

export const accRules: readonly Rule[] = [acc004];
