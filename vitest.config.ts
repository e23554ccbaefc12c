import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Probe tests talk to real peers (Samba, DNS, TDS, HTTPS) that take a few seconds to answer.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
