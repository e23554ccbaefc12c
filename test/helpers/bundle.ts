/** A facts bundle as `collect` writes it, around the given facts (for `check --facts` tests). */
export const factsBundle = (facts: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    kind: 'entra-preflight-facts',
    schemaVersion: 1,
    tool: { name: 'entra-preflight', version: '0.1.0' },
    collectedAt: '2026-11-25T10:00:00.000Z',
    plan: { file: 'plan.yaml', digest: 'x' },
    redaction: { secrets: 'removed', identities: 'kept' },
    facts,
    ...extra,
  });
