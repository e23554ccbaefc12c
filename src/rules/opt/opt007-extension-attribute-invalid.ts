import type { SchemaAttributeFacts } from '../../facts/areas/ldap.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** attributeSyntax → kind, for the kinds the directory-extensions page offers. */
const kinds: Readonly<Record<string, 'String' | 'Boolean' | 'Integer' | 'Binary'>> = {
  '2.5.5.3': 'String', // case-exact string
  '2.5.5.4': 'String', // case-insensitive string
  '2.5.5.5': 'String', // IA5/printable string
  '2.5.5.6': 'String', // numeric string
  '2.5.5.12': 'String', // Unicode string
  '2.5.5.8': 'Boolean',
  '2.5.5.9': 'Integer',
  '2.5.5.10': 'Binary', // octet string
};

/**
 * Why the wizard would not offer the attribute, or undefined when it is a valid candidate.
 * `holders`: which of user and group may hold it (the probe's extensionAttributeClasses); when
 * not given, the attribute facts' own `classes` list (empty = not resolved) is used.
 */
export function unsupportedReason(a: SchemaAttributeFacts, holders?: readonly string[]): string | undefined {
  const kind = a.attributeSyntax === null ? undefined : kinds[a.attributeSyntax];
  if (kind === undefined) return `syntax ${a.attributeSyntax ?? 'unknown'} is not String, Boolean, Integer or Binary`;
  if (a.isSingleValued === false && (kind === 'Boolean' || kind === 'Integer')) return `multi-valued ${kind} attributes are not supported (only String and Binary)`;
  if (holders !== undefined && holders.length === 0) return 'neither the user nor the group class (with their superclasses and auxiliary classes) may hold it';
  if (holders === undefined && a.classes.length > 0 && !a.classes.some((c) => ['user', 'group'].includes(c.toLowerCase())))
    return `it applies to ${a.classes.join(', ')}, not to users or groups`;
  return undefined;
}

export const opt007 = defineRule({
  meta: {
    id: 'OPT007',
    name: 'extension-attribute-invalid',
    title: 'Directory extension attribute missing or unsupported',
    severity: 'error',
    page: 'Optional features',
    sources: ['P', 'LDAP'],
    needs: ['plan.features.directoryExtensions', 'ldap.forests.*.schema.attributes', 'ldap.forests.*.extensionAttributeClasses'],
    help:
      'The directory extensions page only offers attributes of user and group objects that are single-valued String, Boolean, ' +
      'Integer or Binary, or multi-valued String or Binary. An attribute that is not in the schema, or of another kind, cannot be selected.',
    remediation: 'Correct the attribute name in the plan (ldapDisplayName), extend the schema first, or choose an attribute of a supported kind.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-sync-feature-directory-extensions',
    messages: {
      missing: 'Directory extension attribute {{attribute}} does not exist in the schema of {{forests}}',
      unsupported: 'Directory extension attribute {{attribute}} in {{forest}} cannot be used: {{reason}}',
    },
  },
  appliesTo(plan) {
    return plan.features.directoryExtensions.length > 0 ? true : 'no directory extension attributes are planned';
  },
  evaluate(ctx) {
    ctx.plan.features.directoryExtensions.forEach((attribute, j) => {
      const planPath = `features.directoryExtensions[${j}]`;
      const lackingIn: string[] = [];
      let foundSomewhere = false;
      let unknown = false;
      for (const forest of ctx.plan.forests) {
        const schema = useForestFact(ctx, forest.name, 'schema', { planPath });
        if (schema === undefined) {
          unknown = true;
          continue;
        }
        const facts = schema.attributes[attribute.toLowerCase()];
        if (facts === undefined) {
          // The probe did not look it up: not evidence either way, so say it could not be evaluated.
          ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.schema.attributes.${attribute.toLowerCase()}`, { planPath, forest: forest.name });
          unknown = true;
          continue;
        }
        if (!facts.exists) {
          lackingIn.push(forest.name);
          continue;
        }
        foundSomewhere = true;
        const holders = useForestFact(ctx, forest.name, 'extensionAttributeClasses', { planPath })?.[attribute.toLowerCase()];
        if (holders === undefined) {
          ctx.use(undefined, `ldap.forests.${forest.name.toLowerCase()}.extensionAttributeClasses.${attribute.toLowerCase()}`, { planPath, forest: forest.name });
          continue;
        }
        const reason = unsupportedReason(facts, holders);
        if (reason !== undefined) ctx.report({ messageId: 'unsupported', data: { attribute, forest: forest.name, reason }, at: { planPath, forest: forest.name }, subject: attribute });
      }
      // One forest holding the attribute is enough: the wizard lists attributes of all connected forests.
      if (!foundSomewhere && !unknown && lackingIn.length > 0)
        ctx.report({ messageId: 'missing', data: { attribute, forests: lackingIn }, at: { planPath }, subject: attribute });
    });
  },
});
