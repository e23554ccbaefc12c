import { describe, expect, it } from 'vitest';
import { dq004 } from '../../../src/rules/dq/dq004-proxyaddresses-invalid-or-duplicate.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ004 proxyaddresses-invalid-or-duplicate', () => {
  it('reports invalid smtp: values and addresses held by two objects, as errors', () => {
    const facts = forestWithScan(
      scanWithDataQuality({
        proxyAddresses: {
          tooLong: none,
          smtpCharacters: { count: 1, sample: ['frank: smtp:frank smith@contoso.com'] },
          badTld: { count: 2, sample: ['carol: smtp:carol@contoso.local', 'Sales: SMTP:sales@corp'] },
          duplicates: { count: 1, sample: ['smtp:alice@contoso.com (2 objects: alice, bob)'] },
        },
      }),
    );
    const r = runRule(dq004, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 object(s) in contoso.com have an smtp: proxy address with whitespace or < > ( ) ; , [ ] " (e.g. frank: smtp:frank smith@contoso.com)',
      '2 object(s) in contoso.com have an smtp: proxy address whose domain has no valid top-level domain (e.g. carol: smtp:carol@contoso.local, Sales: SMTP:sales@corp)',
      '1 proxyAddresses value(s) are held by more than one object in contoso.com: smtp:alice@contoso.com (2 objects: alice, bob)',
    ]);
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    expect(r.findings[2]?.location).toEqual({ planPath: 'forests[0].name', forest: 'contoso.com' });
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(statusOf(runRule(dq004, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(runRule(dq004, makePlan(), unreachable).notEvaluated[0]).toMatchObject({ ruleId: 'DQ004', kind: 'timeout' });
  });
});
