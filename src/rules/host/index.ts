import type { Rule } from '../rule.js';
import { acc008 } from './acc008-restrict-remote-sam.js';
import { ins007 } from './ins007-stale-sync-engine.js';
import { ins010 } from './ins010-ie-esc-on.js';
import { ins012 } from './ins012-dotnet-too-old.js';
import { ins013 } from './ins013-os-unsupported.js';
import { ins014 } from './ins014-server-domain-role.js';
import { ins015 } from './ins015-pending-reboot.js';
import { ins016 } from './ins016-execution-policy-gpo.js';
import { ins017 } from './ins017-installer-not-local-admin.js';
import { ins018 } from './ins018-low-disk-space.js';
import { ins019 } from './ins019-system-locale-utf8.js';
import { net005 } from './net005-tls12-not-enforced.js';

/** Rules fed by the sync-server collector (WMI and registry of the future Entra Connect server). */
export const hostRules: readonly Rule[] = [acc008, ins007, ins010, ins012, ins013, ins014, ins015, ins016, ins017, ins018, ins019, net005];
