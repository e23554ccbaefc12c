import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests run the real launcher (bin/ → dist/). Build once per run so they never test a
 * stale dist/ left from an earlier build.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  // The same step as `npm run build`: the precompiled facts-bundle validator.
  execFileSync(process.execPath, ['scripts/build-validators.mjs'], { stdio: 'inherit' });
  // And the bundle the launcher prefers (dist/bundle/), or the tests would run a stale one.
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}
