import type { Plan } from '../../plan/schema.js';

export function attributeAnchor(plan: Plan): true | string {
  return plan.identity.sourceAnchor.mode === 'attribute' && plan.identity.sourceAnchor.attribute ? true : 'Microsoft Entra manages the source anchor';
}
