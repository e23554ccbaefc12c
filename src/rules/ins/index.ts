import type { Rule } from '../rule.js';
import { ins001 } from './ins001-install-path-invalid.js';
import { ins004 } from './ins004-remote-sql-needs-domain-account.js';

export const insRules: readonly Rule[] = [ins001, ins004];
