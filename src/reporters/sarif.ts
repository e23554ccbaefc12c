import type * as Sarif from 'sarif';
import { isGatheringFailure, type Finding } from '../engine/result.js';
import type { Severity } from '../plan/schema.js';
import type { Location, Rule } from '../rules/rule.js';
import { VERSION } from '../version.js';
import type { Reporter } from './types.js';

const levelOf: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { error: 'error', warning: 'warning', note: 'note' };

/** GitHub's security-severity scale: high ≥ 7.0, medium ≥ 4.0, low below. */
const securitySeverityOf: Readonly<Record<Severity, string>> = { error: '7.5', warning: '5.0', note: '2.0' };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'entraPreflight/v1';
// No informationUri: the package is not published (that npm page does not exist) and the
// repository has no public URL yet; SARIF makes the field optional.

/** Logical location kinds from SARIF §3.33.7 that fit directory and network objects. */
const logicalKinds: ReadonlyArray<[keyof Location, string]> = [
  ['forest', 'namespace'],
  ['domain', 'namespace'],
  ['dn', 'object'],
  ['host', 'resource'],
  ['sqlInstance', 'resource'],
  ['object', 'object'],
];

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const tags = [meta.page, ...meta.sources.map((s) => `facts:${s}`), ...(meta.security ? ['security'] : [])];
  const markdown = [
    `**${meta.title}**`,
    '',
    meta.help,
    '',
    `**What to do:** ${meta.remediation}`,
    '',
    `Wizard page: ${meta.page}.`,
    ...(meta.docs ? ['', `[Microsoft documentation](${meta.docs})`] : []),
  ].join('\n');
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.help },
    help: { text: `${meta.help}\n\nWhat to do: ${meta.remediation}${meta.docs ? `\n\n${meta.docs}` : ''}`, markdown },
    ...(meta.docs ? { helpUri: meta.docs } : {}),
    defaultConfiguration: { level: levelOf[meta.severity] },
    properties: {
      tags,
      page: meta.page,
      ...(meta.security ? { 'security-severity': securitySeverityOf[meta.severity] } : {}),
    },
  };
}

function logicalLocations(at: Location): Sarif.LogicalLocation[] {
  const out: Sarif.LogicalLocation[] = [];
  for (const [key, kind] of logicalKinds) {
    const value = at[key];
    if (value !== undefined) out.push({ name: value, fullyQualifiedName: `${key}:${value}`, kind });
  }
  return out;
}

/**
 * SARIF 2.1.0. Findings are about an environment, not a source file, but GitHub code scanning
 * rejects results without a physical location: each result points at the plan line of the choice it
 * concerns, and the forest/DN/host goes into logicalLocations. Fingerprints are our own (rule +
 * subject), because GitHub's line-hash fingerprints cannot follow a finding in a plan file.
 */
export const sarifReporter: Reporter = ({ result, rules, plan }) => {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarifRules = rules.map(ruleDescriptor);

  const toResult = (f: Finding): Sarif.Result => {
    const line = (f.location.planPath !== undefined ? plan.positionOf(f.location.planPath)?.line : undefined) ?? 1;
    const logical = logicalLocations(f.location);
    const ruleIndex = index.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: levelOf[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: plan.uri, index: 0 }, region: { startLine: line } },
          ...(logical.length > 0 ? { logicalLocations: logical } : {}),
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      ...(f.suppression?.kind === 'plan' ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppression.reason }] } : {}),
      ...(f.baselineState !== undefined ? { baselineState: f.baselineState } : {}),
      properties: { page: f.page, remediation: f.remediation, ...(f.location.planPath ? { planPath: f.location.planPath } : {}) },
    };
  };

  // A gathering failure (host unreachable, TLS or login refused, timeout) is an error-level
  // notification naming the host and the reason: the run is incomplete. "Not requested" (the plan
  // did not give the input) is a note saying what to add. Neither means the tool itself failed.
  const notifications: Sarif.Notification[] = result.notEvaluated.map((n) => {
    const ruleIndex = index.get(n.ruleId);
    const where = [n.location.forest, n.location.domain, n.location.host, n.location.sqlInstance].filter(Boolean).join(', ');
    const text = isGatheringFailure(n)
      ? `${n.ruleId} not evaluated${where ? ` for ${where}` : ''}: ${n.fact} ${n.kind === 'not-gathered' ? 'was not gathered' : 'could not be gathered'}${n.host ? ` from ${n.host}` : ''}: ${n.reason}`
      : `${n.ruleId} not requested${where ? ` for ${where}` : ''}: ${n.reason}${n.hint ? `; ${n.hint}` : ''}`;
    return {
      level: isGatheringFailure(n) ? 'error' : 'note',
      message: { text },
      associatedRule: { id: n.ruleId, ...(ruleIndex !== undefined ? { index: ruleIndex } : {}) },
      ...(logicalLocations(n.location).length > 0 ? { locations: [{ logicalLocations: logicalLocations(n.location) }] } : {}),
      properties: { fact: n.fact, ...(n.kind ? { failure: n.kind } : {}) },
    };
  });
  for (const notice of result.notices) notifications.push({ level: 'warning', message: { text: notice } });

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'entra-preflight', version: VERSION, semanticVersion: VERSION, rules: sarifRules },
        },
        automationDetails: { id: 'entra-preflight/' },
        artifacts: [{ location: { uri: plan.uri }, roles: ['analysisTarget'] }],
        invocations: [
          {
            // Only the tool's own failure (a rule that crashed) makes the execution unsuccessful;
            // an unreachable host is a fact about the environment, reported above.
            executionSuccessful: !result.notEvaluated.some((n) => n.kind === 'internal'),
            startTimeUtc: result.startedAt,
            endTimeUtc: new Date(Date.parse(result.startedAt) + result.durationMs).toISOString(),
            toolExecutionNotifications: notifications,
          },
        ],
        results: result.findings.map(toResult),
        properties: { mode: result.mode, incomplete: result.notEvaluated.some(isGatheringFailure) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
