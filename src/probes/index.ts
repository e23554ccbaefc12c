import { ldapProbe } from './ldap/index.js';
import { pingProbe } from './ping/index.js';
import type { Probe } from './probe.js';
import { sqlProbe } from './sql/index.js';
import { wsmanProbe } from './wsman/index.js';

/** Every probe; each gathers one area of facts. The engine runs them concurrently. */
export const allProbes: readonly Probe[] = [ldapProbe as Probe, sqlProbe as Probe, wsmanProbe as Probe, pingProbe as Probe];
