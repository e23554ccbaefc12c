import { describe, expect, it } from 'vitest';
import { dq006 } from '../../../src/rules/dq/dq006-targetaddress-invalid.js';
import { forestWithScan, none, scan, scanWithDataQuality, unreachable } from '../../helpers/scan-facts.js';
import { makePlan, runRule, statusOf } from '../../helpers/rules.js';

describe('DQ006 targetaddress-invalid', () => {
  it('reports invalid and duplicate forwarding addresses', () => {
    const facts = forestWithScan(
      scanWithDataQuality({
        targetAddress: {
          tooLong: none,
          invalid: { count: 1, sample: ['CN=Partner,OU=Contacts,DC=contoso,DC=com: partner@fabrikam.com'] },
          duplicates: { count: 1, sample: ['smtp:p@fabrikam.com (2 objects: CN=P1,DC=contoso,DC=com, CN=P2,DC=contoso,DC=com)'] },
        },
      }),
    );
    const r = runRule(dq006, makePlan(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 object(s) in contoso.com have a targetAddress that is not a valid type:address (e.g. CN=Partner,OU=Contacts,DC=contoso,DC=com: partner@fabrikam.com)',
      '1 targetAddress value(s) are held by more than one object in contoso.com: smtp:p@fabrikam.com (2 objects: CN=P1,DC=contoso,DC=com, CN=P2,DC=contoso,DC=com)',
    ]);
  });

  it('passes a clean scan, and is not evaluated when the scan failed', () => {
    expect(statusOf(runRule(dq006, makePlan(), forestWithScan(scan())))).toBe('passed');
    expect(runRule(dq006, makePlan(), unreachable).notEvaluated[0]).toMatchObject({ ruleId: 'DQ006', host: 'dc1.contoso.com:636' });
  });
});
