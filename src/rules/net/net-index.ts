import type { Rule } from '../rule.js';
import { net001 } from './net001-dc-ports-blocked.js';
import { net002 } from './net002-cloud-endpoints-unreachable.js';
import { net003 } from './net003-tls-inspection.js';

/** The NET rules fed by the network probes (tcp, https, tls). */
export const netNetRules: readonly Rule[] = [net001, net002, net003];
