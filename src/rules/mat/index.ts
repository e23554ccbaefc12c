import type { Rule } from '../rule.js';
import { mat001 } from './mat001-match-attribute-unpopulated.js';
import { mat002 } from './mat002-match-attribute-duplicates.js';
import { mat003 } from './mat003-linked-mailbox-with-exchange.js';

export const matRules: readonly Rule[] = [mat001, mat002, mat003];
