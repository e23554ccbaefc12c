import { defineRule } from '../rule.js';

/**
 * Attributes that change during a person's life in the organisation: names change on marriage,
 * sAMAccountName/UPN/mail follow names, department and title follow jobs, and employeeID or
 * employeeNumber are reassigned when someone leaves and is rehired. A sourceAnchor must never change.
 */
export const MUTABLE_ATTRIBUTES = [
  'cn', 'name', 'displayName', 'givenName', 'sn', 'initials', 'sAMAccountName', 'userPrincipalName', 'mail', 'mailNickname',
  'proxyAddresses', 'department', 'title', 'company', 'physicalDeliveryOfficeName', 'manager', 'telephoneNumber', 'employeeID', 'employeeNumber',
] as const;

export const sa002 = defineRule({
  meta: {
    id: 'SA002',
    name: 'sourceanchor-mutable',
    title: 'The chosen sourceAnchor attribute changes during a person\'s life',
    severity: 'warning',
    page: 'Uniquely identifying your users',
    sources: ['P'],
    needs: ['plan.identity.sourceAnchor'],
    help:
      `The sourceAnchor links an on-premises object to its Microsoft Entra object for the object's whole life and cannot be changed ` +
      `after it is set. An attribute that changes (${MUTABLE_ATTRIBUTES.join(', ')}) breaks that link: the cloud object is deleted and ` +
      'recreated, losing licences, mailboxes and group memberships.',
    remediation: 'Let Microsoft Entra manage the source anchor (ms-DS-ConsistencyGuid), or choose an immutable attribute such as objectGUID.',
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/plan-connect-design-concepts',
    messages: { mutable: 'sourceAnchor attribute {{attribute}} changes during a person\'s life (renames, moves, rehires)' },
  },
  appliesTo: (plan) => (plan.identity.sourceAnchor.mode !== 'attribute' ? 'Microsoft Entra manages the source anchor' : true),
  evaluate(ctx) {
    const attribute = ctx.plan.identity.sourceAnchor.attribute;
    if (attribute !== undefined && MUTABLE_ATTRIBUTES.some((a) => a.toLowerCase() === attribute.toLowerCase()))
      ctx.report({ messageId: 'mutable', data: { attribute }, at: { planPath: 'identity.sourceAnchor.attribute' } });
  },
});
