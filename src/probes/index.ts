import type { Probe } from './probe.js';

/** Every probe; each gathers one area of facts. The engine runs them concurrently. */
export const allProbes: readonly Probe[] = [];
