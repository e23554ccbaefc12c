import { config } from 'zod';

// Imported by every module that builds zod schemas (plan, facts), before any parse. A CLI run
// parses one plan and one bundle once: zod's per-schema fast path (code generated with
// new Function on first parse) does not pay for itself there; it was ~55 ms of `check --facts`.
config({ jitless: true });
