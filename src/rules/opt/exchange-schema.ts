import type { RuleContext } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/**
 * Shared by OPT002 and OPT005. In multi-forest topologies only the forest that holds Exchange needs
 * its schema, so nothing is reported while any forest has it; otherwise each forest without it is named.
 */
export function exchangeSchemaFindings<M extends string>(ctx: RuleContext<M>, planPath: string, messageId: M): void {
  const lacking: string[] = [];
  for (const forest of ctx.plan.forests) {
    const schema = useForestFact(ctx, forest.name, 'schema', { planPath });
    if (schema === undefined) continue;
    if (schema.exchangeSchemaVersion !== null) return;
    lacking.push(forest.name);
  }
  for (const forest of lacking) ctx.report({ messageId, data: { forest }, at: { planPath, forest } });
}
