import type { Rule } from '../rule.js';
import { sa001 } from './sa001-sourceanchor-has-at.js';
import { sa002 } from './sa002-sourceanchor-mutable.js';
import { sa003 } from './sa003-sourceanchor-selection.js';
import { sa004 } from './sa004-consistencyguid-invalid-values.js';
import { sa005 } from './sa005-sourceanchor-missing-in-schema.js';
import { sa006 } from './sa006-sourceanchor-empty-or-duplicate.js';
import { sa007 } from './sa007-sourceanchor-multivalued.js';

export const saRules: readonly Rule[] = [sa001, sa002, sa003, sa004, sa005, sa006, sa007];
