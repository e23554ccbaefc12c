import { ldapProbe } from './ldap/index.js';
import type { Probe } from './probe.js';
import { sqlProbe } from './sql/index.js';
import { dnsProbe } from './dns/index.js';
import { tcpProbe } from './tcp/index.js';

/** Every probe; each gathers one area of facts. The engine runs them concurrently. */
export const allProbes: readonly Probe[] = [ldapProbe as Probe, sqlProbe as Probe, dnsProbe as Probe, tcpProbe as Probe];
