import type { Rule } from '../rule.js';
import { flt001 } from './flt001-domain-unreachable.js';

/** The FLT rules fed by the network probes (DNS part of FLT001). */
export const fltNetRules: readonly Rule[] = [flt001];
