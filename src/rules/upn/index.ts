import type { Rule } from '../rule.js';
import { upn001 } from './upn001-upn-suffix-not-verified.js';
import { upn002 } from './upn002-upn-suffix-non-routable.js';
import { upn003 } from './upn003-upn-invalid-format.js';
import { upn004 } from './upn004-upn-duplicate.js';
import { upn005 } from './upn005-upn-suffix-undeclared.js';

export const upnRules: readonly Rule[] = [upn001, upn002, upn003, upn004, upn005];
