import type { Rule } from '../rule.js';
import { sso003 } from './sso003-sso-intranet-zone.js';
import { sso004 } from './sso004-sso-forest-skipped.js';

export const ssoRules: readonly Rule[] = [sso003, sso004];
