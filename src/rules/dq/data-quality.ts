import type { DataQualityFacts } from '../../facts/areas/ldap-scan.js';
import type { Sample } from '../../facts/fact.js';
import type { Location, RuleContext } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** What the DQ rules share: reaching each forest's data-quality facts and reporting per reason. */

type Forested = Location & { readonly forest: string; readonly planPath: string };

/** Runs `fn` on each planned forest's data-quality facts; a failed scan is "not evaluated" there. */
export function forEachForestDataQuality(ctx: Pick<RuleContext, 'plan' | 'facts' | 'use'>, fn: (dq: DataQualityFacts, at: Forested) => void): void {
  ctx.plan.forests.forEach((forest, i) => {
    const at = { planPath: `forests[${i}].name`, forest: forest.name };
    const scan = useForestFact(ctx, forest.name, 'scan', at);
    if (scan !== undefined) fn(scan.dataQuality, at);
  });
}

/** Message every DQ rule uses for a reason found on some objects. */
export const invalidMessage = '{{count}} object(s) in {{forest}} have {{reason}} (e.g. {{sample}})';
/** Message of the DQ rules that look for values held twice. */
export const duplicateMessage = '{{count}} {{attribute}} value(s) are held by more than one object in {{forest}}: {{sample}}';

const SHOWN = 3;

/** One finding per reason that has objects, the reason's key as the subject (stable fingerprints). The reasons named decide R: facts may hold more (duplicates). */
export function reportReasons<R extends string>(ctx: Pick<RuleContext<'invalid'>, 'report'>, found: Readonly<Record<NoInfer<R>, Sample>>, reasons: Readonly<Record<R, string>>, at: Forested): void {
  for (const reason of Object.keys(reasons) as R[]) {
    const s = found[reason];
    if (s.count > 0) ctx.report({ messageId: 'invalid', data: { count: s.count, forest: at.forest, reason: reasons[reason], sample: s.sample.slice(0, SHOWN) }, at, subject: reason });
  }
}

export function reportDuplicates(ctx: Pick<RuleContext<'duplicate'>, 'report'>, attribute: string, found: Sample, at: Forested): void {
  if (found.count > 0) ctx.report({ messageId: 'duplicate', data: { count: found.count, attribute, forest: at.forest, sample: found.sample.slice(0, SHOWN) }, at, subject: 'duplicates' });
}

/** Microsoft's page on the attribute values directory synchronization needs (IdFix's rules). */
export const PREPARE_DOCS = 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/prepare-for-directory-synchronization';
