import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit tests: Node, with WXT's fake browser standing in for `wxt/browser`. The browser suite (real
// Chromium and Firefox against the built extension) has its own config: vitest.browser.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'node_modules/**'],
    environment: 'node',
  },
});
