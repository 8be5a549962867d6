import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit tests: Node, with WXT's fake browser standing in for `wxt/browser`. Two projects: pure code
// (rules, extraction on jsdom documents it makes itself, page ids, the CLI, the eval's own checks)
// shares one module graph per worker, which spares re-importing the engine and jsdom for every file;
// tests that use the fake browser, a fake IndexedDB or a DOM environment keep per-file isolation.
// The browser suite (real Chromium and Firefox against the built extension) has its own config:
// vitest.browser.config.ts.
const shared = ['test/rules/**/*.test.ts', 'test/extract/**/*.test.ts', 'test/page/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/eval/**/*.test.ts', 'test/content/**/*.test.ts', 'test/photos/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'pure', include: shared, isolate: false },
      },
      {
        extends: true,
        test: { name: 'isolated', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [...shared, 'test/browser/**', 'node_modules/**'] },
      },
    ],
  },
});
