import { defineConfig } from 'vitest/config';

// The browser suite: the built extension in real Chromium and Firefox ESR against the fixture pages.
// One file at a time: two browsers on a 2-core machine is already the limit.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
