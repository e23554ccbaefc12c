import type { Rule } from '../rule.js';
import { hia001 } from './hia001-hia-in-federated-domain.js';
import { hia003 } from './hia003-hia-not-onmicrosoft.js';
import { hia004 } from './hia004-hia-needs-interactive-auth.js';

export const hiaRules: readonly Rule[] = [hia001, hia003, hia004];
