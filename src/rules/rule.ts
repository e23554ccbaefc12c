import type { Fact } from '../facts/fact.js';
import type { Facts } from '../facts/schema.js';
import type { Plan, Severity } from '../plan/schema.js';

/** Wizard pages in the order the wizard shows them; the text reporter groups findings by page. */
export const wizardPages = [
  'Prerequisites',
  'Install required components',
  'User sign-in',
  'Connect to Microsoft Entra ID',
  'Connect your directories',
  'Microsoft Entra sign-in configuration',
  'Domain and OU filtering',
  'Uniquely identifying your users',
  'Filter users and devices',
  'Optional features',
  'Enable single sign-on',
  'AD FS farm',
  'Web application proxy',
  'AD FS service account',
  'Microsoft Entra domain',
  'PingFederate',
  'Ready to configure',
] as const;
export type WizardPage = (typeof wizardPages)[number];

/** Fact sources as in RULES.md's "facts" column. */
export type FactSource = 'P' | 'LDAP' | 'DNS' | 'SQL' | 'WSMAN' | 'HTTPS' | 'TLS' | 'TCP' | 'GRAPH' | 'FILE';

/**
 * Where a finding points. `planPath` is the plan field the finding concerns (dotted, with [i] for
 * list items, e.g. `forests[0].connectorAccount.name`); SARIF uses it for the physical location.
 * The other keys name the environment object and become SARIF logicalLocations.
 */
export interface Location {
  readonly planPath?: string;
  readonly forest?: string;
  readonly domain?: string;
  readonly dn?: string;
  readonly host?: string;
  readonly sqlInstance?: string;
  readonly object?: string;
}

export type MessageData = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface RuleMeta<MessageId extends string = string> {
  /** Stable public id (suppressions, baselines and CI configs name it). Never rename. */
  readonly id: string;
  /** kebab-case name, stable as well. */
  readonly name: string;
  readonly title: string;
  readonly severity: Severity;
  readonly page: WizardPage;
  readonly sources: readonly FactSource[];
  /** Fact paths the rule reads (documentation; the engine learns about missing facts through `use`). */
  readonly needs: readonly string[];
  /** Why this matters, in a paragraph. */
  readonly help: string;
  /** What to do, in imperative sentences. */
  readonly remediation: string;
  /** Microsoft Learn (or other) page with background. */
  readonly docs?: string;
  /** Exact texts the wizard shows for this problem; `explain` matches pasted errors against them. */
  readonly wizardText?: readonly string[];
  /**
   * Triage data beside wizardText: fragments of the installer, event-log and first-sync messages
   * this rule's cause produces, and their stable identifiers (err:1603, aadsts:50076, event:6941,
   * exc:…, sync:… as in src/explain/identifiers.ts). `explain` indexes them, so a new rule brings
   * its own triage data.
   */
  readonly knownErrors?: { readonly texts?: readonly string[]; readonly codes?: readonly string[]; readonly cause?: string };
  /** Message templates with {{placeholders}} filled from the report's data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  /** Marks security-relevant rules (SARIF `security-severity` and tag). */
  readonly security?: boolean;
}

export interface ReportDescriptor<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: MessageData;
  readonly at: Location;
  /** Overrides the rule's severity for this one finding (e.g. CERT002: warning when under 30 days). */
  readonly severity?: Severity;
  /** Identifies the finding's subject for fingerprints when the location alone is not unique. */
  readonly subject?: string;
}

export interface RuleContext<MessageId extends string = string> {
  readonly plan: Plan;
  readonly facts: Facts;
  /** The time the check runs, so rules about age and expiry are testable. */
  readonly now: Date;
  report(descriptor: ReportDescriptor<MessageId>): void;
  /**
   * The value of a fact when it is `ok`. Otherwise records that this rule could not be evaluated
   * for `at` (naming the fact, the host and the reason) and returns undefined. A missing fact
   * (`undefined`) means "not gathered".
   */
  use<T>(fact: Fact<T> | undefined, factName: string, at: Location): T | undefined;
  /**
   * Records that the rule cannot be evaluated for `at` because the user did not give an input it
   * needs (a plan field whose absence means "unknown", a probe that was not configured). `input`
   * names it (e.g. `tenant.verifiedDomains`), `hint` says in one line what to add. Unlike a failed
   * fact this never makes the run incomplete.
   */
  notRequested(input: string, hint: string, at: Location): void;
}

export interface Rule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  /**
   * Whether the rule concerns this plan at all (e.g. AD FS rules when AD FS is the sign-in method).
   * Returns true, or a short reason why it does not apply (reported as "not applicable").
   */
  appliesTo?(plan: Plan): true | string;
  /** Pure: reads plan and facts, reports findings; no I/O, no clock except ctx.now. */
  evaluate(ctx: RuleContext<MessageId>): void;
}

/** Identity function that fixes the message-id type, so a misspelt messageId fails to compile. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** `{{name}}` substitution; arrays become a comma-separated list. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
