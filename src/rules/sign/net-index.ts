import type { Rule } from '../rule.js';
import { sign002 } from './sign002-pta-needs-verified-domain.js';

/** SIGN002 (tenant verified domains from the plan), written with the network rules. */
export const signNetRules: readonly Rule[] = [sign002];
