#!/usr/bin/env node
// Part of `npm run build`: bundles the compiled CLI (dist/cli/bin.js) and its light dependencies
// into dist/bundle/ with esbuild. Why: an offline `check --facts`, `rules` or `explain` loaded
// ~700 small ES modules (yaml, zod, every rule), and resolving, reading and linking them cost more
// than running them; one file per lazy part starts in about half the time and holds less memory
// (README, Performance). Dynamic imports stay split into chunks, so a command still loads only
// what it needs (test/perf/lazy-load.test.ts checks the bundle too). The protocol libraries of
// the probes stay outside: they load from node_modules only when a probe runs, as before.
// bin/entra-preflight.js prefers the bundle and falls back to dist/cli/ when it is absent.
import { copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/bundle/', import.meta.url);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [new URL('../dist/cli/bin.js', import.meta.url).pathname],
  outdir: out.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay readable in stack traces and error classes.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['mssql', 'tedious', '@azure/*', 'undici', 'node-forge', 'dns2', 'fast-xml-parser', '@ewsjs/*', 'ldapts', 'ajv', 'ajv/*', 'ajv-formats',
    // CommonJS that reads __filename, which an ES module bundle does not define.
    'write-file-atomic',
  ],
  // Bundled CommonJS (commander, yaml…) calls require for Node built-ins; ESM has none of its own.
  banner: { js: "import { createRequire as __epCreateRequire } from 'node:module'; globalThis.require ??= __epCreateRequire(import.meta.url);" },
});
// The precompiled facts validator is required next to the code that loads it.
copyFileSync(new URL('../dist/facts/bundle-validator.cjs', import.meta.url), new URL('bundle-validator.cjs', out));
