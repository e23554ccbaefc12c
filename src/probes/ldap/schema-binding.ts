import type { Entry } from 'ldapts';
import type { UserAttributeBinding } from '../../facts/areas/ldap.js';
import type { Session } from './session.js';
import { escapeFilterValue, str, strs } from './values.js';

/** Attributes whose binding to the user class AD007 (and later rules) need. */
export const USER_BOUND_ATTRIBUTES = ['mailNickname'] as const;

/** At most this many schema classes are followed from one class (superclasses and auxiliary classes, each once). */
const MAX_CLASSES = 64;

/**
 * The effective attribute set of a class: its may-/must-contain and those of every class it
 * inherits (subClassOf) or includes (auxiliaryClass, systemAuxiliaryClass), each class once.
 * Returns attribute (lower case) → the class that allows it, and how many classes were read.
 */
export async function effectiveAttributes(session: Session, schemaNc: string, start: string): Promise<{ allowed: Map<string, string>; classesRead: number }> {
  const allowed = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0 && seen.size < MAX_CLASSES) {
    const name = queue.shift() ?? '';
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const cls: Entry | undefined = (
      await session.search(schemaNc, {
        scope: 'one',
        filter: `(&(objectClass=classSchema)(lDAPDisplayName=${escapeFilterValue(name)}))`,
        attributes: ['lDAPDisplayName', 'mayContain', 'systemMayContain', 'mustContain', 'systemMustContain', 'subClassOf', 'auxiliaryClass', 'systemAuxiliaryClass'],
      })
    )[0];
    if (cls === undefined) continue;
    const className = str(cls, 'lDAPDisplayName') ?? name;
    for (const a of ['mayContain', 'systemMayContain', 'mustContain', 'systemMustContain'].flatMap((k) => strs(cls, k)))
      if (!allowed.has(a.toLowerCase())) allowed.set(a.toLowerCase(), className);
    for (const next of [str(cls, 'subClassOf'), ...strs(cls, 'auxiliaryClass'), ...strs(cls, 'systemAuxiliaryClass')])
      if (next !== undefined && next !== className && !seen.has(next.toLowerCase())) queue.push(next);
  }
  return { allowed, classesRead: seen.size };
}

/**
 * Reads whether each attribute exists in the schema and is a may-/must-contain of the user class
 * once its superclasses (subClassOf) and auxiliary classes (auxiliaryClass, systemAuxiliaryClass,
 * as mailRecipient carries mailNickname) are followed: the effective attribute set the directory
 * allows on a user object.
 */
export async function readUserAttributeBinding(session: Session, schemaNc: string, names: readonly string[] = USER_BOUND_ATTRIBUTES): Promise<Record<string, UserAttributeBinding>> {
  const { allowed, classesRead } = await effectiveAttributes(session, schemaNc, 'user');
  const out: Record<string, UserAttributeBinding> = {};
  for (const name of names) {
    const attr = (
      await session.search(schemaNc, { scope: 'one', filter: `(&(objectClass=attributeSchema)(lDAPDisplayName=${escapeFilterValue(name)}))`, attributes: ['lDAPDisplayName'] })
    )[0];
    const via = allowed.get(name.toLowerCase()) ?? null;
    out[name.toLowerCase()] = { exists: attr !== undefined, boundToUser: attr === undefined ? null : via !== null, via, classesRead };
  }
  return out;
}

/** The object classes the directory extensions page offers attributes of (OPT007). */
export const EXTENSION_CLASSES = ['user', 'group'] as const;

/**
 * For each planned directory-extension attribute (lower case): which of EXTENSION_CLASSES may hold
 * it, with their superclasses and auxiliary classes followed. An attribute of neither maps to [].
 */
export async function readExtensionAttributeClasses(session: Session, schemaNc: string, names: readonly string[]): Promise<Record<string, string[]>> {
  const sets = [];
  for (const cls of EXTENSION_CLASSES) sets.push({ cls, allowed: (await effectiveAttributes(session, schemaNc, cls)).allowed });
  const out: Record<string, string[]> = {};
  for (const name of names) out[name.toLowerCase()] = sets.filter((s) => s.allowed.has(name.toLowerCase())).map((s) => s.cls);
  return out;
}
