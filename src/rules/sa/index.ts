import type { Rule } from '../rule.js';
import { sa002 } from './sa002-sourceanchor-mutable.js';

export const saRules: readonly Rule[] = [sa002];
