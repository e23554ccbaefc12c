#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`, which
// also bundles it into dist/bundle/ (scripts/bundle.mjs: about half the start-up time). The bundle
// is preferred; the unbundled dist/cli/ is the fallback (a build without esbuild, or a debugger).
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/bin.js', import.meta.url);
const entry = process.env.ENTRA_PREFLIGHT_UNBUNDLED !== '1' && existsSync(bundled) ? bundled.href : '../dist/cli/bin.js';
import(entry).catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/bin.js')) {
    process.stderr.write('entra-preflight: not built yet; run `npm install` (or `npm run build`) in the package folder first\n');
    process.exit(3);
  }
  throw error;
});
