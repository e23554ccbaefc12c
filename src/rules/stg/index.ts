import type { Rule } from '../rule.js';
import { stg002 } from './stg002-staging-disables-features.js';

export const stgRules: readonly Rule[] = [stg002];
