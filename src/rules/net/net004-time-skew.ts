import { planPathOfHost } from '../adfs/https-targets.js';
import { defineRule } from '../rule.js';
import { useForestFact } from '../shared/ldap.js';

/** Kerberos' default maximum tolerance for computer clock synchronization. */
export const MAX_SKEW_SECONDS = 300;

export const net004 = defineRule({
  meta: {
    id: 'NET004',
    name: 'time-skew',
    title: 'Clock differs from a domain controller by more than 5 minutes',
    severity: 'error',
    page: 'Prerequisites',
    sources: ['LDAP', 'HTTPS'],
    needs: ['ldap.forests.*.rootDse.currentTime', 'ldap.forests.*.rootDse.readAt', 'https.targets[].result? (their Date headers, when gathered)'],
    help:
      'Kerberos refuses tickets when clocks differ by more than 5 minutes, so the wizard and the sync service cannot authenticate to a DC ' +
      'whose time differs that much from this server\'s. Seamless SSO and AD FS depend on the same tolerance.',
    remediation:
      'Synchronise this server and the DCs with the domain time hierarchy (w32tm /resync; the PDC emulator of the forest root should use ' +
      'a reliable external source), then run the check again.',
    messages: {
      skew: 'DC {{host}} of {{forest}} reports {{dcTime}} while this server read it at {{localTime}}: {{direction}} by {{seconds}} s (limit {{limit}} s)',
      httpSkew: '{{role}} {{host}} sent Date {{date}} in a response this server received at {{localTime}}: {{direction}} by {{seconds}} s (limit {{limit}} s)',
    },
  },
  evaluate(ctx) {
    // The LDAP part: rootDSE currentTime against the local clock at the moment it was read (readAt),
    // so an offline bundle evaluated days later gives the same answer.
    ctx.plan.forests.forEach((forest, i) => {
      const planPath = `forests[${i}].name`;
      const root = useForestFact(ctx, forest.name, 'rootDse', { planPath });
      if (root === undefined) return;
      const dcTime = Date.parse(root.currentTime);
      const localTime = Date.parse(root.readAt);
      if (!Number.isFinite(dcTime) || !Number.isFinite(localTime)) return;
      const seconds = Math.round((dcTime - localTime) / 1000);
      if (Math.abs(seconds) <= MAX_SKEW_SECONDS) return;
      ctx.report({
        messageId: 'skew',
        data: {
          host: root.dnsHostName,
          forest: forest.name,
          dcTime: root.currentTime,
          localTime: root.readAt,
          direction: seconds > 0 ? 'DC ahead' : 'DC behind',
          seconds: Math.abs(seconds),
          limit: MAX_SKEW_SECONDS,
        },
        at: { planPath, forest: forest.name, host: root.dnsHostName },
      });
    });

    // The HTTPS part: the Date header of AD FS/WAP answers against the local time the answer came.
    // It is optional evidence (no https facts, or no Date header, is not a reason to say
    // "not evaluated": the LDAP part stands on its own). Date has one-second resolution, far
    // below the five-minute limit.
    const roleName = { adfs: 'AD FS server', wap: 'WAP server', 'federation-service': 'federation service' } as const;
    for (const target of ctx.facts.https?.targets ?? []) {
      if (target.check !== 'reach' || target.result.status !== 'ok') continue;
      if (target.role !== 'adfs' && target.role !== 'wap' && target.role !== 'federation-service') continue;
      const { date, receivedAt } = target.result.value;
      if (date === null) continue;
      const serverTime = Date.parse(date);
      const localTime = Date.parse(receivedAt);
      if (!Number.isFinite(serverTime) || !Number.isFinite(localTime)) continue;
      const seconds = Math.round((serverTime - localTime) / 1000);
      if (Math.abs(seconds) <= MAX_SKEW_SECONDS) continue;
      ctx.report({
        messageId: 'httpSkew',
        data: {
          role: roleName[target.role],
          host: target.host,
          date,
          localTime: receivedAt,
          direction: seconds > 0 ? 'server ahead' : 'server behind',
          seconds: Math.abs(seconds),
          limit: MAX_SKEW_SECONDS,
        },
        at: { planPath: planPathOfHost(ctx, target.role, target.host), host: target.host },
        subject: target.url,
      });
    }
  },
});
