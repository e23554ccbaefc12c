import type { Probe } from '../probes/probe.js';
import type { FactSource, Rule } from '../rules/rule.js';

/**
 * Which fact areas (probe ids) each fact source of a rule's `meta.sources` stands for. The one
 * place that maps sources to probes: a new source or probe must be added here (the Record makes
 * a new FactSource a compile error until it is).
 */
const areasOfSource: Readonly<Record<FactSource, readonly string[]>> = {
  P: [],
  LDAP: ['ldap'],
  DNS: ['dns'],
  SQL: ['sql'],
  // WS-Management: WinRM Identify of AD FS/WAP servers, and the sync-server collector (WMI over WinRM).
  WSMAN: ['wsman', 'syncServer'],
  // PingFederate metadata is fetched over HTTPS.
  HTTPS: ['https', 'ping'],
  TLS: ['tls'],
  TCP: ['tcp'],
  GRAPH: ['graph', 'tenant'],
  // A settings file the wizard will import.
  FILE: ['settings'],
};

/**
 * The fact areas a rule reads: its declared sources, plus the first segment of each fact path in
 * `meta.needs` ("sql.server.collation" → sql), so a rule whose sources forgot an area still gets it.
 */
export function areasOf(rule: Rule): Set<string> {
  const areas = new Set<string>();
  for (const source of rule.meta.sources) for (const area of areasOfSource[source]) areas.add(area);
  for (const need of rule.meta.needs) {
    const head = /^([a-zA-Z]+)\./.exec(need)?.[1];
    if (head !== undefined && head !== 'plan') areas.add(head);
  }
  return areas;
}

/** The rules `--rule`/`--skip` leave to run (all of them without either). */
export function selectedRules(rules: readonly Rule[], only: readonly string[], skip: readonly string[]): Rule[] {
  const wanted = only.length > 0 ? new Set(only) : undefined;
  const skipped = new Set(skip);
  return rules.filter((r) => (wanted === undefined || wanted.has(r.meta.id)) && !skipped.has(r.meta.id));
}

/**
 * Only the probes the selected rules need: `--rule NET001` must not spend a whole LDAP scan. With
 * no selection every probe runs (a full check).
 */
export function probesFor<P extends Pick<Probe, 'id'>>(probes: readonly P[], rules: readonly Rule[], only: readonly string[], skip: readonly string[]): P[] {
  if (only.length === 0 && skip.length === 0) return [...probes];
  const needed = new Set<string>();
  for (const rule of selectedRules(rules, only, skip)) for (const area of areasOf(rule)) needed.add(area);
  return probes.filter((p) => needed.has(p.id));
}
