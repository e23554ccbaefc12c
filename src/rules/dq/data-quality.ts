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

export const SHOWN = 3;

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

/** The attributes checked for values held twice as well as for bad values. */
type Shared = { [A in keyof DataQualityFacts]: DataQualityFacts[A] extends { readonly duplicates: Sample } ? A : never }[keyof DataQualityFacts];
type ReasonsOf<A extends Shared> = Exclude<keyof DataQualityFacts[A], 'duplicates'> & string;

/** Messages of the rules that report bad values and duplicates (DQ002, DQ003, DQ004, DQ006). */
export const attributeMessages = { invalid: invalidMessage, duplicate: duplicateMessage } as const;

/** The whole evaluation of a rule about one attribute that must hold valid, unique values. */
export function reportAttribute<A extends Shared>(ctx: RuleContext<'invalid' | 'duplicate'>, attribute: A, reasons: Readonly<Record<ReasonsOf<A>, string>>): void {
  forEachForestDataQuality(ctx, (dq, at) => {
    // The generic index loses the shape TypeScript knows for each concrete A; Shared guarantees it.
    const found = dq[attribute] as unknown as Readonly<Record<ReasonsOf<A>, Sample>> & { readonly duplicates: Sample };
    reportReasons(ctx, found, reasons, at);
    reportDuplicates(ctx, attribute, found.duplicates, at);
  });
}

/** Microsoft's page on the attribute values directory synchronization needs (IdFix's rules). */
export const PREPARE_DOCS = 'https://learn.microsoft.com/en-us/microsoft-365/enterprise/prepare-for-directory-synchronization';
