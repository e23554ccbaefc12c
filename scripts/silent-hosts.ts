// Holds silent hosts (fixtures/net/silent-hosts.ts) on the loopback addresses given, until killed:
//   vite-node scripts/silent-hosts.ts -- 127.0.0.80 127.0.0.81 …
import { startSilentHosts } from '../fixtures/net/silent-hosts.js';

const addresses = process.argv.slice(2).filter((a) => /^127\.\d+\.\d+\.\d+$/.test(a));
const hosts = await startSilentHosts(addresses);
process.stdout.write(`silent hosts up: ${addresses.join(' ')}\n`);
const stop = (): void => void hosts.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
