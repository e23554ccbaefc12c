// Live memory of the scan aggregator alone (issue 14): synthetic users with UPN and mail fed to
// ScanAggregator, measured after a full GC, with the typed arrays and buffers outside V8's heap
// counted too (the duplicate tables live there). Run:
//   node --expose-gc node_modules/vite-node/vite-node.mjs scripts/bench-aggregator.ts 20000 100000
import { ScanAggregator } from '../src/probes/ldap/scan-aggregate.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run node with --expose-gc');
const MB = 1024 * 1024;
const live = (): { heap: number; buffers: number } => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
};

for (const n of process.argv.slice(2).map(Number)) {
  const before = live();
  const agg = new ScanAggregator({});
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    agg.add({
      dn: `CN=User ${i},OU=Staff,DC=corp,DC=contoso,DC=test`,
      sAMAccountName: `user${i}`,
      userPrincipalName: `user${i}@corp.contoso.test`,
      mail: `user.${i}@contoso.com`,
    });
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = live();
  const heap = (after.heap - before.heap) / MB;
  const buffers = (after.buffers - before.buffers) / MB;
  console.log(`${n} users: heap +${heap.toFixed(1)} MB, array buffers +${buffers.toFixed(1)} MB, total +${(heap + buffers).toFixed(1)} MB ${ms.toFixed(0)} ms to add (${agg.result().usersScanned} scanned)`);
}
