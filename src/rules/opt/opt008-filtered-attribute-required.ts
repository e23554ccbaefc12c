import type { Plan } from '../../plan/schema.js';
import { defineRule } from '../rule.js';

/** The attributes this plan relies on, each with why, as the wizard would need them. */
export function attributesReliedOn(plan: Plan): { attribute: string; why: string }[] {
  const out: { attribute: string; why: string }[] = [];
  const { sourceAnchor, signInAttribute, matching } = plan.identity;
  if (sourceAnchor.mode === 'attribute' && sourceAnchor.attribute) out.push({ attribute: sourceAnchor.attribute, why: 'the sourceAnchor' });
  else out.push({ attribute: 'objectGUID', why: 'the sourceAnchor (Microsoft Entra managed)' }, { attribute: 'mS-DS-ConsistencyGuid', why: 'the sourceAnchor (Microsoft Entra managed)' });
  out.push({ attribute: signInAttribute, why: 'the sign-in attribute' });
  switch (matching.method) {
    case 'mail':
      out.push({ attribute: 'mail', why: 'matching across forests' });
      break;
    case 'objectSid-msExchMasterAccountSid':
      out.push({ attribute: 'objectSid', why: 'matching across forests' }, { attribute: 'msExchMasterAccountSID', why: 'matching across forests' });
      break;
    case 'samAccountName-mailNickname':
      out.push({ attribute: 'sAMAccountName', why: 'matching across forests' }, { attribute: 'mailNickname', why: 'matching across forests' });
      break;
    case 'attribute':
      if (matching.attribute) out.push({ attribute: matching.attribute, why: 'matching across forests' });
      break;
    case 'none':
      break;
  }
  return out;
}

export const opt008 = defineRule({
  meta: {
    id: 'OPT008',
    name: 'filtered-attribute-required',
    title: 'App and attribute filtering removes an attribute the plan relies on',
    severity: 'error',
    page: 'Optional features',
    sources: ['P'],
    needs: ['plan.features.appAttributeFiltering', 'plan.identity'],
    help:
      'Attributes unselected under "Microsoft Entra app and attribute filtering" are not synchronized. Removing the sourceAnchor, the ' +
      'sign-in attribute or the matching attribute breaks object identity or sign-in for every user.',
    remediation: 'Keep these attributes selected in app and attribute filtering (remove them from features.appAttributeFiltering.removedAttributes).',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/how-to-connect-install-custom',
    messages: { removed: 'Attribute filtering removes {{attribute}}, which is {{why}}' },
  },
  appliesTo: (plan) => (plan.features.appAttributeFiltering?.enabled ? true : 'app and attribute filtering is not planned'),
  evaluate(ctx) {
    const removed = new Set((ctx.plan.features.appAttributeFiltering?.removedAttributes ?? []).map((a) => a.toLowerCase()));
    const reported = new Set<string>();
    for (const { attribute, why } of attributesReliedOn(ctx.plan)) {
      const key = attribute.toLowerCase();
      if (removed.has(key) && !reported.has(key)) {
        reported.add(key);
        ctx.report({ messageId: 'removed', data: { attribute, why }, at: { planPath: 'features.appAttributeFiltering.removedAttributes', object: attribute } });
      }
    }
  },
});
