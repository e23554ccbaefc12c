import { promptHidden } from '../secrets/prompt.js';
import { processIo } from './io.js';
import { runCli } from './main.js';

// A prompt is only offered when a person is at the terminal; CI (no stdin) gets a clear error instead.
const interactive = process.stdin.isTTY === true && process.env['CI'] === undefined;
const code = await runCli(process.argv.slice(2), processIo(interactive ? promptHidden : undefined));
process.exitCode = code;
