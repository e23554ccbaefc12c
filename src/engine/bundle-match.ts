import { BundleError, planDigest, planEnvironment, planSections } from '../facts/bundle.js';
import type { FactsBundle } from '../facts/schema.js';
import type { Plan } from '../plan/schema.js';

const list = (xs: readonly string[]): string => xs.join(', ');

/**
 * `check --plan P --facts B`: B must come from P's environment — the same forests, every DC and
 * host P names, the same tenant where both name one — or the verdict would judge one environment
 * with another's facts. Throws a BundleError (exit 2) naming what differs. Differences in wizard
 * choices only (features, filtering, sign-in method…) are the what-if use: returned as notices
 * naming the sections that differ from the plan the bundle was collected with.
 */
export function matchBundleToPlan(plan: Plan, bundle: FactsBundle, file: string): string[] {
  if (bundle.plan.digest === planDigest(plan)) return [];
  const collectedWith = bundle.plan.environment;
  if (collectedWith === undefined)
    return [`the facts bundle was collected for a different version of the plan (${bundle.plan.file}); plan-only rules use the plan you gave, probe facts are from the bundle`];

  const env = planEnvironment(plan);
  const problems: string[] = [];
  const onlyIn = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));
  const forestsOnlyInPlan = onlyIn(env.forests, collectedWith.forests);
  const forestsOnlyInBundle = onlyIn(collectedWith.forests, env.forests);
  if (forestsOnlyInPlan.length > 0 || forestsOnlyInBundle.length > 0)
    problems.push(
      `collected from other forests: ${[
        forestsOnlyInPlan.length > 0 ? `the plan names ${list(forestsOnlyInPlan)}, not in the bundle` : '',
        forestsOnlyInBundle.length > 0 ? `the bundle has ${list(forestsOnlyInBundle)}, not in the plan` : '',
      ]
        .filter(Boolean)
        .join('; ')}`,
    );
  const hostsOnlyInPlan = onlyIn(env.hosts, collectedWith.hosts);
  if (hostsOnlyInPlan.length > 0) problems.push(`the plan names hosts the bundle was not collected from: ${list(hostsOnlyInPlan)}`);
  if (env.tenant !== undefined && collectedWith.tenant !== undefined && env.tenant !== collectedWith.tenant)
    problems.push(`collected for tenant ${collectedWith.tenant}, but the plan names tenant ${env.tenant}`);
  if (problems.length > 0)
    throw new BundleError(file, [...problems.map((p) => `does not belong to this plan's environment: ${p}`), `collect a bundle for this plan with: entra-preflight collect --plan <plan> --output <bundle>`]);

  const now = planSections(plan);
  const before = bundle.plan.sections ?? {};
  const differ = [...new Set([...Object.keys(now), ...Object.keys(before)])].filter((k) => now[k] !== before[k]).sort();
  if (differ.length === 0) return [];
  return [
    `what-if: wizard choices differ from the plan the bundle was collected with (${bundle.plan.file}): ${list(differ)}; plan-only rules use the plan you gave, probe facts are from the bundle`,
  ];
}
