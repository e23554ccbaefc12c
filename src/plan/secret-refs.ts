import { SECRET_REF_PATTERN } from './secret.js';
import type { Plan } from './schema.js';

export interface SecretUse {
  /** Plan field holding the reference, e.g. forests[0].connectorAccount.password */
  readonly path: string;
  readonly ref: string;
}

/**
 * Every secret reference in the plan. The CLI resolves them all before probing so a missing
 * environment variable is one clear usage error up front, not a scatter of failed facts later.
 */
export function secretUses(plan: Plan): SecretUse[] {
  const uses: SecretUse[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (key === 'password' && typeof child === 'string' && SECRET_REF_PATTERN.test(child)) uses.push({ path: childPath, ref: child });
        else walk(child, childPath);
      }
    }
  };
  walk(plan, '');
  return uses;
}
