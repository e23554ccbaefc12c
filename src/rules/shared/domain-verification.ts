import type { RuleContext } from '../rule.js';
import { normalizeDnsName } from '../../facts/areas/dns.js';
import { tenantDomains } from '../ten/tenant-facts.js';
import { lookupsFor } from './net.js';

/** Microsoft's domain-verification TXT record value starts with MS=ms followed by digits. */
export const isMsVerificationTxt = (txt: string): boolean => /^MS=ms\d+/i.test(txt.trim());

export type VerificationState =
  | { state: 'verified' }
  | { state: 'txt'; record: string; resolver: string }
  | { state: 'missing'; answers: string[] }
  | { state: 'unknown' };

/**
 * Is the domain verified in the tenant, or at least prepared for verification with its TXT record?
 * With the tenant probe's domains this is authoritative and the record must be the exact MS=ms…
 * value the tenant asks for; without them, plan.tenant.verifiedDomains and any MS=ms… record.
 * Lookups that failed are recorded as not evaluated; when no lookup answered, the state is unknown.
 */
export function verificationOf(ctx: RuleContext, domain: string, planPath: string): VerificationState {
  const d = normalizeDnsName(domain);
  const inTenant = tenantDomains(ctx);
  const known = inTenant?.find((t) => normalizeDnsName(t.id) === d);
  if (inTenant !== undefined ? known?.isVerified === true : (ctx.plan.tenant.verifiedDomains ?? []).some((v) => normalizeDnsName(v) === d)) return { state: 'verified' };
  const expected = known?.verificationTxt ?? undefined;
  const matches = (txt: string): boolean => (expected !== undefined ? txt.trim() === expected : inTenant === undefined && isMsVerificationTxt(txt));
  const lookups = lookupsFor(ctx.facts, 'domain-verification', 'TXT', d);
  if (lookups.length === 0) {
    ctx.use(undefined, `dns.lookups[TXT:${d}]`, { planPath, domain: d });
    return { state: 'unknown' };
  }
  const answers: string[] = [];
  if (inTenant !== undefined) answers.push(known === undefined ? 'the domain is not added to the tenant' : expected === undefined ? 'the tenant lists no TXT value for it' : `the tenant expects TXT "${expected}"`);
  let answered = false;
  for (const l of lookups) {
    const a = ctx.use(l.result, `dns.lookups[${l.view}:TXT:${d}@${l.resolver}]`, { planPath, domain: d, host: l.resolver });
    if (a === undefined) continue;
    answered = true;
    const record = a.txt.find(matches);
    if (record !== undefined) return { state: 'txt', record, resolver: l.resolver };
    answers.push(`${l.resolver} (${l.view}): ${a.rcode !== 'NOERROR' ? a.rcode : a.txt.length === 0 ? 'no TXT records' : a.txt.join(' | ')}`);
  }
  return answered ? { state: 'missing', answers } : { state: 'unknown' };
}
