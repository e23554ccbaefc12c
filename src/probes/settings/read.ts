import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ImportedSettings } from '../../facts/areas/settings.js';
import { failed, ok, type Fact } from '../../facts/fact.js';

/**
 * Reads the folder MigrateSettings.ps1 exports (Exported-ServerConfiguration-*): MigratedPolicy.json
 * names the connectors (deploymentMetadata.connectorIds), Get-ADSyncServerConfiguration wrote
 * Connectors/Connector_{id}.xml and SynchronizationRules/SynchronizationRule_{id}.xml beside it,
 * and the script copies PersistedState.xml in. The wizard needs the whole folder; a missing file
 * only shows when it imports. Shapes follow MigrateSettings.ps1 and the exports kept in Microsoft's
 * AADConnectConfigDocumenter sample data.
 */

/** Each file is read whole; a connector file carries the forest's schema (about 2 MB), so allow room. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const POLICY_FILE = 'MigratedPolicy.json';

/** Windows PowerShell 5.1's Out-File writes UTF-16 LE with a byte-order mark; PowerShell 7 writes UTF-8. */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString('utf8');
  return data.toString('utf8');
}

async function readBounded(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) throw new Error(`${basename(file)} is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  return decodeText(await readFile(file));
}

/** `{AE4DB4CC-…}`, `ae4db4cc-…` → `{ae4db4cc-…}`: connector ids as the file names and sync rules spell them. */
export const normaliseId = (id: string): string => `{${id.trim().replace(/^\{|\}$/g, '').toLowerCase()}}`;

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  // Elements that repeat: always arrays, so one mapping and several read alike.
  isArray: (name) => ['mapping', 'attr', 'conditions', 'condition', 'scope'].includes(name),
  processEntities: true,
});

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const field = (o: unknown, key: string): unknown => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);

export interface ConnectorHead {
  readonly id: string;
  readonly name: string;
  readonly category: string;
}

/** The identity of a connector export (`<ma-data>`): id, name (the forest for AD) and category. */
export function parseConnector(source: string): ConnectorHead | undefined {
  const ma = field(xml.parse(source), 'ma-data');
  const id = text(field(ma, 'id'));
  if (id === '') return undefined;
  return { id: normaliseId(id), name: text(field(ma, 'name')), category: text(field(ma, 'category')) };
}

export interface RuleAttributes {
  readonly name: string;
  readonly connectorId: string;
  readonly attributes: string[];
}

/**
 * The AD attributes an enabled inbound rule reads, when it is the admin's own (no Microsoft.*
 * immutable tag) or the directory-extension rule (its sources are the attributes chosen in the
 * wizard). Out-of-box rules are rebuilt by the wizard for the target forest and are left out.
 */
export function parseRule(source: string): RuleAttributes | undefined {
  const rule = field(xml.parse(source), 'synchronizationRule');
  if (rule === undefined) return undefined;
  const name = text(field(rule, 'name'));
  const outOfBox = text(field(rule, 'immutable-tag')).startsWith('Microsoft.');
  const inbound = text(field(rule, 'direction')).toLowerCase() === 'inbound';
  const disabled = text(field(rule, 'disabled')).toLowerCase() === 'true';
  if (!inbound || disabled || (outOfBox && !/DirectoryExtension/i.test(name))) return undefined;
  const attributes = new Set<string>();
  for (const m of list(field(field(rule, 'attribute-mappings'), 'mapping'))) for (const a of list(field(field(m, 'src'), 'attr'))) attributes.add(text(a));
  for (const c of list(field(field(rule, 'relationshipCriteria'), 'conditions')))
    for (const cond of list(field(c, 'condition'))) attributes.add(text(field(cond, 'csAttribute')));
  for (const c of list(field(field(rule, 'synchronizationCriteria'), 'conditions')))
    for (const scope of list(field(c, 'scope'))) attributes.add(text(field(scope, 'csAttribute')));
  attributes.delete('');
  return { name, connectorId: normaliseId(text(field(rule, 'connector'))), attributes: [...attributes].sort() };
}

/** File names in a folder, or undefined when the folder is absent. */
async function listFolder(folder: string): Promise<string[] | undefined> {
  try {
    return await readdir(folder);
  } catch {
    return undefined;
  }
}

/** The export as INS008 judges it. A path that does not exist or a policy that is not JSON fails the fact. */
export async function readImportedSettings(path: string, planDir: string): Promise<Fact<ImportedSettings>> {
  const target = resolve(planDir, path);
  let folder = target;
  let policy = join(target, POLICY_FILE);
  try {
    if (!(await stat(target)).isDirectory()) {
      folder = dirname(target);
      policy = target;
    }
  } catch {
    return failed(path, 'not-found', `the import settings ${path} do not exist here; run the check where the copied Exported-ServerConfiguration-* folder is, or fix install.importSettings`);
  }
  const missing: string[] = [];
  let connectorIds: string[] = [];
  try {
    const parsed: unknown = JSON.parse(await readBounded(policy));
    connectorIds = list(field(field(parsed, 'deploymentMetadata'), 'connectorIds')).map((id) => normaliseId(text(id)));
    if (field(parsed, 'deploymentMetadata') === undefined)
      return failed(path, 'protocol', `${basename(policy)} has no deploymentMetadata: only the MigratedPolicy.json that MigrateSettings.ps1 writes is read`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') missing.push(POLICY_FILE);
    else return failed(path, 'protocol', `${basename(policy)} could not be read as JSON (${error instanceof Error ? error.message.slice(0, 120) : 'error'})`);
  }

  const connectorFiles = (await listFolder(join(folder, 'Connectors'))) ?? [];
  const ruleFiles = await listFolder(join(folder, 'SynchronizationRules'));
  if ((await listFolder(folder))?.some((f) => f.toLowerCase() === 'persistedstate.xml') !== true) missing.push('PersistedState.xml');
  if (ruleFiles === undefined) missing.push('SynchronizationRules/');

  const connectors: ConnectorHead[] = [];
  for (const file of connectorFiles.filter((f) => /\.xml$/i.test(f)).sort()) {
    const head = parseConnector(await readBounded(join(folder, 'Connectors', file)));
    if (head !== undefined) connectors.push(head);
  }
  for (const id of connectorIds) if (!connectors.some((c) => c.id === id)) missing.push(`Connectors/Connector_${id}.xml`);

  const byId = new Map(connectors.map((c) => [c.id, c]));
  const customRules: ImportedSettings['customRules'] = [];
  for (const file of (ruleFiles ?? []).filter((f) => /\.xml$/i.test(f)).sort()) {
    const rule = parseRule(await readBounded(join(folder, 'SynchronizationRules', file)));
    const connector = rule === undefined ? undefined : byId.get(rule.connectorId);
    if (rule !== undefined && connector?.category.toUpperCase() === 'AD' && rule.attributes.length > 0)
      customRules.push({ name: rule.name, connector: connector.name, attributes: rule.attributes });
  }
  return ok({ policyFile: path, missingFiles: missing, connectors: connectors.map((c) => ({ ...c })), customRules });
}

/** Attribute names the imported rules read, for the LDAP probe's schema look-ups (empty when there is nothing to read). */
export async function importedAttributeNames(path: string | undefined, planDir: string): Promise<string[]> {
  if (path === undefined) return [];
  const settings = await readImportedSettings(path, planDir);
  return settings.status === 'ok' ? [...new Set(settings.value.customRules.flatMap((r) => r.attributes))] : [];
}
