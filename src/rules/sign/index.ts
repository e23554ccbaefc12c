import type { Rule } from '../rule.js';
import { sign001 } from './sign001-sso-with-federation.js';
import { sign003 } from './sign003-no-phs-backup.js';
import { sign004 } from './sign004-do-not-configure-without-idp.js';

export const signRules: readonly Rule[] = [sign001, sign003, sign004];
