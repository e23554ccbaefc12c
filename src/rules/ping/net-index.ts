import type { Rule } from '../rule.js';
import { ping001 } from './ping001-ping-metadata-unreachable.js';
import { ping002 } from './ping002-ping-metadata-invalid.js';
import { ping003 } from './ping003-ping-endpoint-unresolvable.js';
import { ping004 } from './ping004-ping-domain-not-verified.js';

/** The PING rules (fed by the ping and dns probes). */
export const pingNetRules: readonly Rule[] = [ping001, ping002, ping003, ping004];
