import { describe, expect, it } from 'vitest';
import { parsePlanText, PlanError, splitPath, joinPath } from '../../src/plan/load.js';
import { examplePlan } from '../../src/cli/example-plan.js';
import { secretUses } from '../../src/plan/secret-refs.js';

const errorsOf = (text: string): string[] => {
  try {
    parsePlanText(text, 'plan.yaml');
  } catch (error) {
    if (error instanceof PlanError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the plan to be rejected');
};

const minimal = `signIn:
  method: phs
forests:
  - name: contoso.com
    connectorAccount:
      mode: existing
      name: CONTOSO\\svc-sync
      password: env:SYNC_PW
`;

describe('plan loading', () => {
  it('accepts a minimal plan and applies the wizard defaults', () => {
    const { plan, source } = parsePlanText(minimal, 'plan.yaml');
    expect(plan.install.sql.mode).toBe('localdb');
    expect(plan.install.sql.database).toBe('ADSync');
    expect(plan.identity.signInAttribute).toBe('userPrincipalName');
    expect(plan.timeouts.probeSeconds).toBe(15);
    expect(source.positionOf('forests[0].connectorAccount.name')).toEqual({ line: 7, column: 7 });
  });

  it('gives no default that looks like knowledge: an omitted coexistence.legacySyncActive stays unknown, not false', () => {
    const { plan } = parsePlanText(minimal, 'plan.yaml');
    expect(plan.coexistence.legacySyncActive).toBeUndefined();
    expect(plan.features.passwordHashSync).toBeUndefined();
    expect(parsePlanText(`${minimal}coexistence:\n  legacySyncActive: false\n`, 'plan.yaml').plan.coexistence.legacySyncActive).toBe(false);
  });

  it('accepts the plan init writes', () => {
    expect(() => parsePlanText(examplePlan, 'plan.yaml')).not.toThrow();
  });

  it('names file, line, field, what is wrong and what is allowed for a wrong enum', () => {
    expect(errorsOf(minimal.replace('method: phs', 'method: phss'))).toEqual([
      'plan.yaml:2:3: signIn.method: invalid value "phss"; allowed: phs, pta, adfs, pingfederate, none',
    ]);
  });

  it('reports a missing required field at its parent', () => {
    expect(errorsOf(minimal.replace('      name: CONTOSO\\svc-sync\n', ''))).toEqual([
      'plan.yaml:5:5: forests[0].connectorAccount.name: is required (string)',
    ]);
  });

  it('reports a wrong connector account mode on the mode key', () => {
    expect(errorsOf(minimal.replace('mode: existing', 'mode: exsting'))).toEqual([
      'plan.yaml:6:7: forests[0].connectorAccount.mode: invalid value "exsting" for mode; allowed: existing, create',
    ]);
  });

  it('rejects a secret written into the plan', () => {
    expect(errorsOf(minimal.replace('password: env:SYNC_PW', 'password: Passw0rd!'))).toEqual([
      'plan.yaml:8:7: forests[0].connectorAccount.password: secrets are never written into the plan; use env:NAME (environment variable), file:PATH (a file holding only the secret) or prompt',
    ]);
  });

  it('rejects unknown fields at the key, so typos do not pass silently', () => {
    expect(errorsOf(`${minimal}stagingMod: true\n`)).toEqual([
      'plan.yaml:9:1: unknown field "stagingMod"; check the spelling (entra-preflight schema plan lists every field)',
    ]);
  });

  it('reports malformed YAML with its position', () => {
    expect(errorsOf('signIn:\n  method: [phs\nforests: x\n')[0]).toMatch(/^plan\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('requires the adfs section when AD FS is the sign-in method', () => {
    expect(errorsOf(minimal.replace('method: phs', 'method: adfs'))).toEqual(['plan.yaml:1:1: adfs: is required when signIn.method is adfs']);
  });

  it('finds every secret reference with its field path', () => {
    const { plan } = parsePlanText(minimal, 'plan.yaml');
    expect(secretUses(plan)).toEqual([{ path: 'forests[0].connectorAccount.password', ref: 'env:SYNC_PW' }]);
  });

  it('round-trips field paths', () => {
    expect(splitPath('forests[0].connectorAccount.name')).toEqual(['forests', 0, 'connectorAccount', 'name']);
    expect(joinPath(['forests', 0, 'connectorAccount', 'name'])).toBe('forests[0].connectorAccount.name');
  });
});

describe('nesting the line guard cannot see', () => {
  it('thousands of "? " explicit keys after a value on one line are bad input (PlanError), not a stack overflow', () => {
    // Found by the fuzz suite: `connectVersion: ? ? ? …` nests YAML explicit keys mid-line.
    const text = `signIn: { method: phs }\ntarget:\n  connectVersion: ${'? '.repeat(2000)}\nforests: [{ name: contoso.com, connectorAccount: { mode: create, enterpriseAdmin: { name: CONTOSO\\ea, password: env:EA } } }]\n`;
    expect(() => parsePlanText(text, 'plan.yaml')).toThrow(PlanError);
    expect(() => parsePlanText(text, 'plan.yaml')).toThrow(/nested far deeper than a plan ever needs/);
  });
});
