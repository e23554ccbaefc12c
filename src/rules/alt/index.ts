import type { Rule } from '../rule.js';
import { alt001 } from './alt001-alternate-id-multivalued.js';
import { alt002 } from './alt002-alternate-id-not-rfc822.js';
import { alt003 } from './alt003-alternate-id-empty.js';

export const altRules: readonly Rule[] = [alt001, alt002, alt003];
