import type { Rule } from '../rule.js';
import { ins001 } from './ins001-install-path-invalid.js';
import { ins004 } from './ins004-remote-sql-needs-domain-account.js';
import { ins006 } from './ins006-service-account-name-format.js';
import { ins009 } from './ins009-localdb-build-known-issue.js';
import { ins011 } from './ins011-build-known-issue.js';

export const insRules: readonly Rule[] = [ins001, ins004, ins006, ins009, ins011];
